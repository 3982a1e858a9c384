"""An error's message says which figure is wrong and why, in words a supervisor can redo (probe 22N)."""

from narrcheck.api import check_file
from narrcheck.checks.arithmetic.nc109_wrong_figure import _signed
from narrcheck.config import Settings


def _errors(write_doc, text, lang="zh"):
    report = check_file(write_doc(text + "\n"), Settings(lang=lang))
    return [f for f in report.findings if f.verdict not in ("ok", "unverifiable")]


def test_direction_names_the_figures(write_doc):
    text = "2023年度公用经费支出36.50万元，上年为34.20万元，与上年持平。"
    (zh,) = _errors(write_doc, text)
    assert "36.50" in zh.message and "34.20" in zh.message and "持平" in zh.message
    (en,) = _errors(write_doc, text, "en")
    assert en.message.startswith("The direction") and "36.50 against 34.20" in en.message


SCORES = ("项目全年预算数90.00万元，执行88.20万元。\n"
          "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
          "年度资金总额\t90.00\t90.00\t88.20\t10\t98.00%\t9.80\n"
          "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
          "产出指标\t数量指标\t新增监测点位\t≥12个\t14个\t20\t22\n"
          "产出指标\t质量指标\t数据有效率\t≥90%\t95%\t70\t68\n"
          "总分\t\t\t\t\t100\t99.80")


def test_score_over_weight_says_it_exceeds(write_doc):
    found = [f for f in _errors(write_doc, SCORES) if f.rule == "NC304"]
    assert found and "超过" in found[0].message and "应为" not in found[0].message


def test_english_messages_are_sentences(write_doc):
    (en,) = _errors(write_doc, "项目支出200.00万元，占本年支出合计1000.00万元的25.00%。", "en")
    assert en.message.startswith("The share is stated as 25.00")


def test_figure_typo_equation_keeps_the_formula_sign():
    assert _signed("|38-73|/73*100", "-47.95") == "47.95"
    assert _signed("(38-73)/73*100", "-47.95") == "-47.95"


def test_a_change_in_points_is_named_as_points(write_doc):
    text = "全县一般公共预算教育经费占一般公共预算支出的比例为18.40%，比上年的17.90%提高了0.60个百分点。"
    (zh,) = _errors(write_doc, text)
    assert zh.message.startswith("变动的百分点数写作0.60") and "0.50" in zh.message
    (en,) = _errors(write_doc, text, "en")
    assert en.message.startswith("The change in percentage points is stated as 0.60")


def test_a_sum_with_a_fall_among_its_parts_reads_as_a_subtraction(write_doc):
    text = ("2024年“三公”经费支出12.30万元，较上年增加6.75万元，增长121.62%。\n"
            "因公出国（境）费支出0万元，与上年持平。\n"
            "公务用车购置及运行维护费支出8.00万元，较上年增加6.85万元，增长595.65%。\n"
            "公务接待费支出4.30万元，较上年减少0.20万元，下降4.44%。")
    (total,) = [f for f in _errors(write_doc, text) if f.rule == "NC106"]
    assert total.formula == "0.00+6.85-0.20" and total.expected == "6.65"


def test_a_part_in_the_wrong_unit_gets_a_formula_that_gives_that_part(write_doc):
    text = "2024年机关运行经费支出合计41.60万元，其中：办公费9.30万元，水电费6.10万元，差旅费26.20元。"
    (slip,) = _errors(write_doc, text)
    assert slip.verdict == "unit_error" and slip.formula == "41.60-(9.30+6.10)" and slip.expected == "26.20"
    assert slip.diagnosis is not None and slip.diagnosis.formula.endswith("9.30+6.10+26.20")


def test_a_whole_said_unchanged_names_its_flat_word_and_sentence(write_doc):
    text = ("2025年“三公”经费预算数为12.00万元，与上年预算数持平。"
            "其中：因公出国（境）费预算数为0万元，与上年预算数持平；"
            "公务用车购置及运行维护费预算数为7.00万元，比上年预算数增加0.50万元；公务接待费预算数为5.00万元，与上年预算数持平。")
    (found,) = _errors(write_doc, text)
    assert found.rule == "NC106" and "持平" in found.message and "0.50" in found.message
    assert found.evidence[0].quote.startswith("2025年“三公”经费预算数为12.00万元")


def test_a_table_change_cell_checked_for_its_direction_says_which_way(write_doc):
    text = "项目 | 本期 | 上年同期 | 增加额 | 增长率 |\n出院人次 | 8,612 | 8,950 | -338 | -3.78% |"
    report = check_file(write_doc(text + "\n"), Settings(), show_all=True)
    (direction,) = [f for f in report.findings if f.rule == "NC103"]
    assert direction.verdict == "ok" and direction.claimed == "-338" and direction.expected == "减少"


def test_a_rate_with_two_neighbouring_digits_exchanged_is_diagnosed_as_a_slip(write_doc):
    (share,) = _errors(write_doc, "经营收入418.20万元，占本年收入合计8632.40万元的8.44%。")
    assert share.expected == "4.84" and share.diagnosis is None  # (not an exchange: no diagnosis)
    (share,) = _errors(write_doc, "经营收入418.20万元，占本年收入合计8632.40万元的4.48%。")
    assert share.diagnosis is not None and share.diagnosis.code == "digit_typo"
    assert share.diagnosis.formula == "418.20/8632.40*100"
