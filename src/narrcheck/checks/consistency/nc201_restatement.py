from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from math import floor
from typing import TypeVar

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule, unit_error
from narrcheck.checks.consistency._common import DEFAULT_UNIT as _UNIT
from narrcheck.checks.consistency._common import NEAR_MISS, agree, near_miss
from narrcheck.checks.registry import register
from narrcheck.extract.identity import core_subject, fold, scopes_differ, this_year, within_year
from narrcheck.extract.statements import Statement, Statements
from narrcheck.lexicon import alt
from narrcheck.model.claims import ChangeClaim, Figure, PartsSumClaim, ShareClaim, interval_sum
from narrcheck.model.findings import Diagnosis, Evidence, Finding
from narrcheck.numbers import Verdict
from narrcheck.numbers.parse import significant_digits
from narrcheck.tables.model import ChartSeries

T = TypeVar("T")
# the unit money is usually stated in: figures are compared in it, and preferred in it
# 其中 / 二是 / 2023年度 before the name of a part
_PART_LEAD = re.compile(rf"^(?:{alt('leads.breakdown')}|{alt('numerals.ordinals')}+{alt('numerals.enumerator_suffix')}"
                        rf"|\d{{4}}{alt('dates.year')}{alt('dates.year_suffix')}?)+")


