"""Tables flattened into text lines, read back from a Document's paragraphs as header lines and rows of cells.

Layouts (each a run of one-line paragraphs; the reader's own tables, TAB-led cells, are not read here):
- pipe rows: one row per line, cells separated by ``|`` (``合计 | 120.50 | 110.00 | -10.50 |``); every cell is
  shown, an empty one as ``| |``, so a row that falls short has lost only trailing empty cells;
- space rows: one row per line, a label then figures separated by spaces (``1. 财政拨款收入 1000000 1100000``);
  a label alone on its line followed by a line of figures alone is one row;
- cell streams: one cell per line, either with a line holding only ``|`` after each cell (two in a row: an empty
  cell), or each line ending in `` |``, or cells between blank lines (empty cells then leave no trace).
A stream has no row breaks: its header is the cells before the first figure, and a row is a label and the
figures up to the next label. Rows broken over several lines (a line that opens with ``|``) are marked broken.
Word's export writes an empty cell as a line break: a row that goes on over lines of figures that open with
``|`` is also read with each break as one empty cell (`RawRow.joined`), which the grid takes only where the row
then has exactly the table's width. In a Markdown run (every line opens with ``|``) such a line is told by its
figures alone and by it and the line before falling short of the run's widest line; a line of ``|`` alone is
an empty cell of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from narrcheck.extract.flat_tables.vocab import MEASURES, Header, code_depth, header, table_words
from narrcheck.model.document import Block, Document
from narrcheck.model.location import Location
from narrcheck.numbers import MONEY_UNITS, normalize_digits
from narrcheck.numbers.normalize import normalize

_FIGURE = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_SENTENCE = re.compile(r"[。；！？]")
_RULE = re.compile(r"^:?-{2,}:?$")  # a Markdown table's rule under its header
# a stream cell is short; a longer line is prose and ends the stream
MAX_CELL = 30
# a row label is a name; a longer one is a note under the table
MAX_LABEL = 40
# how many lines above its header a table's unit line may stand (title, 表1, unit)
UNIT_LOOKBACK = 4


@dataclass(frozen=True)
class Tok:
    """One cell as printed, and where its text starts."""

    text: str
    location: Location

    @property
    def line(self) -> int:
        return self.location.line or 0

    @property
    def number(self) -> str | None:
        """The printed figure without spaces and thousands separators ('-7.03%'), or None for words."""
        raw = normalize_digits(self.text).replace(" ", "")
        return raw.replace(",", "") if _FIGURE.match(raw) else None


Cell = Tok | None  # None: an empty cell


@dataclass
class RawRow:
    label: Tok | None
    values: list[Cell]
    quote: str
    broken: bool = False  # the row went on over a line that opened with |
    joined: list[Cell] | None = None  # its values with each break read as an empty cell (None: not so read)


@dataclass
class RawTable:
    """A table as read: its header lines (cells of each line), rows, unit and where it stands."""

    header_lines: list[list[Tok]]
    rows: list[RawRow]
    unit: str
    section: tuple[str, ...]
    # pipe rows show every cell (an empty one as | |) but may drop a row's trailing empty cells: a short row lost
    # only those; in other layouts a short row lost cells anywhere
    drops_trailing: bool
    at_end: bool = False  # the table runs to the end of the document (an excerpt cut there)
    stream: bool = False
    title: str = ""  # the line right above the header (past its unit line), where it is a short title


@dataclass
class _Line:
    block: Block
    text: str
    cells: list[Cell] = field(default_factory=list)
    opens_with_bar: bool = False
    closes_with_bar: bool = False


def _is_figure(cell: Cell) -> bool:
    return cell is not None and cell.number is not None


def _cell(block: Block, start: int, end: int) -> Cell:
    text = block.text[start:end]
    stripped = text.strip()
    if not stripped or stripped in table_words("cells.empty"):
        return None
    return Tok(stripped, block.location(start + len(text) - len(text.lstrip())))


def _pipe_line(block: Block) -> _Line:
    text = block.text
    bounds = [-1, *(i for i, c in enumerate(text) if c == "|"), len(text)]
    cells = [_cell(block, a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    opens = text.lstrip().startswith("|")
    if opens:
        cells = cells[1:]
    closes = text.rstrip().endswith("|")
    if closes:
        cells = cells[:-1]
    return _Line(block, text.strip(), cells, opens, closes)


def _space_line(block: Block) -> _Line:
    """A row of space-separated cells: the trailing figures each a cell, the words before them the label."""
    text = block.text
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    first_figure = len(spans)
    while first_figure > 0 and _FIGURE.match(normalize_digits(text[spans[first_figure - 1][0]:
                                                                   spans[first_figure - 1][1]])):
        first_figure -= 1
    cells: list[Cell] = []
    if first_figure > 0:
        cells.append(_cell(block, spans[0][0], spans[first_figure - 1][1]))
    cells += [_cell(block, a, b) for a, b in spans[first_figure:]]
    return _Line(block, text.strip(), cells)


def _one_line(block: Block) -> bool:
    return block.kind != "table" and len(set(block.textmap.lines)) == 1 and bool(block.text.strip())


@cache
def _unit_line() -> re.Pattern[str]:
    openers = "|".join(map(re.escape, table_words("unit_line.openers")))
    fillers = "|".join(map(re.escape, table_words("unit_line.fillers")))
    units = "|".join(map(re.escape, sorted(MONEY_UNITS, key=len, reverse=True)))
    return re.compile(rf"(?:{openers})[：:]?(?:{fillers})?({units})(?![\u4e00-\u9fff])")


def _unit_of(text: str) -> str | None:
    """The money unit a unit line names (单位：万元), None when the line names none."""
    m = _unit_line().search(normalize(text).text.replace(" ", ""))
    return m.group(1) if m else None


def _header_start(cells: Sequence[Tok]) -> bool:
    """A header line: a first cell naming the rows (项目) or a measure, and further measures."""
    if len(cells) < 2 or any(c.number is not None for c in cells):
        return False
    heads = [header(c.text) for c in cells]
    first_ok = heads[0].role in ("item_label", "period_label") or heads[0].role in MEASURES or _code_header(cells)
    rest = heads[1:]
    return first_ok and all(h.role not in ("empty",) for h in rest) \
        and (sum(h.role in MEASURES for h in rest) >= 1 or heads[0].role == "item_label" and _whole_of_items(rest))


def _code_header(cells: Sequence[Tok]) -> bool:
    """A header opening with a code column, then the rows' names (科目编码 | 科目名称 | 年初预算数 | …)."""
    return len(cells) >= 3 and header(cells[0].text).role == "code" and header(cells[1].text).role == "item_label"


