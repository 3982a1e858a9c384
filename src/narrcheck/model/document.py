"""The Document every reader produces: ordered blocks whose every character maps back to the source."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from narrcheck.model.location import Location

BlockKind = Literal["heading", "paragraph", "table"]


@dataclass(frozen=True, slots=True)
class TextMap:
    """Maps offsets of a block's text to source positions.

    `starts[i]` is the text offset where segment i begins; the segment's first character sits at
    `lines[i]`, `columns[i]` (1-based), on page `pages[i]` when the format has pages (PDF; `lines` then
    count within the page). Inside a segment, offsets advance the column one by one.
    """

    starts: tuple[int, ...]
    lines: tuple[int, ...]
    columns: tuple[int, ...]
    pages: tuple[int, ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return self.lines[i], self.columns[i] + (offset - self.starts[i])

    def page(self, offset: int) -> int | None:
        if not self.pages:
            return None
        return self.pages[max(bisect_right(self.starts, offset) - 1, 0)]


@dataclass(frozen=True, slots=True)
class Cell:
    r"""One table cell: its text (continuation lines joined with '\n'), grid position and text map; `span`: the
    columns of the table's grid it covers where the reader keeps a merged cell as one (Word's gridSpan).
    """

    text: str
    row: int
    col: int
    textmap: TextMap
    table: int
    line: int
    span: int = 1

    def location(self, offset: int = 0) -> Location:
        line, column = self.textmap.position(offset) if self.textmap.starts else (self.line, 1)
        return Location(line=line, column=column, page=self.textmap.page(offset), table=self.table, row=self.row,
                        col=self.col)


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or table, in document order, with the section path it belongs to."""

    kind: BlockKind
    text: str
    textmap: TextMap
    index: int
    rows: tuple[tuple[Cell, ...], ...] = ()
    table: int | None = None
    section: tuple[str, ...] = ()

    def location(self, offset: int = 0) -> Location:
        line, column = self.textmap.position(offset)
        return Location(line=line, column=column, page=self.textmap.page(offset))


@dataclass(frozen=True)
class Document:
    """What a reader returns: the file's identity and its blocks."""

    path: str
    format: str
    sha256: str
    blocks: tuple[Block, ...]
    encoding: str = "utf-8"

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]
