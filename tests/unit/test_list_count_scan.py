"""The count-after-list scan looks only in the clause before each count, and finds what a scan of the whole text
with COUNT_AFTER_LIST finds, in the same order.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from narrcheck.extract.words import COUNT_AFTER_LIST, _counts_after_lists

PIECES = ["对", "城关", "新河", "东岭", "和", "、", "共", "共计", "三", "3", "个", "乡镇", "部门", "，", "。", "；",
          "：", "\n", "住房和城乡建设局", "开展检查", "12", "类", "指标"]


def _spans(found):
    return [(m.start(), m.end(), m.group("list"), m.group("n")) for m in found]


def test_a_list_before_its_count_is_found_in_its_clause():
    text = "为加强监管，于9月对城关、新河和东岭共三个乡镇开展检查；另对财政、审计共2个部门座谈。"
    assert _spans(_counts_after_lists(text)) == _spans(COUNT_AFTER_LIST.finditer(text))
    assert [m.group("n") for m in _counts_after_lists(text)] == ["三", "2"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_the_clause_scan_finds_what_the_whole_scan_finds(pieces):
    text = "".join(pieces)
    assert _spans(_counts_after_lists(text)) == _spans(COUNT_AFTER_LIST.finditer(text))