def _is_code(cell: Cell) -> bool:
    return cell is not None and cell.number is not None and code_depth(cell.number) is not None


def _coded_row(label: Tok | None, values: list[Cell]) -> tuple[Tok | None, list[Cell]]:
    """A row of a table with a code column, as a label (the code before the name: 201 一般公共服务支出) and its
    figures: a code cell and a name cell; an empty code cell before a name; a name (合计) in the code cell beside
    an empty name cell. Anything else (合计 in one cell spanning both) is left as it is.
    """
    if label is None and len(values) >= 2 and _is_code(values[0]) and values[1] is not None \
            and values[1].number is None:
        code, name = values[0], values[1]
        assert code is not None
        return Tok(f"{code.text} {name.text}", code.location), values[2:]
    if label is None and values and values[0] is not None and values[0].number is None:
        return values[0], values[1:]
    if label is not None and values and values[0] is None:
        return label, values[1:]
    return label, values


# ------------------------------------------------------------------------------------------------ finders

def read_tables(document: Document) -> list[RawTable]:
    """Every flattened table of the document's paragraphs, in reading order."""
    blocks = [b for b in document.blocks if b.kind != "table"]
    tables: list[RawTable] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not _one_line(block):
            i += 1
            continue
        text = block.text.strip()
        if text == "|":
            stream, end = _bar_stream(blocks, i)
            if stream is not None:
                tables += _from_stream(stream, blocks, end)
            i = max(end, i + 1)
            continue
        if "|" in text:
            end = i
            while end < len(blocks) and _one_line(blocks[end]) and "|" in blocks[end].text \
                    and (blocks[end].text.strip() != "|" or _empty_cell_break(blocks, i, end)):
                end += 1
            lines = [_pipe_line(b) for b in blocks[i:end]]
            if all(line.opens_with_bar for line in lines):  # a Markdown table: every row opens with |
                lines = _markdown_lines(lines)
            if all(len(line.cells) <= 1 for line in lines):
                cells = [(line.cells[0] if line.cells else None) for line in lines]
                tables += _from_stream(cells, blocks, end)
            else:
                tables += _from_lines(lines, blocks, pipes=True, at_end=end == len(blocks))
            i = end
            continue
        i += 1
    tables += _space_tables(blocks)
    tables += _blank_streams(blocks)
    return tables


