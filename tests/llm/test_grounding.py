"""Grounding and merging, without any endpoint: what an LLM proposes is only taken when the text says it."""

from __future__ import annotations

from narrcheck.checks.base import Context
from narrcheck.checks.consistency.nc404_reason_direction import ReasonDirection
from narrcheck.extract import extract
from narrcheck.llm.ground import ground, locate, numbers_in
from narrcheck.llm.pipeline import chunks
from narrcheck.model.claims import ChangeClaim, ReasonClaim, ScoreClaim, figures
from narrcheck.model.llm import LLMClaim
from narrcheck.readers import read_document
from narrcheck.structure import structure

TEXT = ("2024年度示例县文化馆部门决算\n二、绩效自评综述\n"
        "本年度会议费为１２.５０万元，上一年度是10.00万元，多出2.50万元，增幅达25.00%。\n"
        "三、评价结论\n经综合评定，数字展馆项目自评得93分，评价等级为优。\n"
        "四、主要变动原因\n办公费比上年增加3.00万元，主要原因是会议费增加。会议费比上年减少0.60万元。\n")


def units_of(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(TEXT, encoding="utf-8")
    found = extract(structure(read_document(path)))
    return found.units, found.claims


def no_table(text, unit):
    return None, ""


def test_numbers_are_read_as_printed():
    assert set(numbers_in("共1,025.24万元，占３.５%")) == {__import__("decimal").Decimal("1025.24"),
                                                       __import__("decimal").Decimal("3.5")}


def test_a_quote_is_found_verbatim_with_full_width_digits_folded(tmp_path):
    units, _ = units_of(tmp_path)
    placed = locate("本年度会议费为１２.５０万元", units)
    assert placed is not None and placed.unit.locate(placed.start).line == 3
    assert locate("本年度会议费为13.50万元", units) is None  # a paraphrase is not a quote


def test_grounded_change_becomes_a_located_llm_claim(tmp_path):
    units, _ = units_of(tmp_path)
    proposed = LLMClaim(kind="change", quote="本年度会议费为12.50万元，上一年度是10.00万元，多出2.50万元，增幅达25.00%",
                        subject="会议费", value="12.50", unit="万元", prior="10.00", delta="2.50", rate="25.00",
                        direction="up")
    claim = ground(proposed, units, no_table).claim
    assert isinstance(claim, ChangeClaim) and claim.source == "llm"
    assert (claim.current.value, claim.current.unit, claim.prior.value, claim.rate.unit) == ("12.50", "万元",
                                                                                            "10.00", "%")
    assert claim.current.location.line == 3 and claim.current.location.column == 8
    assert claim.delta_direction == "up"


def test_numbers_not_in_the_quote_and_made_up_directions_are_refused(tmp_path):
    units, _ = units_of(tmp_path)
    quote = "本年度会议费为12.50万元，上一年度是10.00万元"
    wrong = LLMClaim(kind="change", quote=quote, value="12.50", prior="11.00", delta="1.50")
    assert ground(wrong, units, no_table).reason == "number-not-in-quote"
    junk = LLMClaim(kind="change", quote=quote, value="twelve", delta="2.50")
    assert ground(junk, units, no_table).reason == "not-a-number"
    down = LLMClaim(kind="change", quote=quote + "，多出2.50万元", value="12.50", delta="2.50", direction="down")
    assert ground(down, units, no_table).claim.delta_direction is None  # the quote says 多, not 减


def test_score_claims_are_bound_like_rule_claims(tmp_path):
    units, _ = units_of(tmp_path)
    bound = []

    def bind(text, unit):
        bound.append(text)
        return 7, "named"

    claim = ground(LLMClaim(kind="score", quote="数字展馆项目自评得93分", value="93", unit="分"), units, bind).claim
    assert isinstance(claim, ScoreClaim) and (claim.table, claim.binding, claim.score.value) == (7, "named", "93")
    assert bound == ["数字展馆项目自评得93分"]


def test_only_the_residue_is_sent(tmp_path):
    units, claims = units_of(tmp_path)
    sent = chunks(units, claims)  # every rule claim checked: only the paragraph with a percent no rule read
    assert [c.text for c in sent] == ["本年度会议费为１２.５０万元，上一年度是10.00万元，多出2.50万元，增幅达25.00%。"]
    office = [c for c in claims if "3.00" in {f.value for f in figures(c)}]  # as if 办公费's change were unchecked
    settled = [c for c in claims if all(c is not o for o in office)]
    text, = (c.text for c in chunks(units, settled, office))  # the residue of two sections in one request
    assert "增幅达25.00%" in text and "办公费比上年增加3.00万元" in text
    assert all("文化馆部门决算" not in c.text for c in chunks(units, []))  # a year alone is not a figure


def test_of_a_long_paragraph_only_the_residue_sentences_go_with_the_one_before(tmp_path):
    path = tmp_path / "long.txt"
    checked = "本年支出合计120.00万元，较上年增加20.00万元，增长20.00%。" * 8  # the rules read these
    path.write_text("一、收入支出决算总体情况说明\n" + checked + "其中办公经费由15.00万元调整为12.70万元。"
                    "办公经费压减幅度达到15.33%，按要求执行。在职人员控制率=（在职人员数/编制数）×100%。\n",
                    encoding="utf-8")
    found = extract(structure(read_document(path)))
    settled = [c for c in found.claims if "15.33" not in {f.value for f in figures(c)}]
    sent = chunks(found.units, settled)  # (×100% is notation, not a percent to ask about)
    assert [c.text for c in sent] == ["其中办公经费由15.00万元调整为12.70万元。"
                                      "办公经费压减幅度达到15.33%，按要求执行。"]


def test_a_reasons_cited_item_must_have_moved_its_way(tmp_path):
    units, claims = units_of(tmp_path)
    reason = ground(LLMClaim(kind="reason", quote="主要原因是会议费增加", direction="up", driver="会议费"),
                    units, no_table).claim
    assert isinstance(reason, ReasonClaim)
    office = next(c for c in claims if isinstance(c, ChangeClaim) and c.quote.startswith("办公费"))
    reason = reason.model_copy(update={"change": office})
    findings = list(ReasonDirection().check(reason, Context(claims=tuple(claims))))
    driver = [f for f in findings if "会议费" in f.message]
    assert [(f.verdict, f.claimed, f.expected, f.source) for f in driver] == [
        ("contradiction", "增加", "减少", "llm")]


def test_completion_and_count_claims(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("三、评价结论\n年度任务完成率达96.50%，实际完成193次，计划200次。\n本项目共设置8个三级指标。\n",
                    encoding="utf-8")
    found = extract(structure(read_document(path)))
    asked = LLMClaim(kind="completion", quote="年度任务完成率达96.50%，实际完成193次，计划200次",
                     subject="年度任务完成率", value="193", whole="200", rate="96.50")
    done = ground(asked, found.units, no_table).claim
    assert (done.kind, done.percent.value, done.numerator.value, done.denominator.value) == ("ratio", "96.50",
                                                                                            "193", "200")
    count = ground(LLMClaim(kind="count", quote="本项目共设置8个三级指标", value="8"), found.units,
                   lambda text, unit: (3, "nearest mention")).claim
    assert (count.kind, count.measure, count.figure.value, count.table) == ("project_figure", "indicator_count",
                                                                           "8", 3)


def test_an_llm_reason_binds_to_the_change_before_it_in_a_wrapped_paragraph(tmp_path):
    """In a PDF a paragraph runs over several lines: the change and its reason need not share one."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
    from convert import write_pdf

    from narrcheck.llm.pipeline import LLMResult, _merge

    text = ("一、收入支出决算总体情况说明\n2024年度收、支总计640.00万元。"
            "与2023年相比，收、支总计各增加40.00万元，增长7.00%，"
            "其中基本支出和项目支出均有所增加，变化幅度与年初预计基本一致。主要变动原因是免费开放经费增加。\n")
    source = tmp_path / "d.txt"
    source.write_text(text, encoding="utf-8")
    pdf = write_pdf(read_document(source), tmp_path / "d.pdf")
    found = extract(structure(read_document(pdf)))
    [change] = [c for c in found.claims if isinstance(c, ChangeClaim)]
    placed = locate("主要变动原因是免费开放经费增加", found.units)
    where = placed.unit.locate(placed.start)
    assert where.line > change.location.line  # the reason sits on a later line of the same paragraph
    stray = change.model_copy(update={"location": change.location.model_copy(update={"line": 999})})
    llm = ReasonClaim(change=stray, reason="免费开放经费增加", reason_direction="up", words=("增加",),
                      quote="主要变动原因是免费开放经费增加", location=where, section=list(placed.unit.section),
                      source="llm")
    result = LLMResult(claims=[llm])
    [bound] = _merge(result, found.claims, found.units)
    assert bound.change == change and not result.dropped


BASE_ELSEWHERE = ("二、绩效自评综述\n"
                  "上年会议费支出为10.00万元，当年压缩了培训规模。本年度会议费为12.50万元，多出2.50万元，增幅达25.00%。\n")


def test_a_base_printed_once_elsewhere_in_the_paragraph_is_taken_from_there(tmp_path):
    from narrcheck.checks.arithmetic.nc101_change_rate import ChangeRate

    path = tmp_path / "b.txt"
    path.write_text(BASE_ELSEWHERE, encoding="utf-8")
    units = extract(structure(read_document(path))).units
    asked = LLMClaim(kind="change", quote="本年度会议费为12.50万元，多出2.50万元，增幅达25.00%", value="12.50",
                     prior="10.00", delta="2.50", rate="25.00", unit="万元", direction="up")
    claim = ground(asked, units, no_table).claim
    assert claim.prior.text == "10.00万元" and claim.prior.location.column < claim.current.location.column
    verdicts = [(f.verdict, f.claimed) for f in ChangeRate().check(claim, Context())]
    assert ("ok", "25.00") in verdicts  # 2.50 / 10.00: the base the sentence itself does not print


def test_a_base_that_is_not_printed_once_as_a_like_amount_is_not_taken(tmp_path):
    twice = tmp_path / "twice.txt"
    twice.write_text(BASE_ELSEWHERE.replace("当年压缩了培训规模", "培训费也为10.00万元"), encoding="utf-8")
    units = extract(structure(read_document(twice))).units
    asked = LLMClaim(kind="change", quote="本年度会议费为12.50万元，多出2.50万元，增幅达25.00%", value="12.50",
                     prior="10.00", delta="2.50", rate="25.00", unit="万元", direction="up")
    assert ground(asked, units, no_table).reason == "number-not-in-quote"  # which 10.00? no guessing
    percent = tmp_path / "percent.txt"
    percent.write_text(BASE_ELSEWHERE.replace("10.00万元", "10.00%"), encoding="utf-8")
    units = extract(structure(read_document(percent))).units
    assert ground(asked, units, no_table).reason == "base-unlike-value"
    other = tmp_path / "other.txt"
    other.write_text(BASE_ELSEWHERE.replace("当年压缩了培训规模", "培训费增长30.00%"), encoding="utf-8")
    units = extract(structure(read_document(other))).units
    rate = asked.model_copy(update={"rate": "30.00"})  # only the base may come from outside the quote
    assert ground(rate, units, no_table).reason == "number-not-in-quote"


def test_table_rows_zero_rates_run_ons_and_rates_without_amounts_are_not_sent_whole(tmp_path):
    path = tmp_path / "residue.txt"
    path.write_text(
        "一、“三公”经费情况\n\n"
        "因公出国（境）费支出0万元，与上年相比减少0万元，下降0%。\n\n"  # a zero rate: nothing a model could bind
        "年度资金总额 120.00 118.80 10 99% 9 |\n\n"  # a table's row flattened into a line
        "项目 预算数 执行数 执行率 得分 备注 说明 100%\n\n"  # cells set apart by spaces
        + "本单位严格落实过紧日子要求，" * 24  # a run-on sentence: the figure's clause and the two before it go
        + "公务接待费由5.00万元压减至4.38万元，较上年压减幅度达到12.40%，接待批次明显减少。\n\n"
        "公务用车运行维护费较上年下降8.50%。\n",  # no amount to check a rate with: no claim a model reads is checkable
        encoding="utf-8")
    found = extract(structure(read_document(path)))
    sent = chunks(found.units, [])
    assert [c.text for c in sent] == ["本单位严格落实过紧日子要求，公务接待费由5.00万元压减至4.38万元，"
                                      "较上年压减幅度达到12.40%，"]
