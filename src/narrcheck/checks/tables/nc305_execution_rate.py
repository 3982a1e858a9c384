from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule, sum_formula
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence, total_copied
from narrcheck.model.claims import Figure
from narrcheck.model.findings import Finding
from narrcheck.numbers import Interval, Verdict
from narrcheck.numbers.parse import normalize_digits
from narrcheck.tables.model import BudgetTable, Fact, RateRow, Ratio, ScoreTable
from narrcheck.tables.vocab import is_row

HUNDRED = Interval.exact(Decimal(100))


@register
class ExecutionRate(Rule):
    """执行率 = 执行数 / 调整后预算数 (全年预算数) on the total row of the 预算执行 block and on each of its
    sources (其中：财政资金 …); a rate whose header states its formula over lettered columns (执行率(B/A),
    支付进度(C/A×100%)) follows that formula. The execution score follows the rule in force (default:
    执行率 × weight, capped at the weight; setting `execution_score = "none"` turns it off). Where the document
    states its own rule in tiers over the rate (预算执行率95%（含）以上得10分，90%（含）至95%得8分), the score of the
    table that rule is of is not judged (unverifiable) unless `execution_score` is set; the rate still is.

    Fails: 执行率 100.00% with weight 10 and 得分 96 (expected 10).
    Passes: 调整后预算数 8.55, 预算执行数 8.55, 执行率 100.00%, 得分 10.
    """

    id = "NC305"
    name = "execution-rate"
    claim_kind = "score_table"

    def check(self, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        ex = table.execution
        if ex is None:
            # (no 预算执行 block: the indicator row of that name, its result the rate: 预算执行率 | 100% | 85% | 10 …)
            scored = _execution_indicator(table)
            if scored is not None:
                yield from self._scored(table, *scored, ctx)
            return
        for row in (ex, *table.funds):
            about = table.describe() if row is ex else f"{table.describe()} {row.label}".strip()
            for ratio in row.rate_parts():
                yield from self._rate(ratio, table, ctx, about)
        if ex.rate is None or ex.weight is None or ex.score is None:
            return
        yield from self._scored(table, ex.rate, ex.weight, ex.score, ctx)

    def _scored(self, table: ScoreTable, rate: Fact, weight: Fact, score: Fact, ctx: Context) -> Iterator[Finding]:
        """The execution score by the rule in force."""
        rule = "stated" if table.index in ctx.execution_stated else ctx.execution_score
        if rule == "proportional":
            yield self._score(table, rate, weight, score, ctx)
        elif rule == "stated":  # (the document's own tiers: not read, so not judged)
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("own-execution-rule", ctx.lang),
                                       evidence(score, rate, weight), table.section,
                                       claimed=score.figure.value, about=table.describe())

    def _score(self, table: ScoreTable, rate: Fact, weight: Fact, score: Fact, ctx: Context) -> Finding:
        """The execution score against the printed rate taken as it stands; where that fails, against the rate its
        amounts give as printed (they decide; a misprinted rate is reported once, by its own check), or, without
        amounts, against every rate that prints as the printed one (84% stands for [83.5, 84.5): 8.39 is in).
        The two fallbacks differ on purpose: with amounts, the exact ratio of the amounts as printed (no rounding
        interval: the amounts decide); without them, the printed rate's whole rounding interval.
        """
        percent = rate.figure.unit == "%"
        share = rate.figure.decimal / (100 if percent else 1)
        expected = Interval.exact(min(share, Decimal(1)) * weight.figure.decimal)
        formula = f"min({rate.figure.value}{'/100' if percent else ''},1)*{weight.figure.value}"
        found = self.judge(ctx, score.figure, expected, formula, evidence(score, rate, weight), table.section,
                           about=table.describe(), terms=total_copied(table, score, ctx), quantity="execution-score")
        ratio = next((r for r in table.execution.rate_parts() if r.rate is rate), None) if table.execution else None
        if found.verdict == "ok":
            return found
        if ratio is None or ratio.denominator.figure.decimal == 0:
            printed = Interval.printed(rate.figure.decimal, rate.figure.quantity.decimals, nonnegative=True)
            shares = printed.scale(Decimal("0.01") if percent else Decimal(1))
            again = self.judge(ctx, score.figure, _capped(shares, weight), formula, evidence(score, rate, weight),
                               table.section, about=table.describe(), quantity="execution-score")
            return again if again.verdict == "ok" else found
        num, den = ratio.numerator.figure, ratio.denominator.figure
        again = self.judge(ctx, score.figure, _capped(Interval.exact(num.decimal / den.decimal), weight),
                           f"min({num.value}/{den.value},1)*{weight.figure.value}",
                           evidence(score, ratio.numerator, ratio.denominator, weight), table.section,
                           about=table.describe(), quantity="execution-score")
        return again if again.verdict == "ok" else found

    def _rate(self, ratio: Ratio, table: ScoreTable, ctx: Context, about: str) -> Iterator[Finding]:
        rate, num, den = ratio.rate, ratio.numerator, ratio.denominator
        if den.figure.decimal == 0:
            return
        computed = num.figure.interval() / den.figure.interval()
        percent = rate.figure.unit == "%"
        formula = f"{num.figure.value}/{den.figure.value}" + ("*100" if percent else "")
        yield self.judge(ctx, rate.figure, computed * HUNDRED if percent else computed, formula,
                         evidence(rate, num, den), table.section, about=about, quantity="execution-ratio")


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)[%％]")