@register
class Restatement(Rule):
    """One quantity, one value: a figure stated again elsewhere (same subject after synonym folding, same
    period, same measure) has the same value, up to rounding and units.

    The document's value is the one stated most often; on a tie, the most precise (26,845.39元 over 2.69万元:
    a rounded restatement comes from the precise figure), then the one its own arithmetic supports. A
    differing figure whose own sum or change checks out is left alone: the words, not the number, differ.
    The same digits in another unit are a unit_error (54.39元 where 54.39万元 is stated elsewhere).
    Comparisons too: changes whose current figures agree (nonzero, four or more significant digits) speak of
    one quantity, so their prior figures must agree as well, when they differ by a near miss (under 0.5%).
    One name is one quantity only within one scope: figures of two places (全区 / 区本级, two counties), two
    funds (the 年终结余 under 一般公共预算 and under 政府性基金) or two spans of time (2月份 / 1-2月, 2023年 /
    本年) never restate each other; a figure whose scope is unstated meets a stated one only in a near miss, save
    that in a document with no figure of a part of a year a figure naming no time is of the report's year.
    A name that only relates to another figure (超支部分) names no quantity.
    The cells of the document's flattened tables are statements too (keyed by row label, the year and measure of
    their column; extract/flat_tables/cells.py): a narrative figure of a cell's key, year and scope is judged
    against the cell, the table being the reference; cells are never weighed against each other.
    Fails: 财政拨款收入 1178.28万元 on two lines and 1170.23万元 on a third; 64.40万元 “比2018年80.25万元”
    on two lines while 64.40万元 “比去年同期80.24万元” and 644,045.07元 “比2018年802,374.40元”.
    Passes: 财政收回存量资金 26,845.39元 and 2.68万元; a 年终结余 under a 一般公共预算 heading and another
    under a 政府性基金 heading.
    """

    id = "NC201"
    name = "restatement"
    claim_kind = "statements"
    claim_kinds = ("statements", "chart")

    def check(self, item: Statements | ChartSeries, ctx: Context) -> Iterator[Finding]:
        if isinstance(item, ChartSeries):
            yield from self._chart(item, ctx)
            return
        groups: dict[object, list[Statement]] = defaultdict(list)
        for st in item.items:
            groups[st.key.base].append(st)
        units = Counter(st.figure.unit for st in item.items)
        dominant = units.most_common(1)[0][0] if units else ""
        anchors = _anchors(ctx.claims)
        taken: set[tuple[int | None, int | None]] = set()  # figures weighed against a table's cell
        for finding in self._tables(item, ctx, anchors):
            taken.add(_where(finding))
            yield finding
        # a document of the whole year: a figure that names no time is of the report's year
        annual = not any(within_year(st.key.span) for st in item.items)
        for named in groups.values():
            if len({st.sentence for st in named}) < 2:
                continue
            judged: set[tuple[int | None, int | None]] = set()  # a figure two sets hold is judged once
            for group in _one_scope(named, annual):
                for finding in self._group(group, ctx, dominant, anchors):
                    where = _where(finding)
                    if where not in judged and where not in taken:
                        judged.add(where)
                        yield finding
        yield from self._priors(ctx)
        yield from (f for f in self._slips(item, ctx, dominant) if _where(f) not in taken)

    def _tables(self, item: Statements, ctx: Context,
                anchors: dict[tuple[int | None, int | None], list[object]]) -> Iterator[Finding]:
        """Each narrative figure against the cell of a flattened table it restates (same key; see _meets), where
        the cells of that key agree. The table is the reference: the narrative figure is judged against it.
        A differing figure whose own sum checks out is left alone, unless a part of that sum differs from its
        own cell too (the sum then proves nothing). Cells are never weighed against each other.
        """
        if not item.cells:
            return
        cells: dict[object, list[Statement]] = defaultdict(list)
        for cell in item.cells:
            cells[cell.key.base].append(cell)
        pairs: list[tuple[Statement, Statement]] = []
        for st in item.items:
            pool = [c for c in cells.get(st.key.base, ()) if _meets(st, c)]
            if not pool or not all(agree(pool[0].figure, c.figure, _UNIT) for c in pool):
                continue  # no cell, or cells of two values: nothing certain to weigh it against
            pairs.append((st, max(pool, key=lambda c: _precision(c.figure, _UNIT))))
        wrong = {_at(st.figure) for st, cell in pairs if not agree(st.figure, cell.figure, _UNIT)}
        for st, cell in pairs:
            fig = cell.figure
            evidence = [Evidence(quote=st.quote, location=st.figure.location),
                        Evidence(quote=cell.quote, location=fig.location)]
            if _at(st.figure) not in wrong:
                yield self.judge(ctx, st.figure, fig.interval(st.figure.unit), fig.text, evidence, st.section,
                                 about=str(st.key))
            elif st.figure.value == fig.value and st.figure.unit != fig.unit:
                yield self._unit_slip(st, cell, ctx)
            elif not _supported(st.figure, anchors) or _parts_differ(st.figure, anchors, wrong):
                found = self.judge(ctx, st.figure, fig.interval(st.figure.unit), fig.text, evidence, st.section,
                                   about=str(st.key))
                if found.verdict == Verdict.TRUNCATION.value:
                    yield found
                    continue
                # (printed figures that only touch at a rounding boundary, 38 against 37, are two amounts)
                detail = i18n.detail("restated", ctx.lang, claimed=st.figure.text,
                                     places=i18n.places(ctx.lang, [(fig.text, fig.location.line)]))
                stated = self.verdict_finding(ctx, Verdict.MISMATCH, detail, evidence, st.section,
                                              claimed=st.figure.value, expected=_in_unit(fig, st.figure.unit),
                                              formula=f"{st.figure.text} = {fig.text}", about=str(st.key),
                                              template="stated-elsewhere")
                yield stated.model_copy(update={"gap": found.gap,  # (as the rounding rule measured it)
                                                "diagnosis": _rounded_twice(st.figure, fig, ctx.lang)})

    def _slips(self, item: Statements, ctx: Context, dominant: str) -> Iterator[Finding]:
        """The same digits in two money units under one known name and one scope, even in one sentence or under
        names a qualifier sets apart (…公开公务接待费1.58元 beside 公务接待费为1.58万元): a unit slip.
        """
        groups: dict[object, list[Statement]] = defaultdict(list)
        for st in item.items:
            core = core_subject(st.key.subject)
            if core is not None and st.figure.quantity.is_money and st.figure.decimal != 0:
                k = st.key
                groups[(core, k.period, k.measure, k.entity, k.fund, k.span, st.figure.value)].append(st)
        for group in groups.values():
            units = {st.figure.unit for st in group}
            if len(units) < 2 or dominant not in units:
                continue
            first = next(st for st in group if st.figure.unit == dominant)
            for st in group:
                handled = st.key.base == first.key.base and st.sentence != first.sentence  # (by _group)
                if st.figure.unit != dominant and not handled:
                    yield self._unit_slip(st, first, ctx)

    def _chart(self, chart: ChartSeries, ctx: Context) -> Iterator[Finding]:
        """A structure chart's shares (0.824) against the narrative's shares of the same parts (占82.4%)."""
        shares = ctx.memo("nc201_share_parts", lambda: _share_parts(ctx.claims))
        for fact in chart.facts:
            value = fact.figure
            if value.unit or not 0 <= value.decimal <= 1:
                continue  # money series are stated figures; only shares are read here
            name = fold(re.sub(r"[（(][^（()）]*[)）]$", "", fact.column))
            if len(name) < 4:
                continue
            named = [c for c, words in shares if _names_part(name, words)]
            if not named:
                continue
            as_share = value.interval().scale(Decimal(100))
            agreeing = [c for c in named if c.percent.interval().lo <= as_share.hi
                        and as_share.lo <= c.percent.interval().hi]
            pick = agreeing[0] if agreeing else named[0]
            if not agreeing and len({c.percent.value for c in named}) != 1:
                continue  # the narrative gives this part several shares (of different wholes)
            stated = pick.percent.interval().scale(Decimal("0.01"))
            evidence = [Evidence(quote=value.text, location=value.location),
                        Evidence(quote=pick.quote, location=pick.location)]
            yield self.judge(ctx, value, stated, f"{pick.percent.value}/100", evidence, (),
                             about=f"{chart.title}·{fact.column}")

    def _priors(self, ctx: Context) -> Iterator[Finding]:
        """Prior figures of changes whose current figures are one quantity."""
        changes = [c for c in ctx.claims if isinstance(c, ChangeClaim) and c.current is not None
                   and c.prior is not None and c.current.quantity.is_money and c.prior.quantity.is_money
                   and c.current.decimal != 0 and significant_digits(c.current.value) >= 4]
        for cluster in _clusters(changes, lambda c: c.current):  # type: ignore[arg-type, return-value]
            if len({c.location.line for c in cluster}) < 2:
                continue
            priors = [c.prior for c in cluster]  # type: ignore[misc]
            values = [p.decimal * p.quantity.scale_to(_UNIT) for p in priors]  # type: ignore[union-attr]
            if max(values) == 0 or (max(values) - min(values)) / max(values) >= NEAR_MISS:
                continue  # not a near miss: different quantities that happen to share a current figure
            groups = _clusters(cluster, lambda c: c.prior)  # type: ignore[arg-type, return-value]
            if len(groups) < 2:
                continue
            best = max(groups, key=lambda g: (len({c.location.line for c in g}),
                                              _precision(g[0].prior, _UNIT)))  # type: ignore[arg-type]
            first = best[0].prior
            places = i18n.places(ctx.lang, [(c.prior.text, c.prior.location.line)  # type: ignore[union-attr]
                                            for c in best])
            stated = [Evidence(quote=c.quote, location=c.prior.location) for c in best]  # type: ignore[union-attr]
            for group in groups:
                if group is best:
                    continue
                for change in group:
                    fig = change.prior
                    detail = i18n.detail("prior-restated", ctx.lang, current=change.current.text,  # type: ignore[union-attr]
                                         claimed=fig.text, places=places)  # type: ignore[union-attr]
                    evidence = [Evidence(quote=change.quote, location=fig.location), *stated]  # type: ignore[union-attr]
                    yield self.verdict_finding(
                        ctx, Verdict.MISMATCH, detail, evidence, change.section,
                        claimed=fig.value, expected=_in_unit(first, fig.unit),  # type: ignore[union-attr, arg-type]
                        formula=f"{fig.text} = {first.text}",  # type: ignore[union-attr]
                        about=i18n.detail("compared-with", ctx.lang), template="stated-elsewhere")

    def _group(self, group: list[Statement], ctx: Context, dominant: str,
               anchors: dict[tuple[int | None, int | None], list[object]]) -> Iterator[Finding]:
        unit = _UNIT if any(st.figure.unit == _UNIT for st in group) else group[0].figure.unit
        values = _clusters(group, lambda st: st.figure, unit)
        digits = Counter(v[0].figure.value for v in values)

        def weight(v: list[Statement]) -> tuple[int, Decimal, bool]:
            fig = v[0].figure
            # the same digits in two units: the document's usual unit is meant; else the finer figure
            rank = Decimal(fig.unit == dominant) if digits[fig.value] > 1 else _precision(fig, unit)
            return len({s.sentence for s in v}), rank, any(_supported(s.figure, anchors) for s in v)

        best = max(values, key=weight)
        first = best[0]
        for st in best[1:]:  # each restatement of the document's value holds
            if st.sentence != first.sentence:
                yield self.judge(ctx, st.figure, first.figure.interval(st.figure.unit), first.figure.text,
                                 [Evidence(quote=st.quote, location=st.figure.location),
                                  Evidence(quote=first.quote, location=first.figure.location)],
                                 st.section, about=str(st.key))
        places = i18n.places(ctx.lang, [(s.figure.text, s.figure.location.line) for s in best])
        stated = [Evidence(quote=s.quote, location=s.figure.location) for s in best]  # (the document's value)
        for value in values:
            if value is best:
                continue
            for st in value:
                if _supported(st.figure, anchors):
                    continue
                if st.figure.value == first.figure.value and st.figure.unit != first.figure.unit:
                    yield self._unit_slip(st, first, ctx)
                    continue
                evidence = [Evidence(quote=st.quote, location=st.figure.location), *stated]
                cut = self.judge(ctx, st.figure, first.figure.interval(st.figure.unit), first.figure.text,
                                 evidence, st.section, about=str(st.key))
                if cut.verdict == Verdict.TRUNCATION.value:  # (1,234,567.89元 cut, not rounded, to 123.45万元)
                    yield cut
                    continue
                shown = _in_unit(best[0].figure, st.figure.unit)
                detail = i18n.detail("restated", ctx.lang, claimed=st.figure.text, places=places)
                found = self.verdict_finding(ctx, Verdict.MISMATCH, detail, evidence, st.section,
                                             claimed=st.figure.value, expected=shown,
                                             formula=f"{st.figure.text} = {best[0].figure.text}",
                                             about=str(st.key), template="stated-elsewhere")
                yield found.model_copy(update={"diagnosis": _rounded_twice(st.figure, best[0].figure, ctx.lang)})

    def _unit_slip(self, st: Statement, first: Statement, ctx: Context) -> Finding:
        """The digits are the document's, the unit is not: 54.39元 where 54.39万元 is meant."""
        evidence = [Evidence(quote=st.quote, location=st.figure.location),
                    Evidence(quote=first.quote, location=first.figure.location)]
        return unit_error(ctx, self, st.figure, first.figure.unit, evidence, st.section,
                          f"{st.figure.text} = {first.figure.text}", "rule", about=str(st.key))


