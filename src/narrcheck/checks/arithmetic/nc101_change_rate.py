from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show
from narrcheck.checks.registry import register
from narrcheck.model.claims import ChangeClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Interval, Verdict

HUNDRED = Interval.exact(Decimal(100))


@register
class ChangeRate(Rule):
    """The rate of a change equals the change divided by the base.

    With the prior figure stated, base = prior; otherwise base = current − change (增) or current + change (减).
    Fails: “2024年支出16.91万元，较上年增加5.99万元，增长45.00%” (5.99 / 10.92 = 54.85%).
    Passes: “较上年增加5.99万元，增长54.85%” after “支出16.91万元”.
    """

    id = "NC101"
    name = "change-rate"
    claim_kind = "change"

    def check(self, claim: ChangeClaim, ctx: Context) -> Iterator[Finding]:
        if claim.rate is None:
            return
        ev = evidence_for(claim.quote, claim.location, claim.current, claim.prior)
        delta, prior, current, rate = claim.delta, claim.prior, claim.current, claim.rate
        known = prior or current or delta
        unit = known.unit if known is not None else ""
        try:
            if prior is not None and current is not None and (delta is None or delta.unit != prior.unit):
                base = prior.interval(unit)
                change = abs(current.interval(unit) - base)
                formula = f"|{show(current, unit)}-{show(prior, unit)}|/{show(prior, unit)}*100"
            elif prior is not None and delta is not None:
                base, change = prior.interval(unit), delta.interval(unit)
                formula = f"{show(delta, unit)}/{show(prior, unit)}*100"
            elif current is not None and delta is not None:
                sign = "-" if claim.delta_direction == "up" else "+"
                cur, dl = current.interval(unit), delta.interval(unit)
                base = cur - dl if sign == "-" else cur + dl
                change = dl
                formula = f"{show(delta, unit)}/({show(current, unit)}{sign}{show(delta, unit)})*100"
                if base.mid == 0:
                    yield self._zero_base(claim, ctx, ev, formula)
                    return
            else:
                missing = "base"
                yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE,
                                           i18n.detail("missing-operand", ctx.lang,
                                                       operand=i18n.detail(missing, ctx.lang)),
                                           ev, claim.section, claimed=rate.value)
                return
            computed = (change / base) * HUNDRED
        except ZeroDivisionError:
            yield self._zero_base(claim, ctx, ev, None)
            return
        yield self.judge(ctx, rate, abs(computed), formula, ev, claim.section, claim.source)

    def _zero_base(self, claim: ChangeClaim, ctx: Context, ev: list, formula: str | None) -> Finding:
        assert claim.rate is not None
        if claim.rate.decimal == 100:
            return self.verdict_finding(ctx, Verdict.OK, i18n.detail("zero-base-100", ctx.lang), ev,
                                        claim.section, claimed=claim.rate.value, expected="100",
                                        formula=formula)
        return self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("zero-base", ctx.lang), ev,
                                    claim.section, claimed=claim.rate.value, formula=formula)