def _execution_indicator(table: ScoreTable) -> tuple[Fact, Fact, Fact] | None:
    """The one indicator row named as budget execution (预算执行率, score_headers.toml levels.execution) whose
    result is a percentage, with its weight and score: (rate, weight, score); None where there is not exactly one.
    """
    rows = [i for i in table.indicators if is_row(i.label, "levels.execution")]
    if len(rows) != 1:
        return None
    row = rows[0]
    m = _PERCENT.fullmatch(normalize_digits(row.actual).strip().replace(" ", ""))
    if m is None or row.weight is None or row.score is None or row.actual_location is None:
        return None
    figure = Figure(value=m.group(1), unit="%", text=row.actual.strip(), subject=f"{row.label}·完成值",
                    location=row.actual_location)
    return Fact(figure, row.label, "actual", row.weight.table, row.weight.title), row.weight, row.score


def _budget_total(ctx: Context) -> tuple[Fact, Fact] | None:
    """The budget total and its execution, when the document's budget tables state exactly one such pair."""
    pairs = {(r.measures["budget"].figure.value, r.measures["executed"].figure.value): r
             for t in ctx.budget_tables for r in t.records
             if r.is_total and "budget" in r.measures and "executed" in r.measures}
    if len(pairs) != 1:
        return None
    record = next(iter(pairs.values()))
    return record.measures["budget"], record.measures["executed"]


