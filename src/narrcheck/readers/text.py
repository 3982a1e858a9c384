"""Reader for the corpus's plain-text export of Word files, and for plain text pasted from PDF files.

Format: each non-blank line outside a table is a paragraph, except in text hard-wrapped inside its sentences
(pasted from a PDF: see `_full_width`), where a full line that does not end a sentence runs on into the next.
A table cell is a line that starts with a TAB (after at most three spaces); consecutive cell lines form a row
and a blank line ends the row; two blank lines end the table. A line without a TAB right after a cell
continues that cell, and so does one after a single blank line when a cell line comes back before the next
two blank lines (a paragraph break inside a cell). Markers such as `[bookmark: _Toc123]` and
`[image: image9]` are not text: they are removed, and the columns of the text around them are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from narrcheck.lexicon import alt, words
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

    width = _full_width(lines)
    joined: set[int] = set()  # lines already read into a paragraph that began on an earlier line

    for no, line in enumerate(lines, start=1):
        if no in joined:
            prev_blank = False
            blank_run = 0
            continue
        blank = not line.strip() or ("[" in line and not "".join(p for p, _ in segments(line)).strip())
        cell = _cell_line(line)
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
            not prev_blank or (_next_is_cell(lines, no) and not _HEADING.match(line))
        ):
            table.rows[-1][-1].add_line(no, line, 0)
            table.row_open = True
        else:
            close_table()
            run = _wrapped_run(lines, no, width) if width else _broken_figure_run(lines, no)
            joined.update(abs(n) for n in run[1:])
            body, textmap = _build(_paragraph_pieces(lines, run))
            blocks.append(Block(kind="paragraph", text=body, textmap=textmap, index=len(blocks)))
            for page_line in _skipped(run):  # a page number or header read past stays a paragraph of its own
                body, textmap = _build([(piece, page_line, col) for piece, col in segments(lines[page_line - 1])])
                blocks.append(Block(kind="paragraph", text=body, textmap=textmap, index=len(blocks)))
        prev_blank = blank and not cell
        if not blank:
            blank_run = 0
    close_table()
    return blocks


# ------------------------------------------------------------------------------------- hard-wrapped text
#
# Text pasted from a PDF breaks lines where the page's right margin fell, inside sentences, figures and words.
# Such a document shows it: many of its lines have about the same display width (CJK counts 2, other
# characters 1), the width of the page, and most of those full lines do not end a sentence. A Word export
# (one paragraph per line) does not: its lines are as long as their paragraphs and end with 。.
# A line then runs on into the next when it is full (it would have held the next line's first word had the
# page been wider), does not end a sentence, and the next line starts no new item.

# A line ends a sentence or a clause with one of these, perhaps followed by closing quotes or brackets. A colon
# does not end one: a full line ending with it runs on (a lead-in before a list of items on lines of their own
# is shorter than a full line, or the items start with their enumerators).
_TERMINAL = re.compile("[。；！？;!?．](?:[”’」』）)】〕》]*)$|(?<=[\u4e00-\u9fff])\\.$")
# A line that surely stops mid-sentence (for telling wrapped text) ends in an ideograph, a comma or a 、.
_OPEN_ENDS = frozenset("，,、")
# A full line ending with a semicolon runs on too: a paragraph ends with a full stop, and where a list's items
# stand on lines of their own, they open with their enumerators (see `_NEW_ITEM`).
_SENTENCE_END = re.compile("[。！？!?．](?:[”’」』）)】〕》]*)$|(?<=[\u4e00-\u9fff])\\.$")
# A sentence that continues the one before it (其中…): it never opens a paragraph.
_CONTINUES = re.compile(rf"\s*{alt('lists.continuations')}")
# A line that starts or ends with a row of figures (a table flattened without its rules): never joined.
_FIGURES = r"[-+]?\d[\d,.]*%?(?:\s+[-+]?\d[\d,.]*%?)+"
_FIGURE_ROW_END = re.compile(_FIGURES + r"\s*$")
_FIGURE_ROW_START = re.compile(r"\s*" + _FIGURES + r"(?:\s|$)")
# The start of a new item: heading and list enumerators, a table or figure caption, bullets, a table row.
# a heading of the document's own (二、乙项目, 第二部分): after a table and a blank line it opens the text that
# follows, never a cell's wrapped words (a cell may hold its own numbered points: （二）…)
_HEADING = re.compile(r"\s*(?:第\s*[一二三四五六七八九十百\d]+\s*[部分章节]|[一二三四五六七八九十百]+\s*、)")
_NEW_ITEM = re.compile(
    r"""\s*(?:
        第\s*[一二三四五六七八九十百\d]+\s*[部分章节条款篇]
      | [一二三四五六七八九十百]+\s*[、.．,，]
      | [（(]\s*[一二三四五六七八九十百\d]+\s*[)）]
      | \d{1,2}\s*[、．]
      | \d{1,2}\.(?!\d)
      | [①-⑳⑴-⒇⒈-⒛❶-❿㈠-㈩]
      | (?:表|图|附件|附表)\s*[\d一二三四五六七八九十]
      | 附[件表录]
      | [—–-]{1,2}(?![\d\s])
      | [•●◆◇■□★☆▲►※]
      | \|
    )""",
    re.VERBOSE,
)
# A page number alone on its line: 13, - 3 -, 第 3 页, 3/10.
_PAGE_NUMBER = re.compile(r"\s*(?:\d{1,3}|[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                          r"|\d{1,4}\s*/\s*\d{1,4})\s*")
_FIRST_WORD = re.compile(r"[A-Za-z0-9.,%+\-/]+|.")
_ASCII_WORD_END = re.compile(r"[A-Za-z0-9%]$")
_ASCII_WORD_START = re.compile(r"[A-Za-z0-9]")
# Full lines: within this many columns of the page width (PDF fonts are proportional, justification varies).
_SLACK_MIN, _SLACK_SHARE = 4, 8
_MIN_FULL_LINES = 4
# A short paste (a paragraph or two) has fewer full lines: the widest line gives the width where two reach it and
# one of them ends no sentence, or where one alone surely stops mid-sentence or ends a clause (；); a page is wider
# than twenty ideographs and narrower than a hundred.
_SHORT_FULL_LINES, _SHORT_MIN_WIDTH, _SHORT_MAX_WIDTH = 2, 40, 200


def _width(text: str) -> int:
    """Display width: characters of three UTF-8 bytes or more (CJK, full-width forms, quotes, dashes) count 2."""
    return (len(text.encode("utf-8", "surrogatepass")) + len(text)) // 2


def _slack(width: int) -> int:
    return max(_SLACK_MIN, width // _SLACK_SHARE)


_SPACED_ROW = re.compile(r"\S {2,}\S.* {2,}\S")


def _prose(line: str) -> str:
    """A line's text without markers and trailing spaces, or '' when it is not prose (blank, a cell, a table row)."""
    if "\t" in line[:4] and CELL_LINE.match(line):
        return ""
    text = ("".join(p for p, _ in segments(line)) if "[" in line else line).rstrip()
    if not text or text[-1] == "|" or text.lstrip()[0] == "|" or text.count("|") >= 2 or "\t" in text.strip() \
            or _SPACED_ROW.search(text):
        return ""  # (a row of cells, | or TAB or runs of spaces apart)
    return text


