"""Phrase families of data/lexicon.toml: for each, phrases that must match and phrases that must not.

The phrases are made up for these tests (no sentence of a corpus or dev-set document). Each family is tested
where the code uses it: the membership test, the compiled pattern or the function built on the entries.
"""

from __future__ import annotations

import pytest

from narrcheck.checks.consistency import (
    _accounts,
    nc201_restatement,
    nc202_text_vs_table,
    nc401_unit,
    nc402_self_contradiction,
)
from narrcheck.extract.identity import change_key, group_named, per_head_at, quantity_key
from narrcheck.extract.rules import Unit
from narrcheck.extract.statements import _RATE_NUMERATOR, publisher, report_year
from narrcheck.lexicon import entry, words
from narrcheck.llm import ground
from narrcheck.model.claims import Figure
from narrcheck.model.document import Block, TextMap
from narrcheck.model.location import Location
from narrcheck.numbers import parse_chinese_numeral, parse_number
from narrcheck.structure.sections import assign_sections, heading_level
from narrcheck.tables import accounts

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


# --- [accounts], [dates]: the words of the official 财决 tables (tables.accounts) -----------------------------


@pytest.mark.parametrize("line,unit", [
    ("单位：万元", "万元"), ("金额单位:元", "元"), ("单位： 千元", "千元"), ("填报单位：某某局 单位：百元", "百元"),
    ("单位：个", None), ("单位名称：某某中心", None), ("万元", None),
])
def test_unit_lines(line, unit):
    m = accounts._UNIT.search(line)
    assert (m.group(1) if m else None) == unit


@pytest.mark.parametrize("title,official", [
    ("收入支出决算总表", True), ("一般公共预算财政拨款支出决算表", True), ("项目支出决算明细表", True),
    ("项目支出绩效自评表", False), ("支出预算表", False), ("决算表说明", False),
])
def test_official_tables(title, official):
    assert bool(accounts.OFFICIAL.search(title)) is official


@pytest.mark.parametrize("title,core", [
    ("2024年度某某部门政府性基金预算财政拨款支出决算表", "某某部门政府性基金预算财政拨款支出"),
    ("部门公开05表 一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出"),
    ("三、收入决算情况说明", "收入"),
    ("“三公”经费支出预算明细表", "三公经费支出"),
])
def test_what_a_title_is_about(title, core):
    assert accounts.table_core(title) == core


@pytest.mark.parametrize("word,row_total", [
    ("合计", True), ("年初预算", True), ("年初预算数", True), ("本年决算", True), ("上年决算数", True), ("数额", True),
    ("基本支出", False), ("人员经费", False), ("合计数额", False), ("本年预算调整", False),
])
def test_columns_that_hold_the_rows_own_figure(word, row_total):
    assert accounts._is_row_total((word,)) is row_total


@pytest.mark.parametrize("cell,meta", [
    ("编制单位：某某局", True), ("公开08表", True), ("财决表", True), ("2023年度", True), ("部门：某某中心", True),
    ("2023年度支出", False), ("项目", False), ("本年收入", False),
])
def test_lines_above_the_header(cell, meta):
    assert bool(accounts._META.match(cell)) is meta


@pytest.mark.parametrize("cell,numbering,label", [
    ("栏次", True, False), ("行次", True, False), ("序号", True, False),
    ("科目名称", False, True), ("功能分类科目编码", False, True), ("款", False, True), ("项目", False, True),
    ("栏目", False, False), ("科目小计", False, False), ("金额", False, False),
])
def test_numbering_and_label_columns(cell, numbering, label):
    assert bool(accounts._NUMBERING_COLUMN.match(cell)) is numbering
    assert bool(accounts._LABEL_COLUMN.match(cell)) is label


@pytest.mark.parametrize("name,bare", [
    ("一、工资福利支出", "工资福利支出"), ("（十）其他支出", "其他支出"), ("3.办公费", "办公费"), ("十二、", ""),
    ("一般公共服务支出", "一般公共服务支出"), ("二十年规划", "二十年规划"),
])
def test_row_numbering_is_removed(name, bare):
    assert accounts._NUMBERING.sub("", name) == bare


@pytest.mark.parametrize("name,total", [("合计", True), ("本年支出小计", True), ("支出总计", True), ("合计数", False)])
def test_total_rows(name, total):
    assert bool(accounts._TOTAL.search(name)) is total


