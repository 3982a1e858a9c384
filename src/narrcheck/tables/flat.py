"""Score tables flattened into text, read by their header words.

A 绩效自评表 copied from a web page, a workbook or a PDF often reaches us as text, in one of three shapes:
- one cell per line, each ending in " |" (a line of bare "|" is an empty cell: empty cells are kept);
- cells separated by spaces, a row or a whole table on one line (empty cells are lost);
- cells glued together without any separator (header words, labels and figures run on: “分值执行率(B/A)得分”).

Header runs are found by their words (全年预算数 全年执行数 分值 执行率 得分; 一级指标 … 分值 得分 …);
the cells after a header are read as rows by types, never by position alone: a weight or a score is a bare
number, a rate a percentage, an amount not a percentage, a label text. A stated rate needs the two columns it
divides; where the layout loses empty cells, the total row of a 预算执行 block and every indicator row show
both weight and score, and no row weighs more than the first-level category (产出指标(50分)) it stands under.
Every reading that fits is kept, and a figure is taken only where all readings agree on it: a row block read
two ways gives no finding rather than a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from narrcheck.lexicon import words as lexicon_words
from narrcheck.model.claims import Figure
from narrcheck.model.document import Block, Document
from narrcheck.model.location import Location
from narrcheck.numbers import parse_number
from narrcheck.numbers.normalize import simplified
from narrcheck.readers.text import is_page_number
from narrcheck.tables.model import Category, Execution, Fact, Indicator, Ratio, ScoreTable, StatedWeight, Subtotal
from narrcheck.tables.vocab import (
    WEIGHT_MARK,
    closes_with,
    glued_units,
    header_pattern,
    is_department,
    is_row,
    label_key,
    opens_with,
    project_name,
    role_of,
    words,
)

# --- tokens -----------------------------------------------------------------------------------------------
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_KINDS = (
    ("blank", re.compile(r"^$")),
    ("dash", re.compile(r"^[-—－–/／\\]+$")),
    ("num", re.compile(rf"^[-+]?{_NUM}$")),
    ("pct", re.compile(rf"^[-+]?{_NUM}%$")),
    # a figure with a comparison or a unit: ≥95%, >=1200人, 60元, 300元/人·月
    ("qty", re.compile(rf"^(?:[≥≤=<>≧≦]=?)\s*{_NUM}.{{0,10}}$|^{_NUM}[^\d\s]{{1,10}}$")),
)
_LETTER = re.compile(r"[(]([A-Z])[)]$")
_FORMULA = re.compile(r"[(]([A-Z])/([A-Z])(?:[×*xX]100%?)?[)]$")
_TITLE = re.compile(r"表(?:[(][^()]{0,20}[)])?$")
_SENTENCE_END = re.compile("[。；;]")  # a label is no sentence
_LEADING_FIGURE = re.compile(rf"^(?:[≥≤=<>≧≦]=?)?\s*{_NUM}")
_REASON_WORDS = 4  # the words after a figure that make a cell a reason (2个站点运营滞后), not a quantity (1200人次)
_NARRATIVE = 60  # a text this long ends a block of rows whose end is not marked


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    """A cell's text for matching: compatibility forms as plain ones, traditional script as simplified, no spaces."""
    return re.sub(r"\s+", "", simplified(unicodedata.normalize("NFKC", text)))


@dataclass
class Token:
    """One cell of flattened text (or, glued, a run that may hold several cells)."""

    text: str
    block: Block
    start: int  # offset of the text in the block
    kept: bool  # from a layout that keeps empty cells (“ |” lines)
    glued: bool = False
    role: str | None = None
    key: str = field(init=False)
    kind: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = _key(self.text)
        self.kind = _kind(self.key)

    def location(self, offset: int = 0) -> Location:
        return self.block.location(self.start + offset)


@lru_cache(maxsize=8192)
def _kind(key: str) -> str:
    for name, pattern in _KINDS:
        if pattern.match(key):
            return name
    return "text"


def _pipe_tokens(block: Block) -> list[Token]:
    """“a |”, “a | b |”, “|” (an empty cell): the piece after the last pipe is not a cell; in a row whose pipes only
    separate its cells (“a|b|c”) it is the last one.
    """
    out: list[Token] = []
    text = block.text
    pos = 0
    pieces = text.rstrip().split("|")
    for piece in pieces[:-1] if text.rstrip().endswith("|") else pieces:
        lead = len(piece) - len(piece.lstrip())
        out.append(Token(piece.strip(), block, pos + lead, kept=True))
        pos += len(piece) + 1
    return out


def _spaced_tokens(block: Block) -> list[Token]:
    """The space-separated cells of a line; a percent sign set apart from its figure (96.17 %) stays with it."""
    return [Token(m.group(), block, m.start(), kept=False) for m in _SPACED_CELL.finditer(block.text)]


_SPACED_CELL = re.compile(r"\d[\d.]*[ \t]+[%％](?!\S)|\S+")


def _glued_figure() -> re.Pattern[str]:
    return re.compile(rf"(?:[≥≤=<>≧≦]=?)?\d+(?:\.\d+)?(?:{glued_units()})?")


def _glued_tokens(block: Block) -> list[Token] | None:
    """Tokens of a paragraph whose cells were glued together, or None when it holds no glued header run.

    Header words stand alone where two or more follow each other; figures and the texts between them are
    tokens that may each hold several cells (“30100%” is a weight and a target, “明显改善明显改善” two texts).
    """
    text = block.text
    runs = _glued_header_runs(text)
    if not runs or max(len(r) for r in runs) < 3:
        return None
    figure = _glued_figure()
    out: list[Token] = []
    pos = 0
    starts = {m.start(): m.end() for run in runs for m in run}  # header words: tokens of their own
    text_start: int | None = None

    def flush(end: int) -> None:
        nonlocal text_start
        if text_start is not None and text[text_start:end].strip():
            piece = text[text_start:end]
            lead = len(piece) - len(piece.lstrip())
            out.append(Token(piece.strip(), block, text_start + lead, kept=False, glued=True))
        text_start = None

    while pos < len(text):
        if pos in starts:
            flush(pos)
            out.append(Token(text[pos:starts[pos]], block, pos, kept=False))
            pos = starts[pos]
            continue
        cat = WEIGHT_MARK.match(text, pos)
        if cat:  # a weight in a label stays in the label: 产出指标(60分)
            text_start = pos if text_start is None else text_start
            pos = cat.end()
            continue
        fig = figure.match(text, pos)
        if fig:
            flush(pos)
            out.append(Token(fig.group(), block, pos, kept=False, glued=True))
            pos = fig.end()
            continue
        if text[pos].isspace():
            flush(pos)
            pos += 1
            continue
        text_start = pos if text_start is None else text_start
        pos += 1
    flush(len(text))
    return out


