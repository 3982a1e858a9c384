from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show
from narrcheck.checks.diagnosis import Terms, ceiling
from narrcheck.checks.registry import register
from narrcheck.lexicon import matcher
from narrcheck.model.claims import Figure, PartsSumClaim, ShareClaim
from narrcheck.model.findings import Finding
from narrcheck.model.location import Location
from narrcheck.numbers import Interval, Verdict

TOTAL_NAMES = matcher("lists.total_names")
NEAREST_TOTALS = 6  # the other wholes a share may have been taken of: the totals stated nearest to it


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
        finding = self.judge(ctx, claim.percent, computed, formula, ev, claim.section, claim.source,
                             terms=lambda: share_terms(claim, ctx, computed))
        if finding.verdict != Verdict.OK.value and claim.whole_candidates:
            # (another whole the text may mean: the share holds of it, or is judged by its own whole)
            other = self._ambiguous(claim, ctx)
            finding = other if other.verdict == Verdict.OK.value else finding
        yield finding

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
    plug, only when all the printed shares total exactly 100, this one is off by no more than rounding and
    every other one holds); and the other totals its section states nearest to it (NEAREST_TOTALS), in the
    whole's unit.
    """
    assert claim.part is not None and claim.whole is not None
    part, whole = claim.part, claim.whole
    unit = whole.unit
    group: dict[str, ShareClaim] = {}  # the shares of the same whole, one per part (a repeated list counts once)
    for c in ctx.memo("shares_by_whole", lambda: _shares_by_whole(ctx)).get(whole.location, ()):
        if c.whole == whole and c.part is not None and c.part.value != part.value:
            group.setdefault(c.part.value, c)
    printed = claim.percent.decimal
    siblings: tuple[str, ...] = ()
    if group and printed + sum(c.percent.decimal for c in group.values()) == 100 \
            and all(_holds(c, unit) for c in group.values()):
        step = Decimal(1).scaleb(-claim.percent.quantity.decimals)
        if abs(printed - computed.mid) <= step * (len(group) + 1):
            siblings = tuple(c.percent.value for c in group.values())
    neighbours = tuple((show(c.part, unit), c.percent.value) for c in group.values()
                       if c.part is not None and c.part.quantity.is_money == part.quantity.is_money)
    wholes: dict[str, None] = {}
    by_line = ctx.memo("totals_by_line", lambda: _totals_by_line(ctx)).get(claim.section)
    for other in _nearest(by_line, claim.location.line or 0) if by_line else ():
        if other.quantity.is_money and part.quantity.is_money and other.decimal != 0 \
                and other.interval(unit).lo >= part.interval(unit).lo and not other.agrees_with(whole, unit):
            wholes[show(other, unit)] = None
    return Terms("share", {"part": show(part, unit), "whole": show(whole, unit)}, siblings=siblings,
                 neighbours=neighbours, wholes=tuple(wholes), scale=ceiling())


TotalsByLine = tuple[list[int], list[tuple[int, int, Figure]]]  # lines, and (line, order, total), by line


def _totals_by_line(ctx: Context) -> dict[tuple[str, ...], TotalsByLine]:
    """Each section's totals (_totals) sorted by line, each with its place in _totals' order."""
    out: dict[tuple[str, ...], TotalsByLine] = {}
    for section, figures in ctx.memo("totals", lambda: _totals(ctx)).items():
        placed = sorted(((f.location.line or 0, n, f) for n, f in enumerate(figures)), key=lambda t: t[:2])
        out[section] = [line for line, _, _ in placed], placed
    return out


def _nearest(totals: TotalsByLine, line: int) -> list[Figure]:
    """The NEAREST_TOTALS totals nearest to `line`, nearest first (on a tie, first in _totals' order): the
    distance of the last one taken is found walking out from `line`; only totals that near are sorted.
    """
    lines, placed = totals
    left, right = bisect_left(lines, line) - 1, bisect_left(lines, line)
    reach = 0
    for _ in range(min(NEAREST_TOTALS, len(lines))):
        if right >= len(lines) or (left >= 0 and line - lines[left] <= lines[right] - line):
            reach, left = line - lines[left], left - 1
        else:
            reach, right = lines[right] - line, right + 1
    near = placed[bisect_left(lines, line - reach):bisect_right(lines, line + reach)]
    return [f for _, _, f in sorted(near, key=lambda t: (abs(t[0] - line), t[1]))[:NEAREST_TOTALS]]


def _holds(share: ShareClaim, unit: str) -> bool:
    """The share's own printed percent is its part over its whole."""
    assert share.part is not None and share.whole is not None
    computed = share.part.interval(unit) / share.whole.interval(unit) * Interval.exact(Decimal(100))
    q = share.percent.quantity
    return computed.meets_printed(abs(q.value), q.decimals)


def _shares_by_whole(ctx: Context) -> dict[Location, list[ShareClaim]]:
    out: dict[Location, list[ShareClaim]] = {}
    for c in ctx.claims:
        if isinstance(c, ShareClaim) and c.whole is not None and c.part is not None and c.whole.decimal != 0:
            out.setdefault(c.whole.location, []).append(c)
    return out


def _totals(ctx: Context) -> dict[tuple[str, ...], list[Figure]]:
    """The totals the document states, by section: wholes of shares, totals of listed parts, figures named as
    totals (a share of another section's total is no reading: other bodies, other years).
    """
    out: dict[tuple[str, ...], dict[Location, Figure]] = {}
    if ctx.statements is not None:
        for st in ctx.statements.items:
            if not st.key.period and not st.key.measure and TOTAL_NAMES.search(st.figure.subject[-8:]):
                out.setdefault(st.section, {})[st.figure.location] = st.figure
    for c in ctx.claims:
        wholes = [c.whole, *c.whole_candidates] if isinstance(c, ShareClaim) else \
            [c.total] if isinstance(c, PartsSumClaim) else []
        for w in wholes:
            if w is not None:
                out.setdefault(c.section, {})[w.location] = w
    return {section: list(figures.values()) for section, figures in out.items()}
