from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show, unit_error, with_unit
from narrcheck.checks.consistency._common import DEFAULT_UNIT
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.model.claims import ChangeClaim, Figure
from narrcheck.model.findings import Finding
from narrcheck.numbers import Interval, Verdict
from narrcheck.numbers.interval import round_half_up

HUNDRED = Interval.exact(Decimal(100))


# the unit a small unit's amount is turned into, and back (the slip of a figure converted but not relabelled)
_OTHER_UNIT = {"元": "万元", "万元": "元"}

@register
class ChangeRate(Rule):
    """The rate of a change equals the change divided by the base.

    With the prior figure stated, base = prior; otherwise base = current − change (增) or current + change (减).
    With both levels stated and a change that is not their difference, a rate the levels give holds (the wrong
    change is NC102's); where the change's word and the rate's disagree, a rate right by its own word holds (NC103).
    Fails: “2024年支出16.91万元，较上年增加5.99万元，增长45.00%” (5.99 / 10.92 = 54.85%).
    Passes: “较上年增加5.99万元，增长54.85%” after “支出16.91万元”.
    """

    id = "NC101"
    name = "change-rate"
    claim_kind = "change"

    def check(self, claim: ChangeClaim, ctx: Context) -> Iterator[Finding]:
        if claim.rate is None:
            return
        if claim.current is None and claim.current_candidates:
            yield self._ambiguous(claim, ctx)
            return
        finding = self._judge(claim, ctx)
        current = claim.current
        if finding.verdict != Verdict.OK.value and _change_disagrees(claim):
            # both levels stated, and the stated change is not their difference: a rate the levels support is
            # right (the wrong change is NC102's, reported once)
            levels = self._judge(claim.model_copy(update={"delta": None}), ctx)
            if levels.verdict == Verdict.OK.value:
                finding = levels
        words = (claim.delta_direction, claim.rate_direction)
        if finding.verdict != Verdict.OK.value and claim.prior is None and words in (("up", "down"), ("down", "up")):
            # the change's word and the rate's word disagree (减少21.86万元，增长87.27%): a rate right by its own
            # word holds (the contradiction is NC103's, reported once)
            own = self._judge(claim.model_copy(update={"delta_direction": claim.rate_direction}), ctx)
            if own.verdict == Verdict.OK.value:
                finding = own
        if finding.verdict != Verdict.OK.value and current is not None and current.quantity.is_money:
            slipped_current = self._current_slipped(claim, ctx)
            if slipped_current is not None:
                yield slipped_current
                return
            # an operand printed in another unit than the current (131870.68元 beside 89410万元; 增支1.10万元
            # beside 14.26亿元): the rate holds with its digits read in the current's unit; one printed in the
            # current's 元 that holds read in 万元 (支出356,218.74元，比上年增加2.62元，增长7.95%: a figure turned
            # into 万元 that kept its 元), or the reverse, where the rate is that figure's and the current's
            for field in ("prior", "delta"):
                fig = getattr(claim, field)
                if fig is None or not fig.quantity.is_money:
                    continue
                # (of a claim stating all three, the two levels give the rate: the change read in 万元 weighs nothing)
                meant = current.unit if fig.unit != current.unit \
                    else _OTHER_UNIT.get(fig.unit) if claim.prior is None or claim.delta is None else None
                if meant is None:
                    continue
                slipped = self._judge(claim.model_copy(update={field: with_unit(fig, meant)}), ctx)
                if slipped.verdict == Verdict.OK.value:
                    ev = evidence_for(claim.quote, claim.location, current, claim.prior, fig)
                    finding = unit_error(ctx, self, fig, meant, ev, claim.section, slipped.formula or "",
                                         claim.source)
                    break
        yield finding

    def _current_slipped(self, claim: ChangeClaim, ctx: Context) -> Finding | None:
        """The current figure is the one printed in the wrong unit (支出4.30元，比上年减少0.80万元 in a document
        of 万元): its other operands share a unit it lacks, the rate holds with its digits read in theirs, and the
        document prints those digits in that unit elsewhere (4.30万元 in the table). None otherwise: with no such
        restatement either figure may be the slip, and the operand is blamed as before.
        """
        current = claim.current
        others = [f for f in (claim.prior, claim.delta) if f is not None and f.quantity.is_money]
        units = {f.unit for f in others}
        if current is None or len(units) != 1 or current.unit in units:
            return None
        unit = units.pop()
        if (current.quantity.value, unit) not in ctx.amounts:
            return None
        slipped = self._judge(claim.model_copy(update={"current": with_unit(current, unit)}), ctx)
        if slipped.verdict != Verdict.OK.value:
            return None
        ev = evidence_for(claim.quote, claim.location, current, claim.prior, claim.delta)
        return unit_error(ctx, self, current, unit, ev, claim.section, slipped.formula or "", claim.source)

    def _ambiguous(self, claim: ChangeClaim, ctx: Context) -> Finding:
        """The figure that changed is one of several: ok with the one that makes the rate hold."""
        assert claim.rate is not None
        readings = (self._judge(claim.model_copy(update={"current": current, "current_candidates": ()}), ctx)
                    for current in claim.current_candidates)
        return self.first_holding(ctx, readings, "base", claim.rate.value, evidence_for(claim.quote, claim.location),
                                  claim.section, claim.source)

    def _judge(self, claim: ChangeClaim, ctx: Context) -> Finding:
        """The rate against the change over its base, from the operands the claim holds."""
        rate = claim.rate
        assert rate is not None
        ev = evidence_for(claim.quote, claim.location, claim.current, claim.prior)
        delta, prior, current = claim.delta, claim.prior, claim.current
        known = prior or current or delta
        unit = known.unit if known is not None else ""
        roles = {"prior": show(prior, unit) if prior else "", "current": show(current, unit) if current else "",
                 "stated_delta": show(delta, unit) if delta else "",
                 "in_points": "1" if current is not None and current.unit == "%" else ""}
        try:
            if prior is not None and current is not None and (delta is None or delta.unit != prior.unit):
                # |current/prior − 1|: the prior enters once, so its rounding is not counted twice
                base = Interval.exact(Decimal(1))
                change = abs(current.interval(unit) / prior.interval(unit) - base)
                formula = f"|{show(current, unit)}-{show(prior, unit)}|/{show(prior, unit)}*100"
                roles |= {"delta": f"|{roles['current']}-{roles['prior']}|", "base": roles["prior"]}
            elif prior is not None and delta is not None:
                base, change = prior.interval(unit), delta.interval(unit)
                formula = f"{show(delta, unit)}/{show(prior, unit)}*100"
                roles |= {"delta": roles["stated_delta"], "base": roles["prior"]}
                if current is None and claim.delta_direction in ("up", "down"):  # this year's, from the two
                    sign = "+" if claim.delta_direction == "up" else "-"
                    roles["current"] = f"({roles['prior']}{sign}{roles['stated_delta']})"
            elif current is not None and delta is not None:
                sign = "-" if claim.delta_direction == "up" else "+"
                cur, dl = current.interval(unit), delta.interval(unit)
                base = cur - dl if sign == "-" else cur + dl
                change = dl
                formula = f"{show(delta, unit)}/({show(current, unit)}{sign}{show(delta, unit)})*100"
                roles |= {"delta": roles["stated_delta"], "base": f"{roles['current']}{sign}{roles['stated_delta']}"}
                if base.mid == 0:
                    return self._zero_base(claim, ctx, ev, formula)
            else:
                return self.verdict_finding(ctx, Verdict.UNVERIFIABLE,
                                            i18n.detail("missing-operand", ctx.lang,
                                                        operand=i18n.detail("base", ctx.lang)),
                                            ev, claim.section, claimed=rate.value)
            computed = (change / base) * HUNDRED
        except ZeroDivisionError:
            return self._zero_base(claim, ctx, ev, None)
        if prior is not None and current is not None and (rounded := _rounded(prior, current, ctx)):
            roles["rounded"] = rounded
        return self.judge(ctx, rate, abs(computed), formula, ev, claim.section, claim.source,
                          terms=lambda: Terms("rate", roles, copies=self._copies(claim, ctx)), falls=_falls(claim))

    def _copies(self, claim: ChangeClaim, ctx: Context) -> tuple[str, ...]:
        """The rate of the change stated just before (on this line or the two above), printed the same and right
        by its own figures (a rate copied from the line above: 下降1.73% twice).
        """
        assert claim.rate is not None
        by_line = ctx.memo("rates_by_line", lambda: _rates_by_line(ctx))
        line = claim.location.line or 0
        before = [c for back in (2, 1, 0) for c in by_line.get((claim.location.page, line - back), ())
                  if c != claim and (c.location.line, c.location.column) < (claim.location.line, claim.location.column)]
        if not before or before[-1].rate is None or before[-1].rate.value.lstrip("-") != claim.rate.value.lstrip("-"):
            return ()
        theirs = self._judge(before[-1], ctx)
        return (theirs.formula,) if theirs.verdict == Verdict.OK.value and theirs.formula else ()

    def _zero_base(self, claim: ChangeClaim, ctx: Context, ev: list, formula: str | None) -> Finding:
        assert claim.rate is not None
        if claim.rate.decimal == 100:
            return self.verdict_finding(ctx, Verdict.OK, i18n.detail("zero-base-100", ctx.lang), ev,
                                        claim.section, claimed=claim.rate.value, expected="100",
                                        formula=formula, template="ok-words")  # (the convention, said)
        return self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("zero-base", ctx.lang), ev,
                                    claim.section, claimed=claim.rate.value, formula=formula)


