"""Start-up cost, side by side in one run (these machines are noisy): `narrcheck --help` and `narrcheck check` on
the largest corpus document against `python3 -c pass`, each the best of N runs, printed as ratios.

usage: python benchmarks/startup.py [N]   (corpus from $NARRCHECK_CORPUS or ../shared/corpus; else the example)
Targets (issue 15): --help at most 4x, check at most 8x the bare interpreter. The imports of the packages the
product's design fixes are timed too, as floors: the command line is built with typer, so its import is the floor
under --help; a check builds pydantic models and prints through typer (and rich on a terminal), so
`import typer, pydantic` is the floor under check before a line of narrcheck runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
corpus = Path(os.environ.get("NARRCHECK_CORPUS", ROOT.parent / "shared" / "corpus"))
largest = max(corpus.glob("*.txt"), key=lambda p: p.stat().st_size, default=ROOT / "examples" / "说明.txt")
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
commands = {
    "python3 -c pass": [sys.executable, "-c", "pass"],
    "python3 -c 'import typer' (floor of --help)": [sys.executable, "-c", "import typer"],
    "python3 -c 'import typer, pydantic' (floor of check)": [sys.executable, "-c", "import typer, pydantic"],
    "narrcheck --help": [sys.executable, "-m", "narrcheck", "--help"],
    f"narrcheck check {largest.name}": [sys.executable, "-m", "narrcheck", "check", str(largest)],
}
# An installed narrcheck runs from compiled bytecode; where the environment forbids writing it
# (PYTHONDONTWRITEBYTECODE, as on some CI machines), every run would compile the changed modules again and time
# that instead. The children may write it, and one untimed run of each writes it first.
env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
for argv in commands.values():
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
best = {name: float("inf") for name in commands}
for _ in range(n):  # interleaved, so a slow spell of the machine slows them all alike
    for name, argv in commands.items():
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        best[name] = min(best[name], time.perf_counter() - started)
base = best["python3 -c pass"]
for name, seconds in best.items():
    print(f"{name:<55} {seconds * 1000:7.1f} ms  {seconds / base:5.1f}x")
