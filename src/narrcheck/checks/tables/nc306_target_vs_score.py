from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.checks.tables._common import evidence
from narrcheck.model.claims import ScoreClaim
from narrcheck.model.findings import Evidence, Finding, Severity
from narrcheck.numbers import Verdict
from narrcheck.numbers.parse import normalize_digits
from narrcheck.tables.model import Indicator, ScoreTable

_OPS = {"≥": "ge", "≧": "ge", ">=": "ge", "＞": "gt", ">": "gt", "≤": "le", "≦": "le", "<=": "le", "＜": "lt",
        "<": "lt", "=": "eq", "＝": "eq"}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _number(text: str) -> Decimal | None:
    m = _NUMBER.search(normalize_digits(text).replace(",", ""))
    try:
        return Decimal(m.group()) if m else None
    except InvalidOperation:  # pragma: no cover - guarded by the pattern
        return None


def target_met(row: Indicator) -> bool | None:
    """Whether the row's 完成值 meets its target (None when that cannot be told)."""
    op = _OPS.get(row.op.strip())
    if op is None or not row.actual.strip():
        return None
    actual_text = normalize_digits(row.actual).strip()
    if "#" in actual_text:  # a spreadsheet error is NC403's matter
        return None
    if actual_text[:1] in "≥≧≤≦＜＞<>=＝" or actual_text.endswith(("≥", "≤")):
        return True  # the result restates the target (“≥98”): reported as met
    target, actual = _number(row.target), _number(actual_text)
    if target is None or actual is None:
        return None
    return {"ge": actual >= target, "gt": actual > target, "le": actual <= target, "lt": actual < target,
            "eq": actual == target}[op]


@register
class TargetVsScore(Rule):
    """A row whose result misses its target (完成值 against 指标性质 and 指标值) keeps no full score, and a row
    that meets it loses no points; a narrative full score says every target was met. Severity info.

    Fails: 安装电梯 ＝4部, 完成值 3, and the narrative says 绩效自评得分为100分.
    Passes: 慰问人数 ≥45人, 完成值 195, 权重 10, 得分 10.
    """

    id = "NC306"
    name = "target-vs-score"
    severity = Severity.INFO
    claim_kind = "score_table"
    claim_kinds = ("score_table", "score")

    def check(self, item: ScoreTable | ScoreClaim, ctx: Context) -> Iterator[Finding]:
        if isinstance(item, ScoreClaim):
            yield from self._narrative(item, ctx)
            return
        for row in item.indicators:
            met = target_met(row)
            if met is None or row.weight is None or row.score is None:
                continue
            full = row.score.figure.decimal >= row.weight.figure.decimal
            if met == full:
                continue
            key = "missed-full" if full else "met-lost"
            detail = i18n.detail(key, ctx.lang, row=row.label[:30], op=row.op, target=row.target,
                                 actual=row.actual, score=row.score.figure.value, weight=row.weight.figure.value)
            yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, evidence(row.score, row.weight),
                                       item.section, claimed=row.score.figure.value,
                                       expected=None, formula=f"{row.actual} {row.op} {row.target}")

    def _narrative(self, claim: ScoreClaim, ctx: Context) -> Iterator[Finding]:
        table = ctx.score_table(claim.table)
        if table is None or claim.measure != "score" or table.has_score_column:
            return
        full = sum((w.figure.decimal for w in table.weights), Decimal(0))
        if claim.score.decimal < max(full, Decimal(100)) and claim.score.decimal != full:
            return
        for row in table.indicators:
            if target_met(row) is False:
                detail = i18n.detail("full-score-missed", ctx.lang, row=row.label[:30], op=row.op,
                                     target=row.target, actual=row.actual, table=table.describe())
                ev = [Evidence(quote=claim.quote, location=claim.location)]
                if row.weight is not None:
                    ev.append(Evidence(quote=f"{row.label[:30]} {row.op}{row.target} → {row.actual}",
                                       location=row.weight.location))
                yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, ev, claim.section,
                                           claimed=claim.score.value, formula=f"{row.actual} {row.op} {row.target}")
                return

