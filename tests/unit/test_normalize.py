"""normalize(): what patterns see, and every offset mapped back to the original."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrcheck.numbers.normalize import Normalized, normalize


def _n(text: str) -> str:
    return normalize(text).text


# (original, normalized): each rule on sentences written the way these disclosures are.
@pytest.mark.parametrize("original,expected", [
    # a. NFKC: full-width digits, letters and percent; compatibility and Kangxi-radical ideographs
    ("本年支出１２３４．５６万元", "本年支出1234.56万元"),
    ("执行率为９８．７６％", "执行率为98.76%"),
    ("ＧＤＰ增长", "GDP增长"),
    ("一般公共预算\u2f40出", "一般公共预算支出"),  # Kangxi radical 支
    ("\u3220收入情况", "（一）收入情况"),  # parenthesized ideograph one, its parentheses twinned
    ("\u2474办公费", "（1）办公费"),
    ("增长率为５﹪", "增长率为5%"),
    # b. ASCII punctuation read as its Chinese twin
    ("收入合计 500 万元,比上年增加 20 万元", "收入合计500万元，比上年增加20万元"),
    ("其中:基本支出 300 万元;项目支出 200 万元", "其中：基本支出300万元；项目支出200万元"),
    ("(二)项目支出情况", "（二）项目支出情况"),
    ("是否完成?已完成!", "是否完成？已完成！"),
    ("合计 1,234.50 元,较上年增加", "合计1,234.50元，较上年增加"),  # thousands comma kept, clause comma twinned
    ("总额 12,345,678.90 元", "总额12,345,678.90元"),
    ("分别为 3,4 月份", "分别为3，4月份"),  # one digit after the comma: not a thousands separator
    ("2019,2020 两年", "2019，2020两年"),  # four digits after it
    ("共计 1，234.56 万元", "共计1,234.56万元"),  # a full-width comma between digit and three digits: thousands
    ("支出 9，8 项", "支出9，8项"),
    ("收支平衡.", "收支平衡。"),  # a dot after an ideograph at the end: a full stop
    ("工作完成良好.\n下一步", "工作完成良好。\n下一步"),
    ("服务支出48.35万元.授予中小企业", "服务支出48.35万元。授予中小企业"),  # after a figure's unit: a full stop
    ("同比增长6.8%.加上补助收入", "同比增长6.8%。加上补助收入"),  # after a percent sign too
    ("比上年提高1.2个百分点.税收收入", "比上年提高1.2个百分点。税收收入"),  # and after 个百分点
    ("负增长0.94%.", "负增长0.94%。"),  # a percent sign at the line's end
    ("某某保健院.公益", "某某保健院.公益"),  # between two words: a name's dot, kept
    ("单位支出 3.5 万元", "单位支出3.5万元"),
    ("增长 １２．５ %", "增长12.5%"),
    # a pinyin reading glossed after an ideograph is no text; brackets without a toned reading stay
    ("教育經(jīng)費(fèi)為300萬元", "教育经费为300万元"),
    ("项目(a)与项目(b)", "项目（a）与项目（b）"),
    # c. spaces inside figures and words
    ("上年结转 469501 元", "上年结转469501元"),
    ("占比 12.07 %", "占比12.07%"),
    ("较上年减少 0.35万元", "较上年减少0.35万元"),
    ("项 目 支 出 预 算 安 排 1234567.89 元", "项目支出预算安排1234567.89元"),
    ("2024 年 部 门 预 算", "2024年部门预算"),
    ("截至 2023 年 12 月 31 日", "截至2023年12月31日"),
    ("办公费\u3000\u3000125万元", "办公费125万元"),  # ideographic spaces
    ("培训费\u00a018 万元", "培训费18万元"),  # no-break space
    ("会议费\t6 万元", "会议费6万元"),
    ("运行经费 58.6 万元 , 其中 : 办公费", "运行经费58.6万元，其中：办公费"),
    # thousands set apart by single spaces in a figure that names its unit: separators
    ("收入预算41 806.25万元，其中", "收入预算41,806.25万元，其中"),
    ("比上年减少2 318.60元，下降", "比上年减少2,318.60元，下降"),
    ("资产总额3 204 118元", "资产总额3,204,118元"),
    ("完成率为98.5 %", "完成率为98.5%"),
    # a thousands comma with a space beside it (text from a PDF): the group after it runs on to decimals or a unit
    ("支出总额3, 608.75万元，较上年", "支出总额3,608.75万元，较上年"),
    ("收入2 ,417.20万元", "收入2,417.20万元"),
    ("结余45, 820元", "结余45,820元"),
    ("资产总额6, 105, 330.08元", "资产总额6,105,330.08元"),
    ("分别为7.25, 318.40万元", "分别为7.25，318.40万元"),  # decimals before the comma: two figures
    ("分别为6, 814人", "分别为6，814人"),  # no decimals, no money unit: not surely one figure
    ("编号5, 2468.1万元", "编号5，2468.1万元"),  # four digits after the comma
    # thousands set apart by spaces before a unit with spaces inside it (万 元, as web pages set it)
    ("收支总计1 846.37 万 元，增长15.24 %。", "收支总计1,846.37万元，增长15.24%。"),
    # d. what is no text: invisible characters, HTML remnants, pinyin readings in full-width brackets
    ("公务接待费1\u200b5\u00ad.5\u200d4万元", "公务接待费15.54万元"),
    ("本年\u00ad收入\u2060合计\ufeff1,7\u200b73.37万元", "本年收入合计1,773.37万元"),  # inside a thousands group
    ("会议费4.26&nbsp;万元，&ldquo;三公&rdquo;经费", "会议费4.26万元，“三公”经费"),
    ("收入合计1&nbsp;773.37万元", "收入合计1,773.37万元"),  # a no-break space entity between thousands
    ("支出&amp;nbsp;15.54万元&amp;amp;", "支出15.54万元&"),  # escaped twice
    ("占&#65285;比&#12288;收入", "占%比收入"),
    ("下降5.91%。<br>主要原因是<br/>厉行节约", "下降5.91%。主要原因是厉行节约"),
    ('<p class="MsoNormal"><span style="font-family:仿宋">办公费</span><o:p></o:p></p>', "办公费"),
    ("得分95<br>96", "得分95 96"),  # a tag between two figures keeps them apart
    ("決（jué）算數(shù)", "决算数"),
    ("R&D费用 a&b; <5% x<y>", "R&D费用a&b；<5%x<y>"),  # no entity, no known tag: left as written
])
def test_rules(original: str, expected: str) -> None:
    assert _n(original) == expected


@pytest.mark.parametrize("text", [
    "95% 95% 10 9 100 94",  # a row of numbers stays a row of numbers
    "100 100 95 95",  # three digits after a space, but no unit: two figures
    "预算执行率10 100% 10分",  # a weight and a rate side by side: no money unit, no thousands
    "90% 85%",
    "1. 基本情况",  # enumerator dots stay (the space after it goes: see below)
    "一.收入支出决算总体情况",  # a Chinese-numeral enumerator keeps its dot
    "二.支出情况\n",
    "总计3.50万元",
    "网址为某某局.政务",  # a dot between ideographs is not surely a full stop
    "完成.其余",
    "Excel 2019 version",
    "-3.5%",
    "①是否按规定公开；②是否真实。",  # circled enumerators stay: NFKC would glue them to a figure
    "面积120㎡",
    "x²",
    "完成情况……",
    "比上年增长5%，比预算减少10%。",
    "1234.56",
    "合计56 78.90万元",  # a space inside a figure elsewhere than beside a thousands comma: left as it is
    "合计5678. 90万元",
    "",
])
def test_unchanged(text: str) -> None:
    n = normalize(text)
    if text == "1. 基本情况":
        assert n.text == "1.基本情况"
        return
    assert n.text == text
    assert [n.source(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_nothing_to_change_is_the_identity() -> None:
    text = "一般公共预算财政拨款支出1025.24万元，比上年增长5.6%。"
    n = normalize(text)
    assert n.text is text and not n.changed and n.outs == ()
    assert n.span(3, 7) == (3, 7) and n.source(len(text)) == len(text)


@pytest.mark.parametrize("original,expected,figure", [
    ("本年度經費總預算安排 1,234.56 萬元,比上年增長 5.6%。",
     "本年度经费总预算安排1,234.56万元，比上年增长5.6%。", "1,234.56"),
    ("機關運行經費支出 23.5 萬元", "机关运行经费支出23.5万元", "23.5"),
    ("公務用車購置及運行費 12 萬元", "公务用车购置及运行费12万元", "12"),
    ("財政撥款收入 8 億元", "财政拨款收入8亿元", "8"),
])
def test_traditional_reads_as_simplified(original: str, expected: str, figure: str) -> None:
    n = normalize(original)
    assert n.text == expected
    # the figure found in the normalized text maps back to where it is printed
    a = n.text.index(figure)
    start, end = n.span(a, a + len(figure))
    assert original[start:end] == figure
    unit = n.text.index("元")
    assert original[n.source(unit)] == "元"


def test_simplified_text_is_not_converted() -> None:
    text = "发展经费支出，着力保障重点项目"  # 发 and 着 are also the converted forms of traditional ones
    n = normalize(text)
    assert n.text is text


def test_offsets_of_removed_spaces() -> None:
    original = "经 费 总 额 37337407.64 元"
    n = normalize(original)
    assert n.text == "经费总额37337407.64元"
    a = n.text.index("37337407.64")
    assert n.span(a, a + 11) == (original.index("3"), original.index("3") + 11)
    assert n.source(a) == original.index("3")
    # the span of the whole covers the spaces inside it
    assert n.span(0, len(n.text)) == (0, len(original))
    assert n.source(len(n.text)) == len(original)
    # a unit after a removed space maps to itself
    assert original[n.source(n.text.index("元"))] == "元"


def test_offsets_of_a_spaced_thousands_comma() -> None:
    original = "经费 2, 905.16 万元,增长"
    n = normalize(original)
    assert n.text == "经费2,905.16万元，增长"
    a = n.text.index("2,905.16")
    assert n.span(a, a + 8) == (original.index("2"), original.index("6") + 1)  # the space inside it included
    assert original[n.source(n.text.index("905"))] == "9"
    assert original[n.source(n.text.index("万"))] == "万"


@pytest.mark.parametrize("original,expected", [
    ("两项费用分别为 26, 415.80万元", "两项费用分别为26，415.80万元"),  # two items of a list, not 26 415.80
    ("达标率依次为 97, 100.00%", "达标率依次为97，100.00%"),
    ("差旅费8.00万元、 4, 310.50万元", "差旅费8.00万元、4，310.50万元"),  # after a list separator
    ("收入合计 4, 512.30万元", "收入合计4,512.30万元"),  # one figure
    ("结余为 7, 046.25万元", "结余为7,046.25万元"),
])
def test_a_spaced_comma_in_a_list_parts_two_items(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_offsets_of_an_expansion() -> None:
    original = "\u3220收入 5 万元"
    n = normalize(original)
    assert n.text == "（一）收入5万元"
    assert [n.source(i) for i in range(3)] == [0, 0, 0]
    assert n.span(0, 3) == (0, 1) and n.span(1, 2) == (0, 1)
    assert n.span(3, 5) == (1, 3)
    a = n.text.index("5")
    assert original[slice(*n.span(a, a + 1))] == "5"


def test_offsets_out_of_range() -> None:
    n = normalize("收入 5 万元")
    with pytest.raises(IndexError):
        n.source(len(n.text) + 1)
    with pytest.raises(IndexError):
        n.span(2, 1)


def test_newlines_are_kept() -> None:
    original = "支出合计 \n 100 万元"
    n = normalize(original)
    assert n.text == "支出合计\n 100万元"  # the space before 100 has no CJK neighbour
    assert n.text.count("\n") == original.count("\n")
    assert original[n.source(n.text.index("\n"))] == "\n"


# ------------------------------------------------------------------------------------------- properties


def _check_map(original: str, n: Normalized) -> None:
    sources = [n.source(i) for i in range(len(n.text) + 1)]
    assert all(0 <= s <= len(original) for s in sources)
    assert sources == sorted(sources)
    assert sources[-1] == len(original)
    for a in range(len(n.text)):
        start, end = n.span(a, a + 1)
        assert 0 <= start < end <= len(original)
        assert start == sources[a]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_map_is_monotonic_and_in_range(original: str) -> None:
    _check_map(original, normalize(original))


# Text from the characters these documents are made of, spaces and punctuation included.
_DOC_CHARS = st.sampled_from(list(
    "经费预算支出收入万元年增长比上一二三的" "經費預萬長" "0123456789" "０１２３４５６７８９" "%％.．,，:：;；()（）!?"
    "  \u3000\t\n" "①㈠⽀ab"
))
# ... and pieces of web pages: invisible characters, entities, tags, pinyin readings
_WEB_PIECES = st.sampled_from(["\u200b", "\u00ad", "\ufeff", "&nbsp;", "&amp;nbsp;", "&ldquo;", "&#65285;", "<br>",
                               "</p>", "<span class=\"x\">", "(jīng)", "（fèi）", "&", "<"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_DOC_CHARS, max_size=40).map("".join))
def test_map_on_document_like_text(original: str) -> None:
    _check_map(original, normalize(original))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_DOC_CHARS, _WEB_PIECES), max_size=30).map("".join))
def test_map_on_web_page_text(original: str) -> None:
    _check_map(original, normalize(original))


# Characters that normalize without looking at their neighbours (no spaces, commas or dots): any piece of
# the original normalizes on its own to the matching piece of the normalized text.
_CONTEXT_FREE = st.sampled_from(list(
    "经费预算支出收入万元年增长" "0123456789" "０１２３４５６７８９" "%％:：;()（）" "㈠⽀①ab"
))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CONTEXT_FREE, max_size=40).map("".join))
def test_spans_normalize_back(original: str) -> None:
    n = normalize(original)
    # character boundaries: offsets where a new source character starts (not inside an expansion)
    bounds = [i for i in range(len(n.text) + 1) if i in (0, len(n.text)) or n.source(i) != n.source(i - 1)]
    for x, a in enumerate(bounds):
        for b in bounds[x + 1:]:
            start, end = n.span(a, b)
            assert normalize(original[start:end]).text == n.text[a:b]
