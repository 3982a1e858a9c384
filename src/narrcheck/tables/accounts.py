"""The official 财决 tables (第五部分 附表): every figure with its row, its 功能分类 code and its column's words.

A table is read by its words, whatever its layout:
- title and unit: the leading rows of one cell (收入支出决算总表; 单位：万元), else the paragraph before it;
- header rows: from the first row of two or more words down to the row before the first figure; a word over
  several columns (本年支出 over 合计 | 基本支出 | 项目支出) is carried to each; 栏次 / 行次 rows and columns are
  numbering, not figures;
- row labels: a 科目编码 column, or 类 | 款 | 项 columns, or digits leading the name (2010301 行政运行); the
  name is the first word cell of the row, numbering (一、) removed;
- a table of two halves (收入 | 支出 side by side, each with its own 项目 column) is read as two.

A figure belongs to the row's own quantity when its column is a total (合计, 小计, 金额, 决算数 …), and to the
column's quantity when its row is a total (合计) or has no name (“三公” tables: 预算数/决算数 × 因公出国（境）费 …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from narrcheck.lexicon import alt, entry, words
from narrcheck.model.claims import Figure
from narrcheck.model.document import Block, Cell, Document
from narrcheck.model.location import Location
from narrcheck.numbers import normalize_digits, parse_number
from narrcheck.numbers.normalize import simplified
from narrcheck.tables.model import Fragment
from narrcheck.tables.understand import fragments

CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})$")
_LEADING_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(?=\D)")
_FIGURE = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_ORDINAL = alt("numerals.ordinals")
_TABLE = alt("accounts.table")
_YEAR = rf"\d{{4}}{alt('dates.year')}{alt('dates.year_suffix')}?"  # 2023年, 2023年度
# 一、 / （二） / 3. before a row's name or a title
_NUMBERING = re.compile(rf"^(?:{_ORDINAL}+、|[（(](?:{_ORDINAL}|\d)+[)）]|\d+[.、．])\s*")
# 单位：万元 / 金额单位：元
_UNIT = re.compile(rf"{alt('accounts.unit_labels')}\s*[:：]?\s*({alt('units.money')})")
_TOTAL = re.compile(rf"{alt('accounts.total_rows')}$")
_TOTAL_NAMES = words("accounts.total_rows")
# column words that name no quantity of their own: the row's figure stands under them
_ROW_TOTAL_WORDS = re.compile(rf"^{alt('accounts.row_total_columns')}$")
# 编制单位：… / 公开02表 / 2023年度: lines above the header
_META = re.compile(rf"^(?:{alt('accounts.meta')}|{alt('accounts.numbered')}\d*{_TABLE}|{_YEAR}$)")
_NUMBERING_COLUMN = re.compile(rf"^{alt('accounts.numbering')}$")
_LABEL_COLUMN = re.compile(rf"^{alt('accounts.label_columns')}$")
_CODE_LEVELS = words("accounts.code_levels")
_CODE_WORDS = words("accounts.code_words")
_HALF_START = words("accounts.half_start")
_MEASURE_WORDS = words("accounts.measure_words")
_TABLE_WORDS = words("accounts.table")
# what a title says around the quantity it is about (2023年度…决算表)
_TITLE_OPENERS = re.compile(rf"^(?:{_YEAR}|{alt('accounts.title_openers')}|{alt('accounts.numbered')}\d+{_TABLE})+")
_TITLE_TAILS = re.compile(rf"{alt('accounts.title_tails')}+$")
_TITLE_MEASURE = re.compile(rf"{alt('accounts.title_measures')}$")


@dataclass(frozen=True)
class AccountFact:
    """One figure of a 财决 table: its value (unit from the table), the row it sits in and its column's words.

    `subject` is what the figure measures (the row's name, or the column's word for a total row), `code` the
    row's 功能分类 code ('' when none); `column` the header words over the cell, top first; `path` the table
    file ('' for a table of the checked document itself).
    """

    figure: Figure
    subject: str
    code: str
    column: tuple[str, ...]
    title: str
    path: str

    @property
    def location(self) -> Location:
        return self.figure.location

    @property
    def measure_words(self) -> str:
        """The column's words that tell budget from actual and this year from last (预算数, 上年决算数 …)."""
        return "".join(w for w in self.column if any(m in w for m in _MEASURE_WORDS))

    def describe(self) -> str:
        """Table · row · column, as a reader finds the cell: 支出决算表·2070109 群众文化·本年支出合计."""
        column = "/".join(w for w in self.column if w != self.subject)
        return "·".join(p for p in (self.title, f"{self.code} {self.subject}".strip(), column) if p)


