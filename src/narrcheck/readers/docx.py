"""Reader for Word files (.docx): body paragraphs and tables in document order, through python-docx.

Locations: `line` numbers the body's paragraphs and table rows in the order a reader scrolls through them
(1-based: each paragraph is one, each row of a table is one), `column` counts characters within the paragraph
or cell; a cell carries table/row/col as well.
A cell spanning columns (gridSpan) is one cell and a cell continuing a vertical merge (vMerge) is empty, as in
Word's own text export.
The archive is refused before it is opened when it would unpack to more than MAX_UNPACKED bytes.
"""

from __future__ import annotations

import io
import zipfile

from narrcheck.errors import InputError
from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.readers.registry import register_reader

MAX_UNPACKED = 200 * 1024 * 1024  # a disclosure's .docx unpacks to a few MB; more is a zip bomb


def check_archive(path: str, data: bytes) -> zipfile.ZipFile:
    """The archive, opened, when it is a sound zip of bounded unpacked size; InputError otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"corrupt or truncated archive ({exc})") from None
    if total > MAX_UNPACKED:
        raise InputError(path, f"archive would unpack to {total} bytes, more than the limit of {MAX_UNPACKED}")
    return archive


@register_reader("docx", (".docx", ".docm"))
def read_docx(path: str, data: bytes, sha256: str) -> Document:
    from docx import Document as open_docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_archive(path, data)
    try:
        word = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise InputError(path, f"not a readable Word file ({type(exc).__name__})") from None
    blocks: list[Block] = []
    tables = 0
    number = 0  # paragraphs and table rows, in reading order
    for element in word.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            text = Paragraph(element, word).text.strip()
            if text:
                blocks.append(Block(kind="paragraph", text=text, textmap=TextMap((0,), (number,), (1,)),
                                    index=len(blocks)))
        elif tag == "tbl":
            rows = _rows(Table(element, word), number + 1, tables)
            number += len(rows)
            if rows:
                blocks.append(Block(kind="table", text="", textmap=TextMap((0,), (number - len(rows) + 1,), (1,)),
                                    index=len(blocks), rows=rows, table=tables))
                tables += 1
    if not blocks:
        raise InputError(path, "the document has no text")
    return Document(path=path, format="docx", sha256=sha256, blocks=tuple(blocks))


def _rows(table: object, first: int, index: int) -> tuple[tuple[Cell, ...], ...]:
    """One cell per <w:tc>, as Word's own text export has it: a cell spanning columns is one cell; a cell
    continuing a vertical merge is an empty one."""
    from docx.table import _Cell

    out = []
    for r, row in enumerate(table.rows):  # type: ignore[attr-defined]
        cells = []
        for c, tc in enumerate(row._tr.tc_lst):
            cell = _Cell(tc, table)
            continued = tc.vMerge == "continue"
            text = "" if continued else "\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            cells.append(Cell(text=text, row=r, col=c, textmap=TextMap((0,), (first + r,), (1,)), table=index,
                              line=first + r))
        out.append(tuple(cells))
    return tuple(out)
