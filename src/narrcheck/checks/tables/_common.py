"""Shared helpers of the table rules: exact points, evidence from facts, sums written out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import reduce
from typing import Any

from narrcheck.checks.base import Context, sum_formula
from narrcheck.checks.diagnosis import Terms
from narrcheck.model.claims import Figure, ScoreClaim
from narrcheck.model.findings import Evidence
from narrcheck.numbers import Interval
from narrcheck.tables.model import Fact, ScoreTable


def points(fact: Fact) -> Interval:
    """Weights and scores are assigned exactly: 1.8 means 1.8."""
    return Interval.exact(fact.figure.decimal)


def total(facts: Iterable[Fact]) -> Interval:
    return reduce(lambda a, b: a + b, (points(f) for f in facts), Interval.exact(Decimal(0)))


def plus(facts: Iterable[Fact]) -> str:
    return sum_formula(f.figure.value for f in facts) or "0"


def evidence(first: Fact, *others: Fact | None, quote: str | None = None) -> list[Evidence]:
    """The fact checked first (its cell), then each other fact on another line."""
    out = [Evidence(quote=quote or _quote(first), location=first.location)]
    seen = {first.location.line}
    for fact in others:
        if fact is not None and fact.location.line not in seen:
            seen.add(fact.location.line)
            out.append(Evidence(quote=_quote(fact), location=fact.location))
    return out


def total_copied(table: ScoreTable, cell: Fact, ctx: Context) -> Terms:
    """For the readings: a row's score that is the table's total score (its total row, or the score the
    narrative gives the table) typed in its place.
    """
    totals = [table.total_score.figure] if table.total_score is not None else []
    totals += ctx.memo("stated_scores", lambda: _stated_scores(ctx.claims)).get(table.index, [])
    same = [t.value for t in totals if t.location != cell.location and t.value == cell.figure.value]
    return Terms("sum", {}, copies=tuple(dict.fromkeys(same)))


def _stated_scores(claims: Iterable[Any]) -> dict[int | None, list[Figure]]:
    """The total scores the narrative gives the score tables, by table, in document order."""
    out: dict[int | None, list[Figure]] = defaultdict(list)
    for c in claims:
        if isinstance(c, ScoreClaim) and c.measure == "score":
            out[c.table].append(c.score)
    return out


def _quote(fact: Fact) -> str:
    """What the cell says, as printed (the row and column it sits under are in the fact's subject)."""
    return fact.figure.text
