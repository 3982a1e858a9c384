"""A plain check imports only what it uses: no LLM client, no reader of another format, no page templates."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_FOR_TEXT = {"openai", "instructor", "tenacity", "pdfplumber", "docx", "openpyxl", "xlrd", "jinja2"}


def imported(*args: str) -> set[str]:
    """The top-level packages `python -X importtime -m narrcheck ARGS` imports."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "narrcheck", *args], capture_output=True,
                         text=True, cwd=ROOT)
    names = (line.rpartition("|")[2].strip() for line in out.stderr.splitlines() if line.startswith("import time:"))
    return {name.split(".")[0] for name in names}


def test_checking_a_text_file_imports_no_llm_client_and_no_other_format_reader():
    assert not imported("check", "examples/说明.txt") & NOT_FOR_TEXT


def test_plain_text_output_imports_no_terminal_library():
    """Rich is for colour on a terminal; output piped or captured (as here) is plain text without it."""
    assert "rich" not in imported("check", "examples/说明.txt")


def test_each_format_brings_its_own_reader_only(tmp_path):
    json_run = imported("check", "examples/附表.xlsx", "--format", "json")
    assert "openpyxl" in json_run and not json_run & {"openai", "instructor", "pdfplumber", "docx", "jinja2"}
    page = tmp_path / "r.html"
    assert "jinja2" in imported("check", "examples/说明.txt", "--format", "html", "-o", str(page))
