"""Take what is no text out of every paragraph and cell a reader returns, keeping each character's source.

Text scraped from a web page (saved as text, or pasted into Word) keeps HTML remnants and invisible characters:
"<p>", "&nbsp;三、支出决算情况说明", "1\u200b5.54万元". Left in, they hide a heading's number from the section
ladder, a label from the table readers and a figure from the patterns. `numbers.normalize.residue_edits` says what
they are (invisible characters, entities, tags of known elements, pinyin readings); here they are taken out of the
Document itself, and a paragraph left with no text (a "<p>" on a line of its own) is dropped.
"""

from __future__ import annotations

from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.numbers.normalize import residue_edits


def scrub(document: Document) -> Document:
    """The document without residue (the document itself when it holds none)."""
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        new = _scrub_block(block)
        if new is not block:
            changed = True
            if new.kind != "table" and not new.text.strip():
                continue  # (a paragraph that was only markup)
        blocks.append(new)
    if not changed:
        return document
    blocks = [b if b.index == i else Block(b.kind, b.text, b.textmap, i, b.rows, b.table, b.section)
              for i, b in enumerate(blocks)]
    return Document(path=document.path, format=document.format, sha256=document.sha256, blocks=tuple(blocks),
                    encoding=document.encoding)


def _scrub_block(block: Block) -> Block:
    if block.rows:
        rows = tuple(tuple(_scrub_cell(c) for c in row) for row in block.rows)
        if all(new is old for new_row, old_row in zip(rows, block.rows, strict=True)
               for new, old in zip(new_row, old_row, strict=True)):
            return block
        return Block(block.kind, block.text, block.textmap, block.index, rows, block.table, block.section)
    edits = residue_edits(block.text)
    if not edits:
        return block
    text, textmap = _apply(block.text, block.textmap, edits)
    return Block(block.kind, text, textmap, block.index, block.rows, block.table, block.section)


def _scrub_cell(cell: Cell) -> Cell:
    edits = residue_edits(cell.text)
    if not edits:
        return cell
    text, textmap = _apply(cell.text, cell.textmap, edits)
    return Cell(text, cell.row, cell.col, textmap, cell.table, cell.line, cell.span)


def _apply(text: str, textmap: TextMap, edits: list[tuple[int, int, str]]) -> tuple[str, TextMap]:
    """The text with the edits made, and its map: kept text keeps its positions, a replacement stands where the
    text it replaces began.
    """
    if not textmap.starts:  # (a cell located by its line alone)
        out, pos = [], 0
        for start, end, new in edits:
            out.append(text[pos:start] + new)
            pos = end
        return "".join(out) + text[pos:], textmap
    pieces: list[tuple[str, int]] = []  # (text, original offset of its first character)

    def keep(a: int, b: int) -> None:
        cuts = [s for s in textmap.starts if a < s < b]
        for x, y in zip([a, *cuts], [*cuts, b], strict=True):
            if y > x:
                pieces.append((text[x:y], x))

    pos = 0
    for start, end, new in edits:
        keep(pos, start)
        if new:
            pieces.append((new, start))
        pos = end
    keep(pos, len(text))
    if not pieces:
        pieces.append(("", 0))
    starts, lines, columns, pages = [], [], [], []
    length = 0
    for piece, origin in pieces:
        line, column = textmap.position(origin)
        starts.append(length)
        lines.append(line)
        columns.append(column)
        if textmap.pages:
            pages.append(textmap.page(origin) or 0)
        length += len(piece)
    return "".join(p for p, _ in pieces), TextMap(tuple(starts), tuple(lines), tuple(columns), tuple(pages))
