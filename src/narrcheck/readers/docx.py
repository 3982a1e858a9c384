"""Reader for Word files (.docx): body paragraphs and tables in document order, through python-docx.

Locations: `line` numbers the body's paragraphs and table rows in the order a reader scrolls through them
(1-based: each paragraph is one, each row of a table is one), `column` counts characters within the paragraph
or cell; a cell carries table/row/col as well.
A paragraph numbered by Word (一、 （二） 3.) carries its number as text (readers/numbering.py).
A cell spanning columns (gridSpan) is one cell and a cell continuing a vertical merge (vMerge) is empty, as in
Word's own text export.
The archive is refused before it is opened when it unpacks to more than MAX_UNPACKED bytes (counted as it
inflates: its headers may lie).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable

from narrcheck.errors import InputError
from narrcheck.limits import MAX_UNPACKED, MAX_XML_PART, cell_count
from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.readers.numbering import Numbering
from narrcheck.readers.registry import register_reader

_CHUNK = 1 << 20


def check_archive(path: str, data: bytes,
                  watch: Callable[[str], Callable[[bytes], None] | None] = lambda name: None) -> zipfile.ZipFile:
    """The archive, opened, when it is a sound zip that inflates to at most MAX_UNPACKED bytes, no XML part of
    it to more than MAX_XML_PART (what the XML parser would hold); InputError otherwise. The bytes are counted
    as they inflate and the inflating stops at the limit. `watch(part name)` may give a reader's own check of
    a part, called with each piece as it inflates (so no part is inflated twice for it).
    """
    total = cells = 0
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        for info in archive.infolist():
            if total + info.file_size > MAX_UNPACKED:  # (the headers already say too much)
                raise InputError(path, f"archive would unpack to more than the limit of {MAX_UNPACKED} bytes")
            xml = info.filename.lower().endswith((".xml", ".rels"))
            size = 0
            own = watch(info.filename)
            with archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    if own is not None:
                        own(chunk)
                    size += len(chunk)
                    if total + size > MAX_UNPACKED:
                        raise InputError(path, f"archive unpacks to more than the limit of {MAX_UNPACKED} bytes")
                    if xml and size > MAX_XML_PART:
                        raise InputError(path, f"{info.filename} unpacks to more than the limit of {MAX_XML_PART} "
                                               "bytes for one XML part")
                    if xml:  # Word's and Excel's cells, before a parser builds an object for each
                        cells += chunk.count(b"<w:tc>") + chunk.count(b"<w:tc ") + chunk.count(b"<c ")
                        cell_count(path, cells)
            total += size
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError,
            RuntimeError, zlib.error) as exc:  # (an unsupported version or compression, bad CRC or deflate data,
        # an encrypted member)
        raise InputError(path, f"corrupt or truncated archive ({type(exc).__name__}: {exc})") from None
    return archive


@register_reader("docx", (".docx", ".docm"))
def read_docx(path: str, data: bytes, sha256: str) -> Document:
    from docx import Document as open_docx

    check_archive(path, data)
    try:
        word = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise InputError(path, f"not a readable Word file ({type(exc).__name__})") from None
    numbering = Numbering(word)
    blocks: list[Block] = []
    tables = 0
    number = 0  # paragraphs and table rows, in reading order
    for element in word.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            label = numbering.label(element)
            text = (label + _text(element)).strip() if label else _text(element).strip()
            if text:
                blocks.append(Block(kind="paragraph", text=text, textmap=TextMap((0,), (number,), (1,)),
                                    index=len(blocks)))
        elif tag == "tbl":
            rows = _rows(element, number + 1, tables)
            number += len(rows)
            if rows:
                blocks.append(Block(kind="table", text="", textmap=TextMap((0,), (number - len(rows) + 1,), (1,)),
                                    index=len(blocks), rows=rows, table=tables))
                tables += 1
    if not blocks:
        raise InputError(path, "the document has no text")
    return Document(path=path, format="docx", sha256=sha256, blocks=tuple(blocks))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_PARTS = None  # compiled once: the text parts of a paragraph's own runs (not of text boxes inside them)


def _text(paragraph: object) -> str:
    """A paragraph's text as Word shows it: w:t, tabs and breaks of its runs (also inside hyperlinks and
    insertions); deleted text and field codes left out. Same result as python-docx's Paragraph.text, with
    one compiled XPath instead of one per run (ten times faster on long documents).
    """
    global _RUN_PARTS
    if _RUN_PARTS is None:
        from lxml import etree

        part = "w:r/*[self::w:t or self::w:tab or self::w:br or self::w:cr]"
        _RUN_PARTS = etree.XPath(" | ".join(f"./{p}{part}" for p in ("", "w:hyperlink/", "w:ins/", "w:smartTag/")),
                                 namespaces={"w": _W[1:-1]})
    out = []
    for node in _RUN_PARTS(paragraph):
        tag = node.tag[len(_W):]
        out.append(node.text or "" if tag == "t" else "\t" if tag == "tab" else "\n")
    return "".join(out)


def _rows(table: object, first: int, index: int) -> tuple[tuple[Cell, ...], ...]:
    """One cell per <w:tc>, as Word's own text export has it: a cell spanning columns is one cell (its `span`
    says how many); a cell continuing a vertical merge is an empty one.
    """
    out = []
    for r, tr in enumerate(table.iterchildren(f"{_W}tr")):  # type: ignore[attr-defined]
        cells = []
        for c, tc in enumerate(tr.iterchildren(f"{_W}tc")):
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            continued = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
            texts = (_text(p).strip() for p in tc.iterchildren(f"{_W}p"))
            text = "" if continued else "\n".join(t for t in texts if t)
            grid = tc.find(f"{_W}tcPr/{_W}gridSpan")
            span = grid.get(f"{_W}val", "1") if grid is not None else "1"
            cells.append(Cell(text=text, row=r, col=c, textmap=TextMap((0,), (first + r,), (1,)), table=index,
                              line=first + r, span=min(int(span), 50) if span.isdigit() else 1))
        out.append(tuple(cells))
    return tuple(out)