def _cell_line(line: str) -> re.Match[str] | None:
    """The tab that opens a line holding one cell of a table exported one cell per line (the corpus's text export),
    else None; a line of two or more tab-separated cells (TAB 年初预算数 TAB 全年预算数…) is a row, read as text.
    """
    m = CELL_LINE.match(line) if "\t" in line[:4] else None
    if m is None or "\t" not in line[m.end():]:  # (most cell lines: one tab, before the cell)
        return m
    return None if sum(1 for piece in line.split("\t") if piece.strip()) >= 2 else m


def is_page_number(text: str) -> bool:
    """A line (or paragraph) that is only a page's number: 7, - 3 -, 第 3 页, 第3页 共12页, 3/12."""
    return len(text) <= 20 and _PAGE_NUMBER.fullmatch(text) is not None


def _full_width(lines: list[str]) -> int | None:
    """The width of a full line when the text is hard-wrapped inside its sentences, else None.

    The width is the one that the most prose lines reach within the slack. The text counts as wrapped when at
    least `_MIN_FULL_LINES` and 30% of its prose lines are that full, at most 15% are longer, and at least 40%
    of the full lines surely stop mid-sentence (`_ends_open`). A short paste (a paragraph or two) has fewer full
    lines: there the width is the widest line's, where a line that wide, a piece of a sentence (`_is_fragment`),
    stops mid-sentence (see `_SHORT_FULL_LINES`). Rows of figures (a table flattened into text) are no prose and
    are not counted.
    """
    widths: list[tuple[int, bool, str]] = []  # (width, surely open, the last character of a sentence's piece)
    for line in lines:
        text = _prose(line)
        if text and not is_page_number(text) and not _FIGURE_ROW_END.search(text) \
                and not _FIGURE_ROW_START.match(text):
            widths.append((_width(text), _ends_open(text), text[-1] if _is_fragment(text) else ""))
    if len(widths) < _SHORT_FULL_LINES:
        return None
    ordered = sorted(w for w, _, _ in widths)
    best, best_count = 0, 0
    for top in set(ordered):
        if top < 20:  # a page is wider than ten ideographs
            continue
        n = bisect_right(ordered, top) - bisect_left(ordered, top - _slack(top))
        if n > best_count or (n == best_count and top > best):
            best, best_count = top, n
    longer = sum(1 for w, _, _ in widths if w > best + _slack(best))
    open_full = sum(1 for w, is_open, _ in widths if best - _slack(best) <= w <= best + _slack(best) and is_open)
    if best_count >= max(_MIN_FULL_LINES, 0.3 * len(widths)) and longer <= 0.15 * len(widths) \
            and open_full >= max(3, 0.4 * best_count):
        return best
    widest = ordered[-1]  # a short paste
    if not _SHORT_MIN_WIDTH <= widest <= _SHORT_MAX_WIDTH:
        return None
    full = [(is_open, end) for w, is_open, end in widths if w >= widest - _slack(widest)]
    if len(full) >= _SHORT_FULL_LINES and any(end and not _SENTENCE_END.search(end) for _, end in full):
        return widest
    if any(end and (is_open or end in "；;") for is_open, end in full):
        return widest
    return None


