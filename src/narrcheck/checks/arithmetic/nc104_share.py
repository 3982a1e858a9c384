from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show
from narrcheck.checks.registry import register
from narrcheck.model.claims import ShareClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Interval, Verdict


@register
class Share(Rule):
    """A share equals the part divided by its whole.

    Fails: “授予中小企业合同金额0万元，占政府采购支出总额的100%” with a total of 2.4万元.
    Passes: “其中：基本支出768.9万元，占75%” under “本年支出合计1025.24万元”.
    """

    id = "NC104"
    name = "share"
    claim_kind = "share"

    def check(self, claim: ShareClaim, ctx: Context) -> Iterator[Finding]:
        if claim.whole is None and claim.part is not None and claim.whole_candidates:
            yield self._ambiguous(claim, ctx)
            return
        ev = evidence_for(claim.quote, claim.location, claim.part, claim.whole)
        if claim.part is None or claim.whole is None:
            operand = "part" if claim.part is None else "whole"
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE,
                                       i18n.detail("missing-operand", ctx.lang,
                                                   operand=i18n.detail(operand, ctx.lang)),
                                       ev, claim.section, claimed=claim.percent.value, source=claim.source)
            return
        unit = claim.whole.unit
        whole = claim.whole.interval(unit)
        formula = f"{show(claim.part, unit)}/{show(claim.whole, unit)}*100"
        if whole.contains_zero():
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE,
                                       i18n.detail("missing-operand", ctx.lang,
                                                   operand=i18n.detail("whole", ctx.lang)),
                                       ev, claim.section, claimed=claim.percent.value, formula=formula,
                                       source=claim.source)
            return
        computed = claim.part.interval(unit) / whole * Interval.exact(Decimal(100))
        yield self.judge(ctx, claim.percent, computed, formula, ev, claim.section, claim.source)

    def _ambiguous(self, claim: ShareClaim, ctx: Context) -> Finding:
        """The whole named has several values in its scope: ok with the one that makes the share hold."""
        assert claim.part is not None
        part = claim.part

        def readings() -> Iterator[Finding]:
            for whole in claim.whole_candidates:
                if whole.decimal != 0:
                    unit = whole.unit
                    computed = part.interval(unit) / whole.interval(unit) * Interval.exact(Decimal(100))
                    yield self.judge(ctx, claim.percent, computed, f"{show(part, unit)}/{show(whole, unit)}*100",
                                     evidence_for(claim.quote, claim.location, part, whole), claim.section,
                                     claim.source)

        return self.first_holding(ctx, readings(), "whole", claim.percent.value,
                                  evidence_for(claim.quote, claim.location, part), claim.section, claim.source)