def test_measure_words_of_a_column():
    fact = accounts.AccountFact(Figure(value="1", unit="万元", text="1", location=Location()), "基本支出", "",
                                ("上年决算数", "本年支出", "年初预算数"), "", "")
    assert fact.measure_words == "上年决算数年初预算数"


# --- [accounts] prior_columns, budget_columns, appropriated: keys of table figures (checks.consistency._accounts)


def _fact(subject: str, *column: str, code: str = "") -> accounts.AccountFact:
    return accounts.AccountFact(Figure(value="1", unit="万元", text="1", location=Location()), subject, code, column,
                                "", "")


@pytest.mark.parametrize("column,period,measure", [
    (("上年决算数",), "上年", ""), (("年初预算数",), "", "年初预算"), (("本年预算数",), "", "预算"),
    (("上年预算数",), "上年", "预算"), (("本年支出", "决算数"), "", ""), (("合计",), "", ""),
])
def test_a_table_columns_words_set_period_and_measure(column, period, measure):
    assert _accounts.fact_keys(_fact("某项", *column, code="2019901"), "2024")[0] == ("#2019901", period, measure)


@pytest.mark.parametrize("words,appropriated", [
    (("一般公共预算财政拨款支出决算表",), True), (("财政拨款收入",), True), (("收入支出决算总表", "本年收入"), False),
    (("财政专户拨款",), False),
])
def test_appropriation_words(words, appropriated):
    assert _accounts._appropriated(*words) is appropriated


# --- [publisher], ratio.formula_rates, dates.compared_before: the document's publisher, year and written rates
# (extract.statements)


@pytest.mark.parametrize("opening,name", [
    ("示例县图书馆2024年度部门决算", "示例县图书馆"),
    ("示例区人民政府办公室2023年度部门整体支出绩效自评报告", "示例区人民政府办公室"),
    ("示例市某某街道办事处单位预算公开", "示例市某某街道办事处"),
    ("示例县第一小学", "示例县第一小学"),
    ("关于2024年度部门决算的说明", ""),
    ("一、部门基本情况", ""),
])
def test_publisher_names(opening, name):
    assert publisher([_unit(opening)]) == name


@pytest.mark.parametrize("texts,year", [
    (["示例局2024年度部门决算"], "2024"),
    (["支出比2023年度增加", "示例局2024年度部门决算"], "2024"),  # a compared year is not the title's
    (["上2023年度结转", "2022年度收入"], "2022"),
    (["较 2022年度减少", "2021年和2021年的收入"], "2021"),  # no title year: the year named most often
])
def test_report_year(texts, year):
    assert report_year([_unit(t) for t in texts]) == year


@pytest.mark.parametrize("text,numerator", [
    ("公用经费控制率=52.3/60×100%=87.17%", "52.3"),
    ("资金使用率＝18/20×100%", "18"),
    ("预算完成率= 9.5 / 10", "9.5"),
    ("到位率=18/20×100%", None),
    ("控制率为87%", None),
])
def test_written_rates_name_their_numerator(text, numerator):
    m = _RATE_NUMERATOR.search(text)
    assert (m.group("num") if m else None) == numerator


def _unit(text: str) -> Unit:
    return Unit(raw=text, text=text, locate=lambda _: Location(), section=(), order=0)


# --- [leads], dates (months), compare.subject_openers/bases, synonyms [names] cost_tails: what a figure's words
# name (extract.identity)


@pytest.mark.parametrize("words,subject,period", [
    ("其中培训费", "培训费", ""), ("主要包括差旅费", "差旅费", ""), ("二是维修费", "维修费", ""),
    ("第三劳务费", "劳务费", ""), ("（四）邮电费", "邮电费", ""), ("截至累计物业管理费", "物业管理费", ""),
    ("本单位全年印刷费", "印刷费", ""), ("2022年度3月底委托业务费", "委托业务费", "2022"),
    ("2022年1至2月委托业务费", "委托业务费", "2022"), ("会议费支出", "会议费", ""),
    ("专用材料费（类）", "专用材料费", ""),
])
def test_lead_words_and_dates_are_no_part_of_a_name(words, subject, period):
    key = quantity_key(words, "2024")
    assert key is not None and (key.subject, key.period) == (subject, period)