def _empty_cell_break(blocks: list[Block], first: int, n: int) -> bool:
    """A line of ``|`` alone at block `n` inside a run of pipe rows (from block `first`) is an empty cell in a
    row broken over lines (Word's export): it follows a row line of two cells or more (or another such bar) and
    the row goes on over a line that opens with ``|``.
    """
    before = n - 1
    while before > first and blocks[before].text.strip() == "|":
        before -= 1
    after = n + 1
    while after < len(blocks) and _one_line(blocks[after]) and blocks[after].text.strip() == "|":
        after += 1
    if before < first or blocks[before].text.strip() == "|" or after >= len(blocks) or not _one_line(blocks[after]):
        return False
    return len(_pipe_line(blocks[before]).cells) >= 2 and blocks[after].text.lstrip().startswith("|") \
        and _pipe_line(blocks[after]).cells != []


def _markdown_lines(lines: list[_Line]) -> list[_Line]:
    """A Markdown run's lines without its rule, each opening a row unless it goes on the row above: a line of
    ``|`` alone, or a line of figures that falls short of the run's widest line after a line that does too.
    """
    lines = [line for line in lines if not line.cells
             or not all(c is not None and _RULE.match(c.text) for c in line.cells)]
    widest = max((len(line.cells) for line in lines), default=0)
    out: list[_Line] = []
    for n, line in enumerate(lines):
        goes_on = n > 1 and line.text == "|" or (
            n > 1 and bool(line.cells) and line.cells[0] is not None and len(line.cells) < widest
            and all(c is None or _is_figure(c) for c in line.cells)
            and (lines[n - 1].text == "|" or len(lines[n - 1].cells) < widest))
        out.append(_Line(line.block, line.text, line.cells, goes_on, line.closes_with_bar))
    return out


def _bar_stream(blocks: list[Block], first_bar: int) -> tuple[list[Cell] | None, int]:
    """The cells of a stream whose cells are each closed by a line holding only | (two such lines in a row
    close an empty cell), from the cell before `first_bar`; and the index of the block after the stream.
    """
    start = first_bar
    if first_bar > 0 and _one_line(blocks[first_bar - 1]) and blocks[first_bar - 1].text.strip() != "|":
        start = first_bar - 1
    cells: list[Cell] = []
    closed = True  # the last line was a bar (or the stream has not begun)
    j = start
    while j < len(blocks) and _one_line(blocks[j]):
        text = blocks[j].text.strip()
        if text != "|":
            if not closed:  # a line not closed by a bar: the one before it was not a cell of the stream
                break
            cells.append(_cell(blocks[j], 0, len(blocks[j].text)))
            closed = False
        else:
            if closed and j > start:
                cells.append(None)
            closed = True
        j += 1
    if not closed and cells:
        cells.pop()
        j -= 1
    return (cells if len(cells) >= 4 else None), j


