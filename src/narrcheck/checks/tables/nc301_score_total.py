from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule, evidence_for, sum_formula
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence, plus, total
from narrcheck.model.claims import DEDUCTIONS, FULL_MARK, OWN_FULL_MARK, SCORE_LEFT, Figure, PartsSumClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Interval, Verdict
from narrcheck.tables.model import Fact, ScoreTable


@register
class ScoreTotal(Rule):
    """A score table's row scores (预算执行 and every indicator) add up to its 合计 score; so do the scores the
    narrative lists as a score's parts (自评得分96分，其中：预算执行得分…), where the list is the whole (a closing
    合计, or full marks adding to the whole's); a list that may be partial may fall short but never exceed it.
    Points taken off in the narrative add to their 共扣, and a full mark is the score plus the points taken off it
    (满分30分，实际得分27分，扣3分; no full mark stated: a total score after 共扣 is 100 less it).

    Fails: rows score 10+10+10+10+10+10+10+5+5 = 80 while the 合计 row says 100.
    Passes: rows 10+10+9+10+10+10+9+20+10+10 = 98 and 合计 98. A blank row score makes the sum unknowable.
    """

    id = "NC301"
    name = "score-total"
    claim_kind = "score_table"
    claim_kinds = ("score_table", "parts_sum")

    def check(self, table: ScoreTable | PartsSumClaim, ctx: Context) -> Iterator[Finding]:
        if isinstance(table, PartsSumClaim):
            if table.total.unit == "分" and table.total.subject != OWN_FULL_MARK:  # (a part's own full mark: NC304's)
                yield self._listed(table, ctx)
            return
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

    def _listed(self, claim: PartsSumClaim, ctx: Context) -> Finding:
        """A narrative score against the scores listed as its parts (exact: scores are assigned, not rounded)."""
        exact = sum((p.decimal for p in claim.parts), Decimal(0))
        formula = sum_formula(p.value for p in claim.parts)
        # (what the total is: a score, the points taken off in all, a full mark, a score after deductions)
        quantity = {DEDUCTIONS: "deductions", FULL_MARK: "full-mark", SCORE_LEFT: "score-after-deductions"}.get(
            claim.total.subject, "listed-scores")
        ev = evidence_for(claim.quote, claim.location, claim.total, *claim.parts)
        if not claim.exhaustive and exact < claim.total.decimal:
            return self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("partial-list", ctx.lang), ev,
                                        claim.section, claimed=claim.total.value, formula=formula,
                                        source=claim.source)
        return self.judge(ctx, claim.total, Interval.exact(exact), formula, ev, claim.section, claim.source,
                          decimals=_shown(claim.total, exact), quantity=quantity,
                          # (a full mark is 100 by definition: no reading of it as a printed full mark)
                          terms=Terms("sum", {}, scale=diagnosis.ceiling()) if quantity != "full-mark" else None)

    def _sum(self, ctx: Context, table: ScoreTable, stated: Fact, present: list[Fact], about: str) -> Finding:
        exact = sum((s.figure.decimal for s in present), Decimal(0))
        return self.judge(ctx, stated.figure, total(present), plus(present), evidence(stated), table.section,
                          decimals=_shown(stated.figure, exact), about=about,
                          terms=Terms("sum", {}, scale=diagnosis.ceiling()))


def _shown(stated: Figure, exact: Decimal) -> int:
    """The decimals a score total is weighed at: its own, or more where the exact sum of scores needs them (scores
    are assigned, not rounded: 99 beside rows making 98.5 dropped a trailing zero, it did not round 98.5).
    """
    return max(stated.quantity.decimals, -int(exact.normalize().as_tuple().exponent), 0)
