import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def corpus_dir() -> Path:
    return Path(os.environ.get("NARRCHECK_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture
def corpus_files() -> list[Path]:
    files = sorted(corpus_dir().glob("*.txt"))
    if not files:
        pytest.skip(f"corpus not found at {corpus_dir()} (set NARRCHECK_CORPUS)")
    return files


@pytest.fixture
def write_doc(tmp_path):
    def write(text: str, name: str = "doc.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