@dataclass(frozen=True)
class Accounts:
    """The facts of every 财决 table given beside the narrative, and the narrative's statements to weigh."""

    facts: tuple[AccountFact, ...]
    statements: object  # extract.statements.Statements (typed loosely: tables sit below extract)
    kind: str = "accounts"


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 14)
def clean(text: str) -> str:
    """A cell's text without spaces, digits folded, traditional script read as simplified (cached: labels and
    figures repeat across tables).
    """
    return _SPACES.sub("", simplified(normalize_digits(text)))


def _figure_text(text: str) -> str | None:
    raw = clean(text)
    return raw if _FIGURE.match(raw) else None


def table_core(title: str) -> str:
    """The quantity a title or heading is about: 一般公共预算财政拨款支出决算表 → 一般公共预算财政拨款支出."""
    t = re.sub(r"[“”\"'‘’《》\s]", "", normalize_digits(title))
    t = _NUMBERING.sub("", t)
    t = _TITLE_OPENERS.sub("", t)
    t = _TITLE_TAILS.sub("", t)
    return _TITLE_MEASURE.sub("", t)


OFFICIAL = re.compile(rf"{alt('accounts.official_titles')}$")


def read_accounts(document: Document, own: bool = False, parts: Sequence[Fragment] | None = None
                  ) -> list[AccountFact]:
    """Every figure of every table of `document` (a 附表 workbook, or tables in any format) with its labels.

    With `own`, `document` is the narrative itself: only its official tables (titles ending in 决算表, as
    收入支出决算总表 and 支出决算表 do; not score or project tables) are read, and their facts carry no path.
    `parts`: the document's fragments when read_tables has already read them.
    """
    out: list[AccountFact] = []
    # page parts joined, titles found, as for every table
    for title, rows, block, _ in fragments(document) if parts is None else parts:
        out.extend(_table(rows, title, "" if own else document.path, official_only=own,
                          unit=_unit_above(document, block)))
    return out


def _unit_above(document: Document, table: Block) -> str:
    """The money unit a paragraph of its own states between the table and the text before it (单位：元 above the
    grid, as a Word or PDF page lays it out), else "" (the table's own unit line, or the default, then decides).
    """
    for i in range(table.index - 1, -1, -1):
        block = document.blocks[i]
        if block.kind == "table" or len(block.text.strip()) > 40:
            break
        if m := _UNIT.search(clean(block.text)):
            return m.group(1)
    return ""


def _table(rows: Sequence[Sequence[Cell]], title: str, path: str, official_only: bool = False,
           unit: str = "") -> list[AccountFact]:
    """The table's facts, all under one title (the fragment's, or a title line above its header); none, with
    `official_only`, when that title is not an official table's. `unit`: the unit stated above the grid (a unit
    line in its leading rows wins).
    """
    unit = unit or str(entry("accounts.default_unit"))
    rows = [_on_grid(row) for row in rows]
    start = 0
    for r, row in enumerate(rows[:6]):  # title, unit and publisher lines above the header
        words = [clean(c.text) for c in row if clean(c.text)]
        m = next((m for w in words if (m := _UNIT.search(w))), None)
        if m:
            unit = m.group(1)
        if len(words) > 1 and not all(_META.match(w) or _UNIT.search(w) for w in words):
            break
        if len(words) == 1 and words[0].endswith(_TABLE_WORDS):
            title = words[0]
        start = r + 1
    if official_only and not OFFICIAL.search(title):
        return []
    body = rows[start:]
    first_data = next((i for i, row in enumerate(body) if _is_data(row)), None)
    if first_data is None or first_data == 0:
        return []
    header = [row for row in body[:first_data] if not _NUMBERING_COLUMN.match(clean(row[0].text))]
    data = body[first_data:]
    width = max(len(r) for r in body)
    columns = _columns(header, width)
    out: list[AccountFact] = []
    for group in _groups(columns):
        for row in data:
            out.extend(_row_facts(row, group, columns, unit, title, path))
    return out


def _on_grid(row: Sequence[Cell]) -> Sequence[Cell]:
    """The row with a cell for each column of the grid: a merged cell (合计 over the code and name columns of a
    Word table) followed by an empty cell for each further column it covers.
    """
    if all(c.span == 1 for c in row):
        return row
    return [x for c in row for x in (c, *(replace(c, text="", span=1) for _ in range(c.span - 1)))]