def _where(finding: Finding) -> tuple[int | None, int | None]:
    return finding.evidence[0].location.line, finding.evidence[0].location.column


def _at(fig: Figure) -> tuple[int | None, int | None]:
    return fig.location.line, fig.location.column


def _meets(st: Statement, cell: Statement) -> bool:
    """A narrative statement restates a table's cell of its key: not on the cell's own line, of the cell's span
    of time (or of none stated: the report's year, as its key's period says), of no other place or budget; where
    only one of them names its place or budget, only in a near miss (it may as well be another quantity).
    """
    a, b = st.key, cell.key
    if st.figure.location.line == cell.figure.location.line or a.span not in ("", b.span):
        return False
    pairs = ((a.entity, b.entity), (a.fund, b.fund))
    if any(x and y and x != y for x, y in pairs):
        return False
    return all(x == y for x, y in pairs) or near_miss(st.figure, cell.figure)


def _parts_differ(fig: Figure, anchors: dict[tuple[int | None, int | None], list[object]],
                  wrong: set[tuple[int | None, int | None]]) -> bool:
    """A part of a sum whose total is `fig` is a figure that differs from its table's cell."""
    return any(isinstance(claim, PartsSumClaim) and _at(claim.total) == _at(fig)
               and any(_at(part) in wrong for part in claim.parts) for claim in anchors.get(_at(fig), ()))