def _ends_open(text: str) -> bool:
    """True when a line surely stops mid-sentence: it ends in an ideograph, a comma or a 、, or in a figure
    written against its word (…增加42.1), its unit not yet come.
    """
    end = text[-1]
    return "\u4e00" <= end <= "\u9fff" or end in _OPEN_ENDS or _ENDS_IN_DIGITS.search(text) is not None


_SENTENCE_MARK = re.compile("[，,；;：:。！？!?]")
_SENTENCE_SIGN = re.compile(r"[，,、；;：:]|\d\.\d|\d\s*(?:%|％|万|亿|元)")


def _is_fragment(text: str) -> bool:
    """A line that is a piece of a sentence: it holds a clause mark or an amount, and is no heading (七、…情况说明)
    nor a title (县水利局2023年度…绩效自评表), which may end in an ideograph and still end its paragraph.
    """
    return _SENTENCE_SIGN.search(text) is not None \
        and not (_NEW_ITEM.match(text) is not None and not _SENTENCE_MARK.search(text))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _runs_on(line: str, text: str, following: str, width: int) -> bool:
    """True when prose line `text` (the line `line` without markers) continues on the prose line `following`."""
    if (_SENTENCE_END.search(text) and not _CONTINUES.match(following)) or _NEW_ITEM.match(following) \
            or _indent(following) > _indent(line):
        return False
    if any(_FIGURE_ROW_END.search(t) or _FIGURE_ROW_START.match(t) for t in (text, following)):
        return False
    word = _FIRST_WORD.match(following.lstrip())
    first = word.group() if word else ""
    space = 1 if first.isascii() else 0
    return _width(text) + space + _width(first) >= width - _slack(width)


