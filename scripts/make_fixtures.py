"""Write the 附表 workbook of examples/说明.txt: examples/附表.xlsx (openpyxl) and tests/fixtures/附表.xls (xlwt).

Both files hold the same four official tables, in the layouts disclosures use: 收入支出决算总表 (two halves,
行次 columns), 支出决算表 (科目编码 column, 栏次 row), 一般公共预算财政拨款支出决算表 (类 | 款 | 项 columns) and
财政拨款“三公”经费支出决算表 (in 元, 预算数/决算数 × 费目, three header rows). The figures are my own and agree with
the example's narrative except for five planted disagreements:

- 支出决算表 合计: 基本支出 418.60 and 项目支出 221.40 (the narrative says 420.00 and 220.00);
- 一般公共预算财政拨款支出决算表: 207 文化旅游体育与传媒支出 512.00 (narrative 510.00) and 2080505 33.50 (35.00);
- “三公”经费: 公务接待费 决算数 30,100.00元 = 3.01万元 (narrative 3.10).

Run: python scripts/make_fixtures.py (needs openpyxl and xlwt; xlwt only here, to write the legacy .xls).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (sheet name, rows, merges as (first row, first col, last row, last col), 0-based, inclusive)
M = None  # a cell covered by a merge
SHEETS = [
    ("收入支出决算总表", [
        ["收入支出决算总表", M, M, M, M, M],
        ["部门：示例县文化馆", M, M, M, "金额单位：万元", M],
        ["收入", M, M, "支出", M, M],
        ["项目", "行次", "金额", "项目", "行次", "金额"],
        ["一、一般公共预算财政拨款收入", 1, 600.00, "一、文化旅游体育与传媒支出", 8, 552.00],
        ["二、政府性基金预算财政拨款收入", 2, 40.00, "二、社会保障和就业支出", 9, 50.00],
        ["三、事业收入", 3, 0.00, "三、住房保障支出", 10, 38.00],
        ["本年收入合计", 4, 640.00, "本年支出合计", 11, 640.00],
        ["收入总计", 5, 640.00, "支出总计", 12, 640.00],
    ], [(0, 0, 0, 5), (1, 0, 1, 3), (1, 4, 1, 5), (2, 0, 2, 2), (2, 3, 2, 5)]),
    ("支出决算表", [
        ["支出决算表", M, M, M, M],
        ["单位：万元", M, M, M, M],
        ["项目", M, "本年支出合计", "基本支出", "项目支出"],
        ["科目编码", "科目名称", M, M, M],
        ["栏次", M, 1, 2, 3],
        ["合计", M, 640.00, 418.60, 221.40],
        ["207", "文化旅游体育与传媒支出", 552.00, 330.60, 221.40],
        ["20701", "文化和旅游", 552.00, 330.60, 221.40],
        ["2070109", "群众文化", 472.00, 330.60, 141.40],
        ["2070199", "其他文化和旅游支出", 80.00, 0.00, 80.00],
        ["208", "社会保障和就业支出", 50.00, 50.00, 0.00],
        ["20805", "行政事业单位养老支出", 50.00, 50.00, 0.00],
        ["2080505", "机关事业单位基本养老保险缴费支出", 35.00, 35.00, 0.00],
        ["2080506", "机关事业单位职业年金缴费支出", 15.00, 15.00, 0.00],
        ["221", "住房保障支出", 38.00, 38.00, 0.00],
        ["22102", "住房改革支出", 38.00, 38.00, 0.00],
        ["2210201", "住房公积金", 38.00, 38.00, 0.00],
    ], [(0, 0, 0, 4), (1, 0, 1, 4), (2, 0, 2, 1), (2, 2, 3, 2), (2, 3, 3, 3), (2, 4, 3, 4), (4, 0, 4, 1),
        (5, 0, 5, 1)]),
    ("财政拨款支出", [
        ["一般公共预算财政拨款支出决算表", M, M, M, M, M, M],
        ["单位：万元", M, M, M, M, M, M],
        ["项目", M, M, M, "本年支出", M, M],
        ["科目编码", M, M, "科目名称", "小计", "基本支出", "项目支出"],
        ["类", "款", "项", M, M, M, M],
        ["合计", M, M, M, 600.00, 380.00, 220.00],
        ["207", None, None, "文化旅游体育与传媒支出", 512.00, 292.00, 220.00],
        ["207", "01", None, "文化和旅游", 512.00, 292.00, 220.00],
        ["207", "01", "09", "群众文化", 432.00, 292.00, 140.00],
        ["207", "01", "99", "其他文化和旅游支出", 80.00, 0.00, 80.00],
        ["208", None, None, "社会保障和就业支出", 50.00, 50.00, 0.00],
        ["208", "05", None, "行政事业单位养老支出", 50.00, 50.00, 0.00],
        ["208", "05", "05", "机关事业单位基本养老保险缴费支出", 33.50, 33.50, 0.00],
        ["208", "05", "06", "机关事业单位职业年金缴费支出", 16.50, 16.50, 0.00],
        ["221", None, None, "住房保障支出", 38.00, 38.00, 0.00],
        ["221", "02", None, "住房改革支出", 38.00, 38.00, 0.00],
        ["221", "02", "01", "住房公积金", 38.00, 38.00, 0.00],
    ], [(0, 0, 0, 6), (1, 0, 1, 6), (2, 0, 2, 3), (2, 4, 2, 6), (3, 0, 3, 2), (3, 3, 4, 3), (3, 4, 4, 4),
        (3, 5, 4, 5), (3, 6, 4, 6), (5, 0, 5, 3)]),
    ("三公经费", [
        ["财政拨款“三公”经费支出决算表", M, M, M, M, M, M, M, M, M, M, M],
        ["单位：元", M, M, M, M, M, M, M, M, M, M, M],
        ["预算数", M, M, M, M, M, "决算数", M, M, M, M, M],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", M, M, "公务接待费",
         "合计", "因公出国（境）费", "公务用车购置及运行费", M, M, "公务接待费"],
        [M, M, "小计", "公务用车购置费", "公务用车运行费", M, M, M, "小计", "公务用车购置费", "公务用车运行费", M],
        [84000.00, 0.00, 53000.00, 0.00, 53000.00, 31000.00, 84000.00, 0.00, 53900.00, 0.00, 53900.00, 30100.00],
    ], [(0, 0, 0, 11), (1, 0, 1, 11), (2, 0, 2, 5), (2, 6, 2, 11), (3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 3, 4),
        (3, 5, 4, 5), (3, 6, 4, 6), (3, 7, 4, 7), (3, 8, 3, 10), (3, 11, 4, 11)]),
]


def write_xlsx(target: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows, merges in SHEETS:
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = sheet.cell(r, c, value)
                    if isinstance(value, float):
                        cell.number_format = "#,##0.00"
        for r0, c0, r1, c1 in merges:
            sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    book.save(target)


def write_xls(target: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    for name, rows, merges in SHEETS:
        sheet = book.add_sheet(name)
        covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r0, c0, r1, c1 in merges:
            sheet.write_merge(r0, r1, c0, c1, rows[r0][c0])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None and (r, c) not in covered:
                    sheet.write(r, c, value, money if isinstance(value, float) else xlwt.Style.default_style)
    book.save(str(target))


if __name__ == "__main__":
    write_xlsx(ROOT / "examples" / "附表.xlsx")
    write_xls(ROOT / "tests" / "fixtures" / "附表.xls")
    print("wrote examples/附表.xlsx and tests/fixtures/附表.xls")
