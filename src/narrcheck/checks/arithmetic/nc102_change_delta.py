from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule, evidence_for, show, unit_slip, with_unit
from narrcheck.checks.registry import register
from narrcheck.model.claims import ChangeClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Verdict
from narrcheck.numbers.parse import format_decimal


@register
class ChangeDelta(Rule):
    """The stated change equals the difference of the two stated figures.

    Fails: “支出1178.28万元，比2018年1573.66万元，减少359.38万元” (1573.66 − 1178.28 = 395.38).
    Passes: “…，减少395.38万元”. When the digits agree but the unit does not (减少158,329.33万元 for two
    figures in 元), the verdict is unit_error; not where the figures allow no change at all (0.36万元 against
    3,600元: 增加0.06万元 is then a wrong change, not 0.06元).
    """

    id = "NC102"
    name = "change-delta"
    claim_kind = "change"

    def check(self, claim: ChangeClaim, ctx: Context) -> Iterator[Finding]:
        delta, prior, current = claim.delta, claim.prior, claim.current
        if delta is None or prior is None or current is None:
            return
        ev = evidence_for(claim.quote, claim.location, current, prior)
        unit = prior.unit
        computed = abs(current.interval(unit) - prior.interval(unit))
        formula = f"|{show(current, unit)}-{show(prior, unit)}|"
        # a unit slip only where the two figures pin a change: one that may be 0 (0.36万元 against 3,600元)
        # fits any small figure in the other unit, and says nothing about the unit the change is printed in
        if delta.unit != unit and not computed.contains_zero() \
                and computed.meets_printed(delta.decimal, delta.quantity.decimals):
            digits = format_decimal(computed.mid, delta.quantity.decimals)
            msg = i18n.message("unit_error", ctx.lang, what=i18n.what(self.name, ctx.lang), claimed=delta.value,
                               unit=delta.unit, expected=digits, expected_unit=unit)
            finding = self.verdict_finding(ctx, Verdict.UNIT_ERROR, "", ev, claim.section, claimed=delta.value,
                                           expected=digits, formula=formula, source=claim.source)
            why = diagnosis.make("unit_slip", formula, ctx.lang, unit=unit)
            yield finding.model_copy(update={"message": msg, "diagnosis": why})
            return
        # (a change of a percentage is in points: 提高0.58个百分点, 高于…增速1.8个百分点)
        finding = self.judge(ctx, delta, computed.scale(prior.quantity.scale_to(delta.unit)), formula, ev,
                             claim.section, claim.source, quantity="change-points" if delta.quantity.is_percent else "")
        if finding.verdict != "ok" and current.unit != unit and current.quantity.is_money:
            slipped = abs(with_unit(current, unit).interval() - prior.interval()).scale(
                prior.quantity.scale_to(delta.unit))
            finding = unit_slip(ctx, self, current, unit, slipped, delta, ev, claim.section, formula,
                                claim.source) or finding
        yield finding