def _glued_header_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of two or more header words with nothing between them."""
    runs: list[list[re.Match[str]]] = []
    for m in header_pattern().finditer(text):
        if runs and runs[-1][-1].end() == m.start():
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= 2]


_RULE_LINE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?")


def tokens(document: Document) -> list[Token]:
    """Every cell-like piece of the document's text outside the readers' tables, in order, with its role.

    A page's number and the running header repeated after page numbers (text pasted from a PDF, a table running
    over pages) are no cells.
    """
    out: list[Token] = []
    margins = _page_margins(document.blocks)
    for at, block in enumerate(document.blocks):
        if block.kind == "table" or not block.text.strip() or _RULE_LINE.fullmatch(block.text.strip()) \
                or at in margins:
            continue  # (| --- | :---: |: a markdown table's rule under its header holds no cell)
        if block.text.rstrip().endswith("|") or block.text.count("|") >= 2:
            found = _pipe_tokens(block)
        else:
            found = _glued_tokens(block) or _spaced_tokens(block)
        found = [_unmarked(tok) for tok in found]
        for tok in found:
            tok.role = role_of(tok.text) if tok.kind == "text" else None
        out.extend(found)
    return out


def _page_margins(blocks: Sequence[Block]) -> set[int]:
    """The indexes of the paragraphs that are a page's number (- 3 -, 第3页), or a running header: the same text
    right after a page number twice or more.
    """
    pages = [i for i, b in enumerate(blocks)  # (a bare number is a cell's as well as a page's: 10)
             if b.kind == "paragraph" and is_page_number(b.text.strip()) and not b.text.strip().isdigit()]
    if not pages:
        return set()
    after = [i + 1 for i in pages if i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph"]
    counts = Counter(blocks[i].text.strip() for i in after)
    return set(pages) | {i for i in after if counts[blocks[i].text.strip()] >= 2}


# markdown emphasis around a cell or a title (**甲项目支出绩效自评表**, __合计__): read as the words inside it
_EMPHASIS_OPEN = re.compile(r"^[*_]+\s*")
_EMPHASIS_CLOSE = re.compile(r"\s*[*_]+$")


def _unmarked(tok: Token) -> Token:
    """The token without the emphasis marks around its words, where words remain."""
    opening = _EMPHASIS_OPEN.match(tok.text)
    lead = opening.end() if opening else 0
    inner = _EMPHASIS_CLOSE.sub("", tok.text[lead:])
    if inner == tok.text or not inner:
        return tok
    return Token(inner, tok.block, tok.start + lead, kept=tok.kept, glued=tok.glued)


# --- headers ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    role: str  # a role of vocab, or "money" for a lettered column without a role word
    letter: str = ""
    formula: tuple[str, str] | None = None  # numerator and denominator letters
    at: int = 0  # the token that names it


EXEC_ROLES = {"initial", "adjusted", "executed", "rate"}
USEFUL = {"weight", "score", "executed", "rate", "adjusted", "initial"}
MONEY_ROLES = {"initial", "adjusted", "executed", "budget", "balance", "money"}
_GAP = 3  # tokens that may stand between two header words of one header (a unit, a stray label)


def _letter_of(key: str) -> tuple[str, tuple[str, str] | None]:
    f = _FORMULA.search(key)
    if f:
        return "", (f.group(1), f.group(2))
    m = _LETTER.search(key)
    return (m.group(1), None) if m else ("", None)


def header_runs(toks: Sequence[Token]) -> list[tuple[int, int, list[Column]]]:
    """(first token, token after the last, columns) of every header run: header words one after another, with
    at most a few tokens between two of them (a unit, a stray label or figure of a jumbled copy).
    """
    out: list[tuple[int, int, list[Column]]] = []
    i = 0
    while i < len(toks):
        if not _names_column(toks, i):
            i += 1
            continue
        last, j = i, i + 1
        while j < len(toks):
            if _opens_row(toks, j, last):
                break  # 预算执行率 10 9.5 on a line of its own: a row's label, not one more header
            if _names_column(toks, j) or _bracket(toks[j]):
                last, j = j, j + 1
                continue
            window = range(j + 1, min(j + 1 + _GAP, len(toks)))
            ahead = next((k for k in window if _names_column(toks, k)), None)
            if ahead is None or any(len(toks[k].key) > 24 for k in range(j, ahead)):
                break
            j = ahead
        columns = _columns(toks, i, last + 1)
        roles = {c.role for c in columns}
        # at least two columns told apart: one word in adjacent cells (预算执行率 | 预算执行率, a merged label)
        # or two words of one role (预算执行率 | 执行率) are a row's labels, not a header
        distinct = {(c.role, c.letter, c.formula) for c in columns}
        if len(distinct) >= 2 and (roles & USEFUL or any(c.formula for c in columns)):
            out.append((i, last + 1, columns))
            i = last + 1
        else:
            i += 1
    return out


def _opens_row(toks: Sequence[Token], j: int, last: int) -> bool:
    """Token j stands in a line after the header's (`last`) and figures follow it on that line: a row of data.

    Other labels may stand between it and the figures: a merged cell exported into each cell it spans
    (预算执行 | 预算执行率 | 预算执行率 | 100% …), a 三级 label under a 二级 one (预算执行率 | 执行率 | 100% …).
    """
    tok = toks[j]
    if tok.block is toks[last].block or tok.glued:
        return False
    k = j + 1
    while k < len(toks) and toks[k].block is tok.block and toks[k].kind == "text":
        k += 1
    return k < len(toks) and toks[k].block is tok.block and toks[k].kind != "text"


def _bracket(tok: Token) -> bool:
    return bool(re.fullmatch(r"[(][^()]{1,12}[)]", tok.key))


def _names_column(toks: Sequence[Token], i: int) -> bool:
    """A header word, or a text followed by a column letter (自筹资金数 (B))."""
    tok = toks[i]
    if tok.role is not None:
        return True
    if tok.kind != "text" or len(tok.key) > 24:
        return False
    letter, formula = _letter_of(tok.key)
    if letter or formula:
        return True
    return i + 1 < len(toks) and any(_letter_of(toks[i + 1].key)) and _bracket(toks[i + 1])


def _columns(toks: Sequence[Token], lo: int, hi: int) -> list[Column]:
    out: list[Column] = []
    for i in range(lo, hi):
        tok = toks[i]
        letter, formula = _letter_of(tok.key)
        if _bracket(tok):
            if out and out[-1].at == i - 1 and (letter or formula):
                prev = out[-1]
                role = "rate" if formula else prev.role
                out[-1] = Column(role, letter or prev.letter, formula or prev.formula, prev.at)
            continue
        if tok.role is not None:
            out.append(Column("rate" if formula else tok.role, letter, formula, i))
        elif _names_column(toks, i):
            out.append(Column("rate" if formula else "money", letter, formula, i))
    return out


# --- reading rows -----------------------------------------------------------------------------------------
Ref = tuple[int, int, int]  # token, start and end of the piece within its text
Record = tuple[Ref | None, ...]
Key = tuple[int, int, bool]  # token, offset in it, whether the next row is the block's first
Edge = tuple[Record, Key]  # a row and where the reading goes on after it


@dataclass
class _Rows:
    """Every reading of the tokens [lo, hi) as rows under `columns` (the data columns of a header)."""

    toks: Sequence[Token]
    lo: int
    hi: int
    columns: list[Column]
    scored: bool  # an indicator block: every row has a weight
    memo: dict[Key, tuple[int, tuple[Edge, ...]] | None] = field(default_factory=dict)
    cap: Decimal | None = None  # the weight over the whole block (绩效指标(90分)), if one is written
    kept: bool = field(init=False)  # empty cells are cells: no column may be skipped inside a row
    glued: bool = field(init=False)
    caps: list[Decimal | None] = field(init=False)  # per token: the first-level category weight over it

    def __post_init__(self) -> None:
        span = self.toks[self.lo:self.hi]
        self.kept = 2 * sum(t.kept for t in span) > len(span)
        self.glued = any(t.glued for t in span)
        self.caps, cap = [], self.cap
        for tok in span:
            m = WEIGHT_MARK.search(tok.text) if tok.kind == "text" else None
            if m and opens_with(tok.text, "levels.first"):
                cap = Decimal(m.group(1))
            self.caps.append(cap)

    def readings(self) -> list[list[Record]] | None:
        """Per row, every way the readings with the fewest rows read it (None: the tokens cannot be read).

        Rows are as long as the header lets them be: figures are not cut into two rows with no label
        between them where one row can hold them.
        """
        for i in range(self.hi - 1, self.lo, -1):  # from the end, so that no call recurses far
            for first in (False, True):
                self._best((i, 0, first))
        start: Key = (self.lo, 0, True)
        best = self._best(start)
        if best is None:
            return None
        rows: list[list[Record]] = []
        frontier = {start}
        for _ in range(best[0]):
            edges = {edge for key in frontier for edge in (self._best(key) or (0, ()))[1]}
            rows.append(sorted({record for record, _ in edges}, key=_order))
            frontier = {key for _, key in edges}
        return rows

    def _best(self, key: Key) -> tuple[int, tuple[Edge, ...]] | None:
        """The fewest rows a reading from `key` to the end has, and the first row of each such reading."""
        if key in self.memo:
            return self.memo[key]
        i, off, first = key
        result: tuple[int, tuple[Edge, ...]] | None = (0, ()) if i >= self.hi else None
        if i < self.hi:
            options: list[tuple[int, tuple[Edge, ...]]] = []
            tok = self.toks[i]
            if off == 0 and tok.kind in ("text", "blank", "dash"):  # a label, or a cell no row reads
                skip = self._best((i + 1, 0, first))
                if skip is not None:
                    options.append(skip)
            if tok.role is None:
                for record, (ni, noff) in self._fill(i, off, 0, ()):
                    if self._valid(record, first):
                        rest = self._best((ni, noff, False))
                        if rest is not None:
                            options.append((rest[0] + 1, ((self._signature(record), (ni, noff, False)),)))
            if options:
                fewest = min(n for n, _ in options)
                edges = dict.fromkeys(e for n, es in options if n == fewest for e in es)
                result = (fewest, tuple(edges))
        self.memo[key] = result
        return result

    def _signature(self, record: Record) -> Record:
        """The row as readings are told apart: an empty cell is no cell."""
        return tuple(r if r is not None and _kind(self.cell(r)) not in ("blank", "dash") else None
                     for r in record)

    def _fill(self, i: int, off: int, c: int, acc: Record) -> Iterator[tuple[Record, tuple[int, int]]]:
        n = len(self.columns)
        if c == n:
            if off == 0:  # what is left of a glued run belongs to the same row
                yield acc, (i, off)
            return
        if any(acc) and off == 0 and self._may_end(i, off, c):
            yield acc + (None,) * (n - c), (i, off)  # the row ends early: merged or lost cells at its end
        if not self.kept:
            yield from self._fill(i, off, c + 1, acc + (None,))  # an empty cell the layout lost
        if i >= self.hi:
            return
        tok = self.toks[i]
        if tok.role is not None:
            return
        column = self.columns[c]
        rest = tok.text[off:]
        if tok.glued and tok.kind != "text" and off < len(tok.text):
            for end in _pieces(tok.text, off):
                piece = tok.text[off:end]
                if _fits(column.role, _key(piece)):
                    nxt = (i, end) if end < len(tok.text) else (i + 1, 0)
                    yield from self._fill(nxt[0], nxt[1], c + 1, acc + ((i, off, end),))
            return
        if off:
            return
        if tok.glued and tok.kind == "text":
            # one glued text may hold several text cells in a row (明显改善明显改善: target and result)
            k = c
            while k < n and _fits(self.columns[k].role, tok.key):
                covered = acc + ((i, 0, len(tok.text)),) + (None,) * (k - c)
                yield from self._fill(i + 1, 0, k + 1, covered)
                k += 1
            return
        if rest and _fits(column.role, tok.key) or tok.kind == "blank" and self.kept:
            yield from self._fill(i + 1, 0, c + 1, acc + ((i, 0, len(tok.text)),))

    def _may_end(self, i: int, off: int, c: int) -> bool:
        """A row ends before its last column only where a label follows, the text ends, or what is left of
        the row is words (a reason no one wrote).
        """
        if i >= self.hi or off == 0 and self.toks[i].kind == "text":
            return True
        return all(col.role in _WORDS for col in self.columns[c:])

    def _valid(self, record: Record, first: bool) -> bool:
        filled = {self.columns[c].role: self.cell(r) for c, r in enumerate(record) if r is not None}
        values = [v for v in filled.values() if _kind(v) not in ("blank", "dash")]
        if not values or not any(_kind(v) in ("num", "pct", "qty") for v in values):
            return False
        shown = [self.columns[c] for c, r in enumerate(record)
                 if r is not None and _kind(self.cell(r)) not in ("blank", "dash")]
        present = {col.role for col in shown}
        letters = {col.letter for col in shown if col.letter}
        roles = {c.role for c in self.columns}
        for c, r in enumerate(record):  # a stated rate needs what it divides
            col = self.columns[c]
            if r is None or col.role != "rate" or _kind(self.cell(r)) in ("blank", "dash"):
                continue
            if col.formula and not set(col.formula) <= letters:
                return False
            if not col.formula and _DIVIDED <= roles and not _DIVIDED <= present:
                return False
        needs: set[str] = set()
        if self.scored:
            needs.add("weight")
            if not self.kept:
                needs.add("score")
        elif first and not self.kept:
            needs |= {"weight", "score"}  # the total row of a 预算执行 block carries its weight and score
        if not needs & roles <= present:
            return False
        if "rowno" in roles and "rowno" not in present:
            return False
        cap = self.caps[min(r[0] for r in record if r is not None) - self.lo]
        if cap is not None and "weight" in present and Decimal(_digits(filled["weight"])) > cap:
            return False  # no row weighs more than the first-level category it stands under
        if self.glued and {"weight", "score"} <= present:
            if Decimal(_digits(filled["score"])) > Decimal(_digits(filled["weight"])):
                return False  # a split of glued digits that makes a score exceed its weight is not a reading
        if self.glued and {"target", "actual"} <= present:
            if (_kind(filled["target"]) == "text") != (_kind(filled["actual"]) == "text"):
                return False  # glued, a target and its result are both words or both figures
        return True

    def cell(self, ref: Ref) -> str:
        i, a, b = ref
        return _key(self.toks[i].text[a:b])


_NUMERIC = {"weight", "score", "rate", "rowno", "balance_rate"} | MONEY_ROLES
_WORDS = {"reason", "unit", "op"}
_DIVIDED = {"executed", "adjusted"}  # what 执行率 divides when its header states no formula


def _digits(key: str) -> str:
    m = re.search(r"\d+(?:\.\d+)?", key.replace(",", ""))
    return m.group() if m else "0"


def _pieces(text: str, off: int) -> Iterator[int]:
    """Where the figure that opens `text[off:]` may end when figures were glued together: digits without a
    leading zero on either side of the cut; the last figure takes the unit after the digits.
    """
    m = re.match(r"([≥≤=<>≧≦]=?)?(\d+(?:\.\d+)?)", text[off:])
    if m is None:
        return
    start = off + len(m.group(1) or "")
    end_digits = off + m.end()
    point = text.find(".", start, end_digits)
    for end in range(start + 1, end_digits + 1):
        piece = text[start:end]
        if point >= 0 and point <= end < end_digits or len(piece) > 1 and piece[0] == "0" and piece[1] != ".":
            continue  # a decimal part stays with its figure
        if end == end_digits:
            yield len(text)
            continue
        rest = text[end:end_digits]
        if rest[0] == "." or len(rest) > 1 and rest[0] == "0" and rest[1] != ".":
            continue
        yield end


def _fits(role: str, key: str) -> bool:
    kind = _kind(key)
    if kind == "dash" or kind == "blank":
        return True  # an empty cell stands in any column (a row that needs the figure is judged whole)
    if role == "weight":
        return kind == "num" and Decimal(0) < Decimal(key.replace(",", "")) <= 100
    if role == "score":
        return kind == "num" and Decimal(0) <= Decimal(key.replace(",", "")) <= 100
    if role in MONEY_ROLES:
        return kind == "num"
    if role in ("rate", "balance_rate"):
        return kind == "pct" and Decimal(key.rstrip("%").replace(",", "")) <= 1000 or \
            kind == "num" and Decimal(key.replace(",", "")) <= 2
    if role == "rowno":
        return kind == "num" and key.isdigit() and len(key) <= 3
    if role == "op":
        return key in words("cells.ops")
    if role == "unit":
        return kind == "text" and len(key) <= 8 and not any(ch.isdigit() for ch in key)
    if role in ("target", "actual"):
        return len(key) <= 40
    if role == "reason":  # words, which may open with a figure (2个站点运营滞后), never a bare quantity
        return kind == "text" or kind == "qty" and len(_LEADING_FIGURE.sub("", key)) >= _REASON_WORDS
    return False


@dataclass(frozen=True)
class Agreed:
    """A row as all readings agree on it: a cell per column (None where empty or where readings differ), the
    columns they differ on, and the first and last token of the row (in the first reading).
    """

    cells: list[Ref | None]
    differ: set[int]
    first: int
    last: int


def _order(record: Record) -> list[Ref]:
    return [ref or (-1, -1, -1) for ref in record]


def _agreed(rows: _Rows) -> list[Agreed] | None:
    """Per row: the cell of each column all readings agree on (None where they differ or it is empty) and the
    columns they differ on; None when no reading fits or the readings disagree on a scored row's weight or
    score.
    """
    readings = rows.readings()
    if not readings:
        return None
    out: list[Agreed] = []
    for records in readings:
        cells: list[Ref | None] = []
        differ: set[int] = set()
        refs_of_row = [ref[0] for ref in records[0] if ref is not None]
        if not refs_of_row:
            return None
        for c, column in enumerate(rows.columns):
            refs = [r[c] for r in records]
            if column.role in _NUMERIC:
                values = {rows.cell(ref) if ref is not None else "" for ref in refs}
                if len(values) == 1:
                    cells.append(refs[0])
                    continue
                if rows.scored and column.role in ("weight", "score"):
                    return None
                differ.add(c)
                cells.append(None)
            else:
                cells.append(refs[0] if len(set(refs)) == 1 else None)
        out.append(Agreed(cells, differ, min(refs_of_row), max(refs_of_row)))
    return out


# --- sections and tables ----------------------------------------------------------------------------------
@dataclass
class _Section:
    lo: int  # first token of the header
    body: int  # first token after the header
    hi: int
    columns: list[Column]
    exec_kind: bool


@dataclass
class _Draft:
    sections: list[_Section] = field(default_factory=list)
    start: int = 0


def read_flat(document: Document, first_index: int,
              unit_default: str) -> tuple[list[ScoreTable], list[StatedWeight]]:
    """Every score table flattened into the document's text (indices from `first_index`; money in
    `unit_default` where the table names no unit) and the category weights its note states.
    """
    toks = tokens(document)
    if not toks:
        return [], []
    runs = header_runs(toks)
    if not runs:
        return [], []
    tables: list[ScoreTable] = []
    stated: list[StatedWeight] = []
    drafts = _drafts(toks, runs)
    for draft in drafts:
        table = _table(toks, draft, first_index + len(tables), unit_default)
        if table is not None:
            tables.append(table)
            stated.extend(_stated(toks, draft, table))
    return tables, stated


def _is_title(tok: Token) -> bool:
    return tok.kind == "text" and len(tok.key) <= 40 and bool(_TITLE.search(tok.key)) and not tok.glued


def _drafts(toks: Sequence[Token], runs: list[tuple[int, int, list[Column]]]) -> list[_Draft]:
    sections = []
    for n, (lo, body, columns) in enumerate(runs):
        nxt = runs[n + 1][0] if n + 1 < len(runs) else len(toks)
        exec_kind = bool({c.role for c in columns} & EXEC_ROLES or any(c.formula for c in columns))
        hi = _section_end(toks, body, nxt, exec_kind)
        sections.append(_Section(lo, body, hi, columns, exec_kind))
    drafts: list[_Draft] = []
    prev_hi = 0
    for sec in sections:
        title_between = any(_is_title(toks[k]) for k in range(prev_hi, sec.lo))
        cur = drafts[-1] if drafts else None
        if cur is None or title_between or (sec.exec_kind and cur.sections) or \
                (not sec.exec_kind and any(not s.exec_kind for s in cur.sections)):
            drafts.append(_Draft([sec], prev_hi))
        else:
            cur.sections.append(sec)
        prev_hi = sec.hi
    return drafts


def _section_end(toks: Sequence[Token], body: int, nxt: int, exec_kind: bool) -> int:
    """Where the rows under a header end: after the 其他资金 row of a 预算执行 block, at an indicator block's
    total row, at a title, at a long text, or at the next header.
    """
    for k in range(body, nxt):
        tok = toks[k]
        if tok.kind != "text":
            continue
        if _is_title(tok):
            return k
        if exec_kind and (is_row(tok.text, "rows.fund_other") or opens_with(tok.text, "rows.fund_other")):
            end = k + 1
            while end < nxt and toks[end].kind in ("num", "pct", "dash", "blank"):
                end += 1
            return end
        if not exec_kind and is_row(tok.text, "rows.score_total"):
            return k
        if len(tok.key) >= _NARRATIVE and not tok.kept:
            return k
    return nxt


_BRACKETED_UNIT = re.compile(rf"[(]({'|'.join(lexicon_words('units.money'))})[)]")


def _unit(toks: Sequence[Token], lo: int, hi: int, default: str) -> str:
    """The money unit a header or a line before it states in brackets (年度预算数(万元))."""
    for tok in toks[lo:hi]:
        m = _BRACKETED_UNIT.search(tok.key)
        if m:
            return m.group(1)
    return default


def _table(toks: Sequence[Token], draft: _Draft, index: int, unit_default: str) -> ScoreTable | None:
    title, project = _title_and_project(toks, draft.start, draft.sections[0].lo)
    unit = _unit(toks, draft.start, draft.sections[0].body, default=unit_default)
    execution: Execution | None = None
    funds: list[Execution] = []
    closed = False
    indicators: list[Indicator] = []
    categories: list[Category] = []
    subtotals: list[Subtotal] = []
    total_weight = total_score = None
    has_score = False
    for sec in draft.sections:
        data = [c for c in sec.columns if c.role != "level"]
        has_score = has_score or any(c.role == "score" for c in data)
        before = _category_before(toks, sec.lo, title, index)
        if sec.exec_kind:
            read = _read_exec(toks, sec, data, unit, title, index)
            if read is None:
                continue
            execution, funds, closed = read
            if before is not None and execution.weight is not None:
                categories.append(Category(before.row, before, (execution.weight,), True))
            continue
        rows = _Rows(toks, sec.body, sec.hi, data, scored=any(c.role == "weight" for c in data),
                     cap=before.figure.decimal if before is not None else None)
        if not rows.scored:
            continue
        agreed = _aligned(toks, sec, data) or _agreed(rows)
        if agreed is None:
            continue
        found = _indicators(toks, rows, agreed, title, index, subtotals)
        total = _total(toks, sec, data, title, index)
        if total is None and found and not any(_label_tokens(toks, rows, agreed, len(found) - 1)):
            total = _unlabelled_total(toks, sec, found, execution)
            if total is not None:
                found = found[:-1]
        indicators.extend(ind for ind, _ in found)
        if total is not None:
            total_weight, total_score = total
        closed_by_total = total is not None
        categories.extend(_categories(toks, found, before, closed_by_total))
    if execution is None and not indicators:
        return None
    first = draft.sections[0]
    section = toks[first.lo].block.section
    department = is_department(title, project)
    start = next((k for k in range(draft.start, first.lo) if _is_title(toks[k])), first.lo)
    end = draft.sections[-1].hi
    while end < len(toks) and toks[end].kept and toks[first.lo].kept and not _is_title(toks[end]):
        end += 1  # the cells after the last row block (合计, 评价结论 …) belong to the table too
    last = max([_place(toks[max(end - 1, start)]),  # (and the total row, read below the rows: 总分 … 100 95)
                *((f.figure.location.page or 0, f.figure.location.line or 0) for f in (total_weight, total_score)
                  if f is not None)])
    extent = (_place(toks[start]), last)
    return ScoreTable(index=index, title=title, project=project, department=department,
                      indicators=tuple(indicators), execution=execution, categories=tuple(categories),
                      total_weight=total_weight, total_score=total_score, has_score_column=has_score,
                      first_line=toks[first.lo].location().line or 0, section=section,
                      funds=tuple(funds), funds_closed=closed, extent=extent, subtotals=tuple(subtotals))


def _place(tok: Token) -> tuple[int, int]:
    loc = tok.location()
    return (loc.page or 0, loc.line or 0)


def _title_and_project(toks: Sequence[Token], lo: int, hi: int) -> tuple[str, str]:
    title = project = ""
    for k in range(lo, hi):
        tok = toks[k]
        if _is_title(tok):
            title = tok.text.strip()
        if is_row(tok.text, "rows.project_name") and k + 1 < hi and toks[k + 1].kind == "text":
            project = project_name(toks[k + 1].text)
    return title, project


def _fact(toks: Sequence[Token], ref: Ref, role: str, row: str, unit: str, title: str,
          index: int) -> Fact | None:
    i, a, b = ref
    tok = toks[i]
    key = _key(tok.text[a:b])
    kind = _kind(key)
    if kind not in ("num", "pct"):
        return None
    pct = kind == "pct"
    q = parse_number(key.rstrip("%"), "%" if pct else (unit if role in MONEY_ROLES else ""))
    fig = Figure(value=q.digits(), unit=q.unit, text=tok.text[a:b].strip(),
                 subject=f"{row}·{role}".strip("·"), location=tok.location(a))
    return Fact(figure=fig, row=row, column=role, table=index, title=title)


def _category_before(toks: Sequence[Token], lo: int, title: str, index: int) -> Fact | None:
    """A weight written over a whole block just before its header: 预算执行情况(10分), 绩效指标(90分); not one in
    the text above the table's title, nor one inside a sentence (自评得分94分，其中：投入指标（40分）得分38分。).
    """
    start = max(0, lo - 3)
    start = max([start, *(k + 1 for k in range(start, lo) if _is_title(toks[k]))])
    for k in range(start, lo):
        m = WEIGHT_MARK.search(toks[k].text)
        if m and toks[k].kind == "text" and not _SENTENCE_END.search(toks[k].text):
            return _label_weight(toks[k], m, title, index)
    return None


def _label_weight(tok: Token, m: re.Match[str], title: str, index: int) -> Fact:
    """The weight a label carries (产出指标(50分)): the label up to the weight names the category."""
    q = parse_number(m.group(1))
    label = tok.text[: m.end()].strip()
    fig = Figure(value=q.digits(), text=m.group(), subject=label, location=tok.location(m.start()))
    return Fact(figure=fig, row=label, column="weight", table=index, title=title)


def _read_exec(toks: Sequence[Token], sec: _Section, data: list[Column], unit: str, title: str,
               index: int) -> tuple[Execution, list[Execution], bool] | None:
    body = sec.body
    while body < sec.hi and is_row(toks[body].text, "rows.column_numbers"):  # 列次 0 1 2 3 …
        body += 1
        while body < sec.hi and toks[body].kind == "num":
            body += 1
    rows = _Rows(toks, body, sec.hi, data, scored=False)
    agreed = _agreed(rows)
    if not agreed:
        return None
    records = []
    for n, row in enumerate(agreed):
        label = _label(toks, _label_tokens(toks, rows, agreed, n))
        records.append(_execution(toks, data, row.cells, row.differ, label, unit, title, index))
    if records[0].label and not is_row(records[0].label, "rows.fund_total"):
        return None  # the block does not open with its total: a part of it may stand first
    # a 其他资金 row with no figures has no record: the block still ends with it
    return records[0], records[1:], _section_closed(toks, sec)


def _section_closed(toks: Sequence[Token], sec: _Section) -> bool:
    return any(toks[k].kind == "text" and (is_row(toks[k].text, "rows.fund_other")
                                           or bool(opens_with(toks[k].text, "rows.fund_other")))
               for k in range(sec.body, sec.hi))


def _execution(toks: Sequence[Token], data: list[Column], cells: list[Ref | None], differ: set[int],
               label: str, unit: str, title: str, index: int) -> Execution:
    by_role: dict[str, Fact] = {}
    by_letter: dict[str, Fact] = {}
    extra: list[tuple[str, Fact]] = []
    unknown = {data[c].letter or data[c].role for c in differ}
    for c, ref in enumerate(cells):
        if ref is None:
            continue
        col = data[c]
        fact = _fact(toks, ref, col.role, label, unit, title, index)
        if fact is None:
            continue
        if col.letter:
            by_letter[col.letter] = fact
        if col.role in ("money",) and col.letter:
            extra.append((col.letter, fact))
        elif col.role not in by_role and not col.formula:
            by_role[col.role] = fact
    ratios = []
    for c, ref in enumerate(cells):
        col = data[c]
        if ref is None or not col.formula:
            continue
        rate = _fact(toks, ref, "rate", label, unit, title, index)
        num, den = (by_letter.get(x) for x in col.formula)
        if rate is not None and num is not None and den is not None:
            ratios.append(Ratio(rate, num, den))
    rate = by_role.get("rate")
    if rate is None:
        formula_rates = [r.rate for r in ratios]
        rate = formula_rates[-1] if formula_rates else None
    return Execution(initial=by_role.get("initial"), adjusted=by_role.get("adjusted"),
                     executed=by_role.get("executed"), rate=rate, weight=by_role.get("weight"),
                     score=by_role.get("score"), label=label, ratios=tuple(ratios), extra=tuple(extra),
                     unknown=frozenset(unknown))


def _label_tokens(toks: Sequence[Token], rows: _Rows, agreed: list[Agreed], n: int) -> list[int]:
    """The text tokens between the row before row n and row n: the row's labels (a header word among them too: a
    row may be named 预算执行率). Text in the line of the row before, after its figures, is that row's (its 偏差原因
    or 佐证 cell), no label of this one.
    """
    lo = agreed[n - 1].last + 1 if n > 0 else rows.lo
    before = toks[agreed[n - 1].last].block if n > 0 else None
    if before is toks[agreed[n].first].block:
        before = None  # (the two rows in one line: cells glued together, no line to tell them apart)
    return [k for k in range(lo, agreed[n].first) if toks[k].kind == "text" and toks[k].block is not before]


def _label(toks: Sequence[Token], ks: list[int]) -> str:
    return toks[ks[-1]].text.strip() if ks else ""


def _indicators(toks: Sequence[Token], rows: _Rows, agreed: list[Agreed], title: str, index: int,
                subtotals: list[Subtotal] | None = None) -> list[tuple[Indicator, list[int]]]:
    """The indicator rows with their label tokens; the 小计 rows whose rows are known go to `subtotals`."""
    out: list[tuple[Indicator, list[int]]] = []
    opened = 0  # where the rows a 小计 may close begin: after the last 小计
    for n, row in enumerate(agreed):
        cells = row.cells
        labels = _label_tokens(toks, rows, agreed, n)
        label = _label(toks, labels)
        by_role = {rows.columns[c].role: ref for c, ref in enumerate(cells) if ref is not None}
        if closes_with(label, "rows.subtotal"):
            # (a category's subtotal, no indicator: below its rows, it adds up those since its category's
            # first-level label; on that label's own row (产出指标 | 小计 | …), which rows follow is not known)
            if subtotals is not None and not any(opens_with(toks[k].text, "levels.first") for k in labels):
                start = next((i for i in range(len(out) - 1, opened - 1, -1) if out[i][1]
                              and opens_with(toks[out[i][1][0]].text, "levels.first")), None)
                covered = [ind for ind, _ in out[start:]] if start is not None else []
                weights = tuple(i.weight for i in covered if i.weight is not None)
                scores = tuple(i.score for i in covered if i.score is not None)
                stated = {r: _fact(toks, by_role[r], r, label, "", title, index) for r in ("weight", "score")
                          if r in by_role}
                if covered and len(weights) == len(scores) == len(covered):
                    subtotals.append(Subtotal(stated.get("weight"), stated.get("score"), weights, scores))
            opened = len(out)
            continue

        def text(role: str, by_role: dict[str, Ref] = by_role) -> str:
            ref = by_role.get(role)
            return toks[ref[0]].text[ref[1]:ref[2]].strip() if ref else ""

        weight, score = (_fact(toks, by_role[r], r, label, "", title, index) if r in by_role else None
                         for r in ("weight", "score"))
        target = text("target")
        op = text("op")
        if not op:  # a target that carries its comparison: ≥95%, >=1200人
            m = re.match(r"^\s*([≥≤=<>≧≦]=?)", target)
            op = m.group(1) if m else ""
        first = row.first
        out.append((Indicator(
            label=label, weight=weight, score=score, op=op, target=target, actual=text("actual"),
            unit=text("unit"),
            line=toks[first].location().line,
            unit_location=toks[by_role["unit"][0]].location() if "unit" in by_role else None,
            actual_location=toks[by_role["actual"][0]].location(by_role["actual"][1]) if "actual" in by_role
            else None), labels))
    return out


def _total(toks: Sequence[Token], sec: _Section, data: list[Column], title: str,
           index: int) -> tuple[Fact | None, Fact | None] | None:
    """The weight and score of the total row that ends an indicator block (合计 | 100 | 95)."""
    if sec.hi >= len(toks) or not is_row(toks[sec.hi].text, "rows.score_total"):
        return None
    aligned = _aligned_total(toks, sec, data, title, index)
    if aligned is not None:
        return aligned
    roles = [c.role for c in data if c.role in ("weight", "score")]
    k = sec.hi + 1
    while k < len(toks) and toks[k].kind == "dash" and not toks[k].kept:
        k += 1  # (总分 — — 100 98.50: dashes fill the columns of targets and results, which a total has none of)
    cells: list[Ref] = []
    while k < len(toks) and toks[k].kind in ("num", "blank", "dash") and len(cells) < 2:
        cells.append((k, 0, len(toks[k].text)))
        k += 1
    if len(cells) == 1 and toks[cells[0][0]].glued:
        splits = [(cells[0][0], 0, end) for end in _pieces(toks[cells[0][0]].text, 0)]
        pairs = []
        for ref in splits:
            a, b = _key(toks[ref[0]].text[:ref[2]]), _key(toks[ref[0]].text[ref[2]:])
            if b and _kind(a) == "num" and _kind(b) == "num" and not (len(b) > 1 and b[0] == "0") \
                    and Decimal(b) <= Decimal(a) <= 1000:
                pairs.append((ref, (ref[0], ref[2], len(toks[ref[0]].text))))
        if len(pairs) != 1:
            return None
        cells = list(pairs[0])
    elif not toks[sec.hi].kept and len([c for c in cells if toks[c[0]].kind == "num"]) != len(roles):
        return None  # a lost empty cell: the figure could be either
    figures: dict[str, Fact | None] = {}
    for role, ref in zip(roles, cells, strict=False):
        figures[role] = _fact(toks, ref, role, label_key(toks[sec.hi].text), "", title, index)
    return figures.get("weight"), figures.get("score")


def _aligned(toks: Sequence[Token], sec: _Section, data: list[Column]) -> list[Agreed] | None:
    """The rows of a block whose header and every row stand each in a line of their own with as many cells (a
    markdown or pipe table: | 产出指标 | 数量指标 | 甲1 | 60 | 60 |): each cell is its column's, no reading
    needed; None where the block is not so laid out.
    """
    h0 = _header_line(toks, sec)
    if h0 is None:
        return None
    header = toks[sec.lo].block
    width = sum(1 for t in toks[h0:sec.body + 1] if t.block is header)
    out: list[Agreed] = []
    k = sec.body
    while k < sec.hi and (sec.hi >= len(toks) or toks[sec.hi].block is not toks[k].block):  # (to the total row)
        line = list(range(k, next((j for j in range(k, len(toks)) if toks[j].block is not toks[k].block),
                                  len(toks))))
        if len(line) != width:
            return None
        cells: list[Ref | None] = [None if toks[line[0] + c.at - h0].kind in ("blank", "dash")
                                   else (line[0] + c.at - h0, 0, len(toks[line[0] + c.at - h0].text)) for c in data]
        filled = [ref[0] for ref in cells if ref is not None]
        if filled:
            out.append(Agreed(cells, set(), min(filled), max(filled)))
        k = line[-1] + 1
    return out or None


def _header_line(toks: Sequence[Token], sec: _Section) -> int | None:
    """The first token of the header's line where the header stands in one line of cells set apart by pipes
    (its empty cells kept), else None: only then does a cell's place in its line say its column.
    """
    if not toks[sec.lo].kept or toks[sec.body - 1].block is not toks[sec.lo].block:
        return None
    return _line_start(toks, sec.lo)


def _line_width(toks: Sequence[Token], k: int) -> int:
    """The number of cells in the line that opens with token k."""
    end = k
    while end < len(toks) and toks[end].block is toks[k].block:
        end += 1
    return end - k


def _line_start(toks: Sequence[Token], k: int) -> int:
    """The first token of token k's line."""
    while k > 0 and toks[k - 1].block is toks[k].block:
        k -= 1
    return k


