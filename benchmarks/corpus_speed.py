"""Check the corpus N times in one process; print documents per second and peak memory.

usage: python benchmarks/corpus_speed.py [N]   (corpus from $NARRCHECK_CORPUS or ../shared/corpus)
Target (issue 2): at least 20 corpus documents per second on one core in rules mode, in the best pass
(timing noise from other work on the machine only ever slows a pass down).
"""

import os
import resource
import sys
import time
from pathlib import Path

from narrcheck.api import check_file, tune_gc_for_batch

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
for _ in range(n):
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
