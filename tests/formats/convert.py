"""The example text export written in every other format the readers take, for the format tests.

Each writer takes the Document the text reader makes of a file and writes the same paragraphs and tables:
python-docx for Word, plain markup for HTML, reportlab (its built-in CID font STSong-Light, so no font file is
needed) for PDF. The PDF carries a running header and a page number on every page, as published PDFs do, so
the reader's header/footer handling is exercised too.
"""

from __future__ import annotations

import html as escape
import re
from pathlib import Path

from narrcheck.model.document import Document
from narrcheck.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "说明.txt"


def verdicts(report) -> list[tuple[str, str, str, str]]:
    """What must not depend on the format: rule, verdict, claimed and expected of every finding."""
    return sorted((f.rule, f.verdict, f.claimed or "", f.expected or "") for f in report.findings)


_HEADING_NUMBER = (re.compile(r"^[一二三四五六七八九十]+、"), re.compile(r"^（[一二三四五六七八九十]+）"))


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_chinese_numbering(word, num_id: int, first: bool) -> str:
    """Add a list of two levels (一、 and （一）) to the document's numbering part (its definition with the
    first list; later lists start again at 一 by a startOverride, as Word writes a restarted list).
    """
    from docx.oxml import parse_xml

    numbering = word.part.numbering_part.element
    if first:
        levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                         f'<w:lvlText w:val="{text}"/></w:lvl>' for i, text in enumerate(("%1、", "（%2）")))
        numbering.insert(0, parse_xml(f'<w:abstractNum {_W} w:abstractNumId="90">{levels}</w:abstractNum>'))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering.append(parse_xml(f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="90"/>{override}</w:num>'))
    return str(num_id)


def as_docx(text_path: Path, target: Path, numbered: bool = False, header: str = "") -> Path:
    """The text export written with python-docx: a paragraph per paragraph, a table per table.

    With `numbered`, headings typed as 一、… and （一）… get Word's automatic numbering instead of the typed
    number (so the reader must render the numbering to find the sections). With `header`, every page has it
    as a running header and a footer with the page number (a PAGE field), as published documents do.
    """
    import docx
    from docx.oxml import parse_xml

    source = read_document(text_path)
    word = docx.Document()
    if header:
        section = word.sections[0]
        section.header.paragraphs[0].text = header
        footer = section.footer.paragraphs[0]
        footer.text = "- "
        footer._p.append(parse_xml(f'<w:fldSimple {_W} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        footer.add_run(" -")
    num_id, lists = "", 0
    for block in source.blocks:
        if block.kind == "table":
            width = max(len(r) for r in block.rows)
            table = word.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"  # ruled, as published tables are
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell.text
                if len(row) < width:  # a short row of the export is a row whose last cell spans the rest
                    table.cell(r, len(row) - 1).merge(table.cell(r, width - 1)).text = row[-1].text
        else:
            level = next((i for i, p in enumerate(_HEADING_NUMBER) if p.match(block.text)), None)
            if not numbered or level is None:
                word.add_paragraph(block.text)
                continue
            if level == 0 and block.text.startswith("一、"):  # a list that starts again
                lists += 1
                num_id = add_chinese_numbering(word, 90 + lists, lists == 1)
            paragraph = word.add_paragraph(_HEADING_NUMBER[level].sub("", block.text))
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    word.save(target)
    return target


def as_html(text_path: Path) -> str:
    """The text export rendered as a plain web page: <p> per paragraph, <table> per table, <br> in cells."""
    doc = read_document(text_path)
    out = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'><title>示例</title>",
           "<style>p { margin: 0 }</style><script>var x = '12.50万元';</script></head><body>"]
    for block in doc.blocks:
        if block.kind == "table":
            out.append("<table>")
            for row in block.rows:
                cells = "".join(f"<td>{escape.escape(c.text).replace(chr(10), '<br>')}</td>" for c in row)
                out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
        else:
            out.append(f"<p>{escape.escape(block.text)}</p>")
    out.append("</body></html>")
    return "\n".join(out)


def as_pdf(text_path: Path, target: Path, header: str = "示例县文化馆2024年度部门决算") -> Path:
    """The text export typeset by reportlab: indented paragraphs, ruled tables, a header and page numbers."""
    return write_pdf(read_document(text_path), target, header)


def write_pdf(source: Document, target: Path, header: str = "") -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK",
                          firstLineIndent=21, spaceAfter=2)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")

    def page_furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        if header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, header)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"- {doc.page} -")
        canvas.restoreState()

    story = []
    for block in source.blocks:
        if block.kind == "table":
            width = max(len(r) for r in block.rows)
            data = [[Paragraph(escape.escape(c.text).replace("\n", "<br/>"), cell) for c in row]
                    + [""] * (width - len(row)) for row in block.rows]
            spans = [("SPAN", (len(row) - 1, r), (width - 1, r)) for r, row in enumerate(block.rows)
                     if len(row) < width]
            table = Table(data, colWidths=[170 * mm / width] * width, repeatRows=0)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]))
            story.append(table)
        else:
            story.append(Paragraph(escape.escape(block.text), body))
    SimpleDocTemplate(str(target), pagesize=A4, topMargin=22 * mm, bottomMargin=20 * mm,
                      leftMargin=20 * mm, rightMargin=20 * mm).build(
        story, onFirstPage=page_furniture, onLaterPages=page_furniture)
    return target
