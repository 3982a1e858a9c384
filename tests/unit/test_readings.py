"""The catalogue of readings (data/readings.toml) and its functions stay in step; the formulas they yield are
checked against the printed figure by the rounding rule, rounded or cut.
"""

from decimal import Decimal

from narrcheck.checks.diagnosis import READINGS, Terms, catalogue, diagnose, reproduces

BY_THE_RULES = {"truncation", "rounded_twice", "unit_slip", "figure_typo", "digit_typo", "sum_typo", "listed",
                "unfilled"}  # (from the verdicts, NC109, the digits, NC202's list, NC308's total row)


def test_every_reading_has_its_function_and_messages():
    assert set(catalogue()) == set(READINGS) | BY_THE_RULES
    for code, entry in catalogue().items():
        assert entry["about"] and "{formula}" in entry["zh"] and "{formula}" in entry["en"], code


def test_a_formula_reproduces_a_figure_rounded_or_cut():
    assert reproduces("0.71/9.07*100", "7.83") == "round"  # 7.828
    assert reproduces("115/264*100", "43") == "round"  # whole figures stand for ±0.5: 43.29 … 43.83
    assert reproduces("4.00/600.00*100", "0.66") == "cut"  # 0.6667
    assert reproduces("|2289.41-2361.58|/2361.58*100", "3.05") == "cut"  # bars are the absolute value
    assert reproduces("4.00/600.00*100", "0.65") == ""
    assert reproduces("min(99/100,1)*10", "9") == ""  # not plain arithmetic: nothing is claimed


def test_the_first_reading_that_reproduces_is_named_and_none_otherwise():
    rate = Terms("rate", {"delta": "3.00", "stated_delta": "3.00", "current": "12.00", "base": "12.00+3.00"})
    assert diagnose(rate, Decimal("25.00"), 2, "en").code == "base_current"
    assert diagnose(rate, Decimal("0.20"), 2, "en").code == "fraction_as_percent"
    assert diagnose(rate, Decimal("3.00"), 2, "en").code == "delta_as_rate"
    assert diagnose(rate, Decimal("22.00"), 2, "en") is None
    assert diagnose(rate, Decimal("0"), 2, "en") is None  # a printed 0 is reached by too many readings
    assert diagnose(None, Decimal("25.00"), 2, "en") is None
    why = diagnose(rate, Decimal("25.00"), 2, "zh")
    assert why.formula == "3.00/12.00*100" and "本年数" in why.message and why.formula in why.message


def test_a_figure_is_replaced_wherever_an_item_holds_it_and_nothing_else_is_copied():
    from dataclasses import dataclass

    from narrcheck.checks.arithmetic.nc109_wrong_figure import _figures, _key, _replace
    from narrcheck.model.claims import Figure, PartsSumClaim
    from narrcheck.model.location import Location

    def fig(value: str, line: int, column: int) -> Figure:
        return Figure(value=value, unit="万元", text=f"{value}万元", location=Location(line=line, column=column))

    @dataclass(frozen=True)
    class Row:  # a table record: measures by name
        measures: dict
        label: str = "合计"

    total, part, other = fig("57.55", 1, 5), fig("12.5", 1, 20), fig("45.2", 2, 3)
    claim = PartsSumClaim(total=total, parts=(part, other), quote="…", location=Location(line=1, column=1))
    table = (Row({"executed": part, "budget": other}), Row({"budget": total}))
    new = part.model_copy(update={"value": "12.35", "text": "12.35万元"})
    mended_claim, mended_table = _replace(claim, _key(part), new), _replace(table, _key(part), new)
    assert [f.value for f in _figures(mended_claim)] == ["57.55", "12.35", "45.2"]
    assert [f.value for f in _figures(mended_table)] == ["12.35", "45.2", "57.55"]
    assert mended_table[1] is table[1] and mended_claim.total is claim.total  # untouched parts are shared
    assert _replace(claim, _key(fig("12.5", 9, 9)), new) is claim  # the same digits elsewhere are another figure


