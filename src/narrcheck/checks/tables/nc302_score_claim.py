from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import plus, total
from narrcheck.model.claims import ScoreClaim
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Verdict
from narrcheck.tables.model import ScoreTable
from narrcheck.tables.vocab import WEIGHT_MARK


@register
class ScoreClaimCheck(Rule):
    """A narrative score (本项目自评得分为100分) equals the total of the table it speaks of, a stated point total
    (设立分值总分100分) equals the sum of that table's weights, and a category's score (产出指标得分56分) the sum of
    the scores of that category's rows. The binding is shown in the evidence.

    Fails: “设立分值总分100分” while the bound table's weights add to 80.
    Passes: “本项目自评得分为98分” with the table's 合计 得分 98.
    """

    id = "NC302"
    name = "score-claim"
    claim_kind = "score"

    def check(self, claim: ScoreClaim, ctx: Context) -> Iterator[Finding]:
        table = ctx.score_table(claim.table)
        ev = [Evidence(quote=claim.quote, location=claim.location)]
        if table is None:
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("no-table", ctx.lang), ev,
                                       claim.section, claimed=claim.score.value)
            return
        bound = f"{table.describe()}（{claim.binding}）"
        full = Terms("sum", {}, scale=diagnosis.ceiling())
        if claim.measure == "category":
            yield from self._category(claim, table, ev, bound, ctx)
            return
        if claim.measure == "weight_total":
            weights = table.weights
            if weights:
                ev.append(Evidence(quote=f"{bound} 权重", location=weights[0].location))
                yield self.judge(ctx, claim.score, total(weights), plus(weights), ev, claim.section,
                                 about=table.describe(), terms=full)
            return
        if _indicators_only(table):
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("indicators-only", ctx.lang, table=bound,
                                       weight=table.total_weight.figure.value if table.total_weight else ""),
                                       ev, claim.section, claimed=claim.score.value)
            return
        scores = table.scores
        if table.total_score is not None:
            found = self.judge(ctx, claim.score, total([table.total_score]), table.total_score.figure.value,
                               [*ev, Evidence(quote=f"{bound} 合计 {table.total_score.figure.text}",
                                              location=table.total_score.location)],
                               claim.section, about=table.describe(), terms=full)
            rows = [s for s in scores if s is not None]
            if found.verdict != Verdict.OK and rows and len(rows) == len(scores) and _all_rows_read(table):
                # the table's own 合计 disagrees with its rows (NC301 reports it): a narrative score that is the
                # rows' sum is right, and is weighed against them
                by_rows = self.judge(ctx, claim.score, total(rows), plus(rows),
                                     [*ev, Evidence(quote=f"{bound} 得分", location=rows[0].location)],
                                     claim.section, about=table.describe(), terms=full)
                if by_rows.verdict == Verdict.OK:
                    found = by_rows
            yield found
            return
        # (rows add up to the table's total only where all its rows were read: a budget execution block alone is
        # no table's total, and rows whose weights fall short of the full mark leave a row unread)
        if table.has_score_column and table.indicators and scores and all(s is not None for s in scores):
            if _all_rows_read(table):
                present = [s for s in scores if s is not None]
                ev.append(Evidence(quote=f"{bound} 得分", location=present[0].location))
                yield self.judge(ctx, claim.score, total(present), plus(present), ev, claim.section,
                                 about=table.describe(), terms=full)
                return
            why = "rows-unread"
        else:
            why = "no-scores"
        yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail(why, ctx.lang, table=bound),
                                   ev, claim.section, claimed=claim.score.value)

    def _category(self, claim: ScoreClaim, table: ScoreTable, ev: list[Evidence], bound: str,
                  ctx: Context) -> Iterator[Finding]:
        """A category's score (产出指标得分56分) against its rows' scores, where every row of it has one."""
        category = next((c for c in table.categories if WEIGHT_MARK.sub("", c.label).strip() == claim.category), None)
        if category is None or not category.complete or not category.members:
            return  # (rows not all read: no sum to weigh it against)
        rows = [(i.weight, i.score) for i in table.indicators if i.weight is not None]
        if table.execution is not None and table.execution.weight is not None:
            rows.append((table.execution.weight, table.execution.score))
        score_of = {weight.location: score for weight, score in rows}
        scores = [score_of.get(w.location) for w in category.members]
        present = [s for s in scores if s is not None]
        if len(present) != len(scores):
            return
        ev.append(Evidence(quote=f"{bound} {category.label} 得分", location=present[0].location))
        yield self.judge(ctx, claim.score, total(present), plus(present), ev, claim.section,
                         about=f"{table.describe()} {claim.category}".strip())


def _indicators_only(table: ScoreTable) -> bool:
    """A table of the performance indicators alone: no budget execution block, and a total weight short of the full
    mark (合计 90 beside the 预算执行率 10分 the text gives): its total is a part of the project's score, not the
    score itself.
    """
    return table.execution is None and table.total_weight is not None \
        and table.total_weight.figure.decimal < Decimal(diagnosis.ceiling())


def _all_rows_read(table: ScoreTable) -> bool:
    """Every row of the table was read: each has its weight, and the weights add up to the stated total weight,
    else to a score table's full mark (diagnosis.ceiling).
    """
    weights = table.weights
    if len(weights) != len(table.scores):
        return False
    full = table.total_weight.figure.decimal if table.total_weight is not None else Decimal(diagnosis.ceiling())
    return sum((w.figure.decimal for w in weights), Decimal(0)) == full
