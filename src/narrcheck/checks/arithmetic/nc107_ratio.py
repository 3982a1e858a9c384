from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show, unit_slip, with_unit
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.model.claims import RatioClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Interval, Verdict
from narrcheck.numbers.expression import evaluate, normalize_expression

HUNDRED = Interval.exact(Decimal(100))


@register
class Ratio(Rule):
    """完成预算 / 执行率 / 到位率 / 偏离度 / 结余率, and any written a/b×100%=c%, equal their arithmetic.

    执行率, 到位率 and 完成预算 = actual / budget; 偏离度 = |actual − budget| / budget; 结余率 = (budget − actual)
    / budget. “完成预算100%，决算数等于预算数” is checked as exactly 100%.
    Fails: “结转结余率=64.40/1178.28×100%=5.46%” (5.4656 rounds to 5.47: a truncation).
    Passes: “执行数为192.01万元，完成预算的96.01%” after “全年预算数200万元”.
    """

    id = "NC107"
    name = "ratio"
    claim_kind = "ratio"

    def check(self, claim: RatioClaim, ctx: Context) -> Iterator[Finding]:
        ev = evidence_for(claim.quote, claim.location, claim.numerator, claim.denominator)
        pct = claim.percent
        terms, quantity = None, ""
        try:
            if claim.elapsed_months is not None:
                computed, formula = self._progress(claim)
            elif claim.expression:
                computed = evaluate(claim.expression)
                formula = normalize_expression(claim.expression)
                if claim.as_percent and not formula.endswith("*100"):
                    computed, formula = computed * HUNDRED, f"({formula})*100"
            elif claim.numerator is not None and claim.equal_stated:
                computed, formula = HUNDRED, f"{claim.numerator.value}/{claim.numerator.value}*100"
            elif claim.numerator is not None and claim.denominator is not None \
                    and claim.numerator.quantity.is_money and claim.denominator.quantity.is_count \
                    and not claim.as_percent:  # (平均每辆: money over a count, in the average's unit)
                num, den = claim.numerator.interval(pct.unit), claim.denominator.interval()
                computed, quantity = num / den, "per-vehicle"
                formula = f"{show(claim.numerator, pct.unit)}/{claim.denominator.value}"
            elif claim.numerator is not None and claim.denominator is not None:
                unit = claim.denominator.unit
                num, den = claim.numerator.interval(unit), claim.denominator.interval(unit)
                n, d = show(claim.numerator, unit), show(claim.denominator, unit)
                one = Interval.exact(Decimal(1))  # the denominator enters once: its rounding counts once
                if claim.deviation:
                    computed, formula = abs(num / den - one) * HUNDRED, f"|{n}-{d}|/{d}*100"
                elif claim.complement:
                    # (no readings: the complement is what this ratio is, and its operands are often misbound)
                    computed, formula = (one - num / den) * HUNDRED, f"({d}-{n})/{d}*100"
                elif not claim.as_percent:  # (是上年的2倍: a multiple)
                    computed, formula = num / den, f"{n}/{d}"
                else:
                    computed, formula = num / den * HUNDRED, f"{n}/{d}*100"
                    terms = Terms("ratio", {"numerator": n, "denominator": d})
            else:
                operand = "numerator" if claim.numerator is None else "denominator"
                yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE,
                                           i18n.detail("missing-operand", ctx.lang,
                                                       operand=i18n.detail(operand, ctx.lang)),
                                           ev, claim.section, claimed=pct.value, source=claim.source)
                return
        except (ZeroDivisionError, ValueError):
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE,
                                       i18n.detail("missing-operand", ctx.lang,
                                                   operand=i18n.detail("denominator", ctx.lang)),
                                       ev, claim.section, claimed=pct.value, source=claim.source)
            return
        finding = self.judge(ctx, pct, computed, formula, ev, claim.section, claim.source,
                             claimed_value=pct.decimal, terms=terms, quantity=quantity)
        # the operands as figures (num/den above are their intervals): a money unit slip between them
        top, bottom = claim.numerator, claim.denominator
        if finding.verdict != "ok" and top is not None and bottom is not None and top.unit != bottom.unit \
                and top.quantity.is_money and bottom.quantity.is_money and not claim.expression:
            slipped = with_unit(top, bottom.unit).interval() / bottom.interval() * HUNDRED
            slip = unit_slip(ctx, self, top, bottom.unit, slipped, pct, ev, claim.section, formula, claim.source)
            finding = slip or finding
        yield finding

    @staticmethod
    def _progress(claim: RatioClaim) -> tuple[Interval, str]:
        """The gap between the completion and the months' share of the year, in percentage points."""
        assert claim.elapsed_months is not None
        even = Interval.exact(Decimal(claim.elapsed_months) / 12) * HUNDRED
        months = f"{claim.elapsed_months}/12*100"
        if claim.numerator is not None and claim.denominator is not None:
            unit = claim.denominator.unit
            done = claim.numerator.interval(unit) / claim.denominator.interval(unit) * HUNDRED
            shown = f"{show(claim.numerator, unit)}/{show(claim.denominator, unit)}*100"
        else:
            done, shown = claim.operands[0].interval(), claim.operands[0].value
        if claim.ahead:
            return done - even, f"{shown}-{months}"
        return even - done, f"{months}-{shown}"