def _one_scope(named: list[Statement], annual: bool = False) -> list[list[Statement]]:
    """The statements of one name that speak of one quantity, largest sets first.

    Figures whose scopes are both stated and differ (two places, two funds, two spans of time) are never
    one quantity. Figures of one stated scope are; a figure that leaves a part of the scope unstated joins
    them only when its value is a near miss of theirs (a typo, a unit slip), since it may as well be another
    quantity; one that could join figures of two different scopes joins none. In an `annual` document (no
    figure of a part of a year) a figure that names no time is of the report's year: 2024年度会议费 and a
    later 会议费 are one quantity, a figure of 2023年 is not.
    """
    def scope_of(st: Statement) -> tuple[str, str, str]:
        entity, fund, span = st.key.scope
        return entity, fund, this_year() if annual and not span else span

    def differ(a: Statement, b: Statement) -> bool:
        return scopes_differ(a.key.with_scope(*scope_of(a)), b.key.with_scope(*scope_of(b)))

    out: list[list[Statement]] = []
    for scope in dict.fromkeys(scope_of(st) for st in named):
        same = [st for st in named if scope_of(st) == scope]
        near = [st for st in named if scope_of(st) != scope and not differ(st, same[0])
                and any(near_miss(st.figure, s.figure) for s in same)]
        if any(differ(a, b) for a in near for b in near):
            near = []  # ambiguous: the unstated scope could be either
        members = {id(st) for st in (*same, *near)}
        group = [st for st in named if id(st) in members]  # in document order
        if len({st.sentence for st in group}) >= 2 and group not in out:
            out.append(group)
    return sorted(out, key=len, reverse=True)