_INNER_SPACE = re.compile(r"\S\s+\S")


def _space_tables(blocks: list[Block]) -> list[RawTable]:
    """Tables whose rows are a label and space-separated figures under a header line of space-separated words."""
    out: list[RawTable] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not _one_line(block) or "|" in block.text or not _INNER_SPACE.search(block.text.strip()):
            i += 1  # (a header line has two cells at least: words apart)
            continue
        cells = [c for c in _space_line_words(block) if c is not None]
        if not _header_start(cells):
            i += 1
            continue
        end = i + 1
        lines = [_Line(block, block.text.strip(), list(cells))]
        while end < len(blocks) and _one_line(blocks[end]) and "|" not in blocks[end].text:
            nxt = blocks[end]
            words_only = [c for c in _space_line_words(nxt) if c is not None]
            line = _space_line(nxt)
            if any(_is_figure(c) for c in line.cells):
                lines.append(line)
            elif words_only and _sub_header(words_only) and len(lines) <= 2 \
                    and not any(_is_figure(c) for ln in lines for c in ln.cells):
                lines.append(_Line(nxt, nxt.text.strip(), list(words_only)))
            elif len(nxt.text.strip()) <= MAX_CELL and not _SENTENCE.search(nxt.text) and end + 1 < len(blocks) \
                    and _one_line(blocks[end + 1]) and _figures_only(blocks[end + 1]):
                lines.append(_Line(nxt, nxt.text.strip(), [_cell(nxt, 0, len(nxt.text))]))  # a label alone
            else:
                break
            end += 1
        if any(any(_is_figure(c) for c in ln.cells) for ln in lines):
            out += _from_lines(lines, blocks, pipes=False, at_end=end == len(blocks))
        i = end
    return out


def _space_line_words(block: Block) -> list[Cell]:
    return [_cell(block, m.start(), m.end()) for m in re.finditer(r"\S+", block.text)]


def _figures_only(block: Block) -> bool:
    cells = _space_line_words(block)
    return bool(cells) and all(_is_figure(c) for c in cells) and "|" not in block.text


def _blank_streams(blocks: list[Block]) -> list[RawTable]:
    """Streams of one short cell per line (blank lines between or not) under a header of measure words."""
    out: list[RawTable] = []
    i = 0
    while i < len(blocks):
        if not _stream_cell(blocks[i]):
            i += 1
            continue
        end = i
        while end < len(blocks) and _stream_cell(blocks[end]):
            end += 1
        if end - i >= 6:  # (a shorter run is no table: its cells are not built)
            cells: list[Cell] = [_cell(b, 0, len(b.text)) for b in blocks[i:end]]
            out += _from_stream(cells, blocks, end)
        i = end
    return out


def _stream_cell(block: Block) -> bool:
    text = block.text.strip()
    return _one_line(block) and "|" not in text and len(text) <= MAX_CELL and not _SENTENCE.search(text) \
        and len(text.split()) <= 2


# ------------------------------------------------------------------------------------------------ builders

# a title is one short line without a sentence's end
MAX_TITLE = 60


def _title(blocks: list[Block], head: Sequence[Tok]) -> str:
    """The table's title: the nearest line above its header, past a unit line, if it is short and no sentence
    (2023年决算数与2022年决算数对比情况); '' when there is none.
    """
    above = [b for b in blocks if b.textmap.lines[-1] < head[0].line and b.text.strip() != "|"][-UNIT_LOOKBACK:]
    for block in reversed(above):
        text = block.text.strip().removesuffix("|").strip()  # (a stream's cell line ends in |)
        if _unit_of(text) is not None and len(text) <= MAX_CELL:
            continue
        if not _one_line(block) or "|" in text or len(text) > MAX_TITLE or _SENTENCE.search(text):
            return ""
        return text
    return ""