def _aligned_total(toks: Sequence[Token], sec: _Section, data: list[Column], title: str,
                   index: int) -> tuple[Fact | None, Fact | None] | None:
    """The total row's weight and score where its cells stand in a line of their own under a header that stands
    in one line (合计|||100|98, | 合计 | | | 100 | 98 |): each in its column's place; None where the rows are
    not so laid out or the places hold no figure.
    """
    h0, row = _header_line(toks, sec), toks[sec.hi].block
    if h0 is None or not toks[sec.hi].kept or row is toks[sec.lo].block:
        return None
    r0 = _line_start(toks, sec.hi)
    if _line_width(toks, r0) != _line_width(toks, h0):
        return None  # a cell more or fewer than the header has: no place says its column
    figures: dict[str, Fact | None] = {}
    for c in data:
        k = r0 + c.at - h0
        if c.role in ("weight", "score") and k < len(toks) and toks[k].block is row and toks[k].kind == "num":
            figures[c.role] = _fact(toks, (k, 0, len(toks[k].text)), c.role, label_key(toks[sec.hi].text), "",
                                    title, index)
    return (figures.get("weight"), figures.get("score")) if figures else None


def _unlabelled_total(toks: Sequence[Token], sec: _Section, found: list[tuple[Indicator, list[int]]],
                      execution: Execution | None) -> tuple[Fact | None, Fact | None] | None:
    """A last row of bare weight and score (100 94), with no label of its own, is the total when the block
    ends with a total word and its weight is that of all the other rows together (no one indicator can weigh
    as much as all the others).
    """
    last, _ = found[-1]
    if last.weight is None or last.score is None or last.target or last.actual:
        return None
    if not any(is_row(t.text, "rows.score_total") for t in toks[sec.hi:sec.hi + 1]) and not any(
            is_row(t.text, "rows.score_total") for t in toks[sec.body:sec.hi]):
        return None
    others = sum((i.weight.figure.decimal for i, _ in found[:-1] if i.weight is not None), Decimal(0))
    if execution is not None and execution.weight is not None:
        others += execution.weight.figure.decimal
    if others != last.weight.figure.decimal:
        return None
    label = label_key(toks[sec.hi].text) if sec.hi < len(toks) else ""
    weight = Fact(last.weight.figure, label, "weight", last.weight.table, last.weight.title)
    score = Fact(last.score.figure, label, "score", last.score.table, last.score.title)
    return weight, score


