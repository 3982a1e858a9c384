"""Phrase families of data/lexicon.toml: for each, phrases that must match and phrases that must not.

The phrases are made up for these tests (no sentence of a corpus or dev-set document). Each family is tested
where the code uses it: the membership test, the compiled pattern or the function built on the entries.
"""

from __future__ import annotations

import pytest

from narrcheck.lexicon import entry, words
from narrcheck.llm import ground
from narrcheck.model.document import Block, TextMap
from narrcheck.numbers import parse_chinese_numeral, parse_number
from narrcheck.structure.sections import assign_sections, heading_level

# --- [units]: money and count units (numbers.parse) ----------------------------------------------------------


@pytest.mark.parametrize("unit,is_money", [
    ("元", True), ("百元", True), ("千元", True), ("万元", True), ("亿元", True),
    ("万", False), ("美元", False), ("万亩", False), ("%", False), ("人次", False),
])
def test_money_units(unit, is_money):
    assert parse_number("12.5", unit).is_money is is_money


@pytest.mark.parametrize("unit,is_count", [
    ("辆", True), ("人次", True), ("台（套）", True), ("台(套)", True), ("场", True), ("户", True),
    ("万元", False), ("个百分点", False), ("%", False), ("公里", False), ("", False),
])
def test_count_units(unit, is_count):
    assert parse_number("7", unit).is_count is is_count


def test_money_units_scale_by_their_value_in_yuan():
    assert parse_number("3", "千元").in_unit("万元") == parse_number("0.3").value
    assert entry("units.money")["亿元"] == 100_000_000


# --- [numerals]: counts written in Chinese numerals -----------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("七", 7), ("两", 2), ("十七", 17), ("三十", 30), ("四百零六", 406), ("两千〇一", 2001), ("九千九百九十九", 9999),
])
def test_chinese_numerals_read(text, value):
    assert parse_chinese_numeral(text) == value


@pytest.mark.parametrize("text", ["", "三万", "五个", "第六", "7", "廿"])
def test_not_chinese_numerals(text):
    with pytest.raises(ValueError):
        parse_chinese_numeral(text)


def test_numeral_digits_are_single_characters():
    assert all(len(w) == 1 for w in words("numerals.digits", "numerals.multipliers"))


# --- [direction], [indicators]: the words an LLM claim's quote must hold (llm.ground) -------------------------


@pytest.mark.parametrize("quote,up,down", [
    ("经费比去年提高了两成", True, False),
    ("办公费同比增支4万元", True, False),
    ("培训费压减了一半", False, True),
    ("会议费较上年下滑", False, True),
    ("与上年基本持平", False, False),
    ("按计划拨付到位", False, False),
])
def test_direction_words_of_a_grounded_quote(quote, up, down):
    assert bool(ground._UP.search(quote)) is up
    assert bool(ground._DOWN.search(quote)) is down


@pytest.mark.parametrize("quote,names_indicators", [
    ("本项目共设置绩效指标8个", True),
    ("年度指标完成9个", True),
    ("全年共完成项目8个", False),
    ("共采购设备8台", False),
])
def test_indicator_words(quote, names_indicators):
    assert bool(ground._INDICATORS.search(quote)) is names_indicators


def test_ground_reads_every_money_unit_of_the_lexicon():
    assert set(ground.MONEY_UNITS) == set(entry("units.money"))
    assert entry("indicators.count_unit") in words("units.count")


# --- [headings], [numerals] ordinals and headings: the heading ladder (structure.sections) --------------------


@pytest.mark.parametrize("line,level", [
    ("第二部分 名词解释", 0), ("第十一部分", 0), ("附件三", 0), ("附 表2：", 0), ("附表", 0),
    ("十三、其他说明", 1), ("两、收入情况", 1), ("（二十）差旅费", 2), ("(四) 会议费", 2),
])
def test_heading_levels(line, level):
    assert heading_level(line) == level


@pytest.mark.parametrize("line", [
    "第二批资金已拨付", "附近社区的活动场地", "附件中的说明见后", "万元以下的支出", "甲、乙两个单位", "第十部门",
])
def test_not_headings(line):
    assert heading_level(line) is None


@pytest.mark.parametrize("line,pure", [
    ("三、机关运行经费情况", True), ("四、会议费支出12.5万元", False), ("（五）完成率为98%", False),
    ("二、转移支付3.2亿元", True),  # 亿元 is not among headings.figure_units (see the data file)
])
def test_a_heading_stating_a_figure_is_a_paragraph(line, pure):
    block = Block("paragraph", line, TextMap((0,), (1,), (1,)), 0)
    assert assign_sections([block])[0].kind == ("heading" if pure else "paragraph")