def _context(blocks: list[Block], head: Sequence[Tok]) -> tuple[str, tuple[str, ...]]:
    """The unit of the table whose header cells are `head`, and the table's section. The unit is the one named
    on one of the UNIT_LOOKBACK lines above the header (表1, its title, 单位：万元), else the one its header cells
    name in brackets (预算数（万元）), else the one money unit of the paragraphs above it in its section, if one.
    """
    above = [b for b in blocks if b.textmap.lines[-1] < head[0].line and b.text.strip() != "|"]
    section = above[-1].section if above else ()
    for block in reversed(above[-UNIT_LOOKBACK:]):
        unit = _unit_of(block.text)
        if unit is not None:
            return unit, block.section
    money = "|".join(sorted(MONEY_UNITS, key=len, reverse=True))
    named = {m for c in head for m in re.findall(rf"[（(]({money})[)）]", normalize(c.text).text)}
    if len(named) == 1:
        return named.pop(), section
    units = set()
    for block in above[-12:]:
        if block.section[:1] == section[:1]:
            units.update(re.findall(rf"\d\s*({money})", normalize(block.text).text))
    return (units.pop() if len(units) == 1 else ""), section


def _from_lines(lines: list[_Line], blocks: list[Block], pipes: bool, at_end: bool) -> list[RawTable]:
    """Split a run of row lines into tables: header lines, then rows until the next header or unit line."""
    out: list[RawTable] = []
    k = 0
    while k < len(lines):
        cells = [c for c in lines[k].cells if c is not None]
        if not _header_start(cells) or lines[k].opens_with_bar:
            k += 1
            continue
        coded = _code_header(cells)
        header_lines = [cells[1:] if coded else cells]  # (the code column's codes go into the rows' labels)
        k += 1
        while k < len(lines) and not any(_is_figure(c) for c in lines[k].cells) \
                and (sub := [c for c in lines[k].cells if c is not None]) and _sub_header(sub):
            header_lines.append(sub)
            k += 1
        rows: list[RawRow] = []
        while k < len(lines):
            line = lines[k]
            present = [c for c in line.cells if c is not None]
            if _unit_of(line.text) is not None or (_header_start(present) and rows):
                break
            if line.opens_with_bar and not (coded and line.cells and line.cells[0] is not None
                                            and line.cells[0].number is None):
                # (in a table with a code column, a bar before a name is an empty code cell: | 合计 | 300.00 |)
                if rows:
                    _goes_on(rows[-1], line, lines[k - 1])
                k += 1
                continue
            if not any(_is_figure(c) for c in line.cells) and k + 1 < len(lines) and not pipes \
                    and len(line.cells) == 1 and not lines[k + 1].cells[:1] == [None] \
                    and all(_is_figure(c) for c in lines[k + 1].cells):
                nxt = lines[k + 1]  # a label alone, its figures on the next line
                rows.append(RawRow(line.cells[0], list(nxt.cells), f"{line.text} {nxt.text}"))
                k += 2
                continue
            label = line.cells[0] if line.cells else None
            if label is not None and (len(label.text) > MAX_LABEL or _SENTENCE.search(label.text)):
                break  # a note under the table (说明：…) ends it
            if label is not None and label.number is not None:
                label = None
                values = list(line.cells)
            else:
                values = list(line.cells[1:])
            if coded:
                label, values = _coded_row(label, values)
            rows.append(RawRow(label, values, line.text))
            k += 1
        while rows and not any(v is not None for v in rows[-1].values) and k < len(lines):
            rows.pop()  # label-only lines before the next table's unit line are its title, not rows
        head = [c for line in header_lines for c in line]
        unit, section = _context(blocks, head)
        if rows:
            out.append(RawTable(header_lines, rows, unit, section, drops_trailing=pipes,
                                at_end=at_end and k >= len(lines), title=_title(blocks, head)))
    return out


