from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence, plus, total
from narrcheck.model.findings import Finding
from narrcheck.numbers import Verdict
from narrcheck.tables.model import Fact, ScoreTable


@register
class ScoreTotal(Rule):
    """A score table's row scores (预算执行 and every indicator) add up to its 合计 score.

    Fails: rows score 10+10+10+10+10+10+10+5+5 = 80 while the 合计 row says 100.
    Passes: rows 10+10+9+10+10+10+9+20+10+10 = 98 and 合计 98. A blank row score makes the sum unknowable.
    """

    id = "NC301"
    name = "score-total"
    claim_kind = "score_table"

    def check(self, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        for sub in table.subtotals:  # (a 小计 row: the rows of its category)
            if sub.score is not None:
                yield self._sum(ctx, table, sub.score, list(sub.scores), f"{table.describe()} 小计".strip())
        if table.total_score is None:
            return
        scores = table.scores
        if any(s is None for s in scores):
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("blank-score", ctx.lang),
                                       evidence(table.total_score), table.section,
                                       claimed=table.total_score.figure.value)
            return
        yield self._sum(ctx, table, table.total_score, [s for s in scores if s is not None], table.describe())

    def _sum(self, ctx: Context, table: ScoreTable, stated: Fact, present: list[Fact], about: str) -> Finding:
        # scores are assigned exactly: a total printed with fewer decimals than its rows' sum needs has dropped
        # trailing zeros (99 beside rows making 98.5 is 99.0), not rounded that sum
        exact = sum((s.figure.decimal for s in present), Decimal(0)).normalize()
        shown = max(stated.figure.quantity.decimals, -int(exact.as_tuple().exponent), 0)
        return self.judge(ctx, stated.figure, total(present), plus(present), evidence(stated), table.section,
                          decimals=shown, about=about, terms=Terms("sum", {}, scale=diagnosis.ceiling()))
