"""Tables flattened into text lines: header words, row labels, layouts, the cells' places, and abstaining.

The tables are our own, the figures invented.
"""

import pytest

from narrcheck.extract.flat_tables import read_grids, table_row_claims
from narrcheck.extract.flat_tables.grid import resolve
from narrcheck.extract.flat_tables.vocab import header, label
from narrcheck.model.claims import ChangeClaim, PartsSumClaim, RatioClaim
from narrcheck.readers import read_document
from narrcheck.structure import structure


def claims_of(write_doc, *lines: str) -> list:
    return table_row_claims(read_grids(structure(read_document(write_doc("\n".join(lines) + "\n")))))


# ------------------------------------------------------------------------------------------------ header words

@pytest.mark.parametrize("text,role", [
    ("项 目", "item_label"), ("预算科目", "item_label"), ("年度", "period_label"), ("行號", "row_number"),
    ("学校类别", "item_label"), ("经费类型", "item_label"), ("月份", "item_label"),
    ("增减原因", "note"), ("备注", "note"),
    ("上年决算数", "level"), ("本 期", "level"), ("上年同期", "level"), ("2019年决算数", "level"),
    ("2023年预算 调整数", "level"), ("本年收入计划", "level"), ("预算数", "level"), ("2022年", "level"),
    ("增、减金额", "delta"), ("增加額", "delta"), ("2023比2022增减", "delta"), ("2023年预算数增减", "delta"),
    ("增、减幅度", "rate"), ("增減%", "rate"), ("比上年增长%", "rate"), ("同比增减%", "rate"), ("增长率", "rate"),
    ("比上年增、减情况", "compare_group"), ("占调整预算%", "ratio"), ("为预算的%", "ratio"), ("预算执行率", "ratio"),
    ("金额", "value"), ("合 计", "total"), ("科目编码", "code"), ("功能分类科目编码", "code"),
    ("完成%", "ratio"), ("完成（%）", "ratio"), ("全市", "total"), ("全 县", "total"), ("上年全市", "level"),
    # not measures: items, and figures that are no ratio of a budget
    ("公务接待费", "item"), ("一般公共服务支出", "item"), ("增值税", "item"), ("税收比重%", "item"), ("当月", "item"),
    ("完成", "item"),  # an amount: a completion rate carries its percent sign
])
def test_header_roles(text, role):
    assert header(text).role == role


def test_header_periods_and_measures():
    assert header("上年决算数").relative == "prior" and header("上年决算数").measure == "actual"
    assert header("本年决算数").relative == "current"
    assert header("2023年预算调整数").year == 2023 and header("2023年预算调整数").measure == "budget"
    assert header("2023年执行数").measure == "actual"
    assert header("2023年比2022年增减%").compared == (2023, 2022)
    assert header("比上年增长%").basis_prior and not header("增减值").basis_prior


@pytest.mark.parametrize("text,name,depth,breakdown,total", [
    ("1.因公出国(境)费", "因公出国（境）费", 3, False, False),
    ("2、公务接待费", "公务接待费", 3, False, False),
    ("其中:(1)公务用车购置费", "公务用车购置费", 4, True, False),
    ("2)公务用车运行费", "公务用车运行费", 4, False, False),
    ("其中:財政撥款收入", "财政拨款收入", None, True, False),
    ("一、收入情况 (一) 收入合计", "收入合计", 2, False, True),  # a section title run into the row
    ("本年收入合计", "本年收入合计", None, False, True),
    ("区 级", "区级", None, False, False),
    ("201 一般公共服务支出", "一般公共服务支出", 1, False, False),  # a 功能分类 code: 类, 款, 项 by its digits
    ("20101 人大事务", "人大事务", 2, False, False),
    ("2010301 行政运行", "行政运行", 3, False, False),
    ("2023 其他收入", "2023其他收入", None, False, False),  # four digits are no code
])
def test_row_labels(text, name, depth, breakdown, total):
    lab = label(text)
    assert (lab.name, lab.depth, lab.breakdown, lab.total) == (name, depth, breakdown, total)


# ------------------------------------------------------------------------------------------------ header resolution

def test_a_header_cell_spanning_sub_columns_is_found_by_what_they_say():
    top = [header(t) for t in ("项目", "上年数", "本年数", "比上年增减情况")]
    sub = [header(t) for t in ("增减额", "增减率")]
    first, columns = resolve([top, sub], 4)
    assert first is not None and first.text == "项目"
    assert [c.name for c in columns] == ["上年数", "本年数", "比上年增减情况·增减额", "比上年增减情况·增减率"]


def test_a_measure_spanning_sub_columns_is_the_one_they_can_belong_to():
    top = [header(t) for t in ("项目", "2022年决算数", "2023年预算调整数", "2023年执行数")]
    sub = [header(t) for t in ("金额", "占调整预算%", "比上年增长%")]
    _, columns = resolve([top, sub], 5)  # not last year's (a change from it), not the budget (a ratio over it)
    assert [c.group.text if c.group else None for c in columns] == [None, None, "2023年执行数", "2023年执行数",
                                                                    "2023年执行数"]
    top = [header(t) for t in ("项目", "2023年决算数", "2023年执行数")]
    sub = [header(t) for t in ("金额", "占预算%")]
    assert resolve([top, sub], 3) is None  # either could be meant


