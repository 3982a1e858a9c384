"""A workbook of findings, one row each, with filters and a frozen header, ready to annotate."""

from __future__ import annotations

import io

from narrcheck.model.findings import Report
from narrcheck.reporters import labels
from narrcheck.reporters.registry import register

COLUMNS = ("document", "section", "location", "rule", "name", "verdict", "severity", "claimed", "expected", "gap",
           "relative", "formula", "diagnosis", "quote", "waived", "fingerprint")
WIDTHS = {"document": 24, "section": 30, "location": 18, "quote": 60, "formula": 30, "diagnosis": 40,
          "waived": 24}


@register("xlsx")
def render_xlsx(reports: list[Report], lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    w = labels.words(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = w["findings"]
    sheet.append([w["section_col"] if c == "section" else w[c] for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for report in reports:
        for f in report.findings:
            sheet.append(labels.workbook_row([
                report.document.path, " / ".join(f.section), labels.place(f.evidence[0].location, lang),
                f.rule, f.name, f.verdict, f.severity.value, f.claimed or "", f.expected or "",
                f.gap.absolute if f.gap else "", f.gap.relative if f.gap and f.gap.relative else "",
                f.formula or "", f"{f.diagnosis.code}: {f.diagnosis.message}" if f.diagnosis else "",
                f.evidence[0].quote, f.waived or "", f.fingerprint]))
    for i, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(column, 12)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
