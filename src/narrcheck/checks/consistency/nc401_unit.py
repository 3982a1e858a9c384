from __future__ import annotations

import re
from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.lexicon import alt, matcher
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Verdict
from narrcheck.tables.model import Indicator, ScoreTable

# a money amount per thing: 元/个, 万元/人·次
MONEY_PER = re.compile(rf"^{alt('units.money')}\s*/")
# an indicator that counts or rates, by its name
COUNTED = matcher("indicators.counted")
# names that do measure money, whatever else they say
MONEY_WORDS = matcher("indicators.money")


@register
class Unit(Rule):
    """The unit fits what is measured: an indicator whose result is a percentage, or that counts heads,
    times or items (人数, 次数, 场次) or states a rate (率, 满意度), is not measured in money per thing
    (元/个, 元/人·次).

    Fails: 中、省、市劳模人数 ≥100 in 元/个; 资金在规定时间发放 ≥50 in 元/人·次 with 完成值 99%.
    Passes: 每人慰问金额 ＝600 元/人, 完成值 600.
    """

    id = "NC401"
    name = "unit"
    claim_kind = "score_table"

    def check(self, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        for row in table.indicators:
            if row.unit_location is None or not MONEY_PER.match(row.unit):
                continue
            reason = _misfit(row)
            if reason is None:
                continue
            detail = i18n.detail(reason, ctx.lang, row=row.label, unit=row.unit, actual=row.actual)
            yield self.verdict_finding(ctx, Verdict.UNIT_ERROR, detail,
                                       [Evidence(quote=row.unit, location=row.unit_location)], table.section,
                                       claimed=row.unit, about=row.label, template="unit-misfit")


def _misfit(row: Indicator) -> str | None:
    """Why a money-per-thing unit cannot be right for this row, or None when it may be."""
    if row.actual.strip().endswith(("%", "％")):
        return "unit-percent"
    if COUNTED.search(row.label) and not MONEY_WORDS.search(row.label):
        return "unit-count"
    return None
