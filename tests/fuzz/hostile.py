"""Hostile and damaged inputs, one minimal case per defect class narrcheck once failed on (issue 16), built from
scratch: the fuzz test writes them and runs the command line on each. `python tests/fuzz/hostile.py DIR` writes
them into DIR to try by hand.

Each case: a file name, its bytes, and the command line's arguments after `narrcheck` ({file} is the file, {out}
a path to write to). The sentences are written for these tests.
"""

from __future__ import annotations

import io
import re
import struct
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SENTENCE = "本年支出合计46.60万元，较上年增加5.99万元，增长14.75%。其中：基本支出30.00万元，占64.38%。\n"


@dataclass(frozen=True)
class Case:
    name: str  # the file's name (its suffix matters)
    data: bytes
    args: tuple[str, ...] = ("check", "{file}", "--format", "json")
    json: bool = True  # stdout must be one JSON object


def _docx(paragraphs: list[str], numbered: bool = False) -> bytes:
    from docx import Document

    word = Document()
    for text in paragraphs:
        word.add_paragraph(text, style="List Number" if numbered else None)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """The archive with each member passed through edit(name, content)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, edit(info.filename, src.read(info)))
    return out.getvalue()


def _numbering(start: str = "", level: str = "", fmt: str = "") -> bytes:
    """A numbered list whose numbering part says `start`, `level` or `fmt` (values a damaged file holds)."""
    def edit(name: str, content: bytes) -> bytes:
        if name == "word/numbering.xml":
            if start:
                content = re.sub(rb'(<w:start w:val=")[^"]*"', lambda m: m[1] + start.encode() + b'"', content)
            if fmt:
                content = re.sub(rb'(<w:numFmt w:val=")[^"]*"', lambda m: m[1] + fmt.encode() + b'"', content)
        if name == "word/document.xml" and level:
            content = content.replace(b"<w:pPr>", b'<w:pPr><w:numPr><w:ilvl w:val="' + level.encode()
                                      + b'"/><w:numId w:val="1"/></w:numPr>', 1)
        return content
    return _rezip(_docx(["一、收入支出决算总体情况说明", SENTENCE], numbered=True), edit)


def _xlsx(cells: dict[str, object], number_format: str = "", merge: str = "") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for ref, value in cells.items():
        sheet[ref] = value
        if number_format:
            sheet[ref].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    if not merge:
        return buffer.getvalue()

    def edit(name: str, content: bytes) -> bytes:  # (written into the XML: openpyxl would fill the range)
        ranges = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>'.encode()
        return content.replace(b"</sheetData>", b"</sheetData>" + ranges, 1) if name.startswith("xl/worksheets/") \
            else content
    return _rezip(buffer.getvalue(), edit)


def _xls(cells: dict[tuple[int, int], object], dimensions: tuple[int, int] | None = None) -> bytes:
    """A legacy workbook; `dimensions` (rows, columns) overwrites what its DIMENSIONS record says."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("表1")
    for (r, c), value in cells.items():
        sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if dimensions is not None:  # BIFF8 DIMENSIONS: record 0x0200, 14 bytes: first/last+1 row (4+4), col (2+2)
        at = data.find(b"\x00\x02\x0e\x00")
        record = struct.pack("<IIHHH", 0, dimensions[0], 0, dimensions[1], 0)
        data = data[:at + 4] + record + data[at + 18:]
    return data


def _pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 11)
    page.drawString(72, 760, SENTENCE.strip())
    page.showPage()
    page.save()
    return buffer.getvalue()


def _zip_version(data: bytes, version: int) -> bytes:
    """The archive with every central directory entry saying it needs zip version `version` to extract."""
    out = bytearray(data)
    for m in re.finditer(rb"PK\x01\x02", data):
        out[m.start() + 6:m.start() + 8] = struct.pack("<H", version)
    return bytes(out)


def _zip_sizes(data: bytes, size: int) -> bytes:
    """The archive with every member's stated uncompressed size replaced by `size` (local and central)."""
    out = bytearray(data)
    for m in re.finditer(rb"PK\x03\x04", data):
        out[m.start() + 22:m.start() + 26] = struct.pack("<I", size)
    for m in re.finditer(rb"PK\x01\x02", data):
        out[m.start() + 24:m.start() + 28] = struct.pack("<I", size)
    return bytes(out)


