"""Record cassettes against the live OpenAI-compatible server the environment names.

usage: NARRCHECK_LLM_BASE_URL=http://127.0.0.1:8766/v1 NARRCHECK_LLM_MODEL=smollm2-135m \
       python scripts/record_cassettes.py NAME FILE [--budget N]

Runs `narrcheck check FILE --llm` (no cache) inside vcrpy in record mode "all" and writes cassettes/NAME.yaml
with the same filters the tests replay with (no key or auth header is written). Prints the LLM summary.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "llm"))

from cassette_config import make_vcr  # noqa: E402

from narrcheck.api import check_file  # noqa: E402
from narrcheck.config import Settings  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("name")
parser.add_argument("file")
parser.add_argument("--budget", type=int, default=30_000)
parser.add_argument("--constrained", action="store_true", help="decode within the answer's JSON Schema")
args = parser.parse_args()
base, model = os.environ.get("NARRCHECK_LLM_BASE_URL"), os.environ.get("NARRCHECK_LLM_MODEL")
if not base or not model:
    sys.exit("set NARRCHECK_LLM_BASE_URL and NARRCHECK_LLM_MODEL")
settings = Settings(llm=True, llm_base_url=base, llm_model=model, llm_cache=False, llm_budget=args.budget,
                    llm_concurrency=1, llm_timeout=600, llm_time_budget=3600, llm_cache_dir=tempfile.mkdtemp(),
                    llm_constrained=args.constrained)
start = time.perf_counter()
with make_vcr(record_mode="all").use_cassette(f"{args.name}.yaml"):
    report = check_file(args.file, settings, show_all=True)
seconds = time.perf_counter() - start
summary = report.summary.llm.model_dump() if report.summary.llm else {}
print(json.dumps({"cassette": f"cassettes/{args.name}.yaml", "seconds": round(seconds, 1), **summary},
                 ensure_ascii=False, indent=2))
