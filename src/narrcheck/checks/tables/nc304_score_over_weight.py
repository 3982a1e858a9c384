from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence, total_copied
from narrcheck.model.findings import Finding
from narrcheck.numbers import Verdict
from narrcheck.tables.model import ScoreTable


@register
class ScoreOverWeight(Rule):
    """No row scores more than its weight.

    Fails: 预算执行情况 权重 10, 得分 96.
    Passes: 权重 20, 得分 10 (a low score is NC306's matter, not this rule's).
    """

    id = "NC304"
    name = "score-over-weight"
    claim_kind = "score_table"

    def check(self, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        rows = [(i.weight, i.score) for i in table.indicators]
        if table.execution is not None:
            rows.insert(0, (table.execution.weight, table.execution.score))
        for weight, score in rows:
            if weight is None or score is None or score.figure.decimal <= weight.figure.decimal:
                continue
            detail = i18n.detail("over-weight", ctx.lang, score=score.figure.value, weight=weight.figure.value)
            finding = self.verdict_finding(ctx, Verdict.MISMATCH, detail, evidence(score, weight), table.section,
                                           claimed=score.figure.value, expected=weight.figure.value,
                                           formula=f"{score.figure.value}<={weight.figure.value}", about=score.row)
            why = diagnosis.diagnose(total_copied(table, score, ctx), score.figure.decimal,
                                     score.figure.quantity.decimals, ctx.lang)
            yield finding.model_copy(update={"diagnosis": why})
