"""Reader for PDF files with a text layer, through pdfplumber: ruled tables as tables, the rest as paragraphs.

- Reading order: on each page, the text lines outside tables and the tables, top to bottom.
- Paragraphs: a line continues the one above when that one runs to the right margin and this one does not
  start indented (a paragraph's first line is indented in Chinese documents); this holds across a page break.
  Wrapped lines join without a space, as Chinese text does. A line whose characters stand apart in columns (a
  table drawn without rules) is a line of its own, its pieces separated by tabs, as a text export has them.
- Running headers and footers are not text: a line in the top or bottom margin that recurs on other pages
  (digits ignored), or that is only a page number (“- 3 -”, “第3页”, “3/12”).
- Tables: pdfplumber's ruled-table finder, laid out as Word's export has them (readers/docx.py): a merged cell is
  one cell whose `span` counts the grid columns it covers, a position covered from a row above is an empty cell;
  a cell's wrapped lines join without a space. Each page's part of a table is a table of its own, as in a text
  export: whether it continues the table before is decided by the table reader (tables/understand.py), as for
  every format.
- Locations: `page` is the 1-based page; `line` counts the kept text lines and table rows of the whole file
  in reading order (unique, so two places never share a line); `column` counts characters in the line.
- Speed: pdfplumber turns every parsed character into a dict through a general path that resolves each attribute
  as if it could be a PDF reference; a character's attributes never are, so _fast_chars builds the same dict
  (same keys, same order, same values) directly, and leaves every other object to pdfplumber. About a third of
  the reading time; tests/formats/test_pdf.py holds the two equal, so a pdfplumber that changes its dicts fails there.
- Refused (InputError): an encrypted PDF that needs a password, a PDF without a text layer (scanned pages
  need OCR first; narrcheck does not guess text from images), a damaged file, more than MAX_PAGES pages.
  pdfminer's own log lines about a damaged file are silenced: narrcheck's message says what matters.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from narrcheck.errors import InputError
from narrcheck.limits import MAX_PAGES
from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.readers.registry import register_reader

MARGIN = 0.09  # the top and bottom share of a page where running headers and footers sit
COLUMN_GAP = 2.0  # ems between two characters of a line that part two columns (running text has under half an em)
_PAGE_NUMBER = re.compile(r"^[-—–－·\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–－·\s]*$")
_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_DIGITS = re.compile(r"\d+")
_FIGURE = re.compile(r"^[-+]?[\d,]+(?:\.\d+)?%?$")
_EDGE = 0.5  # points: a cell's edge this close to a column's left edge or a row's top does not reach into it


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    lead: float  # the width of the line's first unbreakable run (a number, a Latin word, one Chinese character)
    columns: bool = False  # the line stands in columns (a table row drawn without rules): it is no wrapped text


class _Cell(NamedTuple):
    text: str
    span: int  # the columns of its table's grid it covers
    x0: float  # its drawn left and right edges (of the cell that covers it, for a position under a vertical merge)
    x1: float


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    rows: list[list[_Cell]]  # see _grids


@dataclass
class _Page:
    number: int
    height: float
    items: list[_Line | _Table] = field(default_factory=list)


def _tidy(text: str) -> str:
    """Spaces next to Chinese characters are typesetting, not text."""
    return _SPACE_BY_CJK.sub("", text).strip()


def _open(path: str, data: bytes) -> Any:
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.CRITICAL + 1)
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for damaged or encrypted files
        name = type(exc).__name__ + " " + repr(getattr(exc, "args", ""))
        if "Password" in name or "Encrypt" in name:
            raise InputError(path, "the PDF is encrypted and needs a password; save an unprotected copy") from None
        raise InputError(path, f"damaged or truncated PDF ({type(exc).__name__})") from None


def _fast_chars(page: Any) -> None:
    """Let `page` build its character dicts the short way (see the module's note); other objects as before."""
    from pdfminer.layout import LTChar
    from pdfplumber.page import ALL_ATTRS

    general = page.process_object
    if page.pdf.unicode_norm is not None:
        return
    height, (mb_x0, mb_top) = page.height, page.mediabox[:2]
    doctop, number = page.initial_doctop, page.page_number

    def process_object(obj: Any) -> dict[str, Any]:
        if type(obj) is not LTChar or isinstance(obj.fontname, bytes):
            return general(obj)  # type: ignore[no-any-return]
        own = obj.__dict__
        attr = {k: v for k, v in own.items() if k in ALL_ATTRS}
        attr["object_type"] = "char"
        attr["page_number"] = number
        for space in ("ncs", "scs"):
            if space in own:
                attr[space] = _space_name(own[space].name)
        attr["text"] = obj.get_text()
        state = obj.graphicstate
        attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        attr["top"] = height - attr["y1"] + mb_top
        attr["bottom"] = height - attr["y0"] + mb_top
        attr["doctop"] = doctop + attr["top"]
        if mb_x0 != 0:
            attr["x0"] += mb_x0
            attr["x1"] += mb_x0
        return attr

    page.process_object = process_object


@functools.lru_cache(maxsize=64)
def _space_name(name: Any) -> Any:
    """A colour space's name as pdfplumber decodes it (a handful per document, so decoded once each)."""
    from pdfplumber.utils import resolve_and_decode

    return resolve_and_decode(name)


def _lead(chars: list[dict[str, Any]]) -> float:
    """The width of the first unbreakable run of a line's characters."""
    run: list[dict[str, Any]] = []
    for c in chars:
        if not c["text"].strip():
            if run:
                break
            continue
        if re.match(f"[{_CJK}]", c["text"]):
            run = run or [c]
            break
        run.append(c)
    return float(run[-1]["x1"] - run[0]["x0"]) if run else 0.0


def _read_page(page: Any) -> _Page:
    out = _Page(page.page_number, float(page.height))
    found = page.find_tables() if page.lines or page.rects else []  # no rules drawn, no ruled table
    boxes = [t.bbox for t in found]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    for line in text_page.extract_text_lines(return_chars=True):
        chars = line["chars"]
        size = float(max((c.get("size", 0) for c in chars), default=0.0))
        columns = _columns(chars, size)
        text = "\t".join(columns) if len(columns) > 1 else _tidy(line["text"])
        if text:
            out.items.append(_Line(text, page.page_number, line["x0"], line["x1"], line["top"], line["bottom"],
                                   size, _lead(chars), len(columns) > 1))
    for table in found:
        for top, bottom, grid in _grids(table):
            rows = [r for r in grid if any(cell.text for cell in r)]
            if rows:
                out.items.append(_Table(page.page_number, top, bottom, rows))
    out.items.sort(key=lambda item: item.top)
    return out


def _columns(chars: list[dict[str, Any]], size: float) -> list[str]:
    """The line's text in pieces cut where a gap of COLUMN_GAP ems or more stands between two characters (a table
    drawn without rules: its cells sit apart in columns); one piece for running text.
    """
    em = size or 10.0
    pieces: list[list[str]] = [[]]
    for before, char in zip([None, *chars], chars, strict=False):
        gap = char["x0"] - before["x1"] if before is not None else 0.0
        if gap >= COLUMN_GAP * em and pieces[-1]:
            pieces.append([])
        elif gap > 0.25 * em and pieces[-1]:
            pieces[-1].append(" ")
        pieces[-1].append(char["text"])
    return [t for t in (_tidy("".join(p)) for p in pieces) if t]


def _grids(table: Any) -> list[tuple[float, float, list[list[_Cell]]]]:
    """The tables pdfplumber found as one (its cells touch), each as (top, bottom, rows), its rows' cells laid
    out as Word's export has them (readers/docx.py): a merged cell is one cell, `span` the columns of
    its table's grid it covers; a position covered from a row above (a vertical merge) is an empty cell of the
    covering cell's span; a position no drawn cell covers is an empty cell.

    The grid: pdfplumber's rows are the cells' distinct tops and its columns their distinct left edges. Tables
    set one right under another touch and come as one, their columns mixed; they part where no column edge and
    no cell runs across (a row of one cell over the whole width, a title, goes with the rows after it).
    """
    boxes = table.cells
    if not boxes:
        return []
    texts = table.extract()
    tops = sorted({box[1] for box in boxes})
    column = {x: j for j, x in enumerate(sorted({box[0] for box in boxes}))}  # pdfplumber's column of a left edge
    left = min(column)
    placed = []  # (cell, first row, rows after the last)
    joined = list(range(len(tops)))  # rows that belong together, as a union-find forest
    first_with: dict[float, int] = {}  # an inner column edge -> the first row that has it

    def root(r: int) -> int:
        while joined[r] != r:
            joined[r] = joined[joined[r]]
            r = joined[r]
        return r

    for box in boxes:
        r0 = bisect_left(tops, box[1])
        r1 = max(bisect_left(tops, box[3] - _EDGE), r0 + 1)
        placed.append((box, r0, r1))
        for r in range(r0, r1):
            if r > r0:
                joined[root(r)] = root(r0)
            if box[0] > left + _EDGE:
                joined[root(r)] = root(first_with.setdefault(box[0], r))
    groups: dict[int, list[int]] = {}
    for r in range(len(tops)):
        groups.setdefault(root(r), []).append(r)
    spans = sorted((rows[0], rows[-1]) for rows in groups.values() if len(rows) > 1)  # (a row standing alone,
    # a title over the whole width, goes with the table after it)
    ends: list[int] = []
    for first, last in spans:
        if ends and first <= ends[-1]:
            ends[-1] = max(ends[-1], last)
        else:
            ends.append(last)
    bounds = [0, *(end + 1 for end in ends[:-1]), len(tops)]
    return [_table_rows(texts, placed, column, tops, a, b) for a, b in zip(bounds, bounds[1:], strict=False)]


def _table_rows(texts: list[list[str | None]], placed: list[tuple[Any, int, int]], column: dict[float, int],
                tops: list[float], start: int, stop: int) -> tuple[float, float, list[list[_Cell]]]:
    """Rows start..stop of a table pdfplumber found (see _grids), on their own grid."""
    own = [(box, r0, r1) for box, r0, r1 in placed if start <= r0 < stop]
    xs = sorted({box[0] for box, _, _ in own})
    owner: dict[tuple[int, int], tuple[int, int, Any]] = {}  # (row, column) -> the covering cell's first row,
    # span and box
    for box, r0, r1 in own:
        c0 = bisect_left(xs, box[0])
        span = max(bisect_left(xs, box[2] - _EDGE) - c0, 1)
        for r in range(r0, r1):
            for c in range(c0, c0 + span):
                owner.setdefault((r, c), (r0, span, box))
    rows = []
    for r in range(start, stop):
        kept: list[_Cell] = []
        j = 0
        while j < len(xs):
            hole = (xs[j], 0.0, xs[j + 1] if j + 1 < len(xs) else xs[j], 0.0)  # (a position no cell covers)
            first, span, box = owner.get((r, j), (-1, 1, hole))
            text = texts[r][column[box[0]]] if first == r else None  # (None: covered from above, or no cell drawn)
            kept.append(_Cell(_tidy((text or "").replace("\n", "")), span, box[0], box[2]))
            j += span
        rows.append(kept)
    bottom = max((box[3] for box, _, _ in own), default=tops[stop - 1])
    return tops[start], bottom, rows


def _furniture(pages: list[_Page]) -> set[int]:
    """Ids of the lines that are running headers, footers or page numbers."""
    def in_margin(line: _Line, height: float) -> bool:
        return line.bottom < height * MARGIN * 1.6 or line.top > height * (1 - MARGIN)

    marginal = [(p, item) for p in pages for item in p.items if isinstance(item, _Line) and in_margin(item, p.height)]
    shapes = Counter(_DIGITS.sub("#", line.text) for _, line in marginal)
    out = set()
    for _, line in marginal:
        if _PAGE_NUMBER.match(line.text) or (len(pages) > 1 and shapes[_DIGITS.sub("#", line.text)] > 1):
            out.add(id(line))
    return out


@register_reader("pdf", (".pdf",))
def read_pdf(path: str, data: bytes, sha256: str) -> Document:
    pdf = _open(path, data)
    try:
        try:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(path, f"{len(pdf.pages)} pages, more than the limit of {MAX_PAGES}")
            pages, chars = [], False
            for page in pdf.pages:  # each page's parsed objects let go once read: memory stays one page's
                _fast_chars(page)
                pages.append(_read_page(page))
                chars = chars or bool(page.chars)
                page.close()
        except InputError:
            raise
        except Exception as exc:  # a page tree or page that pdfminer cannot interpret
            raise InputError(path, f"damaged or truncated PDF ({type(exc).__name__})") from None
        if not chars:
            raise InputError(path, "the PDF has no text layer (scanned pages?): it needs OCR first, "
                                   "which narrcheck does not do")
    finally:
        with contextlib.suppress(Exception):  # (a damaged file may fail to close as well: what was read stands)
            pdf.close()
    text = "".join(line.text for p in pages for line in p.items if isinstance(line, _Line))
    if text.count("(cid:") * 8 > len(text):  # glyph ids without a Unicode mapping: the text cannot be known
        raise InputError(path, "the PDF's fonts carry no Unicode mapping (text shows as (cid:NN)): it needs OCR "
                               "first, which narrcheck does not do")
    skip = _furniture(pages)
    items = [item for p in pages for item in p.items if id(item) not in skip]
    _rejoin_split_rows(items)
    lines = [i for i in items if isinstance(i, _Line)]
    if not lines and not any(isinstance(i, _Table) for i in items):
        raise InputError(path, "the PDF has no text")
    return Document(path=path, format="pdf", sha256=sha256, blocks=tuple(_blocks(items, lines)))


def _rejoin_split_rows(items: list[_Line | _Table]) -> None:
    """A table row broken by a page break leaves its tail as the first row of the table on the next page: a
    row with a few cells of words, all under columns the row before has words in. Its words are put back.
    """
    for before, after in zip(items, items[1:], strict=False):
        if not (isinstance(before, _Table) and isinstance(after, _Table) and after.page == before.page + 1):
            continue
        last, first = before.rows[-1], after.rows[0]
        if not _same_cells(last, first) or len(after.rows) < 2:
            continue
        tail = [j for j, cell in enumerate(first) if cell.text]
        head = {j for j, cell in enumerate(last) if cell.text}
        if tail and set(tail) <= head and len(tail) < len(head) and not any(_FIGURE.match(first[j].text) for j in tail):
            before.rows[-1] = [cell._replace(text=cell.text + first[j].text) if j in tail else cell
                               for j, cell in enumerate(last)]
            del after.rows[0]


def _same_cells(row: list[_Cell], other: list[_Cell]) -> bool:
    """True when the two rows are drawn with the same cells (their spans may differ: each page's part of a table
    has its own grid).
    """
    return len(row) == len(other) and all(abs(a.x0 - b.x0) < 1 and abs(a.x1 - b.x1) < 1
                                          for a, b in zip(row, other, strict=True))


def _blocks(items: list[_Line | _Table], lines: list[_Line]) -> list[Block]:
    starts = Counter(round(line.x0) for line in lines)
    left = min((x for x, n in starts.items() if n > 1), default=min(starts, default=0))  # the body's margin
    ends = sorted(line.x1 for line in lines)
    right = ends[int(len(ends) * 0.8)] if ends else 0.0  # the text's right margin: most lines run to it, and a
    # few run past it (punctuation hung in the margin)
    blocks: list[Block] = []
    paragraph: list[tuple[_Line, int]] = []
    number = 0  # the running line number
    tables = 0

    def flush() -> None:
        if paragraph:
            starts, offset = [], 0
            for line, _ in paragraph:
                starts.append(offset)
                offset += len(line.text)
            text = "".join(line.text for line, _ in paragraph)
            textmap = TextMap(tuple(starts), tuple(n for _, n in paragraph), (1,) * len(paragraph),
                              tuple(line.page for line, _ in paragraph))
            blocks.append(Block(kind="paragraph", text=text, textmap=textmap, index=len(blocks)))
            paragraph.clear()

    for item in items:
        if isinstance(item, _Table):
            flush()
            first = number + 1
            number += len(item.rows)
            blocks.append(Block(kind="table", text="", textmap=TextMap((0,), (first,), (1,), (item.page,)),
                                index=len(blocks), rows=_cells(item, first, tables), table=tables))
            tables += 1
        else:
            number += 1
            if paragraph and not _continues(paragraph[-1][0], item, left, right):
                flush()
            paragraph.append((item, number))
    flush()
    return blocks


def _continues(above: _Line, line: _Line, left: float, right: float) -> bool:
    """True when `line` carries on the paragraph `above` ends: `above` is full (the first run of `line` would
    not have fitted after it) and `line` is not indented.
    """
    if above.columns or line.columns:
        return False  # (a row of a table drawn without rules ends its line)
    em = line.size or 10.0
    full = above.x1 + 0.3 * em + line.lead >= right - 0.5 * em
    indented = line.x0 > left + 0.8 * em
    near = line.page != above.page or line.top - above.bottom < 1.2 * em
    return full and not indented and near


def _cells(table: _Table, first: int, number: int) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        tuple(Cell(text=cell.text, row=r, col=c, textmap=TextMap((0,), (first + r,), (1,), (table.page,)),
                   table=number, line=first + r, span=cell.span) for c, cell in enumerate(row))
        for r, row in enumerate(table.rows))