def _past_page_number(lines: list[str], nxt: int, width: int) -> tuple[int, list[int]]:
    """(the line a sentence may run on to from line `nxt`, the lines read past): a page number standing between
    the halves, alone or with blank lines around it (… 增长 / (blank) / - 3 - / (blank) / 9.82%), and the next
    page's running header after it (- 3 - / 某某局2024年度部门决算 / 9.82%).
    """
    k = nxt
    while k <= len(lines) and not lines[k - 1].strip():
        k += 1
    if k > len(lines) or k - nxt > 2 or not is_page_number(_prose(lines[k - 1]) or " "):
        return nxt, []
    page, k = k, k + 1
    while k <= len(lines) and not lines[k - 1].strip() and k - page <= 2:
        k += 1
    if k < len(lines) and _running_header(_prose(lines[k - 1]), width):
        header, k = k, k + 1
        while k <= len(lines) and not lines[k - 1].strip() and k - header <= 2:
            k += 1
        if k <= len(lines) and _prose(lines[k - 1]):
            return k, [page, header]
    return k, [page]


_HEADER_MARKS = re.compile(r"[，,；;：:。！？!?、]|\d\s*(?:%|％)")


def _running_header(text: str, width: int) -> bool:
    """True when a line after a page number is the next page's running header (某某局2024年度部门决算): shorter than
    a full line, no item and no clause of a sentence, no amount (a paragraph's last line has its 。 or its figure).
    """
    return bool(text) and not is_page_number(text) and _width(text) < width - _slack(width) \
        and not _NEW_ITEM.match(text) and not _HEADER_MARKS.search(text) and not _OPENS_WITH_AMOUNT.search(text)


def _wrapped_run(lines: list[str], no: int, width: int) -> list[int]:
    """The 1-based numbers of the lines that make the paragraph starting on line `no`.

    A page number (and the running header after it) between two halves of a sentence is read past: its number
    follows the line before it, negated (see `_skipped`).
    """
    run = [no]
    last, line = no, lines[no - 1]
    text = _prose(line)
    while text:
        nxt, passed = _past_page_number(lines, last + 1, width)
        following = _prose(lines[nxt - 1]) if nxt <= len(lines) else ""
        if not following or is_page_number(following) or not (
                _runs_on(line, text, following, width) or not passed and _splits_figure(text, following)):
            break  # (a line shorter than the page's still runs on where the break splits a figure from its phrase)
        run.extend(-n for n in passed)
        run.append(nxt)
        last, line, text = nxt, lines[nxt - 1], following
    return run


# Without a page width to go by, a break is still certain where it splits a phrase from its figure: a line
# that ends no sentence, followed by one that opens with an amount or a share (…比上年增加 / 234.56万元，…), a
# line ending in a figure followed by its unit (…增加234.56 / 万元，…), or by the rest of the figure and its
# unit (…收入11.4 / 6亿元，…). No disclosure starts a line so.
_UNIT = rf"(?:{alt('units.money')}|%|％)"
_OPENS_WITH_AMOUNT = re.compile(rf"\s*[-+]?\d[\d,]*(?:\.\d+)?\s*{_UNIT}")
_OPENS_WITH_UNIT = re.compile(rf"\s*{_UNIT}")
_CLAUSE_MARK = re.compile("[，,；;：:]")
_ENDS_WITH_AMOUNT = re.compile(rf"\d\s*{_UNIT}$")
# a figure right after a word or a Chinese mark (…共计26批次、19), its unit not yet come
_ENDS_IN_DIGITS = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef][\d,]*\d\.?\d*$")