@register
class BudgetBalance(Rule):
    """In a budget execution table: 结转结余额 = 预算额 − 执行额, 结转结余率 = 结余额 / 预算额, and a 合计
    record equals the sum of the other records, measure by measure.

    A 结余率 row elsewhere (an indicator or monitoring table) is the balance rate of the budget total.
    In a self-evaluation table the 预算执行 total (年度资金总额) is the sum of its sources (其中：财政拨款 …)
    where they end with 其他资金 (the whole list); a shorter list may fall short of its total but never
    exceed it.
    Fails: 合计 执行额 111387.56 while 基本支出 67501.83 + 项目支出 43885.85 = 111387.68; 结余率 100% while
    年度预算总额 903.30 was executed in full (903.30); 年度资金总额 0 over 其中：财政拨款 86.50 and an
    empty 其他资金.
    Passes: 基本支出 预算额 69542.85 − 执行额 67501.83 = 结余额 2041.02; 结余率 2041.02/69542.85 = 2.93%.
    """

    id = "NC308"
    name = "budget-table"
    claim_kind = "budget_table"
    claim_kinds = ("budget_table", "rate_row", "score_table")

    def _sources(self, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        """The 预算执行 total row against the sum of its sources, column by column."""
        total = table.execution
        sources = [s for s in table.funds if s.amounts() or s.unknown]
        if total is None or not sources:
            return
        for key, whole in total.amounts().items():
            if key in total.unknown or any(key in s.unknown for s in sources):
                continue
            parts = [s.amounts()[key] for s in sources if key in s.amounts()]
            if not parts:
                continue
            computed = parts[0].figure.interval()
            for part in parts[1:]:
                computed = computed + part.figure.interval()
            if not table.funds_closed and whole.figure.interval().hi >= computed.lo:
                continue  # a list that may be partial is wrong only where it exceeds its total
            formula = sum_formula(p.figure.value for p in parts)
            found = self.judge(ctx, whole.figure, computed, formula, evidence(whole, *parts), table.section,
                               about=f"{table.describe()} {total.label}".strip())
            if found.verdict == "mismatch" and whole.figure.decimal == 0:  # a total row never filled in?
                row = [fact.figure.decimal for fact in total.amounts().values()]
                decimals = max(p.figure.quantity.decimals for p in parts)
                if why := diagnosis.unfilled(row, computed.mid, decimals, formula, ctx.lang):
                    found = found.model_copy(update={"diagnosis": why})
            yield found

    def _rate_row(self, row: RateRow, ctx: Context) -> Iterator[Finding]:
        total = _budget_total(ctx)
        if total is None:
            return
        budget, executed = total
        base = budget.figure.interval()
        if base.contains_zero():
            return
        rate = ((base - executed.figure.interval()) / base).scale(Decimal(100))
        formula = f"({budget.figure.value}-{executed.figure.value})/{budget.figure.value}*100"
        terms = Terms("ratio", {"numerator": f"({budget.figure.value}-{executed.figure.value})",
                                "denominator": budget.figure.value, "rest": executed.figure.value})
        for value in row.values:
            yield self.judge(ctx, value.figure, rate, formula, evidence(value, budget, executed), row.section,
                             about=row.label, terms=terms)

    def check(self, table: BudgetTable | RateRow | ScoreTable, ctx: Context) -> Iterator[Finding]:
        if isinstance(table, RateRow):
            yield from self._rate_row(table, ctx)
            return
        if isinstance(table, ScoreTable):
            yield from self._sources(table, ctx)
            return
        for record in table.records:
            m = record.measures
            budget, executed, balance, rate = (m.get(k) for k in ("budget", "executed", "balance",
                                                                 "balance_rate"))
            if budget and executed and balance:
                yield self.judge(ctx, balance.figure, budget.figure.interval() - executed.figure.interval(),
                                 f"{budget.figure.value}-{executed.figure.value}",
                                 evidence(balance, budget, executed), table.section, about=balance.figure.subject)
            if budget and balance and rate and budget.figure.decimal != 0:
                computed = balance.figure.interval() / budget.figure.interval() * HUNDRED
                yield self.judge(ctx, rate.figure, computed, f"{balance.figure.value}/{budget.figure.value}*100",
                                 evidence(rate, balance, budget), table.section, about=rate.figure.subject)
        totals = [r for r in table.records if r.is_total]
        parts = [r for r in table.records if not r.is_total]
        if len(totals) != 1 or len(parts) < 2:
            return
        for key in ("budget", "executed", "balance"):
            whole = totals[0].measures.get(key)
            items = [p.measures.get(key) for p in parts]
            if whole is None or any(i is None for i in items):
                continue
            present = [i for i in items if i is not None]
            computed = present[0].figure.interval()
            for item in present[1:]:
                computed = computed + item.figure.interval()
            yield self.judge(ctx, whole.figure, computed, sum_formula(i.figure.value for i in present),
                             evidence(whole, *present), table.section, about=whole.figure.subject)


def _capped(share: Interval, weight: Fact) -> Interval:
    """The score a share of the budget spent earns: the share, capped at 1, times the weight."""
    one = Decimal(1)
    return Interval(min(share.lo, one), min(share.hi, one), min(share.mid, one)).scale(weight.figure.decimal)