def test_a_period_spanning_its_measures_dates_them():
    top = [header(t) for t in ("项目", "上年决算数", "本年", "同比增长%")]
    sub = [header(t) for t in ("预算数", "决算数", "完成%")]
    _, columns = resolve([top, sub], 5)
    assert [(c.head.text, c.head.relative) for c in columns] == [
        ("上年决算数", "prior"), ("预算数", "current"), ("决算数", "current"), ("完成%", None), ("同比增长%", None)]
    assert [c.group.text if c.group else None for c in columns] == [None, "本年", "本年", "本年", None]
    # a period over one measure and sub-columns that are no measures is not this reading
    top = [header(t) for t in ("项目", "本年", "上年")]
    assert resolve([top, [header(t) for t in ("增值税", "契税")]], 3) is None


def test_a_header_that_cannot_be_resolved_is_not_read():
    top = [header(t) for t in ("项目", "上年数", "本年数", "比上年增减情况", "备注")]
    sub = [header(t) for t in ("增减额", "增减率")]
    assert resolve([top, sub], 3) is None  # two cells too many
    assert resolve([[header(t) for t in ("上年数", "本年数")]], 3) is None  # one too few


# ------------------------------------------------------------------------------------------------ places

def test_pipe_cells_carry_their_line_and_column(write_doc):
    claims = claims_of(write_doc,
                       "单位:万元 | ||",
                       "项目 | 上年数 | 本年数 | 增减额 |",
                       "合计 | 30.00 | 35.50 | 5.50 |",
                       "1.经费甲 | 10.00 | 12.50 | 2.50 |",
                       "2.经费乙 | 20.00 | 23.00 | 3.00 |")
    change = next(c for c in claims if isinstance(c, ChangeClaim) and c.delta is not None and c.delta.value == "5.50")
    assert (change.location.line, change.location.column) == (3, 22)
    assert change.current is not None and (change.current.location.line, change.current.location.column) == (3, 14)
    assert change.prior is not None and change.prior.location.column == 6
    total = next(c for c in claims if isinstance(c, PartsSumClaim) and c.total.value == "35.50")
    assert [(p.location.line, p.location.column) for p in total.parts] == [(4, 17), (5, 17)]
    assert total.exhaustive  # a 合计 over enumerated rows


def test_traditional_script_and_a_row_number_column(write_doc):
    claims = claims_of(write_doc,
                       "單位:元 | |||",
                       "項目 | 行號 | 本 期 | 上年同期 | 增加額 | 增長率 |",
                       "1、總收入 | 1 | 1200.00 | 1000.00 | 200.00 | 20.00% |")
    rate = next(c for c in claims if isinstance(c, ChangeClaim) and c.rate is not None)
    assert rate.rate is not None and rate.rate.value == "20.00" and rate.rate.unit == "%"
    assert rate.prior is not None and rate.prior.value == "1000.00" and rate.prior.unit == "元"
    assert rate.delta is not None and rate.delta.value == "200.00"


def test_stream_cells_carry_their_own_lines(write_doc):
    text = "单位:万元\n\n2023年决算数\n\n2022年决算数\n\n增减额\n\n合计\n\n90.00\n\n80.00\n\n10.00"
    change = next(c for c in claims_of(write_doc, text) if isinstance(c, ChangeClaim))
    assert change.location.line == 15 and change.current is not None and change.current.location.line == 11
    assert change.prior is not None and change.prior.location.line == 13


def test_a_whole_figure_in_a_column_of_two_decimals_stands_for_00(write_doc):
    claims = claims_of(write_doc,
                       "单位:万元 | ||",
                       "项目 | 上年数 | 本年数 | 增减额 |",
                       "经费甲 | 10.00 | 12 | 2.00 |",
                       "经费乙 | 20.00 | 23.50 | 3.50 |",
                       "经费丙 | 5.00 | 5.25 | 0.25 |",
                       "经费丁 | 7.00 | 7.5 | 0.50 |")
    by_value = {c.current.value: c.current for c in claims if isinstance(c, ChangeClaim) and c.current}
    assert by_value["12"].precision == 2  # 12 = 12.00
    assert by_value["7.5"].precision is None  # a figure printing some decimals keeps its own (it may be rounded)


def test_a_unit_named_in_the_header_cells(write_doc):
    claims = claims_of(write_doc,
                       "项目 | 上年数（元） | 本年数（元） | 增减额（元） |",
                       "经费甲 | 10.00 | 12.00 | 2.00 |")
    change = next(c for c in claims if isinstance(c, ChangeClaim))
    assert change.delta is not None and change.delta.unit == "元"


