"""Per-kind recall and coverage against ../shared/eval/answers (the scorer's matching rule, split by kind)."""

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from score import NONOK, matches  # noqa: E402

shared = Path(__file__).resolve().parents[2] / "shared"
kinds = sys.argv[1:] or ["change", "share", "sum", "ratio"]
for answers in sorted((shared / "eval" / "answers").glob("*.jsonl")):
    doc = next((shared / "corpus").glob(answers.stem + "_*.txt"))
    out = subprocess.run(["narrcheck", "check", str(doc), "--format", "json", "--all"], capture_output=True,
                         text=True)
    findings = json.loads(out.stdout)["findings"]
    gold = [json.loads(line) for line in answers.read_text(encoding="utf-8").splitlines() if line.strip()]
    row = {}
    for kind in kinds:
        ok = [g for g in gold if g["kind"] == kind and g["verdict"] == "ok"]
        hard = [g for g in gold if g["kind"] == kind and g["verdict"] in NONOK
                and not (g.get("note") or "").startswith(("SOFT", "BORDERLINE"))]
        cov = sum(1 for g in ok if any(matches(g, f) for f in findings if f["verdict"] != "unverifiable"))
        det = sum(1 for g in hard if any(matches(g, f) for f in findings if f["verdict"] in NONOK))
        row[kind] = f"hard {det}/{len(hard)} ok-covered {cov}/{len(ok)}"
    print(answers.stem, json.dumps(row, ensure_ascii=False))
