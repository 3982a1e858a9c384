"""Each phrase family of extraction, with phrasings that must match and must not (our own sentences, in the styles
of different provinces). The patterns are built from data/lexicon.toml; a phrasing added there shows up here.
"""

import re

import pytest

from narrcheck.extract import patterns as P
from narrcheck.extract.words import COUNT_AFTER_LIST, DENIAL, FLAT_CHANGE, LIST_COUNT, REASON
from narrcheck.numbers.normalize import normalize

FAMILIES: dict[str, tuple[re.Pattern[str], list[str], list[str]]] = {
    "change (comparison, amount, rate)": (P.CHANGE, [
        "较上年增加12.30万元，增长8.5%",
        "比上年度减少3.00万元，下降10%",
        "与2023年相比，收、支总计各减少25.04万元，下降2.38%",
        "较上年同期减收380万元，下降5.85%",
        "同比增支44亿元，增长4.6%",
        "较年初预算数减少4万元",
        "较上年（减少）16.23万元",
    ], [
        "较均衡进度慢0.48%",
        "比重为53.79%",
        "增加投入资金10万元",
    ]),
    "change with the prior stated": (P.CHANGE_WITH_PRIOR, [
        "比2018年1573.66万元，减少395.38万元，下降25.12%",
        "比上年的304276万元下降1.73%",
        "比去年4432万增长0.47%",
        "与2016年公共财政预算收入1631.06万元，相比增加8306.32万元",
    ], [
        "比上年增加10万元，增长5%",
        "占比12%",
    ]),
    "rate first, then the amount": (P.CHANGE_RATE_FIRST, [
        "同比增长9.1%，增收8300万元",
        "增长15.35%，增收25457万元",
    ], [
        "增长9.38%；非税收入1708万元",
        "增长3.8%，其中税收收入完成11.53亿元",
    ]),
    "a change whose comparison was named before": (P.CHANGE_BARE, [
        "减少282万元，下降2.27%",
        "增加1.2万元（25%）",
        "负增长0.46亿元，负增长1.21%",
    ], [
        "减少282万元。",
        "增加了3个项目",
    ]),
    "from one figure to another": (P.CHANGE_FROM_TO, [
        "由上年的17916.00元增加到21360.17元，增长19.22%",
        "由2023年的80万元减少至60万元",
    ], [
        "由县财政局下达80万元",
    ]),
    "percentage points": (P.CHANGE_POINTS, [
        "比上年的18.92%下降3.24个百分点",
        "较上年的10.54%增加了0.78个百分点",
    ], [
        "超时间进度3.3个百分点",
    ]),
    "a prior without its unit": (P.CHANGE_BARE_PRIOR, [
        "较上年2.08减少0.03万元",
    ], [
        "较上年2.08万元减少0.03万元",
        "较上年减少0.03万元",
    ]),
    "share": (P.SHARE, [
        "占75%",
        "占本年支出合计的100%",
        "占预算数137万元的40.74%",
        "占一般公共预算收入的比重为69.3%",
        "占支出总预算82.27%",
    ], [
        "完成预算的96%",
    ]),
    "completion of a budget": (P.COMPLETION, [
        "完成预算100%",
        "完成年初预算的27.8%",
        "为年初预算61.22%",
        "完成调整后预算的97.3%",
        "完成预算105425万元的5.39%",
    ], [
        "完成投资100万元",
    ]),
    "completion naming no budget": (P.COMPLETION_BARE, [
        "完成71.25%",
        "完成了99.5%",
    ], [
        "完成预算的96%",
        "完成率95.00%",
        "完成投资80万元",
    ]),
    "another thing completed": (P.OTHER_COMPLETION, [
        "主体工程进度",
        "年度计划",
        "各项任务",
    ], [
        "支出决算",
        "全年",
    ]),
    "named measure": (P.MEASURE, [
        "预算执行率43.03%",
        "资金到位率为90.02%",
        "预算偏离度为3.05%",
    ], [
        "执行较好",
    ]),
    "a figure of a physical measure": (P.MEASURED, [
        "完成河道整治12公里",
        "建成高标准农田1.6万亩",
        "新建厂房3,200平方米",
        "飞行时长909.93小时",
    ], [
        "支付资金12万元",
        "2023年12月",
        "受益人口1.2万人",
    ]),
    "done against a target": (P.OVER_TARGET, [
        "实际改造数超任务43%",
        "超出计划数12.5%",
    ], [
        "超额完成任务",
    ]),
    "a list of parts opens": (P.LIST_MARKER, ["其中：", "其中，", "主要用于：", "具体如下："], ["期中考核"]),
    "a list of the parts of a named total": (P.NAMED_LIST, ["在项目支出中，", "在收入拨款当中，"], ["在中，"]),
    "a classification or viewpoint partitions a total": (P.CLASSIFIED_LIST, [
        "按支出经济分类：", "按功能分类科目，", "从收入结构看：", "分级次看：", "从征收部门来看：",
    ], [
        "按规定执行：",
    ]),
    "a balance adds to a total": (P.BALANCE_OPEN, ["，加上级补助收入", "。加上转移性收入", "；减去调出资金"], [
        "增加上级补助",
    ]),
    "a balance of the totals before it": (P.YEAR_END_BALANCE, [
        "上述收支相抵，年终结余65616万元", "收支相抵，结转下年30000万元", "收支总量相抵结转下年11.6亿元",
        "当年收支结余530万元",
    ], [
        "收支相抵后略有结余", "结转下年使用1513万元",
    ]),
    "the totals are said to be equal": (P.BALANCED, ["收支相抵，全区一般公共预算收支平衡。", "收支平衡"], [
        "收支平衡情况", "收支基本平衡",
    ]),
    "a bracket naming amounts only": (P.BRACKETED_ITEMS, [
        "（一般公共预算财政拨款7920.18万元，政府性基金预算财政拨款730.14万元）", "(市级资金8000万元、县级资金4000万元)",
    ], [
        "（含上年结转20万元）", "（占总支出的12%，较上年增长3万元）", "（2022年120万元，2023年150万元）",
    ]),
    "an adjusted basis": (P.ADJUSTED_BASIS, ["同口径增长5%", "剔除减税降费因素"], ["口径一致"]),
    "a denial": (DENIAL, ["本单位无结转结余资金", "不涉及政府采购", "2024年度未发生因公出国费用"], [
        "无法判断",
        "无偿划拨",
    ]),
    "the reason of a change": (REASON, ["主要原因是人员增加", "主要变动原因为：项目减少"], ["原因分析"]),
    "no change": (FLAT_CHANGE, ["与上年持平", "较2023年度基本持平", "与去年相比，持平"], ["收支平衡"]),
    "a count and the list it names": (LIST_COUNT, ["分为3个阶段，包括准备、实施和验收"], ["分为几个阶段"]),
    "the names listed, then their count": (COUNT_AFTER_LIST, [
        "对城关、新河和东岭共三个乡镇",
        "产出、效益、满意度共计3类",
    ], [
        "全县共12个乡镇",
        "城关、新河等乡镇",
    ]),
    "the actual equals the budget": (P.EQUAL_TO_BUDGET, ["决算数等于预算数", "与预算数持平"], ["预算数较大"]),
    "the text says a list is complete": (P.LIST_COMPLETE, ["收入合计", "分别为", "支出共计"], [
        "一般公共预算支出",
        "本项目共申请资金",
    ]),
    "the figure is the whole (共)": (P.WHOLE_ADVERB, ["本项目共申请资金", "共有车辆"], ["公共服务", "预算支出"]),
}

