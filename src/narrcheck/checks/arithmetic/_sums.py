"""The shared arithmetic of NC106 (amounts) and NC108 (counts): listed parts add to their total."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show, sum_formula, unit_slip, with_unit
from narrcheck.checks.diagnosis import Terms
from narrcheck.model.claims import Figure, PartsSumClaim, interval_sum
from narrcheck.model.findings import Finding
from narrcheck.numbers import Verdict

# a list that may be partial and falls short of its total by more than this share is taken as partial
PARTIAL_SHORTFALL = Decimal("0.01")


def check_sum(rule: Rule, claim: PartsSumClaim, ctx: Context) -> Iterator[Finding]:
    """Parts of a complete list add to the total; the parts of a list that may be partial (其中…) may fall
    short of it (unverifiable) but never exceed it.
    """
    falls = claim.measure == "delta" and claim.total.value.startswith("-") \
        and all(f.value.startswith("-") or f.decimal == 0 for f in claim.parts)  # (持平: a part of 0)
    if falls:
        claim = _decreases(claim)  # 减少0.04万元 against 减少0.04 + 减少0.04: the amounts of the falls add up
    ev = evidence_for(claim.quote, claim.location, claim.total, *claim.parts)
    unit = claim.total.unit
    total = claim.total.interval(unit)
    parts = interval_sum(claim.parts, unit)
    formula = sum_formula(show(p, unit) for p in claim.parts)
    # the total printed in another unit than all its parts (471.23元 for 189.63万元 + 281.6万元)
    units = {p.unit for p in claim.parts}
    if len(units) == 1 and (other := units.pop()) != unit and claim.total.quantity.is_money:
        in_other = interval_sum(claim.parts, other)
        slip = unit_slip(ctx, rule, claim.total, other, in_other, claim.total, ev, claim.section, formula,
                         claim.source, sum_formula(show(p, other) for p in claim.parts))
        if slip is not None:
            yield slip
            return
    odd = [p for p in claim.parts if p.unit != unit]
    if len(odd) == 1 < len(claim.parts) and claim.total.quantity.is_money and odd[0].quantity.is_money \
            and not parts.meets_printed(claim.total.quantity.value, claim.total.quantity.decimals):
        # one part printed in another unit than the total and the rest (50.00元 among 万元 parts)
        read = [with_unit(p, unit) if p is odd[0] else p for p in claim.parts]
        in_unit = interval_sum(read, unit)
        # (the formula gives the odd part, in the total's unit, from the total and the other parts; the diagnosis
        # adds them all up with its digits read so)
        others = sum_formula(show(p, unit) for p in claim.parts if p is not odd[0])
        if len(claim.parts) > 2 or others.startswith("-"):
            others = f"({others})"
        slip = unit_slip(ctx, rule, odd[0], unit, in_unit, claim.total, ev, claim.section,
                         f"{claim.total.value}-{others}", claim.source, sum_formula(show(p, unit) for p in read))
        if slip is not None:
            yield slip
            return
    if claim.at_most:  # the components left out can only lower the sum: the total may not exceed it
        judged = rule.judge(ctx, claim.total, parts, formula + i18n.detail("at-most-formula", ctx.lang), ev,
                            claim.section, claim.source, terms=_part_repeated(claim))
        # (as falls: the total fell at least as much); equal: the parts account for the whole, the ones left out
        # (stated at 0 this year: see extract/words.py _bounded) did not change
        if ((total.hi < parts.lo) if falls else (total.lo > parts.hi)) or judged.verdict == Verdict.OK.value:
            yield judged
        else:
            yield rule.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("at-most-holds", ctx.lang), ev,
                                       claim.section, claimed=claim.total.value, formula=formula, source=claim.source)
        return
    # a shortfall within 1% is a wrong part, not an omitted one: the list is taken as the whole
    if not claim.exhaustive and parts.hi < total.lo and total.mid > 0 \
            and (total.mid - parts.mid) / total.mid > PARTIAL_SHORTFALL:
        yield rule.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("partial-list", ctx.lang), ev,
                                   claim.section, claimed=claim.total.value, formula=formula, source=claim.source)
        return
    # (a whole said to be 持平, its parts' changes not adding to 0: the message says 持平, not "0.00")
    # (and a balance said in words, 收支平衡: the message says the totals differ, not "0")
    worded = claim.total.decimal == 0 and not claim.total.text[:1].isdigit()
    wording = ("flat" if claim.measure == "delta" else "balanced") if worded else ""
    yield rule.judge(ctx, claim.total, parts, formula, ev, claim.section, claim.source, terms=_part_repeated(claim),
                     wording=wording)


def _part_repeated(claim: PartsSumClaim) -> Terms:
    """For the readings: a total printed with the figure of one of its parts while another part is not 0."""
    nonzero = [p for p in claim.parts if p.decimal != 0]
    same = [p.value for p in nonzero if p.value == claim.total.value and p.unit == claim.total.unit]
    return Terms("sum", {}, copies=tuple(same[:1]) if same and len(nonzero) >= 2 else ())


def _decreases(claim: PartsSumClaim) -> PartsSumClaim:
    """The same sum of changes, all falls, stated as the amounts fallen (positive)."""
    def fallen(f: Figure) -> Figure:
        return f.model_copy(update={"value": f.value.lstrip("-")})

    return claim.model_copy(update={"total": fallen(claim.total), "parts": tuple(fallen(p) for p in claim.parts)})