@pytest.mark.parametrize("words,subject", [
    ("设备购置支出", "设备购置支出"),  # 支出 stays after a name that is not a cost (费)
    ("公务用车累计运行费", "公务用车累计运行费"),  # only a lead that opens the words is dropped
    ("全区维修费", "全区维修费"),  # the place is the statement's entity, not a lead word
])
def test_words_that_stay_in_a_name(words, subject):
    key = quantity_key(words, "2024")
    assert key is not None and key.subject == subject


@pytest.mark.parametrize("quote,subject", [
    ("水电费比上年增加2万元", "水电费"), ("，取暖费较2023年减少1万元", "取暖费"), ("物业费与年初相比增加", "物业费"),
    ("租赁费同上年相比增加3万元", None),  # 同 opens no comparison here
    ("租赁费增加3万元", None),
])
def test_a_change_without_subject_is_about_the_words_before_its_comparison(quote, subject):
    key = change_key("", quote, "2024")
    assert (key.subject if key else None) == subject


# --- [indicators] counted and money, units.money: a money-per-thing unit that cannot fit (checks NC401) -------


@pytest.mark.parametrize("unit,money_per", [
    ("元/人", True), ("万元/个", True), ("千元/次", True), ("百元 /户", True),
    ("人/年", False), ("元", False), ("%", False), ("美元/人", False),
])
def test_money_per_thing_units(unit, money_per):
    assert bool(nc401_unit.MONEY_PER.match(unit)) is money_per


@pytest.mark.parametrize("label,counted,money", [
    ("慰问困难职工人数", True, False), ("培训场次", True, False), ("群众满意度", True, False),
    ("资金拨付及时率", True, False),
    ("人均补助标准", False, True), ("每场活动成本", False, True), ("慰问人数及补助金额", True, True),
    ("完成设备采购", False, False),
])
def test_indicator_names_that_count_or_measure_money(label, counted, money):
    assert bool(nc401_unit.COUNTED.search(label)) is counted
    assert bool(nc401_unit.MONEY_WORDS.search(label)) is money


# --- leads.breakdown, numerals, dates, units.default: a chart's part and the comparison unit (checks NC201) -----


@pytest.mark.parametrize("chart,subject,same", [
    ("社会保障和就业", "其中社会保障和就业支出", True), ("教育", "三是教育支出", True),
    ("卫生健康", "2024年度卫生健康支出", True), ("科学技术", "主要是科学技术支出", False),
    ("文化旅游", "文化旅游体育与传媒", True), ("农林水", "其他农林水支出", False),
])
def test_a_chart_part_named_after_lead_words(chart, subject, same):
    assert nc201_restatement._same_part(chart, subject) is same


def test_the_comparison_unit_is_a_money_unit():
    assert entry("units.default") in entry("units.money")


# --- indicators.rates, direction.flat: the rate rows of a project table (NC202); parts stated unchanged (NC402)


@pytest.mark.parametrize("label,measure", [
    ("资金到位率", "funds_rate"), ("项目资金到位率（%）", "funds_rate"), ("预算执行率", "execution_rate"),
    ("全年执行率", "execution_rate"), ("资金使用率", None), ("到位资金", None), ("执行进度", None),
])
def test_rate_rows_of_a_project_table(label, measure):
    found = [m for m, names in nc202_text_vs_table.RATE_WORDS.items() if any(n in label for n in names)]
    assert found == ([measure] if measure else [])


@pytest.mark.parametrize("word,flat", [("持平", True), ("基本持平", True), ("大体持平", False), ("增加", False)])
def test_words_that_state_no_change(word, flat):
    assert (word in nc402_self_contradiction._FLAT) is flat


@pytest.mark.parametrize(("text", "group"), [
    ("1.学前教育", "学前教育"), ("（二）普通高中", "普通高中"), ("3、全区特殊教育", "特殊教育"),
    ("（二）各级教育生均经费增长情况", ""), ("普通高中生均公用经费", ""), ("一、收入支出决算总体情况", ""),
    ("2024年共支出36.50万元", ""),
])
def test_the_group_a_heading_or_colon_names(text, group):
    assert group_named(text) == group


@pytest.mark.parametrize(("subject", "at"), [("生均公用经费", 0), ("初中生均教育事业费", 2), ("在职人员人均经费", 4),
                                             ("公用经费", -1)])
def test_where_a_name_becomes_an_average(subject, at):
    assert per_head_at(subject) == at
