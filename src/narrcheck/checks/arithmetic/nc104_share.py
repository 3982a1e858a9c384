from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.lexicon import matcher
from narrcheck.model.claims import Figure, PartsSumClaim, ShareClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Interval, Verdict

TOTAL_NAMES = matcher("lists.total_names")


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
        yield self.judge(ctx, claim.percent, computed, formula, ev, claim.section, claim.source,
                         terms=lambda: share_terms(claim, ctx, computed))

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


def share_terms(claim: ShareClaim, ctx: Context, computed: Interval) -> Terms:
    """The share's operands for the readings: its part and whole; the other shares of the same whole (for a
    plug, only when all the printed shares total exactly 100 and this one is off by no more than rounding);
    and the other totals the document states, in the whole's unit.
    """
    assert claim.part is not None and claim.whole is not None
    part, whole = claim.part, claim.whole
    unit = whole.unit
    group: dict[str, ShareClaim] = {}  # the shares of the same whole, one per part (a repeated list counts once)
    for c in ctx.claims:
        if isinstance(c, ShareClaim) and c.whole == whole and c.part is not None and c.part.value != part.value:
            group.setdefault(c.part.value, c)
    printed = claim.percent.decimal
    siblings: tuple[str, ...] = ()
    if group and printed + sum(c.percent.decimal for c in group.values()) == 100:
        step = Decimal(1).scaleb(-claim.percent.quantity.decimals)
        if abs(printed - computed.mid) <= step * (len(group) + 1):
            siblings = tuple(c.percent.value for c in group.values())
    neighbours = tuple((show(c.part, unit), c.percent.value) for c in group.values()
                       if c.part is not None and c.part.quantity.is_money == part.quantity.is_money)
    wholes: dict[str, None] = {}
    for other in _totals(ctx):
        if other.quantity.is_money and part.quantity.is_money and other.decimal != 0 \
                and other.interval(unit).lo >= part.interval(unit).lo and not other.agrees_with(whole, unit):
            wholes[show(other, unit)] = None
    return Terms("share", {"part": show(part, unit), "whole": show(whole, unit)}, siblings=siblings,
                 neighbours=neighbours, wholes=tuple(wholes))


def _totals(ctx: Context) -> Iterator[Figure]:
    """The totals the document states: wholes of shares, totals of listed parts, figures named as totals."""
    if ctx.statements is not None:
        yield from (st.figure for st in ctx.statements.items
                    if not st.key.period and not st.key.measure and TOTAL_NAMES.search(st.figure.subject[-8:]))
    for c in ctx.claims:
        if isinstance(c, ShareClaim):
            yield from (w for w in (c.whole, *c.whole_candidates) if w is not None)
        elif isinstance(c, PartsSumClaim):
            yield c.total