def _share_parts(claims: Sequence[object]) -> list[tuple[ShareClaim, str]]:
    """Each share with a part, and the part's name as a chart names it (_part_words)."""
    return [(c, _part_words(c.part.subject)) for c in claims if isinstance(c, ShareClaim) and c.part is not None]


def _part_words(subject: str) -> str:
    """The name of a share's part without what leads it (其中 / 二是 / 2023年度), folded."""
    return _PART_LEAD.sub("", fold(subject.split("：")[-1].split("，")[-1]))


def _same_part(chart_name: str, subject: str) -> bool:
    """A chart series names the part a narrative share speaks of (一般公共服务 / 一般公共服务支出)."""
    return _names_part(chart_name, _part_words(subject))


def _names_part(chart_name: str, words: str) -> bool:
    """_same_part, the part's name already read (_part_words)."""
    return bool(words) and (words == chart_name or words.startswith(chart_name)
                            or (len(words) >= 4 and chart_name.startswith(words)))


def _clusters(items: Sequence[T], figure: Callable[[T], Figure], unit: str = _UNIT) -> list[list[T]]:
    """Items grouped by the amount their figure can stand for (each joins the first group it agrees with).

    Figures that agree have overlapping intervals, so a group is filed under where the interval of its first
    figure starts, in steps as wide as the widest interval: an item is weighed (by agree) only against the
    groups filed within a step of its own interval, not against every group.
    """
    spans = [figure(item).interval(unit) for item in items]
    step = max((span.hi - span.lo for span in spans), default=Decimal(0)) or Decimal(1)
    groups: list[list[T]] = []
    filed: dict[int, list[int]] = defaultdict(list)  # step number -> the groups whose first interval starts there
    for item, span in zip(items, spans, strict=True):
        # (a step more on each side: a quotient rounded at a step's edge may fall on either side of it)
        near = sorted(g for n in range(floor((span.lo - step) / step) - 1, floor(span.hi / step) + 2)
                      for g in filed.get(n, ()))
        home = next((g for g in near if agree(figure(groups[g][0]), figure(item), unit)), None)
        if home is None:
            filed[floor(span.lo / step)].append(len(groups))
            groups.append([item])
        else:
            groups[home].append(item)
    return groups


def _precision(fig: Figure, unit: str) -> Decimal:
    """Higher for a figure printed to a finer step (in a common unit)."""
    iv = fig.interval(unit)
    return -(iv.hi - iv.lo)


def _rounded_twice(fig: Figure, other: Figure, lang: str) -> Diagnosis | None:
    """`fig` is the other unit's figure brought into its own and rounded twice (26845.39元 as 2.69万元)."""
    if fig.unit == other.unit or not (fig.quantity.is_money and other.quantity.is_money):
        return None
    return diagnosis.rounded_twice(diagnosis.in_unit(other.value, other.quantity.scale_to(fig.unit)), fig.value,
                                   lang)


def _in_unit(fig: Figure, unit: str) -> str:
    """The document's value as it would be printed in `unit` with the same decimals as the figure."""
    q = fig.quantity
    if q.unit == unit or not unit:
        return fig.value
    return str(q.in_unit(unit).quantize(Decimal("0.01")))


def _anchors(claims: Sequence[object]) -> dict[tuple[int | None, int | None], list[object]]:
    """Sums and changes by the place of their total or current figure."""
    out: dict[tuple[int | None, int | None], list[object]] = defaultdict(list)
    for claim in claims:
        fig = claim.total if isinstance(claim, PartsSumClaim) else \
            claim.current if isinstance(claim, ChangeClaim) else None
        if fig is not None:
            out[fig.location.line, fig.location.column].append(claim)
    return out


def _supported(fig: Figure, anchors: dict[tuple[int | None, int | None], list[object]]) -> bool:
    """The figure is the total of a list that adds up, or the current figure of a change that checks out."""
    where = (fig.location.line, fig.location.column)
    for claim in anchors.get(where, ()):
        if isinstance(claim, PartsSumClaim) and claim.measure == "current" and claim.parts \
                and (claim.total.location.line, claim.total.location.column) == where:
            total = interval_sum(claim.parts, fig.unit)
            if total.meets_printed(fig.decimal, fig.quantity.decimals):
                return True
        if isinstance(claim, ChangeClaim) and claim.current is not None and claim.prior is not None \
                and claim.delta is not None \
                and (claim.current.location.line, claim.current.location.column) == where:
            diff = abs(claim.current.interval(fig.unit) - claim.prior.interval(fig.unit))
            if diff.meets_printed(claim.delta.decimal, claim.delta.quantity.decimals):
                return True
    return False