def _categories(toks: Sequence[Token], found: list[tuple[Indicator, list[int]]], before: Fact | None,
                closed: bool) -> list[Category]:
    """Weights written into labels (产出指标(50分)) and over a block (绩效指标(90分)), with their rows.

    A first-level category (产出/效益/满意度指标) runs to the next first-level label; another to the next
    label with a weight at its level or above. A label's level is its place in its line where the text keeps
    empty cells (| | 预算配置（10分） | 指标 |: second; | 效益（20分） | 满意度 | | 20 |: first; one cell per line,
    every label is first, as before levels were read); where blanks were dropped, a row's labels stand
    right-aligned under the table's deepest row of labels. A category that runs off the end of the text without a
    total row is incomplete.
    """
    out: list[Category] = []
    if before is not None and found:
        members = tuple(i.weight for i, _ in found if i.weight is not None)
        out.append(Category(before.row, before, members, closed and len(members) == len(found)))
    index = found[0][0].weight.table if found and found[0][0].weight else 0
    title = found[0][0].weight.title if found and found[0][0].weight else ""
    # (row, category weight or None, first level, label, level: 0 for the leftmost column of labels)
    marks: list[tuple[int, Fact | None, bool, str, int]] = []
    # the weighted budget execution rows standing alone (预算执行率（10分）, no other label on its row): a block of
    # their own, never a row of the 产出/效益/满意度指标 category above them
    alone: set[int] = set()
    deepest = max((len(labels) for _, labels in found), default=0)
    for n, (_, labels) in enumerate(found):
        for j, k in enumerate(labels):
            tok = toks[k]
            m = WEIGHT_MARK.search(tok.text)
            first = opens_with(tok.text, "levels.first") is not None
            if m and len(labels) == 1 and opens_with(tok.text, "levels.execution") is not None:
                alone.add(len(marks))
            if m or first:
                level = k - _line_start(toks, k) if tok.kept else deepest - len(labels) + j
                marks.append((n, _label_weight(tok, m, title, index) if m else None, first, tok.text.strip(), level))
    # the budget execution rows named in their leftmost label cell (预算执行 | 预算执行率 | 预算执行率 | 10 | 10): a
    # block of their own too, whatever category stands above them
    executions = [n for n, (_, labels) in enumerate(found) if labels
                  and opens_with(toks[labels[0]].text, "levels.execution") is not None
                  and (labels[0] == _line_start(toks, labels[0]) if toks[labels[0]].kept
                       else len(labels) >= _full_depth(toks, found, deepest))]
    rows_of = {(n, label) for n, _, _, label, _ in marks}
    for pos, (n, weight, first, label, level) in enumerate(marks):
        if weight is None or (n - 1, label) in rows_of:
            continue  # a label repeated on every row of its block (a merged cell exported) opens it once
        end, bounded = len(found), closed
        for later_pos, (later_n, later_w, later_first, later_label, later_level) in enumerate(marks[pos + 1:], pos + 1):
            if later_n == n or (later_n - 1, later_label) in rows_of:
                continue  # this row, or a label repeated from the row above: no new block
            if later_first or (first and later_pos in alone) or (
                    not first and later_w is not None and later_level <= level):
                end, bounded = later_n, True
                break
        if (cut := next((e for e in executions if n < e < end), None)) is not None:
            end, bounded = cut, True
        covered = [i for i, _ in found[n:end]]
        members = tuple(i.weight for i in covered if i.weight is not None)
        complete = bounded and bool(covered) and len(members) == len(covered)
        out.append(Category(weight.row, weight, members, complete))
    return out + _unweighted(toks, found, marks, deepest, closed)


