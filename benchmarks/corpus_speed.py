"""Check the corpus N times in one process; print documents per second and peak memory.

usage: python benchmarks/corpus_speed.py [N]   (corpus from $NARRCHECK_CORPUS or ../shared/corpus)
Target (issue 15): at least 50 corpus documents per second on one core in rules mode, in the best pass
(timing noise from other work on the machine only ever slows a pass down). Each pass is timed beside a fixed
reference workload (pure-Python Decimal arithmetic and regular-expression matching of a fixed text, the kind of
work a check does), so a slow machine and a slow narrcheck can be told apart: documents per reference unit stays
put when only the machine is slower.
"""

import os
import re
import resource
import sys
import time
from decimal import Decimal
from pathlib import Path

from narrcheck.api import check_file, tune_gc_for_batch

_FIGURES = re.compile(r"(\d+(?:\.\d+)?)(万元|元|%)")
_TEXT = "本年支出合计1234.56万元，比上年增加78.90万元，增长6.83%；其中基本支出987.65元。" * 20


def reference() -> float:
    """Seconds for a fixed amount of work like a check's (Decimal sums, regex over text): the machine's speed now."""
    started = time.perf_counter()
    total = Decimal(0)
    for _ in range(400):
        for m in _FIGURES.finditer(_TEXT):
            total += Decimal(m.group(1)) / Decimal(3)
    return time.perf_counter() - started


root = Path(__file__).resolve().parents[1]
corpus = Path(os.environ.get("NARRCHECK_CORPUS", root.parent / "shared" / "corpus"))
files = sorted(corpus.glob("*.txt"))
if not files:
    sys.exit(f"no corpus at {corpus}")
tune_gc_for_batch()  # as `narrcheck check` does
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
start = time.perf_counter()
for path in files:  # warm-up: lazy imports and compiled patterns are a one-time cost, reported apart
    check_file(path, show_all=True)
warmup = time.perf_counter() - start
passes = []  # one timing per pass over the corpus; the best is the least disturbed by other work
references = []  # the reference workload, timed between the passes
for _ in range(n):
    references.append(reference())
    start = time.perf_counter()
    for path in files:
        check_file(path, show_all=True)
    passes.append(time.perf_counter() - start)
elapsed = sum(passes)
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"first pass (imports included): {len(files) / warmup:.1f} documents/s")
print(f"{n * len(files)} documents in {elapsed:.2f}s: {n * len(files) / elapsed:.1f} documents/s on average, "
      f"{len(files) / min(passes):.1f} in the best pass (the target's measure, as timeit takes the best); "
      f"peak memory {peak_mb:.0f} MB")
print(f"reference workload: {min(references) * 1000:.1f} ms at best; one best pass = "
      f"{min(passes) / min(references):.1f} reference units ({len(files) / (min(passes) / min(references)):.2f} "
      "documents per reference unit: compare this across machines and runs)")
