"""The DOCX reader: the example written as a Word file gives the same findings as its text export."""

from __future__ import annotations

import zipfile

import docx
import pytest
from convert import EXAMPLE, as_docx, verdicts

from narrcheck.api import check_file
from narrcheck.errors import InputError
from narrcheck.readers import read_document


def test_the_example_as_a_word_file_gives_the_same_findings(tmp_path):
    path = as_docx(EXAMPLE, tmp_path / "说明.docx")
    report = check_file(path, show_all=True)
    assert report.document.format == "docx"
    assert verdicts(report) == verdicts(check_file(EXAMPLE, show_all=True))
    places = []  # paragraphs and table rows in reading order, as the reader numbers them
    for element in docx.Document(path).element.body.iterchildren():
        if element.tag.endswith("}p"):
            places.append("".join(element.itertext()))
        elif element.tag.endswith("}tbl"):
            places.extend("".join(tr.itertext()) for tr in element.iterchildren() if tr.tag.endswith("}tr"))
    for finding in report.findings:  # `line` is the paragraph or row holding the quote
        loc = finding.evidence[0].location
        assert finding.evidence[0].quote[:4] in places[loc.line - 1], (finding.rule, loc)


def test_merged_cells_are_read_once(tmp_path):
    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "项目"
    table.cell(0, 2).text = "金额"
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "基本", "支出", "60.00"
    word.save(tmp_path / "m.docx")
    [block] = read_document(tmp_path / "m.docx").blocks
    assert [c.text for c in block.rows[0]] == ["项目", "金额"]  # one cell per <w:tc>, as Word exports text


def test_corrupt_and_oversized_archives_are_refused(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04word/" + b"\x00" * 64)
    with pytest.raises(InputError, match="corrupt or truncated"):
        read_document(broken)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"0" * (201 * 1024 * 1024))
    with pytest.raises(InputError, match="more than the limit"):
        read_document(bomb)
