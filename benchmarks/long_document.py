"""A long disclosure, generated: seconds to check it at 750, 1500 and 3000 paragraphs, and how time grows.

usage: python benchmarks/long_document.py
Target: linear growth (doubling the paragraphs at most 2.5 times the time): every name is looked up in near
scopes only (extract/rules.py FARTHEST), so no paragraph is read again for every later one.
"""

import random
import sys
import tempfile
import time
from pathlib import Path

from narrcheck.api import check_file


def document(paragraphs: int) -> str:
    rng = random.Random(7)
    lines = ["一、部门支出决算情况"]
    for i in range(paragraphs):
        amount = rng.randint(10000, 99999) / 100
        delta = rng.randint(100, 9999) / 100
        rate, share = rng.randint(1, 3000) / 100, rng.randint(100, 4000) / 100
        lines.append(f"（{i}）项目{i}支出{amount:.2f}万元，比上年增加{delta:.2f}万元，增长{rate:.2f}%，"
                     f"占基本支出的{share:.2f}%。")
    return "\n".join(lines) + "\n"


def main() -> None:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (750, 1500, 3000):
            path = Path(tmp) / f"long{n}.txt"
            path.write_text(document(n), encoding="utf-8")
            start = time.perf_counter()
            check_file(path)
            times.append(time.perf_counter() - start)
            print(f"{n} paragraphs: {times[-1]:.2f}s")
    growth = max(times[1] / times[0], times[2] / times[1])
    print(f"growth when the paragraphs double: {growth:.2f}x (target at most 2.5x)")
    sys.exit(0 if growth <= 2.5 else 1)


if __name__ == "__main__":
    main()
