"""Header words and the pieces of flattened tables (tables/vocab.py, tables/flat.py); made-up cells."""

import pytest

from narrcheck.readers.text import parse_lines
from narrcheck.tables.flat import _pieces, header_runs, tokens
from narrcheck.tables.model import Tables
from narrcheck.tables.vocab import is_row, opens_with, role_of


@pytest.mark.parametrize("cell,role", [
    ("全年预算数(A)", "adjusted"), ("全年预算数（A）", "adjusted"), ("执行率(B/A)", "rate"),
    ("执行率%", "rate"),
    ("权重（分）", "weight"), ("分 值", "weight"), ("未完成原因分析", "reason"), ("行次", "rowno"),
    ("执行率（5分）", None),  # a scored row's label, not a header
    ("自评得分为95分", None), ("资金情况(万元)", None),
])
def test_role_of(cell, role):
    assert role_of(cell) == role


def test_row_words():
    assert is_row("年度资金总额：", "rows.fund_total") and is_row("总额", "rows.fund_total")
    assert is_row("……总分", "rows.score_total") and not is_row("总分值", "rows.score_total")
    assert opens_with("效益指标（20分）社会效益指标", "levels.first") == "效益指标"
    assert opens_with("服务对象满意度指标", "levels.first") is None


def test_glued_figures_are_cut_without_leading_zeros_or_split_decimals():
    assert list(_pieces("30100%", 0)) == [2, 4, 6]  # 30|100%, 3010|0%, or one figure
    # 10|0.00%, or one figure: 1|00.00 would open with a zero, 100|.00 and 100.0|0 split a decimal part
    assert list(_pieces("100.00%", 0)) == [2, 7]
    assert list(_pieces("≥500米", 0)) == [3, 5]  # 5|00 would open with a zero


def test_pipe_lines_keep_empty_cells():
    blocks = parse_lines(["得分 |", "|", "权重 |", "10 |"])
    toks = tokens(type("D", (), {"blocks": blocks})())  # type: ignore[arg-type]
    assert [(t.text, t.kind, t.kept) for t in toks] == [
        ("得分", "text", True), ("", "blank", True), ("权重", "text", True), ("10", "num", True)]
    runs = header_runs(toks)
    assert [[c.role for c in cols] for _, _, cols in runs] == [["score", "weight"]]


def test_tables_items_carry_stated_weights():
    assert Tables().items() == []
