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