CASES = [(family, text, should) for family, (_, yes, no) in FAMILIES.items()
         for text, should in [*((t, True) for t in yes), *((t, False) for t in no)]]


@pytest.mark.parametrize("family,text,should", CASES, ids=[f"{f}:{t}" for f, t, _ in CASES])
def test_phrase_family(family: str, text: str, should: bool) -> None:
    pattern = FAMILIES[family][0]
    found = pattern.search(normalize(text).text) is not None
    assert found is should, f"{family}: {text!r} should {'' if should else 'not '}match"


@pytest.mark.parametrize("text,unit", [
    ("共计4453万", "万元"),  # 万 without 元 is money where a comparison or punctuation follows
    ("收入3.92亿，比上年", "亿元"),
    ("469500 元", "元"),
])
def test_money_written_short(text: str, unit: str) -> None:
    m = P.MENTION.search(normalize(text).text)
    assert m is not None and P.SHORT_MONEY.get(m.group("unit"), m.group("unit")) == unit


@pytest.mark.parametrize("text", ["领取待遇10.76万人", "超时间进度3.3个百分点", "造林1.5万亩"])
def test_not_money_nor_count(text: str) -> None:
    m = P.MENTION.search(normalize(text).text)
    assert m is None or m.group("unit") not in ("万", "亿", "个")


@pytest.mark.parametrize("text,threshold", [
    ("单价30万元以上设备2台", True),
    ("价值在80万元（含）以下的项目", True),
    ("单价为12万元的车辆", True),
    ("100万元及以上的合同", True),
    ("单价5万元以内的设备", True),
    ("年初预算控制在5万元以内", False),  # a ceiling that is still the amount
    ("项目支出60万元以下分项说明", False),  # 以下: the following
    ("项目支出60万元以下：", False),
    ("购置设备支出30万元，以上支出均为财政拨款", False),  # 以上 after a comma opens a clause of its own
    ("设备采购支出30万元", False),
    ("其中30万元以上年结转资金安排", False),  # 以上年: by last year's
    ("安排资金8万元以下几项", False),
])
def test_threshold(text: str, threshold: bool) -> None:
    from narrcheck.extract.rules import _threshold
    norm = normalize(text).text
    m = P.MENTION.search(norm)
    assert m is not None and _threshold(norm, m.start(), m.end()) is threshold
