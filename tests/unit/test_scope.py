"""The scope of a quantity (data/scope.toml): the place a figure is of, the fund it belongs to, the span of
time it covers; and when two figures of one name may be one quantity (NC201).
"""

import tomllib
from importlib.resources import files

import pytest

from narrcheck.checks.consistency._common import near_miss
from narrcheck.extract.identity import (
    QuantityKey,
    entity_at,
    fund_named,
    opening,
    quantity_key,
    scopes_differ,
    span_named,
)
from narrcheck.model.claims import Figure
from narrcheck.model.location import Location

SCOPE = tomllib.loads(files("narrcheck").joinpath("data/scope.toml").read_text(encoding="utf-8"))


# --- entity ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("words,entity", [
    ("青山县申请补助资金", "青山县"),  # a place's name at the head of the clause
    ("某市某区申请补助资金", "某市某区"),  # a place inside a place
    ("2024年全县非税收入", "全县"),  # past the time that opens the clause
    ("（二）全区一般公共预算收入", "全区"),  # past an ordinal
    ("区本级一般公共预算收入", "本级"),  # a place's own level
    ("本级支出", "本级"),
    ("各乡镇上报资金", "各"),  # the sum of the places below
    ("白水镇城乡居民养老保险", "白水镇"),  # a name, not the words after it
])
def test_a_place_at_the_head_of_a_clause_is_its_entity(words, entity):
    hit = entity_at(words)
    assert hit is not None and hit[0] == entity
    assert entity[0] in words[hit[1]:hit[2]]  # where the place is written: taken off the name


@pytest.mark.parametrize("words", [
    "城乡社区支出",  # ends like a place, is a function class
    "城市维护建设税",
    "发放市级补贴",  # a level, not a place
    "县级配套资金",
    "乡村振兴资金",
    "援助其他地区支出",
    "某县财政局2024年支出",  # a body sitting in a place: its figures are the body's
    "某区总工会机关运行经费",
    "我县一般公共预算收入",  # a pronoun: the document's own place
    "根据省、市要求",  # the object of a preposition, not whose figure follows
    "一般公共预算本级支出",  # 本级 inside a name is not at the head
    "地方一般公共预算收入",
])
def test_words_that_only_look_like_a_place_name_no_entity(words):
    assert entity_at(words) is None


def test_a_fund_after_a_place_is_not_a_body():
    hit = entity_at("某区政府性基金收入")
    assert hit is not None and hit[0] == "某区"


# --- fund --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,fund", [
    ("2.政府性基金收支及其平衡情况", "政府性基金"),
    ("全区一般公共预算收入", "一般公共预算"),
    ("公共财政预算收入", "一般公共预算"),  # an older name of the same budget
    ("国有资本经营收入", "国有资本经营"),
    ("社保基金收入", "社会保险基金"),
    ("一般公共预算收入500万元，政府性基金收入", "政府性基金"),  # the last one named
    ("上级补助收入", ""),
    ("根据《关于下达政府性基金预算的通知》", ""),  # a cited title names no fund
])
def test_the_fund_a_text_names(text, fund):
    assert fund_named(text) == fund


def test_every_fund_form_is_listed_once():
    forms = [f for fs in SCOPE["funds"].values() for f in fs]
    assert len(forms) == len(set(forms))


# --- span --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,span", [
    ("2月份，", "2月"),
    ("1-2月，", "1-2月"),
    ("1至5月，", "1-5月"),
    ("截至5月底，", "1-5月"),  # the months to date
    ("一季度，", "1-3月"),
    ("上半年，", "1-6月"),
    ("2023年上半年，", "2023年1-6月"),
    ("2024年1-2月，", "1-2月"),  # the report's year is not repeated
    ("2024年，", "本年"),
    ("2024年底，", "本年"),
    ("截至12月底，", "本年"),  # January to December is the year
    ("2023年，", "2023年"),
    ("比2023年", ""),  # the figure compared with
    ("较1-2月", ""),
    ("3月15日下达", ""),  # a date is not a span
    ("2023年12月31日", ""),
    ("《2023年预算管理办法》", ""),  # a cited title
])
def test_the_span_a_text_names(text, span):
    assert span_named(text, "2024") == span


def test_only_a_time_that_opens_its_clause_sets_the_time_of_what_follows():
    assert span_named("一是追加2023年运行经费50万元；二是", "2024", opening=True) == ""
    assert span_named("2月份，全县收入500万元。1-2月，", "2024", opening=True) == "1-2月"


def test_a_paragraph_opening_is_its_first_clause_with_content():
    assert opening("2月份，全县税收收入500万元，增长5%") == "2月份，全县税收收入500万元"
    assert opening("一般公共预算收入500万元") == "一般公共预算收入500万元"


# --- keys, and when two figures may be one quantity -------------------------------------------------------
def test_a_name_that_only_relates_to_another_figure_names_no_quantity():
    assert quantity_key("超出预算金额") is None
    assert quantity_key("低于上年金额") is None
    assert quantity_key("缴费补贴") is not None


def test_stated_scopes_that_differ_never_meet():
    base = QuantityKey("年终结余", "", "")
    general = base.with_scope(fund="一般公共预算")
    assert scopes_differ(general, base.with_scope(fund="政府性基金"))
    assert scopes_differ(base.with_scope(entity="青山县"), base.with_scope(entity="白水县"))
    assert scopes_differ(base.with_scope(span="2月"), base.with_scope(span="1-2月"))
    assert not scopes_differ(general, base)  # an unstated fund may be either
    assert not scopes_differ(general, base.with_scope(fund="一般公共预算", span="本年"))
    assert general.base == base == base.with_scope(entity="全区").base


def test_a_key_says_its_scope():
    key = QuantityKey("年终结余", "", "", "全区", "政府性基金", "1-2月")
    assert str(key) == "全区/政府性基金/1-2月/年终结余"
    plain = QuantityKey("一般公共预算收入", "", "", fund="一般公共预算", span="本年")
    assert str(plain) == "一般公共预算收入"  # the fund its name says and the report's own year go unsaid


def _figure(value: str, unit: str = "万元") -> Figure:
    return Figure(value=value, unit=unit, text=f"{value}{unit}", location=Location(line=1))


@pytest.mark.parametrize("a,b,near", [
    (("123.65",), ("123.56",), True),  # a transposition: within half a percent
    (("5.26",), ("5.27",), True),
    (("12.36",), ("12.36", "元"), True),  # the same digits in another unit
    (("36845.12", "元"), ("3.68",), True),  # one amount in two units
    (("25.40",), ("131.70",), False),
    (("120.00",), ("125.00",), False),
])
def test_a_near_miss_is_a_slip_not_another_quantity(a, b, near):
    assert near_miss(_figure(*a), _figure(*b)) is near
