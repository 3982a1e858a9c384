"""Tables with merged cells read alike from Word, PDF and HTML: the same grid (cells and spans) from DOCX and PDF,
and the same findings from all three. Our own document: a 收入支出决算总表 whose 收入 and 支出 heads each span
their half, and a 支出决算表 whose header merges across and down (a 2×2 项目, a 本年支出合计 over two rows, 其中
over two columns) and whose 合计 spans the code and name columns; the narrative misstates both parts of the
total (110.00 / 70.00 against the table's 112.00 / 68.00).
"""

from __future__ import annotations

import html
import shutil
import subprocess

import pdfplumber
import pytest
from convert import verdicts

from narrcheck.api import check_file
from narrcheck.readers import read_document

NARRATIVE = (
    "一、收入支出决算总体情况说明",
    "2024年度收入总计180.00万元，支出总计180.00万元。",
    "二、收入决算情况说明",
    "本年收入合计180.00万元，其中：一般公共预算财政拨款收入150.00万元，占83.33%；其他收入30.00万元，占16.67%。",
    "三、支出决算情况说明",
    "本年支出合计180.00万元，其中：基本支出110.00万元，占61.11%；项目支出70.00万元，占38.89%。",
)

# (rows on the grid, with "" where a merged cell covers; merges as (row, column, rows, columns))
TOTALS = ([["收入支出决算总表", "", "", "", "", ""],
           ["编制单位：示例中心", "", "", "", "单位：万元", ""],
           ["收入", "", "", "支出", "", ""],
           ["项目", "行次", "金额", "项目", "行次", "金额"],
           ["一、一般公共预算财政拨款收入", "1", "150.00", "一、教育支出", "21", "120.00"],
           ["二、其他收入", "2", "30.00", "二、卫生健康支出", "22", "60.00"],
           ["本年收入合计", "3", "180.00", "本年支出合计", "23", "180.00"]],
          [(0, 0, 1, 6), (1, 0, 1, 4), (1, 4, 1, 2), (2, 0, 1, 3), (2, 3, 1, 3)])
SPENDING = ([["支出决算表", "", "", "", ""],
             ["单位：万元", "", "", "", ""],
             ["项目", "", "本年支出合计", "其中", ""],
             ["", "", "", "基本支出", "项目支出"],
             ["合计", "", "180.00", "112.00", "68.00"],
             ["205", "教育支出", "120.00", "80.00", "40.00"],
             ["210", "卫生健康支出", "60.00", "32.00", "28.00"]],
            [(0, 0, 1, 5), (1, 0, 1, 5), (2, 0, 2, 2), (2, 2, 2, 1), (2, 3, 1, 2), (4, 0, 1, 2)])
TABLES = {"二、收入决算情况说明": TOTALS, "三、支出决算情况说明": SPENDING}  # each table after its heading


def _docx(target):
    import docx

    word = docx.Document()
    for paragraph in NARRATIVE:
        word.add_paragraph(paragraph)
        if paragraph in TABLES:
            grid, merges = TABLES[paragraph]
            table = word.add_table(rows=len(grid), cols=len(grid[0]))
            table.style = "Table Grid"
            for r, row in enumerate(grid):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            for r, c, down, across in merges:
                text = grid[r][c]
                table.cell(r, c).merge(table.cell(r + down - 1, c + across - 1)).text = text
    word.save(target)
    return target


def _pdf(target, stacked=False):
    """The document typeset by reportlab; with `stacked`, both tables after the narrative, the second set right
    under the first (their rules touch, so pdfplumber finds them as one).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK",
                          firstLineIndent=21)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    story = []
    for paragraph in NARRATIVE:
        story.append(Paragraph(paragraph, body))
        if paragraph in TABLES and not stacked:
            story.append(_table(*TABLES[paragraph], cell))
    story.extend(_table(*table, cell) for table in TABLES.values() if stacked)
    SimpleDocTemplate(str(target), pagesize=A4).build(story)
    return target


def _table(grid, merges, cell):
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    width = len(grid[0])
    table = Table([[Paragraph(text, cell) for text in row] for row in grid], colWidths=[170 * mm / width] * width)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               *(("SPAN", (c, r), (c + across - 1, r + down - 1)) for r, c, down, across in merges)]))
    return table


def _html(target):
    out = ["<html><body>"]
    for paragraph in NARRATIVE:
        out.append(f"<p>{html.escape(paragraph)}</p>")
        if paragraph in TABLES:
            grid, merges = TABLES[paragraph]
            starts = {(r, c): (down, across) for r, c, down, across in merges}
            covered = {(r + i, c + j) for r, c, down, across in merges for i in range(down) for j in range(across)}
            out.append("<table>")
            for r, row in enumerate(grid):
                cells = []
                for c, text in enumerate(row):
                    if (r, c) in starts:
                        down, across = starts[(r, c)]
                        cells.append(f"<td rowspan='{down}' colspan='{across}'>{html.escape(text)}</td>")
                    elif (r, c) not in covered:
                        cells.append(f"<td>{html.escape(text)}</td>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</table>")
    target.write_text("\n".join([*out, "</body></html>"]), encoding="utf-8")
    return target


def _grids(path):
    tables = [b for b in read_document(path).blocks if b.kind == "table"]
    return [[[(c.text, c.span) for c in row] for row in table.rows] for table in tables]


@pytest.fixture(scope="module")
def word(tmp_path_factory):
    return _docx(tmp_path_factory.mktemp("merged") / "合并.docx")


def test_merged_cells_in_a_pdf_come_out_as_word_has_them(word, tmp_path):
    pdf = _grids(_pdf(tmp_path / "合并.pdf"))
    assert pdf == _grids(word)
    totals, spending = pdf
    assert totals[2] == [("收入", 3), ("支出", 3)]  # each half's head over its three columns
    assert spending[2] == [("项目", 2), ("本年支出合计", 1), ("其中", 2)]
    assert spending[3] == [("", 2), ("", 1), ("基本支出", 1), ("项目支出", 1)]  # covered from above: empty
    assert spending[4] == [("合计", 2), ("180.00", 1), ("112.00", 1), ("68.00", 1)]


def test_tables_set_right_under_each_other_part_on_their_own_grids(word, tmp_path):
    path = _pdf(tmp_path / "相接.pdf", stacked=True)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages[0].find_tables()) == 1  # (pdfplumber finds the two as one)
    assert _grids(path) == _grids(word)


def test_a_table_with_merged_cells_gives_the_same_findings_as_docx_pdf_and_html(word, tmp_path):
    expected = verdicts(check_file(word, show_all=True))
    assert ("NC202", "mismatch", "110.00", "112.00") in expected
    assert ("NC202", "mismatch", "70.00", "68.00") in expected
    assert ("NC202", "ok", "150.00", "150.00") in expected  # the income half of the totals table
    for path in (_pdf(tmp_path / "合并.pdf"), _html(tmp_path / "合并.html")):
        assert verdicts(check_file(path, show_all=True)) == expected, path.suffix


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed here (.ci/run installs it)")
def test_the_word_file_exported_to_pdf_by_libreoffice_keeps_its_merged_cells(word, tmp_path):
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
                   capture_output=True, timeout=300, check=True)
    exported = tmp_path / "合并.pdf"
    assert _grids(exported) == _grids(word)
    assert verdicts(check_file(exported, show_all=True)) == verdicts(check_file(word, show_all=True))
