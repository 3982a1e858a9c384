"""The DOCX reader: the example written as a Word file gives the same findings as its text export."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from convert import EXAMPLE, as_docx, verdicts

from narrcheck.api import check_file
from narrcheck.errors import InputError
from narrcheck.readers import read_document
from narrcheck.readers.numbering import chinese, roman


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
    assert [c.span for c in block.rows[0]] == [2, 1]  # how many columns of the grid each covers


def _table(word, rows):
    """A Word table holding `rows` of cell texts, one cell per text."""
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def test_an_official_table_with_a_merged_total_keeps_its_columns(tmp_path):
    """合计 over the code and name columns of a Word table: its figures stay under their own columns (NC202)."""
    word = docx.Document()
    word.add_paragraph("本年一般公共预算财政拨款支出405.60万元，其中基本支出370.60万元，项目支出53.00万元。")
    rows = [("一般公共预算财政拨款支出决算表",) * 5,
            ("科目编码", "科目名称", "本年支出", "本年支出", "本年支出"),
            ("科目编码", "科目名称", "小计", "基本支出", "项目支出"),
            ("合计", "合计", "405.60", "370.60", "35.00"),
            ("2010301", "行政运行", "310.20", "310.20", "0.00"),
            ("2010350", "事业运行", "95.40", "60.40", "35.00")]
    table = _table(word, rows)
    table.cell(0, 0).merge(table.cell(0, 4)).text = rows[0][0]
    table.cell(3, 0).merge(table.cell(3, 1)).text = "合计"
    word.save(tmp_path / "t.docx")
    report = check_file(tmp_path / "t.docx", show_all=True)
    found = {(f.rule, f.verdict, f.claimed, f.expected) for f in report.findings}
    assert ("NC202", "ok", "370.60", "370.60") in found
    assert ("NC202", "mismatch", "53.00", "35.00") in found


@pytest.mark.parametrize("line", [
    "2.2050101行政运行：支出决算为330.00万元，完成预算100%。",  # the code right after the list's numbering
    "2050101行政运行支出330.00万元。",  # the words before the figure a name of their own
    "1.教育支出（类）教育管理事务（款）行政运行（项）：支出决算为330.00万元。",  # the levels by name
    "1.教育205（类）教育管理事务01（款）行政运行01（项）：支出决算为330.00万元。",  # by name and code
    "1.205（类）01（款）01（项）：支出决算为330.00万元。",  # by code
])
def test_a_coded_item_of_the_numbered_list_meets_its_table_row(tmp_path, line):
    """A 项 of 一般公共预算财政拨款支出决算具体情况, by code or by its levels, is weighed against the one table row
    it names (NC202), though 行政运行 is the name of a row under another 款 too; a bare name is not.
    """
    word = docx.Document()
    word.add_paragraph("五、一般公共预算财政拨款支出决算情况说明")
    word.add_paragraph("（三）一般公共预算财政拨款支出决算具体情况")
    word.add_paragraph(line)
    word.add_paragraph("3.行政运行：支出决算为95.00万元。")
    word.add_paragraph("一般公共预算财政拨款支出决算表")
    rows = [("科目编码", "科目编码", "科目编码", "科目名称", "本年支出"),
            ("类", "款", "项", "科目名称", "小计"),
            ("205", "", "", "教育支出", "420.00"),
            ("205", "01", "", "教育管理事务", "420.00"),
            ("205", "01", "01", "行政运行", "300.00"),
            ("205", "01", "99", "其他教育管理事务支出", "120.00"),
            ("208", "01", "01", "行政运行", "90.00"),
            ("合计", "合计", "合计", "合计", "510.00")]
    _table(word, rows)
    word.save(tmp_path / "t.docx")
    report = check_file(tmp_path / "t.docx", show_all=True)
    found = [(f.verdict, f.claimed, f.expected) for f in report.findings if f.rule == "NC202"]
    assert found == [("mismatch", "330.00", "300.00")]


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


def test_headings_numbered_by_word_keep_their_numbers(tmp_path):
    path = as_docx(EXAMPLE, tmp_path / "编号.docx", numbered=True)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "三、支出决算情况说明" not in xml and "支出决算情况说明" in xml  # the number is Word's, not typed
    texts = [b.text for b in read_document(path).blocks if b.kind != "table"]
    assert "三、支出决算情况说明" in texts and "（二）政府采购支出情况" in texts
    assert "一、免费开放经费项目" in texts  # a list started again (startOverride) counts from 一
    numbered = [t for t in texts if re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", t)]
    typed = [b.text for b in read_document(EXAMPLE).blocks if b.text in numbered]
    assert numbered == typed and len(numbered) > 8  # every heading numbered exactly as typed in the text
    assert verdicts(check_file(path, show_all=True)) == verdicts(check_file(EXAMPLE, show_all=True))


def test_numbers_are_written_as_word_writes_them():
    assert [chinese(n) for n in (1, 10, 11, 20, 23, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十三", "一百", "一百零五", "一百一十"]
    assert roman(14) == "XIV"


def test_an_old_binary_word_file_is_refused_with_advice(tmp_path):
    old = tmp_path / "说明.doc"
    ole_magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    old.write_bytes(ole_magic + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 64)
    with pytest.raises(InputError, match="old binary Word document: save it as .docx"):
        read_document(old)


def test_a_funds_table_apart_joins_the_indicator_table_after_it(tmp_path):
    """Two Word tables, the 预算执行 block and the indicators: the second's 合计 takes in the first's weight and
    score (10 + 60 + 30 = 100, 8.8 + 57 + 28 = 93.8).
    """
    word = docx.Document()
    word.add_paragraph("乡村文化活动项目支出绩效自评表")
    for rows in ([("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                  ("年度资金总额", "25.00", "25.00", "22.00", "10", "88.00%", "8.8")],
                 [("一级指标", "二级指标", "三级指标", "分值", "得分"),
                  ("产出指标", "数量指标", "演出场次", "60", "57"),
                  ("效益指标", "社会效益指标", "群众参与度", "30", "28"),
                  ("合计", "", "", "100", "93.8")]):
        table = word.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    word.save(tmp_path / "t.docx")
    report = check_file(tmp_path / "t.docx", show_all=True)
    found = {(f.rule, f.claimed): (f.verdict, f.expected) for f in report.findings}
    assert found[("NC303", "100")] == ("ok", "100")
    assert found[("NC301", "93.8")] == ("ok", "93.8")
