from __future__ import annotations

import re
from collections.abc import Iterator

from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence, plus, total
from narrcheck.model.findings import Finding
from narrcheck.tables.model import ScoreTable


@register
class WeightSum(Rule):
    """Weights add up: each category weight written in a label (预算管理（31分）, 绩效指标（90分）) to the
    weights of the rows it covers, and the 合计 weight to all row weights.

    Fails: 绩效指标（90分） over indicator weights 10+10+10+10+20+10+10 = 80.
    Passes: 总体绩效（56分） over 10+8+9+8+6+3+3+3+3+3 = 56.
    """

    id = "NC303"
    name = "weight-sum"
    claim_kind = "score_table"

    def check(self, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        for category in table.categories:
            if category.complete and category.members:
                yield self.judge(ctx, category.weight.figure, total(category.members), plus(category.members),
                                 evidence(category.weight, *category.members[:1]), table.section,
                                 about=re.sub(r"[（(][^（()）]*分\s*[)）]", "", category.label))
        if table.total_weight is not None and table.weights:
            yield self.judge(ctx, table.total_weight.figure, total(table.weights), plus(table.weights),
                             evidence(table.total_weight), table.section, about=table.describe())
