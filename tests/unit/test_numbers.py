from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrcheck.numbers import Interval, Verdict, decide, parse_chinese_numeral, parse_number, round_half_up
from narrcheck.numbers.expression import evaluate


@pytest.mark.parametrize("text,unit,value,decimals", [
    ("1025.24", "万元", "1025.24", 2), ("１０２５．２４", "万元", "1025.24", 2),
    ("1,603,345.54", "元", "1603345.54", 2),
    ("-16.95", "%", "-16.95", 2), ("100", "%", "100", 0), ("0.833", "万元", "0.833", 3),
])
def test_parse_number(text, unit, value, decimals):
    q = parse_number(text, unit)
    assert q.value == D(value) and q.decimals == decimals and q.unit == unit


def test_parse_number_rejects_garbage():
    with pytest.raises(ValueError):
        parse_number("12a")


@pytest.mark.parametrize("text,value", [("十二", 12), ("两", 2), ("一百零五", 105), ("三千", 3000), ("十", 10)])
def test_chinese_numerals(text, value):
    assert parse_chinese_numeral(text) == value


def test_money_conversion():
    q = parse_number("117828.14", "百元")
    assert q.in_unit("万元") == D("1178.2814")


def test_verdicts_from_design():
    # 5.99 / (16.91 - 5.99) = 54.85% holds
    rate = Interval.printed(D("5.99"), 2) / (Interval.printed(D("16.91"), 2) - Interval.printed(D("5.99"), 2))
    assert decide(D("54.85"), 2, rate.scale(D(100))).verdict is Verdict.OK
    # 偏离度 72.17 / 2361.58 = 3.0560%: 3.05 is a truncation, 3.10 a mismatch
    dev = abs(Interval.printed(D("2289.41"), 2) - Interval.printed(D("2361.58"), 2)) / Interval.printed(D("2361.58"), 2)
    assert decide(D("3.05"), 2, dev.scale(D(100))).verdict is Verdict.TRUNCATION
    d = decide(D("3.10"), 2, dev.scale(D(100)))
    assert d.verdict is Verdict.MISMATCH and d.expected == D("3.06")


def test_expression():
    value = evaluate("（644045.07-775529.01）/775529.01×100%")
    assert round_half_up(value.mid, 2) == D("-16.95")
    assert decide(D("5.46"), 2, evaluate("64.40/1178.28×100%")).verdict is Verdict.TRUNCATION
    with pytest.raises(ValueError):
        evaluate("12/+")


money = st.decimals(min_value=D("0.01"), max_value=D("99999"), places=2)


@given(money, money)
def test_printed_values_always_meet_their_own_ratio(a, b):
    """A share computed from two printed figures and printed half-up is always ok."""
    computed = Interval.printed(a, 2) / Interval.printed(b, 2) * Interval.exact(D(100))
    claimed = round_half_up(a / b * 100, 2)
    assert decide(claimed, 2, computed).verdict is Verdict.OK


@given(money, money)
def test_interval_contains_face_value(a, b):
    for iv in (Interval.printed(a, 2) + Interval.printed(b, 2), Interval.printed(a, 2) - Interval.printed(b, 2),
               Interval.printed(a, 2) * Interval.printed(b, 2), Interval.printed(a, 2) / Interval.printed(b, 2)):
        assert iv.lo <= iv.mid <= iv.hi


@given(st.decimals(min_value=D("0"), max_value=D("1000"), places=6))
def test_truncation_is_only_reported_when_rounding_differs(x):
    computed = Interval.exact(x)
    cut = x.quantize(D("0.01"), rounding="ROUND_DOWN")
    verdict = decide(cut, 2, computed).verdict
    if round_half_up(x, 2) == cut:
        assert verdict is Verdict.OK
    else:
        assert verdict is Verdict.TRUNCATION


def test_a_string_of_more_than_twenty_significant_digits_is_no_figure():
    import pytest

    from narrcheck.numbers.parse import MAX_SIGNIFICANT_DIGITS, parse_number

    assert MAX_SIGNIFICANT_DIGITS == 20
    assert parse_number("12345678901234567890").value == 12345678901234567890  # twenty: still a figure
    assert parse_number("0.00000000000000000001234").decimals == 23  # leading zeros are not significant
    with pytest.raises(ValueError, match="more than 20 significant digits"):
        parse_number("123456789012345678901234567890123.45")
