"""What a flattened table's header cells and row labels say, from data/table_rows.toml and the lexicon.

A header cell gets a role (the column holds items' levels, changes, rates, ratios, row numbers, words …) and,
where it names them, a period (a year, or this/last period) and a measure (budget or actual). A row label gets
its enumerator's depth (一、 > （一） > 1. > （1） > ①), whether it opens a breakdown (其中) and whether it is a total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from narrcheck.extract.patterns import YEAR_NUMBER
from narrcheck.extract.statements import LEVEL_ENDS
from narrcheck.lexicon import alt, file_words, words
from narrcheck.numbers import MONEY_UNITS
from narrcheck.numbers.normalize import normalize
from narrcheck.structure.sections import heading_level

Role = Literal["empty", "code", "row_number", "note", "item_label", "period_label", "ratio", "compare_group", "rate",
               "delta", "total", "value", "level", "item"]
Relative = Literal["prior", "current"]
Measure = Literal["budget", "actual"]

# roles of columns that hold figures adding up down the rows
ADDITIVE: frozenset[str] = frozenset({"level", "value", "delta", "item", "total"})
# roles of a header cell that names what a column measures (not an item)
MEASURES: frozenset[str] = frozenset({"level", "value", "delta", "rate", "ratio", "compare_group", "row_number",
                                      "note"})


def table_words(path: str) -> tuple[str, ...]:
    """The words of one family of data/table_rows.toml ("header.note"), longest first."""
    return file_words("table_rows.toml", path)


# spaces and punctuation other than % do not tell header words apart (增、减额 = 增减额, 项 目 = 项目)
_NOISE = re.compile(r"[\s、，,：:；;·.。/\\（）()\[\]【】“”\"'‘’《》<>|_\-—]+")
_YEARS_COMPARED = re.compile(rf"(\d{{4}})年?度?\D{{0,6}}?{alt('compare.openers', 'compare.fillers')}(\d{{4}})")
_PAREN = re.compile(r"[（(][^（()）]*[)）]")
# a header naming the rows is short (项目及行次); a longer one opening with 项目 names an item
MAX_LABEL_HEADER = 6
_UNIT_SUFFIX = re.compile("(?:" + "|".join(sorted(MONEY_UNITS, key=len, reverse=True)) + ")$")


def key(text: str) -> str:
    """A cell's text as header words are matched: normalized (NFKC, simplified script), without noise."""
    return _NOISE.sub("", normalize(text).text)


def _has(text: str, family: tuple[str, ...]) -> bool:
    return any(w in text for w in family)


@cache
def _change_words() -> tuple[str, ...]:
    lexicon = [w for w in words("direction.up", "direction.down", "direction.rate_up", "direction.rate_down")
               if len(w) >= 2]
    return tuple(dict.fromkeys([*table_words("header.change"), *lexicon, *words("compare.standalone")]))


@cache
def _measure_words() -> tuple[tuple[str, Measure], ...]:
    """Budget and actual words, for finding the last one in a header."""
    budget = [*words("measure.budget"), *table_words("header.budget_extra")]
    return (*((w, "budget") for w in budget), *((w, "actual") for w in words("measure.actual")))


@dataclass(frozen=True)
class Header:
    """One header cell: its text, role, and the period and measure it names."""

    text: str
    key: str
    role: Role
    year: int | None = None
    relative: Relative | None = None
    measure: Measure | None = None
    compared: tuple[int, int] | None = None  # (current, prior) years a change names: 2023比2022增减
    basis_prior: bool = False  # a change against the prior period: 比上年增长%, 同比增减%


def _measure(k: str) -> Measure | None:
    """The measure word nearest the end of `k` decides (预算执行数 is an actual, 2023年预算调整数 a budget)."""
    best: tuple[int, Measure] | None = None
    for word, measure in _measure_words():
        at = k.rfind(word)
        if at >= 0 and (best is None or at + len(word) > best[0]):
            best = (at + len(word), measure)
    return best[1] if best else None


def _relative(k: str) -> Relative | None:
    if _has(k, words("compare.periods")):
        return "prior"
    if _has(k, table_words("header.current")):
        return "current"
    return None


