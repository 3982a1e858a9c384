"""How long `narrcheck check --llm` takes when the endpoint is silent or gone, with the default settings.

usage: python benchmarks/llm_bounds.py [FILE ...]   (default: the bundled example)
A silent endpoint (a local socket that accepts connections and never answers) must give the rules' findings and
one warning within the LLM time budget (llm_time_budget, 60 s by default); a closed port within 5 s. Several
files are checked in one command, as a user would (their residue asked about in shared batches): the whole run
must end within the same bound, not the bound once per file.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
targets = [Path(a) for a in sys.argv[1:]] or [ROOT / "examples" / "说明.txt"]


def run(base: str) -> tuple[float, list[dict]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NARRCHECK_LLM", "OPENAI_"))}
    with tempfile.TemporaryDirectory() as cache:
        env.update(OPENAI_BASE_URL=base, OPENAI_MODEL="m", NARRCHECK_CACHE=cache)
        started = time.monotonic()
        out = subprocess.run([sys.executable, "-m", "narrcheck", "check", *map(str, targets), "--llm", "--format",
                              "json"], capture_output=True, text=True, env=env)
        reports = json.loads(out.stdout)
        return time.monotonic() - started, reports if isinstance(reports, list) else [reports]


def said(reports: list[dict]) -> str:
    findings = sum(len(r["findings"]) for r in reports)
    warnings = sorted({w for r in reports for w in r["summary"]["llm"]["warnings"]})
    return f"{len(reports)} file(s), {findings} findings, warnings {warnings}"


server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(16)
held: list[socket.socket] = []
threading.Thread(target=lambda: [held.append(server.accept()[0]) for _ in iter(int, 1)], daemon=True).start()
seconds, reports = run(f"http://127.0.0.1:{server.getsockname()[1]}/v1")
print(f"silent endpoint: {seconds:.1f} s, {said(reports)}")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    closed = s.getsockname()[1]
seconds, reports = run(f"http://127.0.0.1:{closed}/v1")
print(f"closed port: {seconds:.1f} s, {said(reports)}")