@lru_cache(maxsize=1)
def _split_units() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(how a line may end, how the next must open) for every money unit cut by a break (…274.34万 / 元，…)."""
    return [(re.compile(rf"\d\s*{re.escape(u[:k])}$"), re.compile(re.escape(u[k:])))
            for u in words("units.money") for k in range(1, len(u))]


def _unit_rest(text: str, following: str) -> re.Match[str] | None:
    """The rest of a money unit that `text` ends by cutting, opening `following`, else None."""
    return next((m for end, rest in _split_units() if end.search(text) and (m := rest.match(following))), None)


def _broken_figure_run(lines: list[str], no: int) -> list[int]:
    """The 1-based numbers of the lines of the paragraph starting on line `no` in text of no known width:
    a line runs on only where its break splits a phrase from its figure or a figure from its unit.
    """
    run = [no]
    text = _prose(lines[no - 1])
    while text and run[-1] < len(lines):
        following = _prose(lines[run[-1]])
        if not _splits_figure(text, following):
            break
        run.append(run[-1] + 1)
        text = following
    return run


def _splits_figure(text: str, following: str) -> bool:
    """True when the break between prose lines `text` and `following` splits a phrase from its figure or a figure
    from its unit (see above): certain, whatever the width of the lines.
    """
    if not text or not following or _TERMINAL.search(text) or _NEW_ITEM.match(following) \
            or _FIGURE_ROW_START.match(following) or _FIGURE_ROW_END.search(text):
        return False
    if _NEW_ITEM.match(text) and not _CLAUSE_MARK.search(text):
        return False  # a heading (（二）年末结转和结余) above a line that opens with its figure
    ends_open = "\u4e00" <= text[-1] <= "\u9fff" or text[-1] in _OPEN_ENDS or text[-1] in "：:"
    cut = _ENDS_IN_DIGITS.search(text) is not None  # (11.4 / 6亿元: the break cut a figure)
    opens = (_OPENS_WITH_AMOUNT.match(following) if (ends_open and not _ENDS_WITH_AMOUNT.search(text))
             or (cut and following[:1].isdigit())
             else _OPENS_WITH_UNIT.match(following) if text[-1].isdigit() else None) \
        or _unit_rest(text, following)  # (…274.34万 / 元，…: the break cut the unit)
    # (a line that is only a figure, or two figures in a row: cells of a table, one per line)
    return opens is not None and bool(following[opens.end():].strip())


def _skipped(run: list[int]) -> list[int]:
    """The page-number lines a run read past."""
    return [-n for n in run if n < 0]


def _paragraph_pieces(lines: list[str], run: list[int]) -> list[tuple[str, int, int]]:
    """The (text, line, column) pieces of a paragraph made of the given lines, joined without a break.

    Chinese text carries no space at a line break; where the break falls between two ASCII words, a space (placed
    just after the end of the first line) keeps them apart; a figure written against its word (收入1203.2|7亿元) was
    cut by the break and is joined again.
    """
    pieces: list[tuple[str, int, int]] = []
    for no in run:
        if no < 0:
            continue
        line = lines[no - 1]
        if pieces and _ASCII_WORD_END.search(pieces[-1][0]) and _ASCII_WORD_START.match(line) \
                and not (_ENDS_IN_DIGITS.search(pieces[-1][0]) and line[:1].isdigit()):  # (收入1203.2|7亿元)
            prev_text, prev_line, prev_col = pieces[-1]
            pieces.append((" ", prev_line, prev_col + len(prev_text)))
        pieces.extend((piece, no, col) for piece, col in segments(line))
    return pieces


# How far ahead a cell's text may run on over single blank lines before a cell line must come back.
_CONTINUE_LINES = 40


def _next_is_cell(lines: list[str], no: int) -> bool:
    """True when line `no` (1-based) is followed by a cell line before any run of two blank lines."""
    blanks = 0
    for ahead in lines[no : no + _CONTINUE_LINES]:
        if _cell_line(ahead):
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
