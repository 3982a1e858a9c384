"""The text reader joins lines hard-wrapped inside a sentence (text pasted from a PDF) and keeps positions."""

import re

import pytest

from narrcheck.readers import read_document

WIDTH = 40  # display columns of a full line: 20 ideographs


def _width(text: str) -> int:
    return sum(2 if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" else 1 for c in text)


def wrap(paragraph: str, width: int = WIDTH) -> list[str]:
    """Break a paragraph the way a PDF page does: greedily at the margin, inside words, never inside a figure."""
    lines, line = [], ""
    for token in re.findall(r"[A-Za-z0-9.,%]+|.", paragraph):
        if line and _width(line + token) > width:
            lines.append(line)
            line = ""
        line += token
    lines.append(line)
    return lines


INCOME = ("2024年本部门收入预算合计1234.56万元，比上年增加56.78万元，增长4.82%，主要原因是新增信息化建设"
          "项目经费和人员经费调增。其中：一般公共预算拨款1100.00万元，占收入合计的89.10%；其他收入134.56万元。")
SPENDING = ("2024年本部门支出预算合计1234.56万元，其中：基本支出987.65万元，占支出合计的80.00%，主要用于保障"
            "机关日常运转；项目支出246.91万元，占支出合计的20.00%，主要用于专项业务工作的开展。")


def _paragraphs(doc):
    return [b for b in doc.blocks if b.kind == "paragraph"]


def _document(write_doc, lines: list[str]):
    return read_document(write_doc("\n".join(lines) + "\n"))


def test_wrapped_paragraphs_are_joined(write_doc):
    income, spending = wrap(INCOME), wrap(SPENDING)
    assert len(income) >= 4 and len(spending) >= 4
    lines = ["一、收入预算情况说明", *income, "二、支出预算情况说明", *spending]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts == ["一、收入预算情况说明", "".join(income), "二、支出预算情况说明", "".join(spending)]
    assert "".join(income) == INCOME  # the joined text is the paragraph as written


def test_a_figure_on_a_later_line_keeps_its_line_and_column(write_doc):
    income = wrap(INCOME)
    lines = ["一、收入预算情况说明", *income, "二、支出预算情况说明", *wrap(SPENDING)]
    para = _paragraphs(_document(write_doc, lines))[1]
    for figure in ("89.10%", "134.56", "56.78"):
        line_index = next(i for i, text in enumerate(lines) if figure in text)
        assert line_index > 1  # not on the paragraph's first line
        loc = para.location(para.text.index(figure))
        assert (loc.line, loc.column) == (line_index + 1, lines[line_index].index(figure) + 1)


def test_a_page_number_between_two_halves_is_read_past(write_doc):
    income = wrap(INCOME)
    lines = ["一、收入预算情况说明", *income[:2], "7", *income[2:], "二、支出预算情况说明", *wrap(SPENDING)]
    paras = _paragraphs(_document(write_doc, lines))
    assert paras[1].text == "".join(income)
    assert paras[2].text == "7"  # kept, as a paragraph of its own
    third = lines.index(income[2])
    offset = len(income[0]) + len(income[1])  # the first character of the third wrapped line
    loc = paras[1].location(offset)
    assert (loc.line, loc.column) == (third + 1, 1)


def test_a_page_number_with_blank_lines_around_it_is_read_past(write_doc):
    income = wrap(INCOME)
    lines = ["一、收入预算情况说明", *income[:2], "", "- 7 -", "", *income[2:], "二、支出预算情况说明", *wrap(SPENDING)]
    paras = _paragraphs(_document(write_doc, lines))
    assert paras[1].text == "".join(income)
    assert paras[2].text == "- 7 -"


def test_nothing_is_joined_into_a_page_number(write_doc):
    income, spending = wrap(INCOME), wrap(SPENDING)
    # the page ends mid-sentence and the next page starts a new heading: the page number stays alone
    lines = ["一、收入预算情况说明", *income[:3], "12", "二、支出预算情况说明", *spending]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts[1] == "".join(income[:3]) and texts[2] == "12" and texts[3] == "二、支出预算情况说明"


@pytest.mark.parametrize("start", ["（三）其他收入情况", "3.其他收入情况", "三、其他收入情况", "表1 收入预算表",
                                   "第三部分 名词解释", "——其他收入", "①其他收入"])
def test_a_new_item_is_not_joined(write_doc, start):
    income, spending = wrap(INCOME), wrap(SPENDING)
    cut = income[:2]  # a full line that stops mid-sentence, followed by a new item
    lines = ["一、收入预算情况说明", *cut, start, *spending]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts[1] == "".join(cut) and texts[2] == start


def test_an_indented_line_starts_a_paragraph(write_doc):
    income, spending = wrap(INCOME), wrap(SPENDING)
    lines = ["一、收入预算情况说明", *income[:2], "\u3000\u3000" + spending[0], *spending[1:]]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts[1] == "".join(income[:2])
    assert texts[2] == "\u3000\u3000" + "".join(spending)


def test_a_line_that_ends_a_sentence_is_not_joined(write_doc):
    income = wrap(INCOME)
    first = "本单位严格执行预算管理制度，预算执行情况良好，无超预算支出。"  # a full line ending with 。
    lines = ["一、收入预算情况说明", *income, first, *wrap(SPENDING)]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert first in texts


def test_two_figures_across_a_break_stay_apart(write_doc):
    income = wrap(INCOME)
    lines = ["一、收入预算情况说明", *income, "按资金来源划分，全年预算项目数分别为：省级 12",
             "34 个，市级资金共计安排 56 个，合计 102 个。", *wrap(SPENDING)]
    assert _width(lines[-len(wrap(SPENDING)) - 2]) >= WIDTH - 4
    paras = _paragraphs(_document(write_doc, lines))
    joined = next(p for p in paras if "省级" in p.text)
    assert "省级 12 34 个" in joined.text
    loc = joined.location(joined.text.index("34 个"))
    assert (loc.line, loc.column) == (lines.index("34 个，市级资金共计安排 56 个，合计 102 个。") + 1, 1)


def test_table_rows_are_left_alone(write_doc):
    income = wrap(INCOME)
    rows = ["项目 | 预算数 | 上年数 |", "一般公共预算拨款收入合计金额 | 1100.00 | 1000.00 |",
            "其他收入 | 134.56 | 177.00 |"]
    lines = ["一、收入预算情况说明", *income, *rows, *wrap(SPENDING)]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    for row in rows:
        assert row in texts


def test_one_paragraph_per_line_is_unchanged(write_doc):
    # a Word export: each line a whole paragraph, however long, and each ends a sentence
    lines = [INCOME, SPENDING, "三、政府采购预算情况说明",
             "2024年政府采购预算总额为120.00万元，其中货物类采购80.00万元。", "四、国有资产占用情况说明",
             "截至上年末，本部门共有车辆3辆，其中一般公务用车2辆，执法执勤用车1辆。"]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts == lines


def test_short_lines_are_not_joined(write_doc):
    # lines of a list, none of them full: nothing to join even though they do not end a sentence
    lines = ["主要支出项目", "办公费12万元", "印刷费3万元", "差旅费8万元", "会议费2万元", "培训费5万元"]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts == lines


def test_a_full_line_ending_with_a_colon_runs_on(write_doc):
    income = wrap(INCOME)
    lead = "本年度项目支出按资金性质划分的具体使用情况主要如下："  # full, and the list goes on unnumbered
    assert _width(lead) >= WIDTH - 4
    lines = ["一、收入预算情况说明", *income, lead, "办公设备购置费12.5万元，信息系统运维费8万元。", *wrap(SPENDING)]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert lead + "办公设备购置费12.5万元，信息系统运维费8万元。" in texts


def test_rows_of_figures_are_not_joined(write_doc):
    income = wrap(INCOME)
    # full lines that stop mid-sentence, but the line after, or the line itself, is a row of figures
    rows = ["一般公共预算拨款收入合计（万元）本年与上年", "1100.00 1000.00 10.00%",
            "其他收入（万元）及其说明 134.56 177.00"]
    assert _width(rows[0]) >= WIDTH - 4 and _width(rows[2]) >= WIDTH - 4
    lines = ["一、收入预算情况说明", *income, *rows, *wrap(SPENDING)]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    for row in rows:
        assert row in texts


def test_a_break_between_a_phrase_and_its_figure_is_joined_in_short_text(write_doc):
    # too few lines to find the page width, but no line of a disclosure opens with an amount or a bare unit
    lines = ["一、收入支出决算总体情况", "本年收入合计86.40万元，较上年增加",
             "12.15万元，增长16.36%。支出合计86.40万元，其中：基本支出",
             "70.12万元，项目支出16.28", "万元。"]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts == [lines[0], "".join(lines[1:])]


def test_a_heading_before_a_line_of_figures_is_not_joined(write_doc):
    lines = ["一、收入支出决算总体情况", "2024年度收入总计86.40万元。", "（二）年末结转和结余", "3.20万元为项目结转。"]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts == lines


def test_table_cells_one_per_line_are_not_joined_in_short_text(write_doc):
    # a label, then figures each on a line of its own: the cells of a table, not a sentence broken at its figure
    lines = ["表1 支出决算表", "项目", "本年数", "上年数", "基本支出", "70.12万元", "65.00万元", "执行率", "96.01%"]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts == lines


def test_a_figure_cut_by_the_break_is_joined_again(write_doc):
    """收入1203.2 / 7亿元: the break cut a figure written against its word; joined, wrapped or not."""
    income = wrap(INCOME)
    cut = ["其中，地方税收收入完成情况较好，完成320.4", "5亿元，增长3.10%。"]
    lines = ["一、收入预算情况说明", *income, *cut, *wrap(SPENDING)]
    assert any("完成320.45亿元" in p.text for p in _paragraphs(_document(write_doc, lines)))
    short = ["本年专项收入11.4", "6亿元，增长3.52%，增收0.39亿元。"]
    assert any("专项收入11.46亿元" in p.text for p in _paragraphs(_document(write_doc, short)))


def test_a_money_unit_cut_by_a_line_break_is_joined_again(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text("2025年支出预算6120.50万元，比2024年预算减少318.40万\n元，下降4.95%。\n", encoding="utf-8")
    paragraphs = [b.text for b in read_document(path).blocks if b.kind == "paragraph"]
    assert paragraphs == ["2025年支出预算6120.50万元，比2024年预算减少318.40万元，下降4.95%。"]


def test_a_short_paste_is_joined(write_doc):
    """One paragraph wrapped into two or three lines: too few full lines for the page width, the widest gives it."""
    for width in (50, 64, 80):
        lines = ["一、收入决算情况说明", *wrap(INCOME, width)]
        assert len(lines) <= 5
        texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
        assert texts == ["一、收入决算情况说明", INCOME], width


def test_a_running_header_after_a_page_number_is_read_past(write_doc):
    income = wrap(INCOME)
    lines = ["一、收入预算情况说明", *income[:2], "", "- 3 -", "", "某某县某某局2024年度部门预算", *income[2:],
             "二、支出预算情况说明", *wrap(SPENDING)]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts[1] == "".join(income)
    assert texts[2:4] == ["- 3 -", "某某县某某局2024年度部门预算"]  # kept, each a paragraph of its own


def test_a_paragraphs_last_line_after_a_page_number_is_no_header(write_doc):
    income = wrap(INCOME)
    lines = ["一、收入预算情况说明", *income[:-1], "", "- 3 -", "", income[-1], "二、支出预算情况说明", *wrap(SPENDING)]
    assert income[-1].endswith("。")
    assert _paragraphs(_document(write_doc, lines))[1].text == INCOME


@pytest.mark.parametrize("row", ["一级指标\t二级指标\t三级指标\t分值\t得分", "一级指标|二级指标|三级指标|分值|得分",
                                 "一级指标    二级指标    三级指标    分值    得分"])
def test_a_title_is_not_joined_into_a_row_of_cells(write_doc, row):
    lines = ["县水利局2023年度中小河流治理项目支出绩效自评表", row, "产出指标    数量指标    整治河道长度    15    15"]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts[0] == lines[0]


def test_word_list_items_stay_apart(write_doc):
    """One paragraph per line, items of about one length, each ending its sentence: nothing to join."""
    lines = ["三、支出决算情况说明", "1.行政运行（项）支出决算为612.40万元，完成年初预算的102.07%。",
             "2.一般行政管理事务（项）支出决算为85.20万元，完成年初预算的88.75%。", "3.其他支出（项）支出决算为0万元。"]
    texts = [b.text for b in _paragraphs(_document(write_doc, lines))]
    assert texts == lines
