"""Reader for web pages: paragraphs and tables in document order; scripts, styles and comments ignored.

Locations are source lines (lxml's `sourceline` of the element that holds the text); a column counts
characters within that element's text, not within the source line, since markup sits between them.
A table is a grid of its rows' cells; a cell that spans columns is followed by empty cells, as a merged cell
is in the text export.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from narrcheck.errors import InputError
from narrcheck.lexicon import alt
from narrcheck.limits import cell_count
from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.readers.decode import decode_text
from narrcheck.readers.registry import register_reader

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "caption"}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")


def _text(element: Any) -> str:
    """The element's visible text as a browser shows it: a line break where a <br> is (and in <pre>, where the
    source has one), runs of spaces and the source's own line breaks folded into one space; outside <pre>, a
    <br> after a comma (，) or between a figure and its unit breaks no sentence and joins its lines.
    """
    parts: list[str] = []
    pre = element.tag == "pre" or any(a.tag == "pre" for a in element.iterancestors())

    def source(text: str) -> str:
        return text if pre else text.replace("\r", " ").replace("\n", " ")

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
            if node.tail and not isinstance(node.tag, str):
                parts.append(source(node.tail))
            return
        if node.tag == "br":
            parts.append("\n")
        elif node.text:
            parts.append(source(node.text))
        for child in node:
            walk(child)
            if isinstance(child.tag, str) and child.tail:
                parts.append(source(child.tail))

    walk(element)
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    return text if pre else _mid_clause_break().sub("", text)


@lru_cache(maxsize=1)
def _mid_clause_break() -> re.Pattern[str]:
    """A <br> that breaks no sentence: after a comma, or between a figure and its unit (增加134.56<br>万元) where the
    unit ends its word (not 12<br>元旦).
    """
    return re.compile(rf"(?<=[，,])\n|(?<=\d)\n(?=(?:{alt('units.money')})(?![\u4e00-\u9fff])|[%％])")


def _map(element: Any) -> TextMap:
    return TextMap((0,), (element.sourceline or 1,), (1,))


_CELL = re.compile(rb"<t[dh][\s>/]", re.I)  # a table cell's opening tag (UTF-8 and GB18030 alike)

@register_reader("html", (".html", ".htm", ".xhtml"))
def read_html(path: str, data: bytes, sha256: str) -> Document:
    from lxml import etree, html  # loaded only when a web page is read

    cell_count(path, len(_CELL.findall(data)))  # before lxml builds an element for each
    text, _ = decode_text(path, data)  # UTF-8 (BOM or not), UTF-16 or GB18030, told by the bytes
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses an encoding declaration in a str
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"not a readable HTML page ({exc})") from None
    body = root.find("body")
    blocks: list[Block] = []
    tables = 0
    for element in (body if body is not None else root).iter():
        if not isinstance(element.tag, str) or any(a.tag in SKIP_TAGS for a in element.iterancestors()):
            continue
        if element.tag == "table":
            if any(a.tag == "table" for a in element.iterancestors()):
                continue  # a nested table is read as part of its cell's text
            rows = _rows(element, tables)
            if rows:
                blocks.append(Block(kind="table", text="", textmap=_map(element), index=len(blocks), rows=rows,
                                    table=tables))
                tables += 1
        elif element.tag in BLOCK_TAGS or (element.tag == "div" and not any(
                isinstance(c.tag, str) and (c.tag in BLOCK_TAGS or c.tag in ("div", "table")) for c in element)):
            if any(a.tag in BLOCK_TAGS or a.tag == "table" for a in element.iterancestors()):
                continue  # inside a paragraph or a cell already read
            text = _text(element)
            for n, line in enumerate(text.split("\n") if text else []):
                blocks.append(Block(kind="paragraph", text=line,
                                    textmap=TextMap((0,), ((element.sourceline or 1) + n,), (1,)),
                                    index=len(blocks)))
    if not blocks:
        raise InputError(path, "the page has no text")
    return Document(path=path, format="html", sha256=sha256, blocks=tuple(blocks))


def _span(td: Any, name: str) -> int:
    """A cell's rowspan or colspan (1 where absent or not a number; at most 50)."""
    value = td.get(name, "1")
    return min(int(value), 50) if value.isascii() and value.isdigit() and int(value) > 0 else 1


def _rows(table: Any, number: int) -> tuple[tuple[Cell, ...], ...]:
    """The table's rows on its grid: a cell spanning columns is followed by empty cells for the columns it covers,
    and a position covered by a cell from a row above (rowspan) is an empty cell, as Word's export has them.
    """
    out = []
    own_rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
    above: dict[int, tuple[int, Any]] = {}  # column -> (rows it is still covered for, the covering cell)
    for r, tr in enumerate(own_rows):
        cells: list[Cell] = []
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            _covered(cells, above, r, number, tr)
            down = _span(td, "rowspan") - 1
            for k in range(_span(td, "colspan")):
                if down:
                    above[len(cells)] = (down, td)
                cells.append(Cell(text=_text(td) if k == 0 else "", row=r, col=len(cells), textmap=_map(td),
                                  table=number, line=td.sourceline or 1))
        _covered(cells, above, r, number, tr)
        for col, (rows, td) in list(above.items()):  # (a row that ends short still passes under the span)
            if col >= len(cells) and rows > 0:
                above[col] = (rows - 1, td)
        if cells:
            out.append(tuple(cells))
    return tuple(out)


def _covered(cells: list[Cell], above: dict[int, tuple[int, Any]], row: int, number: int, tr: Any) -> None:
    """Empty cells at the next columns of `cells` that a cell of a row above still covers (one row used up),
    placed in their own row `tr`.
    """
    while (held := above.get(len(cells))) is not None and held[0] > 0:
        above[len(cells)] = (held[0] - 1, held[1])
        cells.append(Cell(text="", row=row, col=len(cells), textmap=_map(tr), table=number, line=tr.sourceline or 1))
