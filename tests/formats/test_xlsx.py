"""The XLSX reader: sheets as tables, numbers as the sheet shows them, table rules on them."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from narrcheck.api import check_file
from narrcheck.readers import read_document
from narrcheck.readers.xlsx import shown


def test_numbers_are_printed_as_the_format_shows_them():
    assert shown(0.1 + 0.2, "0.00") == "0.30"  # the float's shortest decimal, then the format's places
    assert shown(1234.5, "#,##0.00") == "1234.50"
    assert shown(0.0546, "0.00%") == "5.46%"
    assert shown(12, "General") == "12"
    assert shown(Decimal("3.333"), "General") == "3.333"
    assert shown(None, "0.00") == "" and shown(" 合计 ", "General") == "合计"


def test_a_budget_sheet_is_checked_with_cell_locations(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "整体支出"
    sheet.append(["2024年度整体支出绩效目标完成情况表"])
    sheet.merge_cells("A1:F1")
    sheet.append(["预算执行情况", "项目", "预算额（百元）", "执行额（百元）", "当年结转结余额（百元）", "结转结余率%"])
    sheet.append([None, "合计", 50000, 47500.4, 2499.6, 4.99])
    sheet.append([None, "基本支出", 30000, 29000, 1000, 3.33])
    sheet.append([None, "项目支出", 20000, 18500, 1500, 7.5])
    for row in sheet.iter_rows(min_row=3):
        for cell in row[2:]:
            cell.number_format = "0.00"
    path = tmp_path / "附表.xlsx"
    book.save(path)
    doc = read_document(path)
    assert doc.format == "xlsx" and [c.text for c in doc.blocks[0].rows[2]][1:] == [
        "合计", "50000.00", "47500.40", "2499.60", "4.99"]
    report = check_file(path, show_all=True)
    wrong = next(f for f in report.findings if f.rule == "NC308" and f.verdict == "mismatch")
    assert (wrong.claimed, wrong.expected) == ("47500.40", "47500.00")
    loc = wrong.evidence[0].location
    assert (loc.table, loc.row, loc.col, loc.line) == (0, 2, 3, 3)
