"""Reader for the corpus's plain-text export of Word files.

Format: each non-blank line outside a table is a paragraph. A table cell is a line that starts with a TAB
(after at most three spaces); consecutive cell lines form a row and a blank line ends the row; two blank lines
end the table. A line without a TAB right after a cell continues that cell, and so does one after a single
blank line when a cell line comes back before the next two blank lines (a paragraph break inside a cell). Markers such as `[bookmark: _Toc123]` and
`[image: image9]` are not text: they are removed, and the columns of the text around them are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.readers.decode import decode_text
from narrcheck.readers.registry import register_reader

MARKER = re.compile(r"\[[A-Za-z_]+:[^\]\n]*\]")
CELL_LINE = re.compile(r"^ {0,3}\t")


def segments(line: str) -> list[tuple[str, int]]:
    """The text of a physical line without markers, as (piece, 1-based column) segments."""
    if "[" not in line:
        return [(line, 1)] if line else []
    out: list[tuple[str, int]] = []
    pos = 0
    for m in MARKER.finditer(line):
        if m.start() > pos:
            out.append((line[pos:m.start()], pos + 1))
        pos = m.end()
    if pos < len(line):
        out.append((line[pos:], pos + 1))
    return out


class _CellDraft:
    """A cell being read: its first line and its text pieces with their source positions."""

    __slots__ = ("line", "pieces")

    def __init__(self, line: int) -> None:
        self.line = line
        self.pieces: list[tuple[str, int, int]] = []

    def add_line(self, line_no: int, line: str, offset: int) -> None:
        if self.pieces:
            self.pieces.append(("\n", line_no, max(offset, 1)))
        for piece, col in segments(line[offset:]):
            self.pieces.append((piece, line_no, col + offset))

    def build(self) -> tuple[str, TextMap]:
        return _build(self.pieces)


def _build(pieces: list[tuple[str, int, int]]) -> tuple[str, TextMap]:
    """Join (text, line, column) pieces into a block's text and its TextMap."""
    if len(pieces) == 1:  # most cells and paragraphs are one piece of one line
        piece, line, column = pieces[0]
        return piece, TextMap((0,), (line,), (column,))
    starts, length = [], 0
    for piece, _, _ in pieces:
        starts.append(length)
        length += len(piece)
    return ("".join(p for p, _, _ in pieces),
            TextMap(tuple(starts), tuple(ln for _, ln, _ in pieces), tuple(c for _, _, c in pieces)))


@dataclass
class _TableDraft:
    rows: list[list[_CellDraft]] = field(default_factory=list)
    row_open: bool = False


@register_reader("text", (".txt", ".text", ".md", ""))
def read_text(path: str, data: bytes, sha256: str) -> Document:
    text, encoding = decode_text(path, data)
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]
    blocks = parse_lines(lines)
    return Document(path=path, format="text", sha256=sha256, blocks=tuple(blocks),
                    encoding=encoding)


def parse_lines(lines: list[str]) -> list[Block]:
    """Turn physical lines into paragraph and table blocks (sections are assigned later)."""
    blocks: list[Block] = []
    table: _TableDraft | None = None
    table_count = 0
    prev_blank = True
    blank_run = 0

    def close_table() -> None:
        nonlocal table, table_count
        if table is not None and table.rows:
            blocks.append(_table_block(table, len(blocks), table_count))
            table_count += 1
        table = None

    for no, line in enumerate(lines, start=1):
        blank = not line.strip() or ("[" in line and not "".join(p for p, _ in segments(line)).strip())
        cell = CELL_LINE.match(line) if "\t" in line[:4] else None
        if cell:
            if table is None:
                table = _TableDraft()
            if not table.row_open:
                table.rows.append([])
                table.row_open = True
            draft = _CellDraft(line=no)
            draft.add_line(no, line, cell.end())
            table.rows[-1].append(draft)
        elif blank:
            if table is not None:
                table.row_open = False
                blank_run += 1
                if blank_run >= 2:
                    close_table()
        elif table is not None and table.rows and table.rows[-1] and (
            not prev_blank or _next_is_cell(lines, no)
        ):
            table.rows[-1][-1].add_line(no, line, 0)
            table.row_open = True
        else:
            close_table()
            body, textmap = _build([(piece, no, col) for piece, col in segments(line)])
            blocks.append(Block(kind="paragraph", text=body, textmap=textmap, index=len(blocks)))
        prev_blank = blank and not cell
        if not blank:
            blank_run = 0
    close_table()
    return blocks


# How far ahead a cell's text may run on over single blank lines before a cell line must come back.
_CONTINUE_LINES = 40


def _next_is_cell(lines: list[str], no: int) -> bool:
    """True when line `no` (1-based) is followed by a cell line before any run of two blank lines."""
    blanks = 0
    for ahead in lines[no : no + _CONTINUE_LINES]:
        if CELL_LINE.match(ahead):
            return True
        if ahead.strip():
            blanks = 0
        else:
            blanks += 1
            if blanks >= 2:
                return False
    return False


def _table_block(table: _TableDraft, index: int, number: int) -> Block:
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, draft in enumerate(row):
            body, textmap = draft.build()
            cells.append(Cell(text=body, row=r, col=c, textmap=textmap, table=number, line=draft.line))
        rows.append(tuple(cells))
    first = table.rows[0][0]
    _, textmap = _build([(" ", first.line, 1)])
    return Block(kind="table", text="", textmap=textmap, index=index, rows=tuple(rows), table=number)
