from __future__ import annotations

from collections.abc import Iterator

from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence, plus, total
from narrcheck.model.findings import Finding
from narrcheck.tables.model import ScoreTable, StatedWeight
from narrcheck.tables.vocab import WEIGHT_MARK as _WEIGHT_IN_LABEL


@register
class WeightSum(Rule):
    """Weights add up: each category weight written in a label (预算管理（31分）, 绩效指标（90分）) to the
    weights of the rows it covers, and the 合计 weight to all row weights. A category weight stated in words
    about the table (注：产出指标40分、效益指标40分…) is the one the table gives that category.

    Fails: 绩效指标（90分） over indicator weights 10+10+10+10+20+10+10 = 80; a note's 产出指标40分 while the
    table's 产出指标 rows weigh 10+20+20 = 50.
    Passes: 总体绩效（56分） over 10+8+9+8+6+3+3+3+3+3 = 56.
    """

    id = "NC303"
    name = "weight-sum"
    claim_kind = "score_table"
    claim_kinds = ("score_table", "stated_weight")

    def check(self, table: ScoreTable | StatedWeight, ctx: Context) -> Iterator[Finding]:
        if isinstance(table, StatedWeight):
            yield from self._stated(table, ctx)
            return
        for category in table.categories:
            if category.weight is not None and category.complete and category.members:
                yield self.judge(ctx, category.weight.figure, total(category.members), plus(category.members),
                                 evidence(category.weight, *category.members[:1]), table.section,
                                 about=_WEIGHT_IN_LABEL.sub("", category.label),
                                 terms=Terms("sum", {}, category=category.label))
        for sub in table.subtotals:  # (a 小计 row: the rows of its category)
            if sub.weight is not None:
                yield self.judge(ctx, sub.weight.figure, total(sub.weights), plus(sub.weights), evidence(sub.weight),
                                 table.section, about=f"{table.describe()} 小计".strip(), terms=Terms("sum", {}))
        if table.total_weight is not None and table.weights:
            yield self.judge(ctx, table.total_weight.figure, total(table.weights), plus(table.weights),
                             evidence(table.total_weight), table.section, about=table.describe(),
                             terms=Terms("sum", {}, scale=diagnosis.ceiling()))

    def _stated(self, stated: StatedWeight, ctx: Context) -> Iterator[Finding]:
        table: ScoreTable | None = ctx.score_table(stated.table)
        if table is None:
            return
        for category in table.categories:
            if _WEIGHT_IN_LABEL.sub("", category.label).strip() != stated.name:
                continue
            members = category.members if category.complete and category.members else (
                (category.weight,) if category.weight is not None else ())
            if not members:
                return
            yield self.judge(ctx, stated.weight.figure, total(members), plus(members),
                             evidence(stated.weight, category.weight, *members[:1]), stated.section,
                             about=stated.name, terms=Terms("sum", {}, category=stated.name))
            return
        ex = table.execution
        if ex is not None and ex.weight is not None and stated.name not in {
                _WEIGHT_IN_LABEL.sub("", c.label).strip() for c in table.categories}:
            yield self.judge(ctx, stated.weight.figure, total([ex.weight]), ex.weight.figure.value,
                             evidence(stated.weight, ex.weight), stated.section, about=stated.name)
