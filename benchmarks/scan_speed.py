"""`narrcheck scan` on a synthetic archive: documents per second at --jobs 1 and 2, peak memory, and the
no-op re-run.

usage: python benchmarks/scan_speed.py [N]   (N documents, default 2000; needs the test extras)
The archive is tests/archive/make_archive.py's: the example with its figures varied, one in ten as DOCX, one in
fifty broken. Targets (issue 7): throughput at --jobs 2 at least 1.8 times that at --jobs 1; a re-run over an
archive already scanned under 5 seconds.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "archive"))

from make_archive import make_archive  # noqa: E402


def scan(folder: Path, db: Path, jobs: int) -> float:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "narrcheck", "scan", str(folder), "--db", str(db), "--jobs",
                          str(jobs)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    print("   ", out.stderr.strip().splitlines()[-1])
    return elapsed


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        start = time.perf_counter()
        make_archive(folder, n)
        print(f"archive: {n} documents written in {time.perf_counter() - start:.1f}s")
        one = scan(folder, Path(tmp) / "one.sqlite", 1)
        two = scan(folder, Path(tmp) / "two.sqlite", 2)
        again = scan(folder, Path(tmp) / "two.sqlite", 2)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"--jobs 1: {n / one:.1f} documents/s ({one:.1f}s)")
        print(f"--jobs 2: {n / two:.1f} documents/s ({two:.1f}s); speed-up {one / two:.2f}x (target 1.8x)")
        print(f"re-run with everything scanned: {again:.2f}s (target < 5s)")
        size = (Path(tmp) / "two.sqlite").stat().st_size / 1e6
        print(f"peak memory of one process: {peak:.0f} MB; database {size:.1f} MB")


if __name__ == "__main__":
    main()