def _is_data(row: Sequence[Cell]) -> bool:
    """A row of figures that is not the 栏次 numbering row (labelled 栏次, or unlabelled: 1 2 3 … across a table
    with no label column, as the 三公 table prints it).
    """
    words = [clean(c.text) for c in row if clean(c.text)]
    if not words or _NUMBERING_COLUMN.match(words[0]) or _numbering(words):
        return False
    return any(_figure_text(c.text) and not CODE.match(clean(c.text)) for c in row)


def _numbering(words: Sequence[str]) -> bool:
    """The words are the column numbers 1, 2, 3 … in order (three or more)."""
    return len(words) >= 3 and all(w.isdigit() and int(w) == i for i, w in enumerate(words, start=1))


def _columns(header: Sequence[Sequence[Cell]], width: int) -> list[tuple[str, ...]]:
    """Each column's header words, top first; a word over several columns is carried right to each of them."""
    grid = [[clean(row[j].text) if j < len(row) else "" for j in range(width)] for row in header]
    for r in range(len(grid) - 1):
        for j in range(1, width):
            if not grid[r][j] and grid[r][j - 1] and any(grid[k][j] for k in range(r + 1, len(grid))):
                grid[r][j] = grid[r][j - 1]  # the empty cell is covered by the merged word on its left
    return [tuple(grid[r][j] for r in range(len(grid)) if grid[r][j]) for j in range(width)]


def _groups(columns: list[tuple[str, ...]]) -> list[range]:
    """The column ranges of the table's halves: a new half starts at each repeated 项目 column."""
    starts = [j for j, words in enumerate(columns) if words and words[-1] in _HALF_START]
    if len(starts) < 2:
        return [range(0, len(columns))]
    bounds = [*starts, len(columns)]
    return [range(0 if i == 0 else a, b) for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))]


def _row_facts(row: Sequence[Cell], group: range, columns: list[tuple[str, ...]], unit: str, title: str,
               path: str) -> list[AccountFact]:
    code_parts: list[str] = []
    name = ""
    values: list[tuple[Cell, tuple[str, ...]]] = []
    for j in group:
        if j >= len(row):
            break
        cell, words = row[j], columns[j]
        text = clean(cell.text)
        last = words[-1] if words else ""
        if not text:
            continue
        if _NUMBERING_COLUMN.match(last) or any(_NUMBERING_COLUMN.match(w) for w in words):
            continue
        if last in _CODE_LEVELS or any(w in last for w in _CODE_WORDS):
            if text.isascii() and text.isdigit():
                code_parts.append(text)
        elif _LABEL_COLUMN.match(last) or not words:
            if CODE.match(text) and not name:
                code_parts.append(text)
            elif not name:
                name = text
        elif _figure_text(cell.text):
            values.append((cell, words))
        elif not name:
            name = text
    code = "".join(code_parts)
    m = _LEADING_CODE.match(name)
    if not code and m:
        code, name = m.group(1), name[m.end():]
    name = _NUMBERING.sub("", name)
    is_total = not code and (not name or bool(_TOTAL.search(name)))
    out = []
    for cell, words in values:
        subject = _subject(name, is_total, words, title)
        if not subject and not (code and _is_row_total(words)):
            continue
        digits = _figure_text(cell.text) or ""
        q = parse_number(digits, unit)
        fig = Figure(value=q.digits(), unit=q.unit, text=cell.text.strip(), subject=subject,
                     location=cell.location())
        out.append(AccountFact(fig, subject, code if _is_row_total(words) else "", words, title, path))
    return out


def _is_row_total(words: tuple[str, ...]) -> bool:
    """True when the column holds the row's own figure (its deepest word names no quantity of its own)."""
    return not words or bool(_ROW_TOTAL_WORDS.match(words[-1]) or _TOTAL.search(words[-1]))


def _subject(name: str, is_total: bool, words: tuple[str, ...], title: str) -> str:
    """What the figure measures, in words a narrative uses (measure words are added by the reader of facts)."""
    if not is_total:
        return name if _is_row_total(words) else ""
    quantity = [w for w in words if not _is_row_total((w,)) and not _LABEL_COLUMN.match(w)]
    if quantity:
        return quantity[-1]  # 公务用车购置及运行费 over 小计; 基本支出 of the 合计 row
    return name if name and name not in _TOTAL_NAMES else table_core(title)