def _full_depth(toks: Sequence[Token], found: list[tuple[Indicator, list[int]]], deepest: int) -> int:
    """How many labels a row with its first-level cell filled has where blanks were dropped: the fewest such a row
    shows (a row may also carry a target or result in words, 健全 | 健全, that only looks like more labels).
    """
    full = [len(labels) for _, labels in found if labels and opens_with(toks[labels[0]].text, "levels.first")]
    return min(full, default=deepest)


def _unweighted(toks: Sequence[Token], found: list[tuple[Indicator, list[int]]],
                marks: list[tuple[int, Fact | None, bool, str, int]], deepest: int, closed: bool) -> list[Category]:
    """First-level labels without a weight (产出指标 on each of its rows, or once over a merged cell): each a category
    of its rows, to the next first-level label (or the total row). A row without a first-level label goes on with
    the label above only where its labels stand one level in (its first-level cell blank, as a merged cell
    exports); a row read otherwise leaves the category incomplete, and so does a label opening two blocks.
    """
    weighted = {WEIGHT_MARK.sub("", label).strip() for _, w, first, label, _ in marks if w is not None and first}
    on_row: dict[int, set[str]] = {}
    for n, weight, first, label, _ in marks:
        if first:
            on_row.setdefault(n, set()).add(label if weight is None else "")
    depth = _full_depth(toks, found, deepest)
    runs: list[tuple[str, list[int], bool]] = []  # label, its rows, every row read clearly
    bounded: list[bool] = []
    current: int | None = None
    for n, (_, labels) in enumerate(found):
        names = on_row.get(n)
        if names:
            label = next(iter(names)) if len(names) == 1 else ""
            if current is not None and label and runs[current][0] == label:
                runs[current][1].append(n)
                continue
            if current is not None:
                bounded[current] = True
            current = None
            if label:
                runs.append((label, [n], True))
                bounded.append(False)
                current = len(runs) - 1
            continue
        if current is None:
            continue
        first_tok = toks[labels[0]] if labels else None
        inward = first_tok is not None and (
            labels[0] - _line_start(toks, labels[0]) == 1 if first_tok.kept else len(labels) == depth - 1)
        label, rows, _ = runs[current]
        rows.append(n)
        if not inward:
            runs[current] = (label, rows, False)
    if current is not None:
        bounded[current] = closed
    counts: dict[str, int] = {}
    for label, _, _ in runs:
        counts[label] = counts.get(label, 0) + 1
    out = []
    for (label, rows, clear), ends in zip(runs, bounded, strict=True):
        if WEIGHT_MARK.sub("", label).strip() in weighted:
            continue
        members = tuple(w for n in rows if (w := found[n][0].weight) is not None)
        complete = ends and clear and counts[label] == 1 and len(members) == len(rows)
        out.append(Category(label, None, members, complete))
    return out