def header(text: str) -> Header:
    """The role of a header cell (or of a row label in a table whose rows are periods); a unit it names in
    brackets (预算数（万元）) says nothing of its role.
    """
    k = _UNIT_SUFFIX.sub("", key(text))
    if not k:
        return Header(text, k, "empty")
    if k.endswith(words("accounts.code_words")):
        return Header(text, k, "code")
    if k in table_words("header.row_number"):
        return Header(text, k, "row_number")
    if _has(k, table_words("header.note")):
        return Header(text, k, "note")
    if k in table_words("header.item_label") or (k.startswith(table_words("header.item_label_openers"))
                                                 or k.endswith(table_words("header.item_label_ends"))) \
            and len(k) <= MAX_LABEL_HEADER:
        return Header(text, k, "item_label")
    if k in table_words("header.period_label"):
        return Header(text, k, "period_label")
    years = [int(y) for y in YEAR_NUMBER.findall(k)]
    year = years[-1] if years else None
    if k.startswith(table_words("header.ratio_openers")) and _measure(k) == "budget" and "%" in k \
            or k.rstrip("%") in table_words("header.ratio_names") \
            or "%" in k and k.rstrip("%") in table_words("header.ratio_percent_names"):
        return Header(text, k, "ratio", year=year, measure="budget")
    if _has(k, _change_words()):
        compared = _YEARS_COMPARED.search(k)
        pair = (int(compared.group(1)), int(compared.group(2))) if compared else None
        basis = _has(k, words("compare.periods")) or _has(k, words("compare.standalone"))
        role: Role = "compare_group" if _has(k, table_words("header.compare_group")) else \
            "rate" if _has(k, table_words("header.rate")) else "delta"
        return Header(text, k, role, year=year, compared=pair, basis_prior=basis)
    if k in words("lists.total_words") or k in table_words("header.whole_place"):
        return Header(text, k, "total")
    if k in table_words("header.value"):
        return Header(text, k, "value")
    relative = _relative(k)
    if year is not None or relative is not None or k.endswith(table_words("header.level_ends")):
        return Header(text, k, "level", year=year, relative=relative, measure=_measure(k))
    return Header(text, k, "item")


# ------------------------------------------------------------------------------------------------ row labels

# enumerators the heading ladder does not know: 1) and 2） sit where （1） does
_CLOSE_PAREN_ITEM = re.compile(r"^\s*\d{1,2}\s*[)）]")
_ENUMERATOR_DEPTH_EXTRA = 4
_LEADING_ENUMERATOR = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]|\d{1,2}\s*(?:[、．)）]|\.(?!\d))"
    r"|[⑴-⒇①-⑳])\s*")


@dataclass(frozen=True)
class Label:
    """A row label: its name without enumerators, the depth of its innermost enumerator, 其中, total, and the
    side of the accounts a total names (收入 or 支出; "" when it names none or both).
    """

    text: str
    name: str
    depth: int | None
    breakdown: bool
    total: bool
    side: str = ""


def code_depth(piece: str) -> int | None:
    """The depth of a 功能分类 (or 经济分类) code by its digit count (201 a 类, 20101 a 款, 2010101 a 项), or None
    for a piece that is no such code.
    """
    if not piece.isascii() or not piece.isdigit() or len(piece) not in LEVEL_ENDS:
        return None
    return LEVEL_ENDS.index(len(piece)) + 1


def _depth(piece: str) -> int | None:
    level = heading_level(piece)
    if level is not None and level > 0:
        return level
    return _ENUMERATOR_DEPTH_EXTRA if _CLOSE_PAREN_ITEM.match(piece) else None


def label(text: str) -> Label:
    """What a row label says of its place in the table.

    A label holding two enumerators (一、收入情况 （一）收入合计: a section title run into the row) takes
    the innermost one's depth and the name after it.
    """
    pieces = [normalize(p).text for p in text.split()]
    breakdown = bool(pieces) and pieces[0].startswith(table_words("rows.breakdown"))
    if breakdown:
        pieces[0] = _breakdown_pattern().sub("", pieces[0])
    depth = code_depth(pieces[0]) if len(pieces) >= 2 else None
    if depth is not None:  # a code before the name (201 一般公共服务支出): the code's level is the row's depth
        pieces = pieces[1:]
    enumerated = [i for i, piece in enumerate(pieces) if _depth(piece) is not None]
    if enumerated:
        last = enumerated[-1]
        depth = _depth(pieces[last])
        pieces = [_LEADING_ENUMERATOR.sub("", pieces[last], count=1), *pieces[last + 1:]]
    name = "".join(pieces)
    total = _PAREN.sub("", name).endswith(words("lists.total_words"))
    sides = [w for w in table_words("rows.sides") if w in name] if total else []
    return Label(text, name, depth, breakdown, total, sides[0] if len(sides) == 1 else "")


@cache
def _breakdown_pattern() -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(map(re.escape, table_words("rows.breakdown"))) + r")\s*[：:]?\s*")