def test_a_markdown_table(write_doc):
    claims = claims_of(write_doc,
                       "单位：万元",
                       "| 项目 | 上年数 | 本年数 | 增减率 |",
                       "|---|---|---|---|",
                       "| 合计 | 30.00 | 33.00 | 10.00% |",
                       "| 1.经费甲 | 10.00 | 12.00 | 20.00% |",
                       "| 2.经费乙 | 20.00 | 21.00 | 5.00% |")
    assert sorted(c.kind for c in claims) == ["change"] * 3 + ["parts_sum"] * 2
    rate = next(c for c in claims if isinstance(c, ChangeClaim))
    assert rate.rate is not None and (rate.location.line, rate.location.column) == (4, 24)


def test_the_readers_own_tables_are_not_read_again(write_doc):
    text = "单位:万元\n\t项目\n\t上年数\n\t本年数\n\t增减额\n\n\t合计\n\t30.00\n\t35.50\n\t9.99\n"
    assert claims_of(write_doc, text) == []


# ------------------------------------------------------------------------------------------------ abstaining

def test_a_column_that_disagrees_in_most_rows_was_misread(write_doc):
    # the amounts are prior - current in every row: not what 增减额 under 上年数 | 本年数 was read to say
    claims = claims_of(write_doc,
                       "单位:万元 | ||",
                       "项目 | 上年数 | 本年数 | 增减率 |",
                       "经费甲 | 10.00 | 12.00 | 16.67% |",
                       "经费乙 | 20.00 | 25.00 | 20.00% |",
                       "经费丙 | 40.00 | 50.00 | 20.00% |")
    assert not [c for c in claims if isinstance(c, ChangeClaim)]


def test_rows_one_of_which_sums_the_rows_after_it_are_no_list_of_parts(write_doc):
    claims = claims_of(write_doc,
                       "单位:万元 | ||",
                       "项目 | 上年数 | 本年数 |",
                       "合计 | 100 | 125 |",
                       "转移性收入 | 60 | 70 |",
                       "返还性收入 | 20 | 30 |",
                       "一般性转移支付收入 | 40 | 40 |",
                       "其他收入 | 40 | 55 |")
    assert not [c for c in claims if isinstance(c, PartsSumClaim)]


def test_a_breakdown_sums_its_levels_but_not_its_changes(write_doc):
    claims = claims_of(write_doc,
                       "单位:万元 | ||",
                       "项目 | 上年数 | 本年数 | 增减额 |",
                       "经费合计 | 100.00 | 90.00 | -10.00 |",
                       "其中:经费甲 | 50.00 | 30.00 | -20.00 |",
                       "经费乙 | 20.00 | 25.00 | 5.00 |")
    sums = [c for c in claims if isinstance(c, PartsSumClaim)]
    assert {c.measure for c in sums} == {"prior", "current"} and not any(c.exhaustive for c in sums)


def test_rows_numbering_the_columns_and_tables_side_by_side_are_not_items(write_doc):
    for numbers in ("栏次 | 1 | 2 | 3 |", " | 1 | 2 | 3 |"):
        claims = claims_of(write_doc,
                           "单位:万元 | ||",
                           "项目 | 上年数 | 本年数 | 增减额 |",
                           numbers,
                           "1.经费甲 | 10.00 | 12.00 | 2.00 |",
                           "2.经费乙 | 20.00 | 21.00 | 1.00 |",
                           "合计 | 30.00 | 33.00 | 3.00 |")
        assert all(c.total.value != "1" for c in claims if isinstance(c, PartsSumClaim))
        assert len([c for c in claims if isinstance(c, PartsSumClaim)]) == 3
    claims = claims_of(write_doc,
                       "单位:万元 | ||",
                       "项目 | 预算数 | 项目 | 预算数 |",
                       "一、收入 | 30.00 | 一、支出 | 25.00 |",
                       "二、结转 | 5.00 | 二、结余 | 10.00 |",
                       "合计 | 35.00 | 合计 | 35.00 |")
    assert claims == []


def test_other_ratios_than_actual_over_budget_are_not_read(write_doc):
    claims = claims_of(write_doc,
                       "单位:万元 | ||",
                       "项目 | 2023年预算数 | 2023年决算数 | 结余率% |",
                       "经费甲 | 100 | 90 | 10.00 |",
                       "经费乙 | 50 | 40 | 20.00 |")
    assert not [c for c in claims if isinstance(c, RatioClaim)]


def test_a_ratio_needs_one_budget_of_its_own_period(write_doc):
    text = ("单位:万元 | ||||\n项目 | 2023年预算数 | 2023年执行数 | 执行率% |\n经费甲 | 100 | 95 | 95.00 |\n"
            "经费乙 | 50 | 50 | 100.00 |")
    ratios = [c for c in claims_of(write_doc, text) if isinstance(c, RatioClaim)]
    assert [(r.numerator.value, r.denominator.value) for r in ratios if r.numerator and r.denominator] == \
        [("95", "100"), ("50", "50")]
    text = ("单位:万元 | ||||\n项目 | 2023年预算数 | 2023年调整预算数 | 2023年执行数 | 执行率% |\n"
            "经费甲 | 100 | 90 | 95 | 95.00 |\n经费乙 | 50 | 50 | 50 | 100.00 |")
    assert not [c for c in claims_of(write_doc, text) if isinstance(c, RatioClaim)]  # which budget?
