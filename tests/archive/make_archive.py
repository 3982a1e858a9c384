"""A synthetic archive for the scan tests and benchmark: the example disclosure with its figures varied, in
text and DOCX, and some broken files (a truncated Word file, an empty file, binary noise named .txt).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "说明.txt"
sys.path.insert(0, str(ROOT / "tests" / "formats"))


def _vary(text: str, i: int) -> str:
    """The example with every amount of the first sections moved a little, differently for each i."""
    def move(m: re.Match[str]) -> str:
        value = float(m.group(1)) + (i % 9) * 0.01 * (1 if len(m.group(1)) % 2 else -1)
        return f"{max(value, 0):.2f}万元"

    head, tail = text.split("第三部分", 1)
    return re.sub(r"(\d+\.\d{2})万元", move, head).replace("2024", str(2019 + i % 6)) + "第三部分" + tail


def make_archive(folder: Path, n: int, docx_every: int = 10, broken_every: int = 50) -> list[Path]:
    """Write n files under folder (in subfolders of 100); return them."""
    from convert import as_docx

    source = EXAMPLE.read_text(encoding="utf-8")
    out = []
    for i in range(n):
        sub = folder / f"batch{i // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        if broken_every and i % broken_every == broken_every - 1:
            kind = (i // broken_every) % 3
            path = sub / (f"{i:05d}.docx" if kind == 0 else f"{i:05d}.txt")
            path.write_bytes(b"PK\x03\x04word/" + b"\x00" * 40 if kind == 0 else b"" if kind == 1
                             else bytes(range(256)) * 4)
        elif docx_every and i % docx_every == docx_every - 1:
            text = sub / f"{i:05d}.src.txt"
            text.write_text(_vary(source, i), encoding="utf-8")
            path = as_docx(text, sub / f"{i:05d}.docx")
            text.unlink()
        else:
            path = sub / f"{i:05d}.txt"
            path.write_text(_vary(source, i), encoding="utf-8")
        out.append(path)
    return out