def _stated(toks: Sequence[Token], draft: _Draft, table: ScoreTable) -> list[StatedWeight]:
    """The weights a note under the table states for its categories (注：…产出指标40分、效益指标40分…)."""
    names = {WEIGHT_MARK.sub("", c.label).strip(): c for c in table.categories}
    if table.execution is not None and table.execution.weight is not None:
        for word in words("levels.execution"):
            names.setdefault(word, Category(word, table.execution.weight, (table.execution.weight,), True))
    names = {n: c for n, c in names.items() if n}
    if not names:
        return []
    opener = re.compile("(?:" + "|".join(re.escape(w) for w in words("rows.note")) + r")\s*[:：]")
    links = "|".join(re.escape(w) for w in words("cells.weight_links"))
    pattern = re.compile("(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + rf")(?:{links}){{0,2}}\s*(\d+(?:\.\d+)?)\s*分")
    end = draft.sections[-1].hi
    blocks: list[tuple[Block, int]] = []
    for tok in toks[end:end + 40]:
        if blocks and tok.block is blocks[-1][0]:
            continue
        if not blocks:
            m = opener.search(tok.block.text, tok.start)
            if m is None or tok.block.text[tok.start:m.start()].strip(" |…."):
                continue
            blocks.append((tok.block, m.end()))
        elif _is_title(tok):
            break
        else:
            blocks.append((tok.block, 0))
    out: list[StatedWeight] = []
    for block, start in blocks[:4]:
        for m in pattern.finditer(block.text, start):
            q = parse_number(m.group(2))
            fig = Figure(value=q.digits(), text=m.group(0), subject=m.group(1),
                         location=block.location(m.start(2)))
            out.append(StatedWeight(m.group(1), Fact(fig, m.group(1), "weight", table.index, table.title),
                                    table.index, table.section))
    return out
