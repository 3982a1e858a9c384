import pytest

from narrcheck.errors import InputError
from narrcheck.readers import read_document
from narrcheck.structure import structure

TEXT = "第二部分 决算情况说明\n一、收入决算情况说明\n[bookmark: _Toc1]2024年本年收入合计903.30万元。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030"])
def test_encodings_are_detected(write_doc, encoding):
    doc = structure(read_document(write_doc(TEXT, encoding=encoding)))
    para = [b for b in doc.blocks if b.kind == "paragraph"][0]
    assert para.text == "2024年本年收入合计903.30万元。"
    assert para.section == ("第二部分 决算情况说明", "一、收入决算情况说明")


def test_markers_removed_but_columns_kept(write_doc):
    doc = read_document(write_doc(TEXT))
    para = doc.blocks[2]
    offset = para.text.index("903.30")
    loc = para.location(offset)
    assert (loc.line, loc.column) == (3, len("[bookmark: _Toc1]2024年本年收入合计") + 1)


def test_table_rows_cells_and_continuations(write_doc):
    text = "标题\n\n\t项目\n\t得分\n\n\t总体\n（56分）\n\t10\n\n\t基本\n\n支出\n\t98\n\n\n后文\n"
    doc = read_document(write_doc(text))
    tables = doc.tables
    assert len(tables) == 1
    rows = [[c.text for c in r] for r in tables[0].rows]
    assert rows == [["项目", "得分"], ["总体\n（56分）", "10"], ["基本\n支出", "98"]]
    assert tables[0].rows[2][1].location().line == 13
    assert doc.blocks[-1].text == "后文"


@pytest.mark.parametrize("content,cause", [
    (b"", "empty"), (b"\x00\x01\x02binary\x00", "binary"), (b"%PDF-1.4 ...", "PDF"),
    (b"\xff\xfe\xff\xfe\x00\xd8", "UTF"),
])
def test_bad_input_names_file_and_cause(tmp_path, content, cause):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(path) in str(info.value) and cause.lower() in str(info.value).lower()


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_headings_ladder(write_doc):
    text = "第一部分 概况\n一、职责\n（一）主要职能\n1.负责会议\n（1）细项\n⑴更细\n附件1\n正文\n"
    doc = structure(read_document(write_doc(text)))
    last = doc.blocks[-1]
    assert last.section == ("附件1",)
    assert doc.blocks[5].section == ("第一部分 概况", "一、职责", "（一）主要职能", "1.负责会议", "（1）细项", "⑴更细")
