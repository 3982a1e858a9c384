"""Damaged input read as far as it can be, never a crash (issue 16's defect classes 3 and 6)."""

from narrcheck.readers import read_document
from narrcheck.readers.numbering import MAX_LEVEL, MAX_START, _int, chinese, roman


def test_list_numbering_attributes_that_are_no_whole_numbers_fall_back_to_the_default():
    for text in ("1.5", "-15", "abc", "²", "", "100000000000000"):
        assert _int(text, 1, MAX_START) == 1, text
    assert _int("32767", 1, MAX_START) == 32767 and _int("9", 0, MAX_LEVEL) == 0 and _int("8", 0, MAX_LEVEL) == 8


def test_numbers_beyond_what_the_formats_write_are_printed_as_digits():
    assert chinese(105) == "一百零五" and chinese(1000) == "1000"
    assert roman(3999) == "MMMCMXCIX" and roman(32767) == "32767"


def test_a_table_cell_spanning_a_superscript_two_is_one_cell(tmp_path):
    page = tmp_path / "表.html"
    page.write_text("<html><body><p>本年支出合计10.00万元。</p><table><tr><td colspan=\"²\">项目</td>"
                    "<td>10.00</td></tr></table></body></html>", encoding="utf-8")
    document = read_document(page)
    assert len(document.tables) == 1 and any(b.kind != "table" for b in document.blocks)


def test_a_damaged_results_database_is_bad_input_not_a_crash(tmp_path):
    import pytest

    from narrcheck.archive.db import connect
    from narrcheck.archive.summary import archive_report
    from narrcheck.errors import InputError

    path = tmp_path / "r.sqlite"
    db = connect(path)
    db.execute("INSERT INTO documents (path, sha256, version, status, publisher, scanned_at) "
               "VALUES ('a.txt', '0', '0.1.0', 'checked', CAST(x'fffe41' AS TEXT), 'now')")
    db.execute("INSERT INTO findings (path, n, rule, severity, verdict) VALUES ('a.txt', 0, 'NC101', 'error', "
               "'mismatch')")
    db.close()
    with pytest.raises(InputError, match="damaged results database"):
        archive_report(path)


def test_a_damaged_xls_leaves_nothing_but_the_report_on_stdout(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    padded = tmp_path / "附表.xls"  # the fixture with junk after it: xlrd warns about the file size
    padded.write_bytes((root / "tests" / "fixtures" / "附表.xls").read_bytes() + b"\x00" * 1000)
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", "examples/说明.txt", "--tables", str(padded),
                          "--format", "json"], capture_output=True, text=True, cwd=root)
    assert out.returncode in (0, 1), out.stderr
    assert json.loads(out.stdout)["narrcheck"]


def test_a_cell_whose_number_no_format_can_show_is_kept_as_text():
    from narrcheck.readers.xlsx import shown

    assert shown(1e300, "0.00") == "1e+300"  # (quantizing it to two places overflows the decimal context)
    assert shown(12.5, "0.00") == "12.50"


def test_a_zip_that_asks_for_an_unknown_zip_version_is_a_damaged_archive(tmp_path):
    import io
    import zipfile

    import pytest

    from narrcheck.errors import InputError

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 99  # version needed to extract: 9.9
    doc = tmp_path / "版本.docx"
    doc.write_bytes(bytes(data))
    with pytest.raises(InputError, match="NotImplementedError"):
        read_document(doc)


def test_a_paragraph_longer_than_any_disclosure_writes_is_refused_naming_the_limit(tmp_path):
    import pytest

    from narrcheck.errors import InputError
    from narrcheck.readers.registry import MAX_BLOCK_CHARS

    doc = tmp_path / "一行.txt"
    doc.write_text("本年支出合计10.00万元，" * (MAX_BLOCK_CHARS // 14 + 1) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"more than the limit of {MAX_BLOCK_CHARS}"):
        read_document(doc)
    doc.write_text("本年支出合计10.00万元，" * 100 + "\n", encoding="utf-8")
    assert read_document(doc).blocks  # a long paragraph within the limit is read