def _rates_by_line(ctx: Context) -> dict[tuple[int | None, int], list[ChangeClaim]]:
    """The changes with a rate, by (page, line), in reading order."""
    out: dict[tuple[int | None, int], list[ChangeClaim]] = {}
    for c in ctx.claims:
        if isinstance(c, ChangeClaim) and c.rate is not None:
            out.setdefault((c.location.page, c.location.line or 0), []).append(c)
    return out


def _rounded(prior: Figure, current: Figure, ctx: Context) -> str:
    """The rate from the two amounts as the document also prints them, rounded in its usual unit (644,045.07元
    printed elsewhere as 64.40万元), where both are printed so and the rounding changes them; else "".
    """
    if prior.unit == DEFAULT_UNIT or not (prior.quantity.is_money and current.quantity.is_money):
        return ""
    coarse = [round_half_up(f.quantity.in_unit(DEFAULT_UNIT), 2) for f in (current, prior)]
    if coarse[1] == 0 or all(f.quantity.in_unit(DEFAULT_UNIT) == c for f, c in zip((current, prior), coarse,
                                                                                     strict=True)):
        return ""
    if not all((c, DEFAULT_UNIT) in ctx.amounts for c in coarse):
        return ""
    return f"|{coarse[0]}-{coarse[1]}|/{coarse[1]}*100"


def _change_disagrees(claim: ChangeClaim) -> bool:
    """Both levels and the change are stated, in one unit, and the change is not the levels' difference (where it
    is, it is the sharper measure of the two and the rate is judged by it).
    """
    delta, prior, current = claim.delta, claim.prior, claim.current
    if delta is None or prior is None or current is None or delta.unit != prior.unit:
        return False
    q = delta.quantity
    return not abs(current.interval(prior.unit) - prior.interval()).meets_printed(abs(q.value), q.decimals)


def _falls(claim: ChangeClaim) -> bool | None:
    """Whether the figure fell, by its levels where both are stated, else by the word of its change (None: unknown)."""
    if claim.prior is not None and claim.current is not None:
        unit = claim.prior.unit
        return claim.current.interval(unit).mid < claim.prior.interval(unit).mid
    return claim.delta_direction == "down" if claim.delta_word else None
