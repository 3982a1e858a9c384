from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule, evidence_for
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence, total_copied
from narrcheck.model.claims import OWN_FULL_MARK, PartsSumClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Verdict
from narrcheck.tables.model import ScoreTable


@register
class ScoreOverWeight(Rule):
    """No row scores more than its weight, nor a score the narrative names with its full mark (产出指标得分48分（满分
    50分）, 产出指标分值50分，得分…) more than that mark.

    Fails: 预算执行情况 权重 10, 得分 96.
    Passes: 权重 20, 得分 10 (a low score is NC306's matter, not this rule's).
    """

    id = "NC304"
    name = "score-over-weight"
    claim_kind = "score_table"
    claim_kinds = ("score_table", "parts_sum")

    def check(self, table: ScoreTable | PartsSumClaim, ctx: Context) -> Iterator[Finding]:
        if isinstance(table, PartsSumClaim):
            if table.total.subject == OWN_FULL_MARK and table.parts[0].decimal > table.total.decimal:
                yield self._above(table, ctx)
            return
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

    def _above(self, claim: PartsSumClaim, ctx: Context) -> Finding:
        """A score the narrative names above its own full mark."""
        score, mark = claim.parts[0], claim.total
        ev = evidence_for(claim.quote, claim.location, score, mark)
        detail = i18n.detail("over-weight", ctx.lang, score=score.value, weight=mark.value)
        return self.verdict_finding(ctx, Verdict.MISMATCH, detail, ev, claim.section, claimed=score.value,
                                    expected=mark.value, formula=f"{score.value}<={mark.value}", source=claim.source)
