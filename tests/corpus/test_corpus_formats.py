"""The corpus in the formats it is published in: each document written as a Word file gives exactly its text
findings; exported on to PDF by LibreOffice, it gives every error finding of its text and no other.
"""

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from convert import as_docx, verdicts  # noqa: E402

from narrcheck.api import check_file  # noqa: E402

SOFFICE = shutil.which("soffice")
ERRORS = {"mismatch", "truncation", "unit_error", "contradiction", "invalid"}


@pytest.fixture
def exported(corpus_files, tmp_path) -> list[tuple[Path, Path]]:
    return [(text, as_docx(text, tmp_path / f"{text.stem}.docx")) for text in corpus_files]


def test_the_corpus_as_word_files_gives_the_text_findings(exported):
    for text, word in exported:
        assert verdicts(check_file(word, show_all=True)) == verdicts(check_file(text, show_all=True)), text.name


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed here (.ci/run installs it)")
def test_the_corpus_as_libreoffice_pdfs_gives_every_error_of_the_text(exported, tmp_path):
    words = [str(word) for _, word in exported]
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *words],
                   capture_output=True, timeout=600, check=True)
    for text, word in exported:
        errors = Counter(v for v in verdicts(check_file(text, show_all=True)) if v[1] in ERRORS)
        from_pdf = Counter(v for v in verdicts(check_file(tmp_path / f"{word.stem}.pdf", show_all=True))
                           if v[1] in ERRORS)
        assert from_pdf == errors, text.name  # tables broken over pages lose only findings that hold
