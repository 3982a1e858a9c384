from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.findings import Evidence, Finding, Severity
from narrcheck.numbers import Verdict
from narrcheck.tables.model import BadCell


@register
class SpreadsheetError(Rule):
    """No spreadsheet error (#DIV/0!, #REF!, #VALUE!, #N/A …) is published in a table cell. Verdict invalid.

    Fails: a 执行率 cell that reads #DIV/0!.
    Passes: the same cell reading 0.00%.
    """

    id = "NC403"
    name = "spreadsheet-error"
    severity = Severity.WARNING
    claim_kind = "bad_cell"

    def check(self, cell: BadCell, ctx: Context) -> Iterator[Finding]:
        detail = i18n.detail("bad-cell", ctx.lang, text=cell.text, row=cell.row[:30], table=cell.title[:30])
        yield self.verdict_finding(ctx, Verdict.INVALID, detail,
                                   [Evidence(quote=cell.text, location=cell.location)],
                                   cell.section, claimed=cell.text)