def _goes_on(row: RawRow, line: _Line, before: _Line) -> None:
    """Row `row` goes on over `line`: it is broken, and where the line before closed with ``|`` and the line
    holds only figures, it is also read with the break as one empty cell.
    """
    first = not row.broken
    row.broken = True
    if (first or row.joined is not None) and before.closes_with_bar \
            and all(c is None or _is_figure(c) for c in line.cells):
        row.joined = [*(row.values if first else row.joined or []), None, *line.cells]
        row.quote = f"{row.quote} {line.text}"
    else:
        row.joined = None


def _sub_header(cells: Sequence[Tok]) -> bool:
    """A line under a header line that names sub-columns (增减金额 | 增减幅度, 金额 | 占调整预算%)."""
    heads = [header(c.text) for c in cells]
    return all(c.number is None for c in cells) and (all(h.role in MEASURES or h.role == "total" for h in heads)
                                                     or _whole_of_items(heads))


def _whole_of_items(heads: Sequence[Header]) -> bool:
    """Header cells that are items and one total of them (本级支出 | 补助下级支出 | 合计; 合计 | 中央级 | 省级)."""
    roles = [h.role for h in heads]
    return roles.count("total") == 1 and roles.count("item") >= 2 and set(roles) <= {"item", "total"}


def _from_stream(cells: list[Cell], blocks: list[Block], end: int) -> list[RawTable]:
    """A stream of cells ending before block `end`: the header up to the first figure (after the title and unit
    line), then rows of a label and its figures.
    """
    first_figure = next((n for n, c in enumerate(cells) if _is_figure(c)), None)
    if first_figure is None or first_figure < 2:
        return []
    head = cells[:first_figure]
    units = [n for n, c in enumerate(head) if c is not None and _unit_of(c.text) is not None]
    head_cells = [c for c in head[units[-1] + 1 if units else 0:] if c is not None]
    title = _title(blocks, head_cells) if head_cells else ""  # (above the whole header, its 科目编码 cell too)
    rows: list[RawRow] = []
    if len(head_cells) >= 3 and _first_row_label(head_cells):
        rows.append(RawRow(head_cells[-1], [], ""))
        head_cells = head_cells[:-1]
    coded = _code_header(head_cells)
    if coded:
        head_cells = head_cells[1:]
    width = len(head_cells) - 1
    body = cells[first_figure:]
    n = 0
    while n < len(body):
        c, nxt = body[n], (body[n + 1] if n + 1 < len(body) else None)
        if coded and c is not None and _is_code(c) and nxt is not None and nxt.number is None \
                and (not rows or len(rows[-1].values) >= width):
            rows.append(RawRow(Tok(f"{c.text} {nxt.text}", c.location), [], ""))  # 201, then 一般公共服务支出
            n += 2
            continue
        if c is not None and c.number is None:
            if len(c.text) > MAX_CELL or _SENTENCE.search(c.text):
                break
            rows.append(RawRow(c, [], ""))
        else:
            if not rows:
                rows.append(RawRow(None, [], ""))
            rows[-1].values.append(c)
        n += 1
    roles = {header(c.text).role for c in head_cells}
    if not rows or not roles & (MEASURES | {"item_label", "period_label"}):
        return []  # no header words: a list of names and figures, not a table read here
    for row in rows:
        row.quote = " | ".join(c.text for c in (row.label, *row.values) if c is not None)
    unit, section = _context(blocks, head_cells)
    return [RawTable([head_cells], rows, unit, section, drops_trailing=False, at_end=end >= len(blocks),
                     stream=True, title=title)]


def _first_row_label(head: list[Tok]) -> bool:
    """True when the last cell before a stream's first figure is the first row's label, not a header cell: a row
    name (合计, 公务接待费) under a header of measures, a period (2022年) under a header of items.
    """
    first, last = header(head[0].text), header(head[-1].text)
    if first.role == "period_label":
        return last.role in ("level", "rate", "delta")
    return last.role in ("item", "total")


__all__ = ["Cell", "RawRow", "RawTable", "Tok", "read_tables"]
