"""The limits of narrcheck/limits.py: each stops its work early with a message naming it."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from narrcheck.errors import InputError
from narrcheck.limits import MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, table_size, time_limit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "说明.txt"


def test_a_block_past_its_time_is_stopped_with_the_limit_named():
    with pytest.raises(InputError, match=r"longer than the limit of 0.05 s \(--timeout\)"):
        with time_limit("说明.txt", 0.05):
            end = time.perf_counter() + 5
            while time.perf_counter() < end:
                pass
    with pytest.raises(InputError, match=r"the limit of 55 s"):  # the rest of a document's limit, named whole
        with time_limit("说明.txt", 0.05, 55):
            end = time.perf_counter() + 5
            while time.perf_counter() < end:
                pass
    with time_limit("说明.txt", 0):  # no limit
        pass
    with time_limit("说明.txt", 5):  # done in time: the timer is gone afterwards
        pass
    time.sleep(0.01)


def test_tables_past_the_limits_are_refused_naming_them():
    table_size("附表.xlsx", 100, MAX_TABLE_COLUMNS)
    with pytest.raises(InputError, match=f"more than the limit of {MAX_TABLE_COLUMNS}"):
        table_size("附表.xlsx", 2, MAX_TABLE_COLUMNS + 1)
    with pytest.raises(InputError, match=f"more than the limit of {MAX_TABLE_CELLS} cells"):
        table_size("附表.xlsx", MAX_TABLE_CELLS // 10 + 1, 10)


def test_the_command_line_timeout_is_bad_input_that_names_it():
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", str(EXAMPLE), "--timeout", "0.001"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "--timeout" in out.stderr and str(EXAMPLE) in out.stderr, out.stderr


def test_a_capped_process_fails_its_allocation_instead_of_taking_the_machine():
    code = ("from narrcheck.limits import cap_memory\n"
            "cap_memory(400)\n"
            "try:\n"
            "    block = bytearray(1200 * 2**20)\n"
            "except MemoryError:\n"
            "    print('refused')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "refused", out.stderr


def test_a_scan_records_a_file_past_its_time_and_goes_on(tmp_path):
    from narrcheck.archive.scan import scan
    from narrcheck.config import Settings

    (tmp_path / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = scan([str(tmp_path)], tmp_path / "r.sqlite", Settings(timeout=0.001))
    assert result.files == 1 and result.failed == 1 and result.checked == 0
    import sqlite3

    errors = [r[0] for r in sqlite3.connect(tmp_path / "r.sqlite").execute("select error from documents")]
    assert any("--timeout" in (e or "") for e in errors), errors


def test_a_scan_checks_each_file_in_a_worker(tmp_path):
    """--jobs 1 too: the file is checked in a worker process under the memory cap, and its result comes back."""
    from narrcheck.archive.scan import scan
    from narrcheck.config import Settings

    (tmp_path / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    fed = scan([str(tmp_path)], tmp_path / "r.sqlite", Settings())
    assert fed.files == 1 and fed.checked == 1 and fed.failed == 0


def test_merged_ranges_are_counted_as_the_sheet_inflates_even_split_between_pieces():
    from narrcheck.errors import InputError
    from narrcheck.limits import MAX_TABLE_CELLS
    from narrcheck.readers.xlsx import _Merges

    xml = b'<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:C3"/></mergeCells>'
    counter = _Merges("book.xlsx", "xl/worksheets/sheet1.xml")
    for i in range(0, len(xml), 7):  # pieces that cut the ranges anywhere
        counter(xml[i:i + 7])
    assert counter.covered == 4 + 3  # each range once
    wide = f'<mergeCell ref="A1:A{MAX_TABLE_CELLS + 1}"/>'.encode()
    counter = _Merges("book.xlsx", "xl/worksheets/sheet1.xml")
    counter(wide[:20])
    with pytest.raises(InputError, match="merged cells in xl/worksheets/sheet1.xml"):
        counter(wide[20:])