def test_wrong_column_names_the_neighbouring_column_only_when_it_gives_the_figure():
    executed = Terms("sum", {}, columns=("665.97+18.05+18.60+171.00",))
    why = diagnose(executed, Decimal("873.62"), 2, "en")
    assert why.code == "wrong_column" and why.formula == "665.97+18.05+18.60+171.00"
    assert diagnose(executed, Decimal("947.41"), 2, "en") is None  # the budgets' own sum is no misreading
    assert diagnose(Terms("sum", {}), Decimal("873.62"), 2, "en") is None  # no other column stated


def test_digit_typo_is_one_mistyped_digit_or_two_exchanged_in_a_restated_figure_of_three_or_more():
    from narrcheck.checks.diagnosis import typo

    assert typo("148.82", "148.28", "148.82 = 148.28万元", "en").formula == "148.28"  # the value stated elsewhere
    assert typo("2263", "2253", "2263万元 = 2253万元", "en").code == "digit_typo"
    why = typo("2263", "2253", "1435+818", "en")  # a sum: the slip could sit in a part as well, and it says so
    assert why.code == "sum_typo" and why.formula == "1435+818" and "one part" in why.message
    assert typo("20.00", "25.00", "3.00/12.00*100", "en") is None  # a ratio: no digit of it shows the slip
    assert typo("545.02", "555.02", "31455.51-30900.49", "en") is None  # a difference is no total of parts
    assert typo("2263", "2253", "1435+818", "en", amounts={Decimal(10)}) is None  # the gap is a printed amount
    assert typo("2254", "2253", None, "en") is None  # the last digit off is a rounding matter
    assert typo("2363", "2253", None, "en") is None  # two digits
    assert typo("100", "110", None, "en") is None  # a round total
    assert typo("0.33", "0.03", None, "en") is None  # two significant digits
    assert typo("1250.5", "125.05", None, "en") is None  # the point moved: not this reading
    assert typo("35.22", "35.28", "4.35/12.35*100", "en") is None  # a ratio: shared digits are no sign


def test_rounded_twice_is_two_roundings_that_give_the_printed_figure_where_one_does_not():
    from narrcheck.checks.diagnosis import in_unit, rounded_twice, twice

    assert twice("26845.39/10000", "2.69")  # 2.684539 -> 2.685 -> 2.69
    assert not twice("26845.39/10000", "2.68")  # rounded once: no slip to name
    assert not twice("26835.39/10000", "2.69")  # 2.683539 -> 2.684 -> 2.68
    assert rounded_twice("26845.39/10000", "2.69", "zh").code == "rounded_twice"
    assert in_unit("26845.39", Decimal("0.0001")) == "26845.39/10000" and in_unit("2.5", Decimal(1)) == "2.5"
    assert in_unit("2.5", Decimal(10000)) == "2.5*10000"


def test_the_targets_a_count_announces_are_read_only_from_a_list_of_targets():
    from narrcheck.extract.scores import listed_targets

    after = "。具体如下：数量指标：巡查次数≥24次，维修点位=3处；质量指标：整改完成率=100%，效益指标：环境持续改善。"
    assert listed_targets(after) == ("巡查次数", "维修点位", "整改完成率", "环境持续改善")
    assert listed_targets("。分别为：印制资料≥1,000份，满意度≥90%。") == ("印制资料", "满意度")  # 1,000 is one figure
    assert listed_targets("。具体如下：按时完成，群众满意。") == ()  # no target named with a figure or category
    assert listed_targets("，项目按计划推进，数量指标：巡查次数≥24次。") == ()  # no words that open a list
    assert listed_targets("。具体如下：巡查次数≥24次，项目已于2024年12月完成。") == ()  # the sentence went on
    assert listed_targets("。具体如下：巡查路段（含主路3公里，支路2公里）≥5公里，满意度≥90%。") == (
        "巡查路段（含主路3公里，支路2公里）", "满意度")  # a remark in brackets is its target's
    assert listed_targets("。具体如下：巡查次数≥24次、满意度≥90%。") == ()  # two targets in one item: unsure
    assert listed_targets("。具体如下：时效指标：年底前完成，成本指标：≤12万元。") == ()  # a target with no name