def _docx_bomb(megabytes: int) -> bytes:
    """A Word file whose document part inflates to `megabytes` MB of paragraphs (a few hundred KB packed)."""
    body = b"<w:p><w:r><w:t>1</w:t></w:r></w:p>" * (megabytes * 1024 * 1024 // 34)

    def edit(name: str, content: bytes) -> bytes:
        return content.replace(b"<w:body>", b"<w:body>" + body, 1) if name == "word/document.xml" else content
    return _rezip(_docx([SENTENCE]), edit)


def _docx_cells(count: int) -> bytes:
    """A Word file whose one table has `count` cells (a few hundred KB packed, under the XML part limit)."""
    table = b"<w:tbl><w:tr>" + b"<w:tc><w:p/></w:tc>" * count + b"</w:tr></w:tbl>"

    def edit(name: str, content: bytes) -> bytes:
        return content.replace(b"<w:body>", b"<w:body>" + table, 1) if name == "word/document.xml" else content
    return _rezip(_docx([SENTENCE]), edit)


def cases() -> Iterator[Case]:
    """Every class of issue 16, each at its smallest."""
    big = "1234567890" * 3 + "123"
    yield Case("33位数字.txt", f"本年支出合计{big}.45万元，较上年增加1.00万元，增长0.{'0' * 36}1%。\n".encode())
    yield Case("1e300.xlsx", _xlsx({"A1": "本年支出合计", "B1": 1e300}, "0.00"))
    yield Case("1e300附表.txt", SENTENCE.encode(), ("check", "{file}", "--format", "json", "--tables",
                                                 "{file}.xlsx"))
    yield Case("编号起点小数.docx", _numbering(start="1.5"))
    yield Case("编号起点负数.docx", _numbering(start="-15"))
    yield Case("编号起点巨大.docx", _numbering(start="100000000000000", fmt="upperRoman"))
    yield Case("编号级别非数.docx", _numbering(level="abc"))
    yield Case("控制字符.txt", ("本年支出合计\u000146.60万元，较上年增加5.99万元，增长14.75%\ufffe。\n").encode(),
               ("check", "{file}", "--format", "xlsx", "-o", "{out}.xlsx"), json=False)
    yield Case("截断.pdf", _pdf()[:600])
    yield Case("乱码.pdf", _pdf().replace(b"stream", b"strea\xff", 1))
    yield Case("上标列宽.html", "<html><body><table><tr><td colspan=\"²\">本年支出合计</td><td>46.60</td></tr>"
                                "</table></body></html>".encode())
    yield Case("压缩版本.docx", _zip_version(_docx([SENTENCE]), 0x0FFF))
    yield Case("损坏.sqlite", b"SQLite format 3\x00" + b"\xff" * 4096, ("report", "{file}"), json=False)
    yield Case("损坏附表.txt", SENTENCE.encode(), ("check", "{file}", "--format", "json", "--tables", "{file}.xls"))
    yield Case("远处单元格.xlsx", _xlsx({"A1": "本年支出合计", "B1": 46.6, "XFD1048576": "x"}))
    yield Case("远处空单元格.xlsx", _xlsx({"A1": "本年支出合计", "B1": 46.6}, merge="C1:D2"))
    yield Case("大合并.xlsx", _xlsx({"A1": "本年支出合计", "B1": 46.6}, merge="C3:XFD1048576"))
    yield Case("远处单元格.xls", _xls({(0, 0): "本年支出合计", (0, 1): 46.6, (65535, 255): "x"}))
    yield Case("维度虚报.xls", _xls({(0, 0): "本年支出合计", (0, 1): 46.6}, dimensions=(65536, 256)))
    yield Case("大小虚报.docx", _zip_sizes(_docx([SENTENCE]), 10))
    yield Case("大小夸大.docx", _zip_sizes(_docx([SENTENCE]), 0xFFFFFFF0))
    yield Case("炸弹.docx", _docx_bomb(100))
    yield Case("单行5MB.txt", ("本年支出合计46.60万元，" * 400_000).encode())
    yield Case("10MB.txt", SENTENCE.encode() * 100_000)
    yield Case("长段落.html", ("<html><body><p>" + "本年支出合计46.60万元，" * 200_000 + "</p></body></html>").encode())
    cells = "<tr>" + "<td>1.0</td>" * 20 + "</tr>"
    yield Case("百万单元格.html", ("<html><body><table>" + cells * 60_000 + "</table></body></html>").encode())
    yield Case("百万单元格.docx", _docx_cells(1_200_000))
    row = "".join(f"<td>{i}</td>" for i in range(1000))
    yield Case("千列.html", f"<html><body><table><tr>{row}</tr><tr>{row}</tr></table></body></html>".encode(),
               ("check", "{file}", "--format", "html", "--all", "-o", "{out}.html"), json=False)


def companions(case: Case) -> dict[str, bytes]:
    """Other files a case's command line names ({file}.xlsx, {file}.xls)."""
    if case.name == "1e300附表.txt":
        return {".xlsx": _xlsx({"A1": "本年支出合计", "B1": 1e300}, "0.00")}
    if case.name == "损坏附表.txt":
        good = _xls({(0, 0): "项目", (0, 1): "本年支出", (1, 0): "合计", (1, 1): 46.6})
        return {".xls": good[:len(good) // 2] + b"\x00" * (len(good) - len(good) // 2)}
    return {}


def write(folder: Path) -> list[Path]:
    """Write every case (and its companions) into `folder`; the paths of the cases."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in cases():
        path = folder / case.name
        path.write_bytes(case.data)
        for suffix, data in companions(case).items():
            Path(f"{path}{suffix}").write_bytes(data)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")):
        print(p)
