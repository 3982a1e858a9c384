"""The rule extractor: patterns over each paragraph and table cell, operands resolved from context.

Every figure is located by its offset in the block's own text, which the reader maps back to the file.
Claims whose operands cannot be found are still emitted (the checks call them unverifiable); a figure is
never invented.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from itertools import chain, combinations
from typing import Any, SupportsIndex, cast

from narrcheck.extract import patterns as P
from narrcheck.extract.identity import (
    composites,
    cost_itself,
    entity_at,
    fold,
    item_classes,
    period_forms,
    prior_period,
    quantity_key,
)
from narrcheck.extract.spans import CLAUSE, PART, PHRASE, SENTENCE, start_of
from narrcheck.lexicon import alt, data_file, entry, family_of, file_words, words
from narrcheck.model.claims import (
    ChangeClaim,
    Direction,
    Figure,
    PartsSumClaim,
    RatioClaim,
    ShareClaim,
    SharesSumClaim,
    interval_sum,
)
from narrcheck.model.document import Document
from narrcheck.model.location import Location
from narrcheck.numbers import Interval, Quantity, normalize_digits, parse_number
from narrcheck.numbers.normalize import Normalized, normalize
from narrcheck.readers.text import is_page_number
from narrcheck.structure.sections import heading_level, without_marker

Claim = ChangeClaim | ShareClaim | SharesSumClaim | PartsSumClaim | RatioClaim

# Roles a figure can take; figures with a role in CONSUMED are not candidates for another claim's operand.
CONSUMED = {"prior", "delta", "rate", "pct", "whole", "formula"}
PERSON_UNITS = frozenset(words("units.person"))  # 编制41个 counts posts held by people
MEASURE_UNITS = frozenset(words("units.measures"))  # 公里, 亩, 平方米 …: lengths, areas, weights (never exact counts)
_DIGIT = re.compile(r"\d")
_BOUNDARY = set("，,。；;：:、（()）\n")
_JOINED_PAIR = re.compile(alt("names.joined_pairs"))  # 收、支: a 、 inside a name
_REST = re.compile(alt("lists.rest"))  # 其余为…: what a list leaves unnamed
_YEAR = re.compile(r"\d{4}\s*年度?(?:\d{1,2}月(?:底|末)?)?")
_SUBJECT_NOISE = re.compile(
    rf"^(?:{alt('names.lead_noise')}|[一二三四五六七八九十]是|[（(]?\d+[)）.．、]|\d{{3,}})+"
    rf"|[“”\"'‘’「」]|（[类款项]）|\([类款项]\)|(?:{alt('names.tail_noise')})$"
)
_GENERIC_SUBJECT = frozenset(["", *words("names.generic")])
# the measure words that end a name (…支出预算为, …决算数是)
_MEASURE_TAIL = re.compile(rf"(?:{alt('measure.budget', 'measure.actual', 'measure.qualifiers')}|数|为|是|额)+$")
GENERIC_WHOLES = frozenset(words("share.generic_wholes"))
COMPLETION_LABEL: str = entry("ratio.completion_label")
OF_PRIOR_LABEL: str = entry("ratio.of_prior_label")
PER_VEHICLE_LABEL: str = entry("per_vehicle.label")
_VEHICLE_COST = re.compile(alt("per_vehicle.costs"))
_NOT_VEHICLE_COST = re.compile(alt("per_vehicle.not_costs"))
_VEHICLE_UNITS = frozenset(words("per_vehicle.count_units"))
BASE_UNIT: str = entry("units.base")  # amounts are compared in it
TOTAL_WORDS = re.compile(alt("lists.total_words"))
BALANCED_WORDS = tuple(words("year_end_balance.balanced"))  # 收支平衡: the totals before it are equal
# a name is looked up at most this many paragraphs back: farther is no near scope (and the cost stays linear)
FARTHEST = 300
BREAKDOWN = re.compile(alt("lists.stops"))
# a narrative list whose parts exceed its total by more than this factor was misread (it holds sub-items)
MISREAD_EXCESS = Decimal("1.01")
# 共 before a total makes the list after it its breakdown only with this many items (two may be groups singled out)
WHOLE_LIST_ITEMS = 3
FUNDS = re.compile(alt("scope.funds"))
# the pairs of generic nouns (资金, 支出, 收入, 经费 …): shared by names of different things
# a pair with a digit or a calendar word names a period, not an owner
PERIOD_CHARS = re.compile(r"[\d年月日季度至]")
GENERIC_PAIRS = frozenset(w[i:i + 2] for w in words("names.generic") for i in range(len(w) - 1))
# comparison words are no name: "对比减少4.35万元" names nothing that changed
_COMPARING = alt("compare.fillers", "compare.standalone", "compare.closers", "compare.periods")
COMPARE_WORDS = re.compile(rf"^(?:{_COMPARING})+|(?:{_COMPARING})+$")
_TOTAL_TAIL = re.compile(rf"(?:{alt('lists.total_words', 'measure.actual')}|数|为|是)+$")
_TOTAL_WORD_END = re.compile(rf"(?:{alt('lists.total_words')})+$")
_WRAPPED = re.compile(r"^[（(](.+?)[)）]幅?$")
# a share of a budget is a completion (占年初预算数的…)
_BUDGET_WHOLE = re.compile(rf"(?:{alt('ratio.completion_wholes')}|{alt('compare.bases')})$")


_OPPOSITE: dict[str, Direction] = {"up": "down", "down": "up"}


def _direction(word: str | None) -> Direction | None:
    """The direction a change or rate word states (lexicon families direction.*)."""
    if not word:
        return None
    word = _WRAPPED.sub(r"\1", word)  # （减）幅: the direction word set apart in brackets
    family = family_of(word, "direction.up", "direction.rate_up", "direction.down", "direction.rate_down")
    if family is None:
        return None
    return "up" if family.endswith("up") else "down"


def _first(m: re.Match[str], *groups: str) -> str | None:
    """The first of `groups` that took part in the match (patterns name one operand's alternatives apart)."""
    return next((g for g in groups if g in m.re.groupindex and m.group(g) is not None), None)


@lru_cache(maxsize=8192)
def normalize_subject(subject: str) -> str:
    """A subject reduced to what it measures, for matching names across the document."""
    s = _YEAR.sub("", normalize_digits(subject).replace(" ", "")).replace("年度", "年")
    prev = None
    while prev != s:
        prev = s
        s = _SUBJECT_NOISE.sub("", s)
    return s


@dataclass
class Mention:
    unit: Unit
    start: int
    end: int
    quantity: Quantity
    subject: str
    role: str | None = None
    precision: int | None = None  # the document's money precision, when this figure prints fewer decimals
    family: str = field(init=False)  # money, percent, person or count:<unit>: what may stand beside what
    _figure: Figure | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        q = self.quantity
        self.family = ("money" if q.is_money else "percent" if q.is_percent
                       else "person" if q.unit in PERSON_UNITS
                       else "measure:" + q.unit if q.unit.removeprefix("万") in MEASURE_UNITS else "count:" + q.unit)

    def figure(self) -> Figure:
        """The figure as a claim carries it (made once: its precision is set before any claim is made)."""
        if self._figure is None:
            self._figure = self._make_figure()
        return self._figure

    def _make_figure(self) -> Figure:
        return Figure(value=self.quantity.digits(), unit=self.quantity.unit,
                      text=self.unit.raw[self.start:self.end], subject=self.subject,
                      location=self.unit.locate(self.start), precision=self.precision)


@dataclass
class Unit:
    """A paragraph or table cell: the text the patterns run over, with a way back to the file."""

    raw: str
    text: str
    locate: Callable[[int], Location]
    section: tuple[str, ...]
    order: int
    table: int | None = None  # the reader's table number, for a cell
    mentions: list[Mention] = field(default_factory=list)
    _by_start: dict[int, Mention] = field(default_factory=dict)
    _ends: list[int] | None = None  # where sentences end, found once
    # memos of `matches` and `may_change` (no part of what the unit is: never compared or shown)
    _found: dict[re.Pattern[str], list[re.Match[str]]] = field(default_factory=dict, repr=False, compare=False)
    _may_change: bool | None = field(default=None, repr=False, compare=False)

    @property
    def original(self) -> str:
        """The unit's text as the document prints it (`text` is what patterns read)."""
        return self.raw[:]

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The sentence holding `pos`: (start, end) between sentence ends (。；！？ and line breaks)."""
        if self._ends is None:
            self._ends = [m.start() for m in P.SENTENCE_END.finditer(self.text)]
        i = bisect_left(self._ends, pos)
        start = self._ends[i - 1] + 1 if i else 0
        return start, self._ends[i] if i < len(self._ends) else len(self.text)

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of `pattern` over `text`, as `finditer` gives them (run once per unit and pattern: the
        text never changes, and the families that read one pattern read the same matches).
        """
        found = self._found.get(pattern)
        if found is None:
            found = self._found[pattern] = list(pattern.finditer(self.text))
        return found

    @property
    def may_change(self) -> bool:
        """The unit has a direction word: only then can a change pattern match (a cheap test before them all)."""
        if self._may_change is None:
            self._may_change = P.DIRECTION_WORD.search(self.text) is not None
        return self._may_change

    def quote(self, start: int, end: int) -> str:
        s, _ = self.sentence_span(start)
        _, e = self.sentence_span(max(end - 1, start))
        return self.raw[s:e].strip()

    def mention_at(self, start: int) -> Mention | None:
        return self.by_start.get(start)

    @property
    def by_start(self) -> dict[int, Mention]:
        if len(self._by_start) != len(self.mentions):
            self._by_start = {m.start: m for m in self.mentions}
        return self._by_start


# A cell that holds only a figure states no claim and names nothing (table checks read such cells).
_BARE_FIGURE = re.compile(r"^[\s\d.,%％．，\-－+]*$")


class SourceText(str):
    """A unit's text as the patterns read it (normalized), whose slices give back the original.

    Offsets and single characters are those of the normalized text, so every offset a pattern finds is valid;
    `raw[a:b]` is the original text that normalized to `text[a:b]`, so quotes show what the document says.
    """

    __slots__ = ("_norm",)
    _norm: Normalized

    def __new__(cls, norm: Normalized) -> SourceText:
        made = super().__new__(cls, norm.text)
        made._norm = norm
        return made

    def __getitem__(self, key: SupportsIndex | slice) -> str:  # type: ignore[override]
        if isinstance(key, slice) and key.step is None:
            a, b, _ = key.indices(len(self))
            start, end = self._norm.span(a, max(a, b))
            return self._norm.original[start:end]
        return str.__getitem__(self, key)


def _unit(text: str, locate: Callable[[int], Location], section: tuple[str, ...], order: int,
          table: int | None = None) -> Unit:
    """A unit over `text` normalized for matching, located and quoted in the original."""
    norm = normalize(text)
    if not norm.changed:
        return Unit(text, normalize_digits(text), locate, section, order, table)
    return Unit(SourceText(norm), normalize_digits(norm.text), lambda i: locate(norm.source(i)), section, order,
                table)


def text_units(document: Document) -> list[Unit]:
    """Every paragraph, and every table cell that states a figure with words around it (a bare figure or a
    label alone states no claim: the table readers read those), in document order.
    """
    units: list[Unit] = []
    for block in document.blocks:
        if block.kind == "table":
            for row in block.rows:
                for cell in row:
                    if _DIGIT.search(cell.text) and not _BARE_FIGURE.match(cell.text):
                        units.append(_unit(cell.text, cell.location, block.section, len(units), block.table))
        elif block.text.strip():
            units.append(_unit(block.text, block.location, block.section, len(units)))
    return units


# a short bracket of alternatives inside a name (县（市、区）, 乡（镇、街道）): one or two characters each
_ALTERNATIVES = re.compile(r"[\u4e00-\u9fff]{1,2}(?:、[\u4e00-\u9fff]{1,2})+")


def _name_start(text: str, end: int) -> int:
    """Where the words naming a figure begin: after the nearest boundary before `end`, reading a short
    bracket inside the name (因公出国（境）费, 县（市、区）支出) as part of it.
    """
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch in "）)":
            opening = max(text.rfind("（", max(0, i - 8), i - 1), text.rfind("(", max(0, i - 8), i - 1))
            inner = text[opening + 1:i - 1]
            if opening > 0 and (not _BOUNDARY.intersection(inner) or _ALTERNATIVES.fullmatch(inner)) \
                    and i - 1 > opening + 1 and text[opening - 1] not in _BOUNDARY:
                i = opening
                continue
        if ch in _BOUNDARY and not (ch == "、" and _JOINED_PAIR.match(text, i - 2)):
            break
        i -= 1
    return i


def _subject_before(text: str, start: int) -> str:
    i = _name_start(text, start)
    subject = text[i:start].strip()
    if normalize_subject(subject) in _GENERIC_SUBJECT and i > 0 and text[i - 1] in "：:":
        j = _name_start(text, i - 1)
        subject = text[j:i - 1].strip()
    return subject


def _find_mentions(unit: Unit) -> None:
    if not _DIGIT.search(unit.text):
        return
    for m in P.MENTION.finditer(unit.text):
        try:
            q = parse_number(m.group("num"), P.SHORT_MONEY.get(m.group("unit"), m.group("unit")))
        except ValueError:
            continue
        if q.is_money and _threshold(unit.text, m.start(), m.end()):
            continue  # (单价50万元以上设备1台: a bound on what is counted, no amount)
        if unit.table is None and (q.is_money or q.is_percent) \
                and _BROKEN_FIGURE.search(unit.text, max(0, m.start() - _BROKEN_REACH), m.start()):
            continue  # (1198. 32万元, 11 98.32万元, 1198.3 2万元: the tail of a figure a space broke, no figure)
        subject = _subject_before(unit.text, m.start())
        named = normalize_subject(subject)
        if (named in _GENERIC_SUBJECT or P.TIMED_GENERIC.fullmatch(named)) and subject and unit.mentions:
            subject = _elided(unit.text, unit.mentions[-1], m.start(), subject)
        unit.mentions.append(Mention(unit, m.start(), m.end(), q, subject))


# digits (and a point) right before a figure with only a space or two between: the figure is a broken one's tail
_BROKEN_FIGURE = re.compile(r"(?<![\d.])\d+\.?\d*[ \t]{1,2}$")
_BROKEN_REACH = 24  # how far back a broken figure's head is sought (longer than any figure with its spaces)


def _threshold(text: str, start: int, end: int) -> bool:
    """The money figure at text[start:end] bounds or prices a class of things (…50万元以上, 单价…): no amount."""
    return P.THRESHOLD_AFTER.match(text, end) is not None \
        or P.THRESHOLD_BEFORE.search(text, max(0, start - 12), start) is not None


_YEAR_WORDS = re.compile(r"\d{4}\s*年度?")
# a name's own word for a budget or a figure as it came out (预算, 决算, 实际, 执行): no qualifier said once reaches it
BUDGET_OR_ACTUAL = re.compile(alt("measure.budget", "names.own_measure"))
_SIDE = re.compile(alt("sides.income", "sides.expenditure"))


def _side(name: str) -> str | None:
    """The side (income or expenditure) a name is of, from its side words; None where it has none, or words of
    both (财政拨款收入、支出总计 names both sides).
    """
    found = {family_of(w, "sides.income", "sides.expenditure") for w in _SIDE.findall(name)}
    return found.pop() if len(found) == 1 else None


# 2024年, 本年: words opening a name that say only which period
_PERIOD_LEAD = re.compile(rf"^(?:\d{{4}}\s*年度?|{alt('names.this_period')})+")


def qualified_as_before(text: str, before: Mention, pos: int, subject: str) -> str:
    """The name of a list item whose qualifier the list said once, on its first item (上年基本支出560万元，项目支出
    682.40万元 / 年初预算安排项目支出800万元，基本支出600万元): the item's own name after that qualifier, where
    the item follows it at once and names no period, measure or list opener of its own; else its own name.
    """
    lead = next((q for q in words("names.list_qualifiers") if before.subject.lstrip().startswith(q)), None)
    if lead is None or text[before.end:pos - len(subject)].strip() not in ("，", ",", "、") \
            or BUDGET_OR_ACTUAL.search(subject) or _PERIOD_LEAD.match(subject) or P.YEAR_NUMBER.search(subject) \
            or subject.startswith(words("compare.periods")) or P.LIST_MARKER.match(subject):
        return subject
    return lead + subject


def _elided(text: str, before: Mention, pos: int, subject: str) -> str:
    """The name of a figure whose clause names only a measure (…支出预算为5.92万元，决算为3.58万元): the
    previous figure's name in the same sentence, its measure word replaced by this one.
    """
    if P.SENTENCE_END.search(text, before.end, pos) or normalize_subject(before.subject) in _GENERIC_SUBJECT:
        return subject
    stem = _MEASURE_TAIL.sub("", before.subject)
    own = subject
    if P.YEAR_NUMBER.search(normalize_digits(own)):  # (…2023年基本支出585.40万元，2021年为…: its own year)
        stem = _YEAR_WORDS.sub("", stem)
    for noun in words("names.said_once"):  # 支出预算…，支出决算…: the noun is said once
        if stem.endswith(noun) and own.startswith(noun):
            own = own[len(noun):]
    return stem + own


def money_precision(mentions: Iterable[Mention]) -> dict[str, int]:
    """The decimals each money unit is printed with among `mentions`, where it has a convention.

    A unit's convention is its most common non-zero number of decimals d, when at least two figures print d
    decimals and no fewer print none: there a figure printed with fewer has only dropped trailing zeros
    (3万元 = 3.00). Where most money of a unit is whole (亿元 aggregates, whole-万元 tables), there is none.
    """
    counts: dict[str, Counter[int]] = {}
    for m in mentions:
        if m.quantity.is_money:
            counts.setdefault(m.quantity.unit, Counter())[m.quantity.decimals] += 1
    out: dict[str, int] = {}
    for money, by_decimals in counts.items():
        shown = [(n, d) for d, n in by_decimals.items() if d > 0]
        if shown:
            n, d = max(shown)
            if n >= by_decimals[0] and n >= 2:
                out[money] = d
    return out


# a money figure printed with this many decimals is printed in full: one with fewer has dropped trailing zeros
# (3万元, 11.8 beside 2-decimal figures), but 571.21 beside the 4-decimal figures of older tables is rounded
FULL_DECIMALS = 2


def apply_precision(units: list[Unit]) -> dict[str, int]:
    """Mark every money figure printed with fewer decimals than its convention (and fewer than FULL_DECIMALS):
    the paragraph's convention where it has one (a list of 2-decimal amounts with a whole one among them), else
    the document's.
    """
    document = money_precision(m for unit in units for m in unit.mentions)
    for unit in units:
        if not unit.mentions:
            continue
        own = money_precision(unit.mentions)
        for m in unit.mentions:
            d = own.get(m.quantity.unit, document.get(m.quantity.unit))
            if d is not None and m.quantity.decimals < min(d, FULL_DECIMALS):
                m.precision = d
    return document


@dataclass(frozen=True)
class _Bound:
    """What a change was bound to: its current figure (and a prior found with it), or candidates."""

    current: Mention | None = None
    prior: Mention | None = None
    candidates: tuple[Mention, ...] = ()


class Extractor:
    """Runs the pattern families over every unit, in document order."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        for unit in self.units:
            _find_mentions(unit)
        self.precision = apply_precision(self.units)
        self.claims: list[Claim] = []
        self._changes_by_current: dict[int, list[ChangeClaim]] = {}
        # changes said by their rate alone after the figure that changed (教育支出14562.80万元，比上年增长6.73%):
        # no claim until a table of the document gives their base (extract/flat_tables/operands.py)
        self.open_changes: list[ChangeClaim] = []
        self._groups: dict[tuple[object, ...], int] = {}
        # per paragraph (unit order), in reading order: (name of the actual, its budget); (where, a completion)
        self._budgets: dict[int, list[tuple[str, Mention]]] = {}
        self._completed: dict[int, list[tuple[int, RatioClaim]]] = {}
        # the actual each completion of a paragraph was measured by, with the budget it was measured against
        self._completed_actuals: dict[int, list[tuple[Mention, Mention]]] = {}
        # the figures of the units before _indexed (_index_before), so that a name is looked up without reading
        # every unit of its scope: each list in document order
        self._indexed = 0
        # the last two characters of a money figure's name (the name, when shorter) -> (the figure, its name)
        self._ending: dict[str, list[tuple[Mention, str]]] = {}
        self._named: dict[str, list[Mention]] = {}  # a name -> its money figures
        # (family, budget or not) -> a character pair of a name -> the units (order) with such a figure
        self._pairs: dict[tuple[str, bool], dict[str, list[int]]] = {}
        self._of_family: dict[str, list[Mention]] = {}  # a family -> its figures (no percent: never _eligible)
        self._growth: dict[int, list[tuple[str, Mention]]] = {}  # a unit's order -> its growth rates (_growth_rates)
        # where the totals of the sums among claims[:_summed_upto] stand (_summed_at)
        self._summed: set[Location] = set()
        self._summed_upto = 0

    def _index_before(self, end: int) -> None:
        """Index the figures of the units before unit `end` by their names (normalize_subject), each unit once, in
        document order (built when first looked up: many documents look no name up). Their names must be final:
        _respective has named them.
        """
        for unit in self.units[self._indexed:end]:
            self._index(unit)
        self._indexed = max(self._indexed, end)

    def _index(self, unit: Unit) -> None:
        """The unit's figures, into the indexes (_index_before)."""
        pairs: dict[tuple[str, bool], set[str]] = {}
        for m in unit.mentions:
            if m.family != "percent":
                self._of_family.setdefault(m.family, []).append(m)
            name = normalize_subject(m.subject)
            if m.family == "money":
                self._named.setdefault(name, []).append(m)
                self._ending.setdefault(name[-2:], []).append((m, name))
            pairs.setdefault((m.family, is_budget(m.subject)), set()).update(_bigrams(name))
        for kind, held in pairs.items():
            units = self._pairs.setdefault(kind, {})
            for pair in held:
                units.setdefault(pair, []).append(unit.order)

    def _units_sharing(self, kind: tuple[str, bool], pairs: Iterable[str], lo: int, hi: int) -> list[Unit]:
        """The units lo..hi-1 (by order) with a figure of the kind (family, budget or not) whose name holds one
        of `pairs`, nearest first.
        """
        found: set[int] = set()
        units = self._pairs.get(kind, {})
        for pair in pairs:
            orders = units.get(pair, [])
            found.update(orders[bisect_left(orders, lo):bisect_left(orders, hi)])
        return [self.units[i] for i in sorted(found, reverse=True)]

    # --- helpers ---------------------------------------------------------------------------------------
    def _claim_kwargs(self, unit: Unit, start: int, end: int) -> dict[str, Any]:
        return {"quote": unit.quote(start, end), "location": unit.locate(start), "section": unit.section}

    def _take(self, unit: Unit, match: re.Match[str], group: str, role: str) -> Mention | None:
        if group not in match.re.groupindex or match.group(group) is None:
            return None
        mention = unit.mention_at(match.start(group))
        if mention is not None:
            mention.role = role
        return mention

    @staticmethod
    def _eligible(m: Mention) -> bool:
        return m.role not in CONSUMED and m.family != "percent"

    def _nearest_before(self, unit: Unit, pos: int, lo: int = 0,
                        accept: Callable[[Mention], bool] | None = None) -> Mention | None:
        for m in reversed(unit.mentions):
            if lo <= m.start and m.end <= pos and self._eligible(m) and (accept is None or accept(m)):
                return m
        return None

    def _bind_name(self, name: str, unit: Unit, pos: int, part: Mention | None = None,
                   ) -> tuple[Mention | None, list[Mention]]:
        """The money figure `name` names, bound in the nearest scope (paragraph, section, document before
        `pos`) that states it: the figure when that scope holds one value, else the candidates (abstain).

        A subject equal to the name binds before one that only ends with it (全市一般公共预算收入 before
        县一般公共预算收入); the part of a share is never its own whole, nor is a smaller figure.
        """
        key = normalize_subject(name)
        if len(key) < 2:
            return None, []
        forms = _whole_forms(key)
        least = part.quantity.in_unit(BASE_UNIT) if part is not None else None

        def fits(m: Mention) -> bool:  # (a whole stated inline, 占政府采购支出总额25.00万元的84%, names its figure too)
            return m.family == "money" and (self._eligible(m) or m.role == "whole") and m is not part \
                and (least is None or m.quantity.in_unit(BASE_UNIT) >= least)

        def named(subject: str, exact: bool) -> bool:
            if exact:
                return subject in forms
            return bool(subject) and (any(subject.endswith(f) for f in forms)
                                      or (len(subject) >= 4 and key.endswith(subject)
                                          and _names_no_part(key[:-len(subject)])))

        # the scopes, nearest first: this paragraph before pos, its section before it, any paragraph before it
        # (at most FARTHEST back); of the earlier paragraphs only the figures `named` may accept are read
        earlier = [(m, normalize_subject(m.subject)) for m in self._may_be_named(forms, key, unit.order) if fits(m)]
        section = [(m, subject) for m, subject in earlier if m.unit.section == unit.section]
        scopes = [[(m, normalize_subject(m.subject)) for m in reversed(unit.mentions) if m.end <= pos and fits(m)],
                  section, section + [(m, subject) for m, subject in earlier if m.unit.section != unit.section]]

        # the same name in the paragraph or its section, then a name ending in it there, then the same in the
        # document (全市一般公共预算收入 in the section, before a 县…一般公共预算收入 that only ends with it)
        for scope_of, exact in ((0, True), (1, True), (0, False), (1, False), (2, True), (2, False)):
            found = [m for m, subject in scopes[scope_of] if named(subject, exact)]
            if not found:
                continue
            if len({m.quantity.in_unit(BASE_UNIT) for m in found}) == 1:
                return found[0], []
            return None, found[:6]
        return None, []

    def _named_after(self, name: str, unit: Unit, pos: int, part: Mention) -> Mention | None:
        """The money figure `name` names after `pos` in its paragraph, where nothing before names it: of that
        name (or one ending in it after words of whose or when only: 全区…), of the year itself (not 上年…), no
        smaller than the part, and one value there; else None.
        """
        key = normalize_subject(name)
        if len(key) < 2:
            return None
        forms = _whole_forms(key)
        least = part.quantity.in_unit(BASE_UNIT)

        def named(subject: str) -> bool:
            return subject in forms or any(subject.endswith(f) and _names_no_part(subject[:-len(f)]) for f in forms)

        found = [m for m in unit.mentions if m.start >= pos and m.family == "money" and self._eligible(m)
                 and m is not part and not _of_prior_period(m) and m.quantity.in_unit(BASE_UNIT) >= least
                 and named(normalize_subject(m.subject))]
        return found[0] if found and len({m.quantity.in_unit(BASE_UNIT) for m in found}) == 1 else None

    def _may_be_named(self, forms: tuple[str, ...], key: str, before: int) -> list[Mention]:
        """The figures of the FARTHEST units before unit `before` whose name ends with one of `forms` or, of four
        characters or more, ends `key`: every figure _bind_name's `named` may accept there, nearest first (by
        unit, then from the unit's last figure).
        """
        self._index_before(before)
        lo = max(0, before - FARTHEST)
        found = {id(m): m for ms in (self._named.get(key[i:], []) for i in range(len(key) - 3))
                 for m in ms[bisect_left(ms, lo, key=_order):bisect_left(ms, before, key=_order)]}
        for f in forms:
            tails = [f[-2:]] if len(f) >= 2 else [t for t in self._ending if t.endswith(f)]
            for ms in (self._ending.get(t, []) for t in tails):
                found.update((id(m), m) for m, name in ms[bisect_left(ms, lo, key=_order_of_first):
                                                          bisect_left(ms, before, key=_order_of_first)]
                             if name.endswith(f))
        return sorted(found.values(), key=lambda m: (m.unit.order, m.start), reverse=True)

    def _total_before(self, unit: Unit, pos: int, family: str | None = None) -> Mention | None:
        """The figure a list marker at `pos` breaks down: the nearest before it, not one that notes what the figure
        before it includes (支出预算100万元（含上年结转20万元），其中：… / …，含上年结转20万元，其中：…) nor the level
        it is compared with (3.40万元，与上年3.42万元基本持平。其中：…).
        """
        return self._nearest_before(unit, pos, accept=lambda x: not _bracketed_before(unit, x, pos)
                                    and not normalize_subject(x.subject).startswith(words("lists.inclusion"))
                                    and not P.ANCHOR_AT_END.search(x.subject)
                                    and (family is None or x.family == family))

    def _list_head(self, unit: Unit, pos: int, part: str = "") -> tuple[Mention | None, int | None]:
        """The total a list of parts at `pos` belongs to: the figure before the nearest list marker; not a marker
        that opens a breakdown in names only of the item before it (人员经费…，主要包括基本工资、津贴补贴；公用经费…)
        unless it names `part` (主要包括人员经费和公用经费。人员经费…) or announces a list (主要用于以下方面).
        """
        marker = None
        for m in P.LIST_MARKER.finditer(unit.text, 0, pos):
            if self._nested_before(unit, m, pos):
                continue  # (a list inside an item that ended at ； before `pos`: the outer list's is meant)
            stop = min((i for i in (unit.text.find("；", m.end(), pos), unit.text.find("。", m.end(), pos))
                        if i >= 0), default=pos)
            names = unit.text[m.end():stop]
            if not self._names_only(unit, m.end(), pos) or (part and part in names) \
                    or any(w in m.group() + names[:4] for w in words("lists.announce")):
                marker = m
        if marker is None:
            return None, None
        return self._total_before(unit, marker.start()), marker.end()

    # --- families --------------------------------------------------------------------------------------
    def _mark_roles(self, unit: Unit) -> None:
        """Give every figure that a pattern consumes its role before any operand is resolved."""
        def mark(pattern: re.Pattern[str], roles: dict[str, str]) -> None:
            for m in unit.matches(pattern):
                if pattern in _PRIOR_LEVEL_PATTERNS and not _earlier_than_named(unit, m):
                    continue  # (2024年…231.85万元，2025年为245.30万元: a later year's figure, no prior level)
                for group, role in roles.items():
                    if m.group(group) is not None and (mention := unit.mention_at(m.start(group))):
                        mention.role = mention.role or role

        for m in _formulas_in(unit):
            for mention in unit.mentions:
                if m.start() <= mention.start < m.end():
                    mention.role = "formula"
        if unit.may_change:
            for pattern in CHANGE_PATTERNS:
                mark(pattern, {g: r for g, r in (("prior", "prior"), ("delta", "delta"), ("rate", "rate"),
                                                 ("ratep", "rate"), ("rateb", "rate")) if g in pattern.groupindex})
            mark(P.CHANGE_POINTS, {"prior": "prior"})  # (较上年的70.05%提高…: last year's share, no current one)
        mark(P.SHARE, {"whole": "whole", "pct": "pct"})
        mark(P.COMPLETION, {"whole": "whole", "pct": "pct"})
        mark(P.OF_PRIOR, {"prior": "prior", "pct": "pct"})

    def run(self) -> list[Claim]:
        numeric = [unit for unit in self.units if unit.mentions]  # a claim needs a figure in its unit
        for unit in numeric:
            self._respective(unit)
            self._mark_roles(unit)
        for unit in numeric:
            self._formulas(unit)
            made = len(self.claims)
            self._changes(unit)
            self._respective_rates(unit, made)
            first = len(self.claims)
            self._completions(unit)
            self._budget_relations(unit, self.claims[first:])
            self._of_prior(unit)
            self._shares(unit)
            self._measures(unit)
            self._count_completions(unit)
            self._overs(unit)
            self._progress(unit)
            self._rate_gaps(unit)
            self._count_changes(unit)
            self._differences(unit)
            self._per_vehicle(unit)
        for unit in numeric:
            listed = len(self.claims)
            self._parts_sums(unit)
            self._closing_sums(unit, listed)
            self._pointed_sums(unit, listed)
            self._bracketed_parts(unit)
        for unit in numeric:
            self._composite_sums(unit)
            self._balances(unit)
            self._year_end_balances(unit)
        for unit in self.units:  # (收支平衡 may stand in a paragraph of its own, with no figure)
            if unit.table is None and any(w in unit.text for w in BALANCED_WORDS):
                self._balanced(unit)
        self._shares_of_listed()
        self._shares_sums()
        return self.claims

    def _shares_of_listed(self) -> None:
        """A share that names no whole and found none in its paragraph, of a part a list claim sums (…，其中： then
        ⑴教育支出1804.22万元，占84.33%；… each on its own line): a share of that list's total.
        """
        totals: dict[tuple[int | None, int | None, int | None], tuple[Figure, int]] = {}
        for i, claim in enumerate(self.claims):
            if isinstance(claim, PartsSumClaim) and claim.measure == "current" and not claim.at_most:
                for part in claim.parts:
                    where = part.location
                    totals.setdefault((where.page, where.line, where.column), (claim.total, i))
        for i, claim in enumerate(self.claims):
            if isinstance(claim, ShareClaim) and claim.whole is None and claim.part is not None \
                    and not claim.whole_name and not claim.whole_candidates:
                where = claim.part.location
                found = totals.get((where.page, where.line, where.column))
                if found is not None:
                    group = self._groups.setdefault(("listed", found[1]), len(self._groups) + 1)
                    self.claims[i] = claim.model_copy(update={"whole": found[0], "group": group})

    def _respective(self, unit: Unit) -> None:
        """公务接待费、会议费分别为3.20万元、5.10万元: names and figures paired in order, each figure named by its
        name; where the figures are changes (分别减少…，分别下降…), each name's change with its own figure bound by
        that name. Lists of unequal length pair nothing.
        """
        if not P.RESPECTIVE_WORD.search(unit.text):
            return
        self._respective_changes(unit)
        for m in P.RESPECTIVE_YEARS.finditer(unit.text):  # 2023年、2022年三公经费分别为…: each year's figure
            years = P.YEAR_NUMBER.findall(normalize_digits(m.group("years")))
            figures = [x for x in unit.mentions if m.start("figures") <= x.start < m.end("figures")]
            if len(years) == len(figures):
                for year, figure in zip(years, figures, strict=True):
                    figure.subject = f"{year}年{m.group('name').strip()}"
        for m in P.RESPECTIVE.finditer(unit.text):
            # 、 separates the names where it is used (公务用车购置及运行维护费 holds a 及 of its own)
            listed = m.group("names")
            names = [n.strip() for n in (listed.split("、") if "、" in listed else P.RESPECTIVE_JOINER.split(listed))
                     if n.strip()]
            if names and m.start() > 0 and unit.text[m.start() - 1].isdigit():
                names[0] = names[0].lstrip("年度")  # 2024年因公出国（境）费、…: the year is a date, not the name
            figures = [x for x in unit.mentions if m.start("figures") <= x.start < m.end("figures")]
            rates = [x for x in unit.mentions if m.group("rates") and m.start("rates") <= x.start < m.end("rates")]
            if len(names) != len(figures) or (rates and len(rates) != len(names)):
                continue
            if m.group("dir1") is None:
                for name, figure in zip(names, figures, strict=True):
                    figure.subject = name
                continue
            direction = _direction(m.group("dir1"))
            for i, (name, delta) in enumerate(zip(names, figures, strict=True)):
                delta.role = "delta"
                rate = rates[i] if rates else None
                if rate is not None:
                    rate.role = "rate"
                current = self._named_in_paragraph(unit, m.start(), name, delta, current=True)
                self.claims.append(ChangeClaim(
                    subject=name, current=current.figure() if current else None, delta=delta.figure(),
                    rate=rate.figure() if rate else None, delta_direction=direction,
                    rate_direction=_direction(m.group("dir2")) if rate else None, delta_word=m.group("dir1"),
                    rate_word=m.group("dir2") or "", basis=normalize_digits(m.group("anchor") or ""),
                    **self._claim_kwargs(unit, m.start(), m.end())))

    def _respective_changes(self, unit: Unit) -> None:
        """增值税862.54亿元、个人所得税97.35亿元，分别增收61.27亿元、7.23亿元，分别增长7.65%、8.02%: each figure of
        the list right before 分别 (its figures outside brackets, all of the list: a figure before them is its total
        before a list marker, or none) with its own change and rate, in order; lists of unequal length pair nothing.
        """
        for m in P.RESPECTIVE_CHANGES.finditer(unit.text):
            deltas = [x for x in unit.mentions if m.start("deltas") <= x.start < m.end("deltas") and x.role is None]
            rates = [x for x in unit.mentions if m.group("rates") and m.start("rates") <= x.start < m.end("rates")]
            s_start, _ = unit.sentence_span(m.start())
            before = [x for x in unit.mentions if s_start <= x.start and x.end <= m.start()
                      and bracket_depth(unit.text, s_start, x.start) == 0]
            currents = before[-len(deltas):]
            head = before[-len(deltas) - 1] if len(before) > len(deltas) else None
            if len(currents) != len(deltas) or (rates and len(rates) != len(deltas)) \
                    or any(x.family != "money" or not self._eligible(x) for x in currents) \
                    or (head is not None and not P.LIST_MARKER.search(unit.text, head.end, currents[0].start)):
                continue  # (a longer list: the figure before the pairs is one of its items, not its total)
            for i, (current, delta) in enumerate(zip(currents, deltas, strict=True)):
                dir1 = _last_word(P.ITEM_DIRECTION, unit.text, m.start("deltas"), delta.start)
                rate = rates[i] if rates else None
                dir2 = _last_word(P.ITEM_RATE_WORD, unit.text, m.start("rates"), rate.start) if rate else ""
                delta.role = "delta"
                if rate is not None:
                    rate.role = "rate"
                self.claims.append(ChangeClaim(
                    subject=current.subject, current=current.figure(), delta=delta.figure(),
                    rate=rate.figure() if rate else None, delta_direction=_direction(dir1),
                    rate_direction=_direction(dir2) if rate else None, delta_word=dir1, rate_word=dir2,
                    basis=normalize_digits(m.group("anchor") or ""),
                    **self._claim_kwargs(unit, delta.start, (rate or delta).end)))

    def _respective_rates(self, unit: Unit, made: int) -> None:
        """…增加20.60万元；…增加22.65万元，分别增长4.12%和12.60%: the rates, in order, of the changes without a rate
        stated before them in the sentence (as many changes as rates, else none is paired).
        """
        for m in unit.matches(P.RESPECTIVE_RATES):
            rates = [x for x in unit.mentions if m.start("rates") <= x.start < m.end("rates") and x.role is None]
            lo = _reading_order(unit.locate(start_of(unit.text, m.start(), SENTENCE)))  # (past ；)
            hi = _reading_order(unit.locate(m.start()))
            placed = sorted((_reading_order(c.delta.location), i) for i in range(made, len(self.claims))
                            if isinstance(c := self.claims[i], ChangeClaim) and c.delta is not None)
            at = [i for where, i in placed if lo <= where <= hi]  # (in the text's order)
            if len(rates) < 2 or len(at) != len(rates) \
                    or any(cast(ChangeClaim, self.claims[i]).rate is not None for i in at):
                continue
            for i, rate in zip(at, rates, strict=True):
                word = _last_word(P.ITEM_RATE_WORD, unit.text, m.start("rates"), rate.start)
                rate.role = "rate"
                self.claims[i] = self.claims[i].model_copy(update={
                    "rate": rate.figure(), "rate_direction": _direction(word), "rate_word": word})

    def _formulas(self, unit: Unit) -> None:
        for m in _formulas_in(unit):
            expr = m.group("expr").strip()
            if not re.search(r"\d\s*[/÷×*+\-]\s*[（(\[]?\s*\d", expr):
                continue
            operands = []
            numbers = list(re.finditer(P.NUM, unit.text[m.start("expr"):m.end("expr")]))
            for n in numbers:
                start = m.start("expr") + n.start()
                q = parse_number(n.group())
                operands.append(Figure(value=q.digits(), unit="", text=n.group(), location=unit.locate(start)))
            result = m.group("result").replace(" ", "")
            is_pct = result.endswith("%")
            q = parse_number(result.rstrip("%"), "%" if is_pct else "")
            percent = Figure(value=q.digits(), unit=q.unit, text=m.group("result"),
                             location=unit.locate(m.start("result")))
            measure = re.search(r"([^\s，,。；;：:=（(]{2,12}?)(?:为|=)?\s*$", unit.text[: m.start()])
            self.claims.append(RatioClaim(
                measure=measure.group(1) if measure else "formula", percent=percent, expression=expr,
                operands=tuple(operands), as_percent=is_pct, **self._claim_kwargs(unit, m.start(), m.end())))

    def _changes(self, unit: Unit) -> None:
        if not unit.may_change:
            return
        taken: list[tuple[int, int]] = []

        def free(m: re.Match[str]) -> bool:
            return not any(s < m.end() and m.start() < e for s, e in taken)

        for m in unit.matches(P.CHANGE_WITH_PRIOR):
            prior = self._take(unit, m, "prior", "prior")
            if prior is None:
                continue
            self._add_change(unit, m, prior=prior, basis=m.group("basis") or "",
                             subject=m.group("named") or m.group("prior_subject"))
            taken.append((m.start(), m.end()))
        for m in (*unit.matches(P.CHANGE_PRIOR_LEVEL_DELTA), *unit.matches(P.CHANGE_PRIOR_LEVEL)):
            # 上年为…, unnamed, is the level of the one actual figure its sentence states before it (else nothing)
            if not free(m) or not _earlier_than_named(unit, m):
                continue
            named = m.group("prior_subject").strip()
            actual = None if named else self._one_actual_before(unit, m)
            if not (named or actual):
                continue
            prior = self._take(unit, m, "prior", "prior")
            if prior is not None:
                self._add_change(unit, m, prior=prior, basis=m.group("basis"), subject=named, current=actual)
                taken.append((m.start(), m.end()))
        for m in unit.matches(P.CHANGE_RATE_BRACKET_PRIOR):  # 增长7.83%（上年1198.40万元）
            bracketed = self._take(unit, m, "prior", "prior") if free(m) else None
            if bracketed is not None:
                self._add_change(unit, m, prior=bracketed, basis=m.group("basis"), subject=m.group("prior_subject"))
                taken.append((m.start(), m.end()))
        for m in unit.matches(P.CHANGE_RATE_ALONE):  # 2021年…1198.40万元，2022年…1286.19万元，增长7.83%
            s_start, _ = unit.sentence_span(m.start())
            levels = [x for x in unit.mentions if s_start <= x.start and x.end <= m.start() and x.family == "money"
                      and self._eligible(x) and bracket_depth(unit.text, s_start, x.start) == 0]
            pair = _consecutive_years(levels)
            last = next((x for x in reversed(unit.mentions) if x.end <= m.start()), None)
            if pair is None and last is not None and unit.table is None and free(m):
                self._open_change(unit, m, last)  # (教育支出14562.80万元，比上年增长6.73%: its base may be in a table)
            if pair is None or pair[0] is not last or not free(m):
                continue  # (the rate right after the current level, not after a change: …，增加13.45万元，增长5.80%)
            pair[1].role = "prior"
            self._add_change(unit, m, prior=pair[1], basis=m.group("anchor") or "", subject="", current=pair[0])
            taken.append((m.start(), m.end()))
        for m in unit.matches(P.CHANGE_FROM_TO):
            if not free(m) or unit.mention_at(m.start("current")) is None:
                continue
            prior, current = self._take(unit, m, "prior", "prior"), unit.mention_at(m.start("current"))
            if prior is not None and current is not None:
                self._add_change(unit, m, prior=prior, basis=m.group("basis") or "", subject="", current=current)
                taken.append((m.start(), m.end()))
        for m in unit.matches(P.CHANGE_POINTS):
            s_start, _ = unit.sentence_span(m.start())
            named = _clause_name(unit.text, m.start())
            current = next((x for x in reversed(unit.mentions) if s_start <= x.start and x.end <= m.start()
                            and x.family == "percent" and x.role in (None, "pct")
                            and (not named or _bigrams(named) & _bigrams(normalize_subject(x.subject)))), None)
            if current is None or not free(m):
                continue  # (the percentage the clause names, when it names one)
            prior = self._take(unit, m, "prior", "prior")
            if prior is None:
                continue
            self._add_points(unit, m, prior, current)
            taken.append((m.start(), m.end()))
        for m in unit.matches(P.CHANGE_POINTS_FROM_TO):
            prior, current = unit.mention_at(m.start("prior")), unit.mention_at(m.start("current"))
            if prior is None or current is None or not free(m):
                continue
            prior.role, current.role = "prior", "current"
            self._add_points(unit, m, prior, current)
            taken.append((m.start(), m.end()))
        for m in unit.matches(P.CHANGE_BARE_PRIOR):
            delta = unit.mention_at(m.start("delta"))
            if delta is None or not free(m):
                continue
            q = parse_number(m.group("priorn"), delta.quantity.unit)
            prior = Mention(unit, m.start("priorn"), m.end("priorn"), q, m.group("basis"), role="prior",
                            precision=delta.precision)  # (the convention its change, beside it, follows)
            self._add_change(unit, m, prior=prior, basis=m.group("basis"), subject="")
            taken.append((m.start(), m.end()))
        # 同比增长27.3%，较上年同期减收1.3亿元: a rate and an amount each after its own comparison of one kind
        for m in unit.matches(P.CHANGE_RATE_FIRST):
            first, second = m.group("anchor"), m.group("anchor2")
            if first and second and basis_kind(first) == basis_kind(second) and free(m):
                self._add_change(unit, m, prior=None, basis=second, subject="")
                taken.append((m.start(), m.end()))
        for m in unit.matches(P.CHANGE):
            if not free(m):
                continue
            self._add_change(unit, m, prior=None, basis=m.group("anchor"), subject=m.group("subject"))
            taken.append((m.start(), m.end()))
            end = m.end()
            while (cont := P.CHANGE_CONTINUED.match(unit.text, end)) is not None:
                said = cont.group("subject").strip()
                own = P.ANCHOR_AT_END.search(said)
                if P.ANCHOR_ONLY.fullmatch(said):  # …，较年初预算数减少0.04万元: the same figure, another basis
                    self._add_change(unit, cont, prior=None, basis=said, subject=m.group("subject"))
                elif own is not None and own.start() > 0:  # …，公务接待费较上年减少3.30万元: its own basis
                    self._add_change(unit, cont, prior=None, basis=own.group(), subject=said[:own.start()])
                else:
                    self._add_change(unit, cont, prior=None, basis=m.group("anchor"), subject=said)
                taken.append((cont.start(), cont.end()))
                end = cont.end()
        # the rate first (同比增长9.1%，增收8300万元), then a change whose comparison was named earlier
        for pattern in (P.CHANGE_RATE_FIRST, P.CHANGE_BARE):
            for m in unit.matches(pattern):
                if free(m):
                    anchor = m.group("anchor") if "anchor" in m.re.groupindex else None
                    self._add_change(unit, m, prior=None, basis=anchor or "", subject="")
                    taken.append((m.start(), m.end()))

    def _growth_of(self, unit: Unit) -> list[tuple[str, Mention]]:
        """The unit's growth rates (_growth_rates), read once per unit however many gaps look back at it."""
        if unit.order not in self._growth:
            self._growth[unit.order] = _growth_rates(unit)
        return self._growth[unit.order]

    def _budget_relations(self, unit: Unit, completions: list[Claim]) -> None:
        """决算数小于预算数 said after a completion (…支出决算为210.00万元，完成年初预算的105.00%。决算数小于预算数
        的主要原因…): the words say which way the completion's actual lies from its budget (NC103). The completion
        is the only one with both figures before the words (in their paragraph since the words before them), in
        their sentence or the one before, of what their
        sentence names before them (基本支出决算数小于… after 基本支出's completion; not after another item's) and of
        the budget they name (决算数大于年初预算数: not after a completion of the adjusted budget); else no claim.
        """
        if not P.BUDGET_RELATION.search(unit.text):
            return
        placed = []
        for c in completions:
            if isinstance(c, RatioClaim) and c.numerator is not None and c.denominator is not None:
                pos = next((x.start for x in unit.mentions if unit.locate(x.start) == c.percent.location), None)
                if pos is not None:
                    placed.append((pos, c))
        said = 0  # (where the words before these ended: a completion weighed already is not these words')
        for m in P.BUDGET_RELATION.finditer(unit.text):
            s_start, _ = unit.sentence_span(m.start())
            lo = unit.sentence_span(s_start - 1)[0] if s_start > 0 else 0
            before = [c for pos, c in placed if lo <= pos < m.start()]
            since = [c for pos, c in placed if said <= pos < m.start()]
            said = m.end()
            if len(before) != 1 or len(since) != 1:
                continue  # (none, or a total's and an item's completions: which one the words speak of is unsaid)
            done = before[0]
            assert isinstance(done, RatioClaim) and done.numerator is not None and done.denominator is not None
            # (the words' own clause where the completion shares their sentence: …完成年初预算的108.00%，决算数小于…)
            shared = any(s_start <= pos for pos, c in placed if c is done)
            named_from = start_of(unit.text, m.start(), PHRASE) if shared else s_start
            named = normalize_subject(unit.text[named_from:m.start()].strip("，,。；; "))
            if named and named not in normalize_subject(done.numerator.subject):
                continue  # (因公出国（境）费决算数小于… after 公务接待费's completion: another item)
            kinds, own = budget_kinds(m.group()), budget_kinds(done.denominator.subject)
            if kinds and own and not kinds & own:
                continue  # (决算数大于年初预算数 after a completion of the adjusted budget)
            word = m.group("rel")
            self.claims.append(ChangeClaim(
                subject=done.numerator.subject, current=done.numerator, prior=done.denominator,
                delta_direction="up" if family_of(word, "ratio.relation_more") else "down", delta_word=word,
                basis=m.group(), **self._claim_kwargs(unit, m.start(), m.end())))

    def _rate_gaps(self, unit: Unit) -> None:
        """民生支出增长19.67%，高于财政支出增速3.64个百分点: the growth rate its sentence states right before, minus the
        growth rate of the quantity named (the nearest before, in this paragraph or an earlier one, whose figure
        is named so: 全省财政支出…增长16.03%), is the gap in points (NC102), lying the way the words say (NC103).
        Only rises are weighed (a fall's rate is printed without its sign); a name no growth rate is stated for
        gives no claim.
        """
        if not P.RATE_GAP.search(unit.text):
            return
        for m in P.RATE_GAP.finditer(unit.text):
            name = normalize_subject(m.group("other"))
            s_start, _ = unit.sentence_span(m.start())
            own = [(o, r) for o, r in self._growth_of(unit) if s_start <= r.start < m.start()]
            clause = start_of(unit.text, m.start(), CLAUSE)
            said = _RATE_NAMED.search(unit.text, clause, m.start())
            mine = normalize_subject(unit.text[clause:said.start()]) if said is not None else ""
            if len(mine) >= 2:  # (教育经费增幅高于经常性收入增幅…: the rate named, in its paragraph, not the last one)
                own = [(o, r) for o, r in self._growth_of(unit) if r.start < m.start() and _named_as(o, mine)]
            if len(name) < 2 or not own or _named_as(own[-1][0], name):
                continue
            other = None
            for earlier in reversed(self.units[:unit.order + 1]):
                found = [r for o, r in self._growth_of(earlier) if _named_as(o, name)
                         and (earlier is not unit or r.start < (m.start() if len(mine) >= 2 else own[-1][1].start))]
                if found:  # (two rates for the name in one paragraph: 增长5.10%，剔除…后增长6.20%: which is unsaid)
                    other = found[-1] if len({r.quantity.value for r in found}) == 1 else None
                    break
            if other is None:
                continue
            points = Mention(unit, m.start("points"), m.end("points"), parse_number(m.group("points"), "%"),
                             m.group("other"), role="delta")
            word = m.group("dir1")
            self.claims.append(ChangeClaim(
                subject=own[-1][0], current=own[-1][1].figure(), prior=other.figure(), delta=points.figure(),
                delta_direction="up" if family_of(word, "rate_gap.above") else "down", delta_word=word,
                basis=m.group("other"), **self._claim_kwargs(unit, m.start(), m.end())))

    def _count_changes(self, unit: Unit) -> None:
        """实有人数56人，比上年增加4人，增长7.69%: a count of the year, changed by a count of the same unit, with the
        prior count or the rate stated too (else nothing to weigh): NC101, NC102 and NC103 as for money.
        """
        if not unit.may_change:
            return
        for m in P.COUNT_CHANGE.finditer(unit.text):
            current, delta = unit.mention_at(m.start("current")), unit.mention_at(m.start("delta"))
            prior = unit.mention_at(m.start("prior")) if m.group("prior") else None
            rate_group = _first(m, "rate", "ratep")
            rate = unit.mention_at(m.start(rate_group)) if rate_group else None
            if current is None or delta is None or (prior is None and rate is None) \
                    or any(x.family == "money" for x in (current, delta)):
                continue
            dir2 = _first(m, "dir2", "dir2p")
            self.claims.append(ChangeClaim(
                subject=current.subject, current=current.figure(), prior=prior.figure() if prior else None,
                delta=delta.figure(), rate=rate.figure() if rate else None,
                delta_direction=_direction(m.group("dir1")), delta_word=m.group("dir1"),
                rate_direction=_direction(m.group(dir2)) if dir2 else None, rate_word=m.group(dir2) if dir2 else "",
                basis=normalize_digits(m.group("basis") or ""), **self._claim_kwargs(unit, m.start(), m.end())))

    def _add_points(self, unit: Unit, m: re.Match[str], prior: Mention, current: Mention) -> None:
        """A percentage changed by the percentage points `m` states: points = current − prior (NC102, NC103)."""
        points = Mention(unit, m.start("points"), m.end("points"), parse_number(m.group("points"), "%"),
                         m.group("basis") or "", role="delta")
        self.claims.append(ChangeClaim(
            subject=current.subject, current=current.figure(), prior=prior.figure(), delta=points.figure(),
            delta_direction=_direction(m.group("dir1")), delta_word=m.group("dir1"),
            basis=normalize_digits(m.group("basis")), **self._claim_kwargs(unit, m.start(), m.end())))

    def _add_change(self, unit: Unit, m: re.Match[str], prior: Mention | None, basis: str, subject: str,
                    current: Mention | None = None) -> None:
        delta = self._take(unit, m, "delta", "delta")
        rate_group = _first(m, "rate", "ratep", "rateb")
        rate = self._take(unit, m, rate_group, "rate") if rate_group else None
        flat = _first(m, "flat", "flatp")
        flat_word = m.group(flat) if flat and m.group(flat) in words("direction.flat_exact") else None
        if delta is None and (prior is None or (rate is None and flat_word is None)):
            return
        # skip the repeated "，下降0.05万元" figure between delta and rate, if any
        if delta is not None:
            for mention in unit.mentions:
                if delta.end < mention.start < m.end() and mention.role is None and mention.family == "money":
                    mention.role = "delta"
        kin = delta or prior
        assert kin is not None
        bound = _Bound(current) if current is not None else self._change_current(unit, m.start(), subject or "", kin)
        if bound == _Bound() and prior is None and (after := self._current_after(unit, m, kin, basis)) is not None:
            bound = _Bound(after)  # (…较上年减少4,600.00元，下降35.94%，决算数为12,800.00元: stated after its change)
        current, candidates = bound.current, bound.candidates
        flat_level = _first(m, "flatp") is not None  # 0.80万元，与上年预算0.85万元持平: said unchanged from a level
        if flat_level and (current is None or current.start < unit.sentence_span(m.start())[0]):
            current, candidates = None, ()  # (only against the figure its own sentence states)
        rise = "dir1" in m.re.groupindex and _direction(m.group("dir1")) == "up"
        if rise and current is not None and delta is not None and prior is None \
                and delta.quantity.in_unit(BASE_UNIT) > current.quantity.in_unit(BASE_UNIT) >= 0 \
                and self._in_sentence_before(unit, m.start(), current.family) != [current]:
            # an increase larger than a figure picked among several (or from another sentence): the wrong one was
            # bound; the sentence's only figure stays bound (its text cannot be right: last year would be < 0)
            current = None
        if prior is None:
            prior = bound.prior
            if current is not None and (_names_basis_period(current, basis)
                                        or _of_an_earlier_year(unit, current, m.start())):
                # 2021年…6.00万元，2022年比2021年减少1.50万元 (年初数…，年末数…，较年初增加…; 人员经费2022年为443.80
                # 万元，2023年增加25.10万元): the figure of the period compared with is the base
                prior, current, candidates = current, None, ()
            if P.ADJUSTED_BASIS.search(unit.text, unit.sentence_span(m.start())[0], m.end()):
                current, candidates = None, ()  # on an adjusted basis (同口径) the base is not current − change
            if prior is None and current is not None and not candidates:
                prior = self._basis_level(unit, current, basis, m.start())
        rate_word = m.group(_first(m, "dir2", "dir2p", "dir2b") or "dir2") if rate_group else flat_word
        rate_direction: Direction | None = "flat" if flat_word and not rate_group else _direction(rate_word)
        if rate is not None and rate.quantity.value < 0 and rate_direction == "up":
            rate_direction = "down"  # 增长-38.09%: a fall written as a negative rise
        delta_direction = _direction(m.group("dir1")) if _first(m, "dir1") and not flat_level else rate_direction
        delta_figure = delta.figure() if delta else None
        delta_word = (m.group("dir1") if "dir1" in m.re.groupindex else None) or ""
        if delta_figure is not None and delta_figure.value.startswith("-"):
            # 增加-3.20万元: a fall written as a negative rise (the amount is its size, the sign its way)
            delta_word += delta_figure.text
            delta_figure = delta_figure.model_copy(update={"value": delta_figure.value[1:]})
            delta_direction = _OPPOSITE.get(delta_direction or "", delta_direction)
        claim = ChangeClaim(
            subject=(subject or "").strip("，, 各") or (current.subject if current else ""),
            current=current.figure() if current else None,
            current_candidates=tuple(c.figure() for c in candidates),
            prior=prior.figure() if prior else None,
            delta=delta_figure,
            rate=rate.figure() if rate else None,
            # (a change said by its rate alone, 比上年的4.10万元下降10.98%, goes the way its rate's word says)
            delta_direction=delta_direction,
            rate_direction=rate_direction,
            delta_word=delta_word,
            rate_word=rate_word or "",
            basis=normalize_digits(basis).strip("，, "),
            **self._claim_kwargs(unit, m.start(), m.end()),
        )
        self.claims.append(claim)
        if current is not None:
            self._changes_by_current.setdefault(id(current), []).append(claim)

    def _open_change(self, unit: Unit, m: re.Match[str], current: Mention) -> None:
        """A change said by its rate alone right after the figure that changed (教育支出14562.80万元，比上年增长6.73%),
        kept open: no claim until a table of the document gives its base (extract/flat_tables/operands.py).
        """
        rate = unit.mention_at(m.start("rate"))
        basis = m.group("anchor") or ""
        if rate is None or current.family != "money" or not self._eligible(current) \
                or _names_basis_period(current, basis) or _of_an_earlier_year(unit, current, m.start()):
            return
        direction = _direction(m.group("dir2"))
        if rate.quantity.value < 0 and direction == "up":
            direction = "down"
        self.open_changes.append(ChangeClaim(
            subject=current.subject, current=current.figure(), rate=rate.figure(), delta_direction=direction,
            rate_direction=direction, rate_word=m.group("dir2"), basis=normalize_digits(basis).strip("，, "),
            **self._claim_kwargs(unit, m.start(), m.end())))

    def _current_after(self, unit: Unit, m: re.Match[str], kin: Mention, basis: str) -> Mention | None:
        """The level a change is about, stated right after it in its sentence by a clause that names only the
        year's actual figure (决算数为…, 2024年支出…; not 预算数, 上年…, nor the year compared with), else None.
        """
        _, s_end = unit.sentence_span(m.start())
        after = next((x for x in unit.mentions if m.end() <= x.start < s_end and x.role is None), None)
        if after is None or after.family != kin.family or not self._eligible(after):
            return None
        clause = unit.text[start_of(unit.text, after.start, CLAUSE):after.start].strip("，,；; ")
        if P.CURRENT_AFTER.match(normalize_digits(clause)) is None or _names_basis_period(after, basis) \
                or _of_prior_period(after):
            return None
        said = set(P.YEAR_NUMBER.findall(normalize_digits(clause)))
        against = set(P.YEAR_NUMBER.findall(normalize_digits(basis)))
        return None if said and said <= against else after

    def _basis_level(self, unit: Unit, current: Mention, basis: str, pos: int) -> Mention | None:
        """The level a change at `pos` is measured against, stated in its sentence before the figure that changed
        and named as it but for the basis (预算12.00万元，决算9.86万元，比预算减少…; 年初…1,856,420.11元，年末…
        1,196,042.93元，较年初减少…): the nearest such figure, else None.
        """
        stem = _stem(current.subject)
        if not stem:
            return None
        budget = any(b in basis for b in words("compare.bases"))
        s_start, _ = unit.sentence_span(pos)
        for x in reversed(unit.mentions):
            if x.start < s_start or x.end > current.start or x.family != current.family or not self._eligible(x) \
                    or _stem(x.subject) != stem:
                continue
            if _years_of(x) and _years_of(current) and _years_of(x) != _years_of(current):
                continue  # (2023年会议费预算…，2024年会议费决算…，比预算减少…: another year's budget)
            if (is_budget(x.subject) and not is_budget(current.subject) and _same_budget_kind(x, basis)) if budget \
                    else _names_basis_period(x, basis):
                return x
        year = _years_of(current)
        if len(year) != 1 or not s_start or not _PRIOR_YEAR_BASIS.search(basis) or is_budget(basis):
            return None
        # (2022年度…决算数为642.18万元。2023年度…决算数为701.36万元，比上年决算数增加…: the year before's figure,
        # named alike in the sentence before, is the base)
        p_start, _ = unit.sentence_span(s_start - 1)
        before = str(int(year.pop()) - 1)
        found = [x for x in unit.mentions if p_start <= x.start < s_start and x.family == current.family
                 and self._eligible(x) and _stem(x.subject) == stem and _years_of(x) == {before}
                 and is_budget(x.subject) == is_budget(current.subject)]  # (a budget is no base of an actual)
        return found[0] if len(found) == 1 else None

    def _named_pair(self, unit: Unit, pos: int, named: str, kin: Mention) -> Mention | None:
        """The figure a pair's name stands for (收、支总计各增加…: 收入总计 and 支出总计), where both names are
        found before `pos` with one value; else None.
        """
        pair = next(((k, v) for k, v in entry("names.pair_words").items() if k in named), None)
        if pair is None:
            return None
        found = [self._named_in_paragraph(unit, pos, named.replace(pair[0], word, 1), kin, current=True)
                 for word in pair[1]]
        if any(f is None for f in found) or len({f.quantity.in_unit(BASE_UNIT) for f in found if f}) != 1:
            return None
        return found[0]

    def _in_sentence_before(self, unit: Unit, pos: int, family: str) -> list[Mention]:
        """The free figures of `family` its sentence states before `pos`, in order."""
        s_start, _ = unit.sentence_span(pos)
        return [x for x in unit.mentions
                if s_start <= x.start and x.end <= pos and self._eligible(x) and x.family == family]

    def _one_actual_before(self, unit: Unit, m: re.Match[str]) -> Mention | None:
        """The one actual figure (no budget) of the prior's kind the sentence states before `m`, or None when it
        states none or several.
        """
        prior = unit.mention_at(m.start("prior"))
        found = [] if prior is None else [x for x in self._in_sentence_before(unit, m.start(), prior.family)
                                          if not is_budget(x.subject)]
        return found[0] if len(found) == 1 else None

    def _change_current(self, unit: Unit, pos: int, subject: str, kin: Mention) -> _Bound:
        """The figures a change is about, bound in the nearest scope that names them.

        - its own sentence: the figure of the same kind before the change, best subject match, else the
          nearest; but where a list of parts (其中…) stands between the total and the change, the change may
          speak of the total or of the last part: both are candidates;
        - a sentence without such a figure: the two figures of the sentence before that name consecutive
          years (2016年预算8万元，2015年预算12.5万元；对比减少4.35万元) are current and prior; else the
          paragraph's figure of the name the change gives; a sentence that opens with the change speaks of the
          figure stated just before it. Nothing else is guessed.
        """
        s_start, _ = unit.sentence_span(pos)
        # (a figure in brackets closed before the change annotates the one before it: 预算3.60万元（上年预算4.00万元），
        # 基本支出640.00万元（含人员经费520.00万元）: not what changed; nor a difference: …较到位资金少支出17.53万元)
        candidates = [m for m in self._in_sentence_before(unit, pos, kin.family)
                      if not _bracketed_before(unit, m, pos) and not _of_prior_period(m)
                      and not P.DIRECTION_AT_END.search(unit.text, max(0, m.start - 6), m.start)]
        if len(candidates) == 2 and (pair := _consecutive_years(candidates)) is not None:
            return _Bound(*pair)  # 2016年…33万元，2015年…57.55万元，与上年对比减少24.55万元
        if not candidates:
            pair = self._year_pair(unit, s_start, kin)
            if pair is not None:
                return _Bound(*pair)
            # the name is the change's own clause (总体来看，2020年度三公经费较上年…: not 总体来看), else its sentence
            clause = _clause_name(unit.text, pos, years=True)
            own = subject.strip("，, 各")
            words_named = own or (unit.text[start_of(unit.text, pos, CLAUSE):pos] if len(clause) >= 2
                                  else unit.text[s_start:pos])
            named = COMPARE_WORDS.sub("", own) if own else (
                clause if len(clause) >= 2 else COMPARE_WORDS.sub("", unit.text[s_start:pos].strip()))
            if named:  # the sentence names what changed: the paragraph's figure of that name, if one fits
                found = self._named_in_paragraph(unit, s_start, named, kin, current=True) \
                    or self._named_pair(unit, s_start, named, kin)
                said = set(P.YEAR_NUMBER.findall(normalize_digits(words_named)))
                if found is not None and said and said != set(P.YEAR_NUMBER.findall(normalize_digits(found.subject))):
                    return _Bound()  # 2022年度三公经费较2021年…: not the 2023 figure of that name
                return _Bound(found)
            before = [m for m in unit.mentions if m.end <= s_start and self._eligible(m) and m.family == kin.family]
            if not before:
                return _Bound()
            # the sentence before ends with a list of parts (总额…，其中：a…，b…。较上年减少…): its total or its
            # last part may be meant; each is tried
            p_start, _ = unit.sentence_span(before[-1].start)
            if (pair := _head_or_last(unit, before, p_start)) is not None:
                return _Bound(None, None, pair)
            stated = [m for m in before if m.start >= p_start]
            if len(stated) >= 2:  # the sentence before stated several: its first (its subject) or its last
                return _Bound(None, None, (stated[0], stated[-1]))
            candidates = before[-1:]
        key = normalize_subject(subject)
        named = _clause_name(unit.text, pos) if not key else ""
        if key:
            def score(m: Mention) -> tuple[int, int]:
                subj = normalize_subject(m.subject)
                common = len(_bigrams(key) & _bigrams(subj))
                return common, m.start
            best = max(candidates, key=score)
            if score(best)[0] > 0:
                return _Bound(best)
        elif len(named) >= 2:  # 基本支出200万元，公用经费减少10万元: the clause names what changed
            pairs = _bigrams(named)
            fitting = [m for m in candidates if 2 * len(pairs & _bigrams(normalize_subject(m.subject))) >= len(pairs)]
            if not fitting:
                return _Bound()  # another figure's name: nothing stated here changed
            candidates = fitting
        pair = _head_or_last(unit, candidates, s_start)
        return _Bound(None, None, pair) if pair is not None else _Bound(candidates[-1])

    def _year_pair(self, unit: Unit, s_start: int, kin: Mention) -> tuple[Mention, Mention] | None:
        """(current, prior): the only two figures of the kind in the sentence before `s_start`, named with
        consecutive years and otherwise the same words.
        """
        if s_start == 0:
            return None
        p_start, _ = unit.sentence_span(s_start - 1)
        return _consecutive_years([m for m in unit.mentions if p_start <= m.start < s_start and self._eligible(m)
                                   and m.family == kin.family])

    def _named_in_paragraph(self, unit: Unit, before: int, name: str, kin: Mention | str,
                            document: bool = False, least: Decimal = Decimal("0.5"),
                            current: bool = False) -> Mention | None:
        """The earlier figure whose subject shares most of `name`'s words (at least `least` of its character
        pairs), of `kin`'s family and the same measure (budget or actual), in the nearest scope that has one:
        this paragraph before `before`, then the paragraphs of its section (with `document`, then every earlier
        paragraph), nearest first. None when two fit equally well there. With `current` (what a change made
        current), never a figure named as the period before's (上年…支出), unless `name` is one itself.
        """
        family = kin if isinstance(kin, str) else kin.family
        plain = normalize_subject(name)
        earlier_ok = not current or _names_prior_period(plain)
        key = _bigrams(plain)

        def fit(subject: str) -> tuple[int, int, int]:  # the same name, a name that starts or ends it, shared pairs
            other = normalize_subject(subject)
            return (other == plain, bool(plain) and (other.startswith(plain) or other.endswith(plain)),
                    len(key & _bigrams(other)))

        budget = is_budget(name)  # a budget figure never stands for an actual one, nor the reverse
        # a paragraph decides only where a figure of the kind shares `need` of the pairs: so it has one of the
        # len(key) - need + 1 rarest (the others are too few), and only the paragraphs naming one are read
        lo, need = max(0, unit.order - FARTHEST), math.ceil(least * len(key))
        if need > 0:
            self._index_before(unit.order)
            units = self._pairs.get((family, budget), {})

            def count(pair: str) -> int:
                orders = units.get(pair, [])
                return bisect_left(orders, unit.order) - bisect_left(orders, lo)
            rarest = sorted(key, key=lambda pair: (count(pair), pair))[:max(0, len(key) - need + 1)]
            read = self._units_sharing((family, budget), rarest, lo, unit.order)
        else:
            read = self.units[lo:unit.order][::-1]
        earlier = [u for u in read if u.table is None]
        wider = [u for u in earlier if u.section == unit.section]
        if document:
            wider += [u for u in earlier if u.section != unit.section]
        scopes = [[m for m in unit.mentions if m.end <= before], *([m for m in u.mentions] for u in wider)]
        fitting = [[m for m in scope if self._eligible(m) and m.family == family and is_budget(m.subject) == budget
                    and (earlier_ok or not _of_prior_period(m))] for scope in scopes]
        # the figure of exactly that name, in the nearest scope that has one, before any nearer figure whose longer
        # name only ends or starts with it (信息化建设项目支出 is not the 项目支出 stated two paragraphs up)
        for scope in fitting:
            exact = [m for m in scope if plain and normalize_subject(m.subject) == plain]
            if exact:
                return exact[-1] if len({m.quantity.in_unit(BASE_UNIT) for m in exact}) == 1 else None
        core = _PERIOD_LEAD.sub("", plain)

        def narrower(m: Mention) -> bool:  # the name asked for adds words to the figure's (专项项目支出 is no 项目支出)
            other = _PERIOD_LEAD.sub("", normalize_subject(m.subject))
            return bool(other) and other != core and other in core and len(core) - len(other) >= 2

        side = _side(plain)

        def across(m: Mention) -> bool:  # a close name of the other side (…预算收入 for …预算支出)
            other = _side(m.subject)
            return side is not None and other is not None and other != side

        for scope in fitting:
            scored = sorted(((fit(m.subject), m) for m in scope if not narrower(m) and not across(m)),
                            key=lambda sm: sm[0], reverse=True)
            if not scored or scored[0][0][2] < least * len(key):
                continue
            if len(scored) > 1 and scored[1][0] == scored[0][0]:
                return None
            return scored[0][1]
        return None

    def _overs(self, unit: Unit) -> None:
        """实际完成数超任务43%: the rate by which what was done exceeds its target, (done − target) / target;
        both figures bound by the names the sentence gives, anywhere earlier in the document.
        """
        for m in P.OVER_TARGET.finditer(unit.text):
            pct = unit.mention_at(m.start("pct"))
            if pct is None or pct.role is not None:
                continue
            done_name = unit.text[start_of(unit.text, m.start(), CLAUSE):m.start()]
            self._index_before(unit.order + 1)
            for family in self._families_before(unit, m.start()):
                target = self._named_in_paragraph(unit, m.start(), m.group("target"), family, document=True)
                if target is None:
                    continue
                done = self._named_in_paragraph(unit, m.start(), done_name, family, document=True)
                if done is None:  # the one other figure of the kind is what was done
                    done = self._only_other(family, unit, m.start(), target)
                if done is None or done is target:
                    continue
                pct.role = "rate"
                self.claims.append(ChangeClaim(
                    subject=done_name, current=done.figure(), prior=target.figure(), rate=pct.figure(),
                    rate_direction="up", rate_word=m.group("over"), basis=m.group("target"),
                    **self._claim_kwargs(unit, m.start(), m.end())))
                break

    @staticmethod
    def _count_before(figures: list[Mention], unit: Unit, pos: int) -> int:
        """How many of `figures` (in document order) stand before `pos` in `unit` (end there at most)."""
        return bisect_right(figures, (unit.order, pos), key=lambda m: (m.unit.order, m.end))

    def _families_before(self, unit: Unit, pos: int) -> list[str]:
        """The families of the eligible figures of the document before `pos` in `unit`, in the order their first
        such figure stands.
        """
        firsts = []
        for family, figures in self._of_family.items():
            first = next((figures[i] for i in range(self._count_before(figures, unit, pos))
                          if self._eligible(figures[i])), None)
            if first is not None:
                firsts.append(((first.unit.order, first.start), family))
        return [family for _, family in sorted(firsts)]

    def _only_other(self, family: str, unit: Unit, pos: int, target: Mention) -> Mention | None:
        """The eligible figure of `family` before `pos` in `unit`, when all of them but `target` have one value
        (the last of them); None when they have none or several.
        """
        figures = self._of_family.get(family, [])
        only: Mention | None = None
        for i in range(self._count_before(figures, unit, pos) - 1, -1, -1):  # (nearest first: stops at a second value)
            x = figures[i]
            if x is target or not self._eligible(x):
                continue
            if only is None:
                only = x
            elif x.quantity.value != only.quantity.value:
                return None
        return only

    def _completions(self, unit: Unit) -> None:
        for m in unit.matches(P.COMPLETION):
            pct = self._take(unit, m, "pct", "pct")
            whole = self._take(unit, m, "whole", "whole")
            said = m.group("budget_after")
            if whole is None and (not said or said == m.group("budget") or budget_kinds(said) == budget_kinds(
                    m.group("budget"))):  # (完成年初预算的…（调整预算为…）: another budget, no operand)
                whole = self._take(unit, m, "whole_after", "whole")
            if pct is None:
                continue
            self._add_ratio(unit, m, COMPLETION_LABEL, pct, whole)
            self._gap_of_completion(unit, m)
        for m in unit.matches(P.COMPLETION_BARE):
            # 年初预算2.80万元，支出决算1.92万元，完成68.57%: only where its sentence states one budget and one actual
            pct = unit.mention_at(m.start("pct"))
            if pct is None or pct.role is not None:
                continue
            money = self._in_sentence_before(unit, m.start(), "money")
            budgets = [x for x in money if is_budget(x.subject)]
            if len(budgets) != 1 or len(money) != 2:
                continue
            actual = next(x for x in money if x is not budgets[0])
            if not self._completes_budget(unit, m, money, actual):
                continue
            pct.role = "pct"
            self._add_ratio(unit, m, COMPLETION_LABEL, pct, budgets[0], numerator=actual)

    @staticmethod
    def _completes_budget(unit: Unit, m: re.Match[str], money: list[Mention], actual: Mention) -> bool:
        """A bare 完成X% (`m`, after the sentence's `money`: one budget and `actual`) is that budget's completion
        only where 完成 has no subject of its own (its clause opens with it, after lead words at most, or holds
        only the spent figure before it), no word of another thing completed (工程进度, 计划任务, 产出指标) stands
        between the money and it, the percent is of nothing named after it (完成80%的工程量), and the sentence
        states no 执行率 or 完成预算 ratio itself.
        """
        text = unit.text
        clause = start_of(text, m.start(), CLAUSE)
        lead = text[actual.end if actual.start >= clause else clause:m.start()]
        if not P.BARE_COMPLETION_LEAD.fullmatch(lead):
            return False
        if P.OTHER_COMPLETION.search(text, max(x.end for x in money), m.start()) or text.startswith("的", m.end()):
            return False
        s_start, s_end = unit.sentence_span(m.start())
        return not any(s_start <= r.start() < s_end for pattern in (P.MEASURE, P.COMPLETION)
                       for r in unit.matches(pattern))

    def _gap_of_completion(self, unit: Unit, m: re.Match[str]) -> None:
        """完成预算52000万元的107.9%，超收4130万元: the one gap to the budget its sentence states (超收, 短收,
        超年初预算…) is the completion's actual less its budget (NC102), the way the word says (NC103).
        """
        done = self.claims[-1]
        if not isinstance(done, RatioClaim) or done.numerator is None or done.denominator is None:
            return
        s_start, s_end = unit.sentence_span(m.start())
        gaps: list[tuple[Mention, Direction, str]] = []
        for x in unit.mentions:
            if not s_start <= x.start < s_end or x.family != "money":
                continue
            before = unit.text[max(s_start, x.start - 10):x.start]
            for pattern, way in ((P.GAP_OVER_AT_END, "up"), (P.BUDGET_GAP_AT_END, "up"), (P.GAP_UNDER_AT_END, "down")):
                if (said := pattern.search(before)) is not None:
                    lead = unit.text[start_of(unit.text, x.start, CLAUSE):x.start - len(before) + said.start()]
                    if P.GAP_LEAD.fullmatch(lead):  # (not 其中增值税超收…: a part's gap)
                        gaps.append((x, cast(Direction, way), said.group().strip()))
                    break
        if len(gaps) != 1:
            return
        gap, way, word = gaps[0]
        self.claims.append(ChangeClaim(
            subject=done.numerator.subject, current=done.numerator, prior=done.denominator, delta=gap.figure(),
            delta_direction=way, delta_word=word, basis=done.denominator.subject,
            **self._claim_kwargs(unit, gap.start, gap.end)))

    def _add_ratio(self, unit: Unit, m: re.Match[str], measure: str, pct: Mention, whole: Mention | None,
                   numerator: Mention | None = None) -> None:
        """A completion `pct` of `whole` (else the budget the sentence binds), by `numerator` (else the money figure
        nearest before it in its sentence).
        """
        s_start, s_end = unit.sentence_span(m.start())
        named = m.group("budget") if "budget" in m.re.groupindex else None
        # (超收4130万元 / 较预算短收6960万元 / 超年初预算11480万元: the gap to the budget is neither operand)
        def level(x: Mention) -> bool:
            return x.family == "money" and not _gap_to_budget(unit, x)

        numerator = numerator or self._nearest_before(unit, m.start(), lo=s_start, accept=level)
        if whole is None and numerator is not None and is_budget(numerator.subject):
            # 支出12683.47万元，年初预算为11785.30万元，完成年初预算的107.26%: the budget came second
            actual = self._nearest_before(unit, numerator.start, lo=s_start,
                                          accept=lambda x: level(x) and not is_budget(x.subject))
            if actual is None:
                # 调整预算为2510.00万元，一般公共预算财政拨款支出决算完成调整预算的99.14%: the budget comes first, and
                # the actual is the figure the completion's own clause names, bound by that name
                actual = self._named_actual(unit, numerator, m.start())
            if actual is not None:
                whole, numerator = numerator, actual
            if whole is not None and not _same_budget_kind(whole, named):
                whole = None  # 完成年初预算的…: not the 调整预算 stated last
        # "决算数等于预算数" may follow as the next sentence: it states no figure, so it stands for the budget only
        # where the sentence prints none
        _, next_end = unit.sentence_span(min(s_end + 1, len(unit.text)))
        equal = bool(P.EQUAL_TO_BUDGET.search(unit.text, s_start, max(s_end, next_end)))
        if whole is None and numerator is not None:
            def of_kind(x: Mention) -> bool:
                return level(x) and is_budget(x.subject) and _same_budget_kind(x, named)
            verbatim = (named or "").removesuffix("数") if budget_kinds(named or "") else ""
            if verbatim:  # (完成全年预算的…: the 全年预算 stated, before a budget of the kind's other word)
                whole = self._nearest_before(unit, numerator.start, lo=s_start,
                                             accept=lambda x: of_kind(x) and verbatim in normalize_subject(x.subject))
            if whole is None:
                whole = self._nearest_before(unit, numerator.start, lo=s_start, accept=of_kind)
            if whole is None:
                whole = self._compared_budget(unit, numerator, m.start(), named)
            if whole is None and not equal:  # the budget the paragraph gave the same quantity (完成预算105425万元的…)
                name = normalize_subject(numerator.subject)
                whole = next((b for owner, b in reversed(self._budgets.get(unit.order, []))
                              if len(name) >= 4 and owner == name), None)
            if whole is None and not equal:
                whole = self._arranged_before(unit, numerator, s_start, named)
        if whole is not None and numerator is not None:
            self._budgets.setdefault(unit.order, []).append((normalize_subject(numerator.subject), whole))
            self._completed_actuals.setdefault(unit.order, []).append((numerator, whole))
        claim = RatioClaim(
            measure=measure, percent=pct.figure(), numerator=numerator.figure() if numerator else None,
            denominator=whole.figure() if whole else None,
            # (a printed budget the actual equals, 0 and 0 too, keeps the 等于 reading: exactly 100%)
            equal_stated=equal and (whole is None or numerator is not None
                                    and whole.quantity.in_unit(BASE_UNIT) == numerator.quantity.in_unit(BASE_UNIT)),
            **self._claim_kwargs(unit, m.start(), m.end()))
        self.claims.append(claim)
        self._completed.setdefault(unit.order, []).append((pct.start, claim))

    def _arranged_before(self, unit: Unit, actual: Mention, s_start: int, named: str | None) -> Mention | None:
        """The budget the sentence before a completion arranged for the completion's actual (年初预算安排政府性基金
        收入22000万元。全年实际完成政府性基金收入19870万元，完成年初预算的90.3%): the one budget there of the kind the
        rate names, arranged for what the actual's name ends with (four characters at least); else None.
        """
        if s_start == 0:
            return None
        p_start, _ = unit.sentence_span(s_start - 1)
        name = normalize_subject(actual.subject)
        found = []
        for x in unit.mentions:
            if p_start <= x.start and x.end <= s_start and x.family == "money" and self._eligible(x) \
                    and is_budget(x.subject) and _same_budget_kind(x, named):
                arranged = P.ARRANGED.search(normalize_subject(x.subject))
                what = normalize_subject(x.subject)[arranged.end():] if arranged else ""
                found.append(x if len(what) >= 4 and name.endswith(what) else None)
        return found[0] if len(found) == 1 else None

    def _named_actual(self, unit: Unit, budget: Mention, pos: int) -> Mention | None:
        """The actual a completion's clause names after the budget stated before it (…，一般公共预算财政拨款支出决算
        完成调整预算的…): the name between the clause's start and `pos`, of four characters at least and no budget,
        bound by that name before the budget (one value in its nearest scope); a clause naming nothing, the actual
        of the paragraph's completion before it (against another budget); else None.
        """
        text = unit.text
        clause = start_of(text, pos, CLAUSE)
        if clause < budget.end:
            return None
        name = normalize_subject(text[clause:pos])
        if not name:
            # (完成年初预算的107.00%。全年预算为650.00万元，完成全年预算的98.77%: a completion of no subject after
            # the paragraph's last one, against another budget of the same kind of thing, measures the same actual)
            done = self._completed_actuals.get(unit.order, [])
            if done and done[-1][0].end <= budget.start and _bare_budget(budget) \
                    and budget_kinds(normalize_subject(done[-1][1].subject)) != budget_kinds(
                        normalize_subject(budget.subject)):
                return done[-1][0]
            return None
        if len(name) < 4 or is_budget(name):
            return None
        found, _ = self._bind_name(name, unit, budget.start)
        return found if found is not None and not is_budget(found.subject) else None

    def _of_prior(self, unit: Unit) -> None:
        """公务接待费1.36万元，是上年0.68万元的2倍 / 为上年437.12万元的95.44%: the figure before it in its sentence
        (of the prior's family) over the prior level it names.
        """
        for m in unit.matches(P.OF_PRIOR):
            prior = unit.mention_at(m.start("prior"))
            if prior is None:
                continue
            s_start, _ = unit.sentence_span(m.start())
            basis_year = frozenset(P.YEAR_NUMBER.findall(normalize_digits(m.group("basis"))))
            current = self._nearest_before(unit, m.start(), lo=s_start,
                                           accept=partial(_current_of, prior=prior, basis_year=basis_year))
            if P.APPROXIMATE_AFTER.match(unit.text, m.end()) \
                    or P.APPROXIMATE_BEFORE.search(unit.text, m.start(), m.end()):
                continue  # (是上年的3倍多, 为上年的近2倍: no figure to hold it to)
            if m.group("pct") is not None:
                pct = unit.mention_at(m.start("pct"))
                if pct is None:
                    continue
                stated = pct.figure()
            else:
                q = parse_number(m.group("times"))
                stated = Figure(value=q.digits(), text=unit.raw[m.start("times"):m.end()], subject=m.group("basis"),
                                location=unit.locate(m.start("times")))
            self.claims.append(RatioClaim(
                measure=OF_PRIOR_LABEL, percent=stated, numerator=current.figure() if current else None,
                denominator=prior.figure(), as_percent=m.group("pct") is not None,
                **self._claim_kwargs(unit, m.start(), m.end())))

    def _progress(self, unit: Unit) -> None:
        """较均衡进度慢2.94%: the gap between a completion stated before it in its sentence and the share of the
        year its months make (2 of 12 for 1-2月, 1 for 2月份), named in that sentence, else the last named before it
        in its paragraph, else in the paragraph right before it in its section, where it opens a sentence (1-4月，
        全市…收入…。 / 全市…支出…，完成年初预算36.7%，快于序时进度…: the span the bulletin's paragraphs go on about).
        """
        completed = self._completed.get(unit.order)
        if not completed:
            return  # (no completion in the paragraph: nothing to compare a progress with)
        for m in P.PROGRESS.finditer(unit.text):
            s_start, _ = unit.sentence_span(m.start())
            done = next((c for at, c in reversed(completed) if s_start <= at < m.start()), None)
            months = _months(unit.text[s_start:m.start()])
            if months is None and done is not None:
                months = _months(unit.text[:m.start()], opening=True)
                before = self.units[unit.order - 1] if unit.order else None
                if months is None and before is not None and before.table is None and before.section == unit.section:
                    months = _months(before.text, opening=True)
            if done is None or months is None:
                continue
            word = m.group("before") or m.group("after") or ""
            gap = parse_number(m.group("gap"), "%")
            figure = Figure(value=gap.digits(), unit="%", text=unit.raw[m.start("gap"):m.end()],
                            subject=m.group("progress"), location=unit.locate(m.start("gap")))
            self.claims.append(RatioClaim(
                measure=m.group("progress"), percent=figure, numerator=done.numerator, denominator=done.denominator,
                operands=(done.percent,), as_percent=False, elapsed_months=months,
                ahead=family_of(word, "progress.ahead") is not None, **self._claim_kwargs(unit, m.start(), m.end())))

    def _shares(self, unit: Unit) -> None:
        # the whole of a share list ("X决算中，A…占a%；B…占b%") carries over its "；"-separated items
        carried: tuple[Mention, int, tuple[object, ...]] | None = None
        for m in unit.matches(P.SHARE):
            pct = self._take(unit, m, "pct", "pct")
            if pct is None:
                continue
            wname = (m.group("wname") or "").strip()
            if (in_order := P.SHARES_IN_ORDER.search(wname)) is not None:
                self._shares_in_order(unit, m, pct, wname[:in_order.start()])
                carried = None
                continue
            whole = self._take(unit, m, "whole", "whole")
            respective = P.RESPECTIVE_BEFORE.search(unit.text, max(0, m.start() - 3), m.start())
            more = P.PERCENT_LISTED.match(unit.text, pct.end)
            listed = respective or more  # (…分别占支出预算的67.24%、18.64%…: shares, no completion)
            if respective and more:
                carried = None
                if wname.removesuffix("的") in words("ratio.completion_wholes"):
                    continue  # (A、B分别为…，分别占年初预算的p%、q%: each item's own budget may be meant)
                # (A、B分别为a万元、b万元，分别占X的p%、q%: each amount's share of X, in order)
                self._shares_in_order(unit, m, pct, wname.removesuffix("的"))
                continue
            if _BUDGET_WHOLE.search(wname) and is_budget(wname) and not _qualifier(wname) and not listed:
                self._add_ratio(unit, m, COMPLETION_LABEL, pct, whole)  # 占年初预算的95%: a completion rate
                continue  # (占政府采购预算的58.8% names its whole: a share of the figure of that name)
            s_start, _ = unit.sentence_span(m.start())
            # (…同比增长7.11%（上年同期22980万元），占…: last year's level is no part of this year's whole)
            of_this_year = (lambda x: True) if _names_prior_period(normalize_subject(wname)) else _not_prior_period
            part = self._nearest_before(unit, m.start(), lo=s_start, accept=of_this_year)
            if part is not None and P.MEASURED.search(unit.text, part.end, m.start()):
                # (完成投资1050万元，…，完成道路硬化18公里，占计划的90%: the share is of the length, which no claim
                # reads; never of the money before it)
                carried = None
                continue
            c_start = start_of(unit.text, m.start(), CLAUSE)
            part_name = unit.text[c_start:m.start()].strip()
            named_part = len(part_name) >= 2 and (part is None or part.start < c_start)
            if named_part:  # 税收占财政总收入的比重为53.79%
                part = self._named_in_paragraph(unit, m.start(), part_name, "money")
            before = m.start() if named_part or part is None else part.start
            group_head: Mention | None = None
            candidates: list[Mention] = []
            if whole is None and wname:
                whole, candidates = self._bind_name(wname, unit, before, part)
            if whole is None and not candidates and wname and wname not in GENERIC_WHOLES and part is not None:
                # a name close to the whole's (财政总收入 for 公共财政预算总收入): three in four of its pairs
                near = self._named_in_paragraph(unit, before, wname, "money", document=True,
                                                least=Decimal("0.75"))
                if near is not None and near is not part \
                        and near.quantity.in_unit(BASE_UNIT) >= part.quantity.in_unit(BASE_UNIT):
                    whole = near
            if whole is None and not candidates and wname and wname not in GENERIC_WHOLES and part is not None:
                # (…占教育经费总投入的83.53%。全区教育经费总投入73512.88万元: stated after it, in its paragraph)
                whole = self._named_after(wname, unit, m.end(), part)
            opened = None  # (基本支出中，…: the whole the sentence names as it opens)
            if whole is None and not candidates and (not wname or wname in GENERIC_WHOLES):
                stated = P.FIGURE_WHOLE.match(unit.text, s_start)
                if stated is not None and stated.end() <= (part.start if part else m.start()) \
                        and not P.LIST_MARKER.search(unit.text, stated.end(), m.start()):
                    # (…支出510.85万元中，基本支出285.02万元，占55.79%: the figure the sentence opens with)
                    whole = group_head = unit.mention_at(stated.start("whole"))
            if whole is None and not candidates and (not wname or wname in GENERIC_WHOLES):
                opened = P.NAMED_WHOLE.match(unit.text, s_start)
                if opened is None and unit.text[:s_start].strip() == "":
                    opened = P.NAMED_WHOLE.match(unit.text)
                if opened is not None and opened.end() <= (part.start if part else m.start()):
                    # (…。基本支出中，人员经费450.00万元，占75.00%: named before its parts, it wins over a list's head)
                    whole = group_head = self._opened_whole(unit, opened.group("name"), s_start, part)
            if whole is None and not candidates and not wname and part is not None:
                # (政府采购支出总额8.60万元，授予中小企业合同金额8.60万元，占100%: the total the sentence opens with)
                whole = group_head = self._opening_total(unit, s_start, part)
            if whole is None and not candidates and (not wname or wname in GENERIC_WHOLES):
                head, _ = self._list_head(unit, m.start(), normalize_subject(part.subject)[-4:] if part else "")
                if head is not None and part is not None and "money" in (head.family, part.family) \
                        and head.family != part.family:
                    head = None  # (…更新1辆公务用车。其中：公务接待费9.88万元，占12.40%: a count heads no money list)
                if head is not None and carried is not None and head.end <= carried[1] \
                        and "。" not in unit.text[carried[1]:m.start()] \
                        and not BREAKDOWN.search(unit.text, carried[1], m.start()):
                    # (…收入17.46亿元，超收0.56亿元。其中，A…占一般公共预算收入的69.01%；B…占30.99%: the whole the
                    # list's last share named carries on past the list's head)
                    whole = group_head = carried[0]
                elif head is not None and (part is None or head is not part) \
                        and any(x.family == "percent" and x.role == "pct" and head.end <= x.start < m.start()
                                for x in unit.mentions):
                    # (授予中小企业合同金额19.80万元，占…的75%，其中：授予小微企业合同金额12.00万元，占45.45%: the head
                    # is itself a share's part; the bare share is of it, or holds of that share's whole)
                    whole = group_head = head
                    candidates = [carried[0]] if carried is not None and carried[0] is not head else []
                elif head is not None and (part is None or head is not part):
                    whole = group_head = head
                else:
                    if opened is not None:
                        whole = group_head = self._opened_whole(unit, opened.group("name"), m.start(), part)
                    else:  # the paragraph's total before it (决算支出总计512.3万元。…基本支出392.39万元，占76.59%)
                        whole = group_head = self._nearest_before(
                            unit, part.start if part else m.start(), accept=_total_of(part))
                        if carried is not None and "。" not in unit.text[carried[1]:m.start()] \
                                and not BREAKDOWN.search(unit.text, carried[1], m.start()) \
                                and (whole is None or whole is carried[0]):
                            # the list's whole carries on, unless another total stands nearer (本年支出合计 after
                            # 本年收入合计) or a 其中 between opens a list of the part's own
                            whole = group_head = carried[0]
            if whole is None and not candidates and part is not None and (not wname or wname in GENERIC_WHOLES) \
                    and unit.section and (titled := P.STRUCTURE_HEADING.match(
                        without_marker(unit.section[-1]).strip())) is not None:
                # (（二）一般公共预算财政拨款支出决算结构情况 / 一般公共服务支出…，占58.33%: the heading names the
                # whole, stated in the section before)
                whole, candidates = self._bind_name(titled.group("name"), unit, before, part)
                group_head = whole
            if whole is not None and part is not None and "money" in (whole.family, part.family) \
                    and whole.family != part.family:
                whole = group_head = None  # a share of money is never of a count (辆, 批次), nor the reverse
            if group_head is None and whole is not None:
                group_head = whole
            # shares of one whole stated together: one list in a paragraph, or, when each names the whole
            # ("占基本支出的78.03%" … "占基本支出的21.97%"), one section
            together: tuple[object, ...] = (
                (unit.section, normalize_subject(wname)) if wname and wname not in GENERIC_WHOLES
                else carried[2] if carried is not None and whole is carried[0] else (unit.order,))
            # the whole carries on to the next share that names none (…占收入总计的87.12%；其他收入…，占2.58%)
            carried = (whole, m.end(), together) if whole is not None else None
            self.claims.append(ShareClaim(
                part=part.figure() if part else None, whole=whole.figure() if whole else None,
                whole_name=wname, percent=pct.figure(), whole_candidates=tuple(c.figure() for c in candidates),
                group=self._group_of(together, group_head) if group_head else None,
                **self._claim_kwargs(unit, m.start(), m.end())))

    def _opening_total(self, unit: Unit, s_start: int, part: Mention) -> Mention | None:
        """The figure a sentence opens with, named as a total (…总额, …合计), where the part is the next figure in
        a clause of its own that names no total, no smaller than the part; else None.
        """
        money = [x for x in unit.mentions if s_start <= x.start <= part.start and x.family == "money"]
        if len(money) != 2 or money[1] is not part or _TOTAL_NAME.search(normalize_subject(part.subject)):
            return None
        first = money[0]
        if not _TOTAL_NAME.search(normalize_subject(first.subject)[-4:]) or not self._eligible(first) \
                or first.quantity.in_unit(BASE_UNIT) < part.quantity.in_unit(BASE_UNIT) \
                or start_of(unit.text, part.start, CLAUSE) < first.end \
                or P.LIST_MARKER.search(unit.text, first.end, part.start):
            return None
        return first

    def _opened_whole(self, unit: Unit, name: str, pos: int, part: Mention | None) -> Mention | None:
        """The whole a sentence names as it opens (基本支出中，人员经费…占75%), bound by that name before `pos`;
        never the part itself nor a smaller figure. A name too general to be looked up (收入中，/ 支出中，) is
        the nearest total before `pos` of the name's side (本年收入合计, not the 财政拨款收入 it breaks down).
        """
        if normalize_subject(name) not in GENERIC_WHOLES:
            return self._bind_name(name, unit, pos, part)[0]
        side, total = _side(name), _total_of(part)
        return self._nearest_before(unit, pos, accept=lambda x: total(x) and (
            side is None or _side(normalize_subject(x.subject)) == side))

    def _shares_in_order(self, unit: Unit, m: re.Match[str], first: Mention, wname: str) -> None:
        """…道路养护530万元、桥梁检测260万元、安全设施160万元，占项目支出的比重依次为55.79%、27.37%、16.84%: each
        amount's share of the whole, in order, where the shares follow the list at once and the list (its amounts
        after the whole, none in brackets) has as many amounts as there are shares; else nothing is paired.
        """
        pcts = [first]
        for x in unit.mentions:
            if x.start < pcts[-1].end:
                continue
            if x.family != "percent" or x.role is not None \
                    or unit.text[pcts[-1].end:x.start].strip() not in words("respective.joiners"):
                break
            x.role = "pct"
            pcts.append(x)
        s_start, _ = unit.sentence_span(m.start())
        amounts = [x for x in self._in_sentence_before(unit, m.start(), "money")
                   if not _of_prior_period(x) and bracket_depth(unit.text, s_start, x.start) == 0]
        whole, candidates = self._bind_name(wname, unit, m.start()) if wname else (None, [])
        if whole is None and not candidates and len(amounts) == len(pcts) + 1:
            # the list's own total: named so after it (…，合计950万元，占比依次为…), or before a list marker that
            # opens it (项目支出950万元，分别为：…)
            if TOTAL_WORDS.search(amounts[-1].subject):
                whole = amounts[-1]
            elif P.LIST_MARKER.search(unit.text, amounts[0].end, amounts[1].start):
                whole = amounts[0]
        parts = [x for x in amounts if x is not whole
                 and (whole is None or whole.unit is not unit or x.start > whole.end or whole is amounts[-1])]
        between = P.RESPECTIVE_BEFORE.sub("", unit.text[amounts[-1].end:m.start()]) if amounts else ""
        if len(pcts) < 2 or len(parts) != len(pcts) or _WORD_OR_FIGURE.search(between):
            parts = []  # (道路养护和桥梁检测占…: the shares name parts of their own; 分别增加…: changes between)
        group = self._group_of((unit.order,), whole) if whole is not None and parts else None
        for n, pct in enumerate(pcts):
            part = parts[n] if parts else None
            self.claims.append(ShareClaim(
                part=part.figure() if part else None, whole=whole.figure() if whole and part else None,
                whole_name=wname, percent=pct.figure(), group=group,
                whole_candidates=tuple(c.figure() for c in candidates) if part else (),
                **self._claim_kwargs(unit, m.start() if pct is first else pct.start, pct.end)))

    def _group_of(self, together: tuple[object, ...], head: Mention) -> int:
        """A small number naming one group of shares, the same in every run (numbered in reading order)."""
        key = (together, head.unit.order, head.start)
        return self._groups.setdefault(key, len(self._groups) + 1)

    def _measures(self, unit: Unit) -> None:
        for m in P.MEASURE.finditer(unit.text):
            pct = unit.mention_at(m.start("pct"))
            if pct is None or pct.role is not None:
                continue
            pct.role = "pct"
            measure = m.group("measure")
            s_start, _ = unit.sentence_span(m.start())
            actual = _actual_at_top(unit, s_start)
            complement = any(w in measure for w in words("ratio.complement"))  # 结余率: what is left of the budget
            # the words the amount a rate divides must be named with (资金到位率: 到位…; lexicon ratio_numerators)
            needs = [w for key, said in entry("ratio_numerators").items() if key in measure for w in said]

            def balance(x: Mention, top: Callable[[Mention], bool] = actual) -> bool:
                return top(x) and _names_balance(x)

            def divided(x: Mention, top: Callable[[Mention], bool] = actual, needs: list[str] = needs) -> bool:
                named = normalize_subject(x.subject)
                return top(x) and not _names_balance(x) and (not needs or any(w in named for w in needs))

            # a balance rate is the balance the sentence names over the budget, else one minus the spent share;
            # any other rate never takes the balance for what was spent
            numerator = self._nearest_before(unit, m.start(), lo=s_start, accept=balance) if complement else None
            if numerator is not None:
                complement = False
            else:
                numerator = self._nearest_before(unit, m.start(), lo=s_start, accept=divided)
            if numerator is None and s_start and unit.text[s_start - 1] in "；;" \
                    and P.COMPARE_OPENER.match(unit.text, s_start):
                # (财政拨款支出2205.14万元；较调整预算2260.00万元，执行率…: the clause after ； goes on about it)
                numerator = self._nearest_before(unit, s_start, lo=unit.sentence_span(s_start - 1)[0],
                                                 accept=divided)
            denominator = self._sentence_funds(unit, numerator, s_start, measure) if numerator else None
            of_funds = any(w in measure for w in words("ratio.of_funds_total"))
            if numerator is None and of_funds:
                numerator = denominator = _arrived_in_full(unit, s_start, m.start())
            denominator = denominator or self._budget_figure(
                unit, numerator.start if numerator else m.start(), totals=of_funds,
                elsewhere=numerator is not None and _names_nothing(numerator.subject))
            if denominator is None and numerator is not None:  # 支出12683.47万元，年初预算为11785.30万元，完成…
                denominator = self._nearest_before(unit, m.start(), lo=numerator.end,
                                                   accept=lambda x: x.family == "money" and is_budget(x.subject))
                if denominator is None:
                    said = unit.text[start_of(unit.text, m.start(), CLAUSE):m.start("pct")]  # (年初预算执行率…)
                    denominator = self._compared_budget(
                        unit, numerator, m.start(), said,
                        adjusted=not any(w in said for w in words("budget_changes.initial")))
            if numerator is not None and denominator is not None \
                    and self._another_owner(unit, numerator, denominator):
                denominator = None  # 中央资金支出486.30万元，执行率…: the 中央资金 budget, not the project's
            if denominator is not None and _initial_budget(denominator) \
                    and not any(w in measure for w in words("budget_changes.initial")):
                # a rate is measured against the budget after the year's changes: the one the initial budget is
                # listed under (全年预算数640万元，其中年初预算500万元…；…执行率), else none when the text says
                # the budget was changed (年初预算48.00万元，年中追减8.00万元，…执行率)
                adjusted = self._listed_under(unit, denominator)
                if adjusted is not None or _adjusted_since(unit, denominator, m.start()):
                    denominator = adjusted
            self.claims.append(RatioClaim(
                measure=measure, percent=pct.figure(), numerator=numerator.figure() if numerator else None,
                denominator=denominator.figure() if denominator else None,
                deviation=any(w in measure for w in words("ratio.deviation")), complement=complement,
                **self._claim_kwargs(unit, m.start(), m.end())))

    @staticmethod
    def _sentence_funds(unit: Unit, paid: Mention, s_start: int, measure: str) -> Mention | None:
        """The project's funds a rate of what was paid (执行率, 支付率) divides when its sentence opens with them
        (项目资金共2179万元，截至12月8日，已完成拨付2113.63万元，执行率97%): the sentence's first money figure,
        named as funds (资金, 经费) with no measure word (no budget, actual or total investment: those are bound by
        their own names), the only money figure before `paid`, which is named by a word of paying; else None.
        """
        if not any(w in measure for w in words("ratio.paid_measures")) \
                or not any(w in normalize_subject(paid.subject) for w in words("ratio.paid_words")):
            return None
        before = [x for x in unit.mentions if s_start <= x.start < paid.start and x.family == "money"]
        if len(before) != 1:
            return None
        funds = before[0]
        if not _names_funds_only(funds.subject) or bracket_depth(unit.text, s_start, funds.start) \
                or P.LIST_MARKER.search(unit.text, funds.end, paid.start):
            return None
        return funds

    @staticmethod
    def _compared_budget(unit: Unit, actual: Mention, end: int, named: str | None = None,
                         adjusted: bool = False) -> Mention | None:
        """The budget `actual` was compared with between it and `end` (支出812.47万元，较调整预算830.00万元少支出
        17.53万元，执行率…): a change's prior level that is a budget (of the kind `named`, when a rate names one),
        where there is one such value, or one adjusted budget among them for an execution rate (`adjusted`).
        """
        found = [x for x in unit.mentions if actual.end <= x.start and x.end <= end and x.role == "prior"
                 and x.family == "money" and is_budget(x.subject) and _same_budget_kind(x, named)]
        if len({x.quantity.in_unit(BASE_UNIT) for x in found}) > 1 and adjusted:
            found = [x for x in found if _adjusted_budget(x)]  # (an execution rate: against the adjusted one)
        # (较调整预算…少支出…，较年初预算…多支出…，完成预算的…: two budgets, the rate names neither: none)
        return found[0] if len({x.quantity.in_unit(BASE_UNIT) for x in found}) == 1 else None

    def _listed_under(self, unit: Unit, initial: Mention) -> Mention | None:
        """The budget after the year's changes that `initial` opens the list of (调整后预算120万元，其中年初预算
        100万元…): named so, the figure right before it with only a list marker between, else None.
        """
        before = self._nearest_before(unit, initial.start)
        if before is None or not _adjusted_budget(before):
            return None
        between = unit.text[before.end:initial.start]
        return before if P.LIST_MARKER.search(between) and "。" not in between else None

    def _count_completions(self, unit: Unit) -> None:
        """计划改造1,200户，实际完成1,140户，完成率95.00%: the count done over the count planned, when the sentence
        states one planned count and, after it, one count done of the same family (户 with 户; 人, 名 and 个 count
        people alike), no list opening between them (else nothing is claimed). A physical measure (计划新建道路
        25公里，实际完成22.5公里) is read alike, only against a figure of its own unit (公里 with 公里, never 米 nor
        万元), and only where its sentence states no third figure of that unit. A completion of 100% over more done
        than planned is the convention that caps it (超额完成按100%计): nothing is claimed.
        """
        for m in unit.matches(P.COUNT_COMPLETION):
            pct = unit.mention_at(m.start("pct"))
            if pct is None or pct.role is not None or unit.text[:m.start()].rstrip()[-1:] not in _CLAUSE_OPENERS:
                continue  # (投资完成率, 资金完成率: a completion of money, not of the counts)
            s_start, _ = unit.sentence_span(m.start())
            counts = sorted([x for x in unit.mentions if s_start <= x.start < m.start() and x.role is None
                             and x.family not in ("money", "percent")] + _measures(unit, s_start, m.start()),
                            key=lambda x: x.start)
            if any(P.LIST_MARKER.search(unit.text, x.end, m.start()) for x in counts[:1]):
                continue  # (…已发放980户，其中…450户，完成率…: which count is the one done is not said)
            planned = [x for x in counts if _names_any(x, "ratio.count_plans")]
            done = [x for x in counts if not _names_any(x, "ratio.count_plans") and _names_any(x, "ratio.count_done")]
            if not planned and len(done) == 1 and sum(x.family == done[0].family for x in counts) == 1:
                planned = self._planned_before(unit, s_start, done[0])  # (the target stated before the sentence)
            elif len(planned) != 1 or len(done) != 1 or done[0].start < planned[0].start \
                    or done[0].family != planned[0].family:
                continue
            elif done[0].family.startswith("measure:") and sum(x.family == done[0].family for x in counts) != 2:
                continue  # (计划新建机耕道8公里、生产便道12公里，实际完成…: which length is meant is not said)
            if not planned:
                continue
            if pct.quantity.value == 100 and done[0].quantity.value > planned[0].quantity.value:
                continue  # (完成96户 of 80 planned, 完工率100%: a target done beyond its plan is often counted 100%)
            if done[0].family.startswith("measure:"):  # (52公里 beside 49.4公里 has dropped its zero: 52.0)
                shown = max(x.quantity.decimals for x in (done[0], planned[0]))
                done[0].precision = planned[0].precision = shown or None
            pct.role = "pct"
            self.claims.append(RatioClaim(measure=m.group("measure"), percent=pct.figure(),
                                          numerator=done[0].figure(), denominator=planned[0].figure(),
                                          **self._claim_kwargs(unit, m.start(), m.end())))

    def _planned_before(self, unit: Unit, pos: int, done: Mention) -> list[Mention]:
        """完成2023年度80户农村危房改造计划任务。/ …共完成农村危房改造96户，完工率120%: the planned figure of a
        completion whose sentence states only what was done, stated before `pos` (this paragraph, then the earlier
        ones): a figure of the done one's family (its unit, for a measure) named by a plan word (before it, or right
        after it in its clause: …户…计划任务), whose name shares a pair of characters with the done one's once the
        words of plans and completions are struck out. One value among them, else none.
        """
        noise = re.compile(alt("ratio.count_name_noise"))

        def content(name: str) -> frozenset[str]:
            return _bigrams(re.sub(r"[\d\s.,，、：:]+", "", noise.sub("", normalize_subject(name))))

        own = content(done.subject)
        found = []
        for u in self.units[max(0, unit.order - FARTHEST): unit.order + 1]:
            end = pos if u is unit else len(u.text)
            figures = [x for x in u.mentions if x.end <= end and self._eligible(x) and x.family == done.family]
            if done.family.startswith("measure:"):
                figures = [x for x in _measures(u, 0, end) if x.family == done.family]
            for x in figures:
                after = u.text[x.end: x.end + next((i for i, ch in enumerate(u.text[x.end:]) if ch in CLAUSE),
                                                   len(u.text) - x.end)]
                name = x.subject + after
                if any(w in name for w in words("ratio.count_plans")) and own & content(name):
                    found.append(x)
        return found[-1:] if len({x.quantity.value for x in found}) == 1 else []

    def _another_owner(self, unit: Unit, numerator: Mention, budget: Mention) -> bool:
        """The numerator names a qualifier (中央资金) the budget's name lacks while another figure of the
        paragraph or section before it has it: the budget is the whole's, and the numerator's own is elsewhere.
        """
        own = _qualifier(numerator.subject)
        if not own or own & _qualifier(budget.subject):
            return False
        # (a name with a qualifier's pair holds that pair: only the paragraphs with such a money figure are read)
        lo = max(0, unit.order - FARTHEST)
        self._index_before(unit.order)
        sharing = [u for kind in (("money", False), ("money", True))
                   for u in self._units_sharing(kind, own, lo, unit.order)]
        earlier = (m for u in [unit, *sharing] if u.section == unit.section
                   for m in u.mentions if (u is not unit or m.end <= numerator.start))
        return any(m is not budget and m.family == "money" and own & _qualifier(m.subject) for m in earlier)

    def _budget_figure(self, unit: Unit, pos: int, totals: bool = False, elsewhere: bool = False) -> Mention | None:
        """The budget a rate is measured against: this paragraph first, then earlier ones of the same parent (in a
        text without headings, the one budget amount the earlier paragraphs state); with `elsewhere` (an amount
        that names nothing but its measure: 实际执行…), the one budget amount stated before under the same top
        heading, else before it in the document.
        """
        def accept(x: Mention) -> bool:  # (with `totals`, a total of the project's funds too: 资金到位率)
            return x.family == "money" and (is_budget(x.subject) or totals and is_funds_total(x.subject))

        found = self._nearest_before(unit, pos, accept=accept)
        if found:
            return found
        earlier_units = self.units[max(0, unit.order - FARTHEST): unit.order]

        def one_stated(scope: Iterable[Unit]) -> Mention | None:  # (the one budget value a scope states, else none)
            stated = [m for u in scope for m in u.mentions if self._eligible(m) and accept(m)]
            return stated[-1] if len({m.quantity.in_unit(BASE_UNIT) for m in stated}) == 1 else None

        if not unit.section:  # (no headings: an earlier paragraph's budget only where the text states one)
            return one_stated(earlier_units)
        parent = unit.section[:-1]
        for earlier in reversed(self.units[: unit.order]):
            if earlier.section[: len(parent)] != parent or len(earlier.section) < len(parent):
                break
            for m in reversed(earlier.mentions):
                if self._eligible(m) and accept(m):
                    return m
        # (一、绩效目标分解下达情况 … 预算960万元 / 二、…（一）资金投入情况 … 执行率94%: the one budget value stated
        # before under the same top heading, else before it in the document)
        if not elsewhere:
            return None
        top = unit.section[:1]
        return one_stated(u for u in earlier_units if u.section[:1] == top) or one_stated(earlier_units)

    def _list_openers(self, unit: Unit) -> Iterator[tuple[re.Match[str], Mention | None]]:
        """Where a list of parts opens, with its total: the figure before 其中/包括…; the figure named by 在X中；
        the paragraph's total before a classification (按经济分类：…), which lists the whole.
        """
        openers = []
        for m in P.LIST_MARKER.finditer(unit.text):
            total = self._total_before(unit, m.start())
            openers.append((m, total))
            if total is not None and (pair := _paired_count(unit, total)) is not None:
                openers.append((m, pair))  # (共接待72批次、538人次，其中：…: a list of each)
            if total is not None and total.family != "money":
                # (补助资金1268.40万元，按常住人口142517人…安排，其中：中央补助…: the money list's total is the
                # nearest amount; the count between states how it was shared out)
                money = self._total_before(unit, m.start(), family="money")
                if money is not None:
                    openers.append((m, money))
        for m in P.NAMED_LIST.finditer(unit.text):
            openers.append((m, self._named_in_paragraph(unit, m.start(), m.group("name"), "money")))
        for m in P.CLASSIFIED_LIST.finditer(unit.text):
            if P.LIST_MARKER.search(unit.text, max(0, m.start() - 4), m.start()):
                continue  # 其中：按功能分类…: the 其中 opens it
            total = self._nearest_before(unit, m.start(), accept=_total_of(None))
            openers.append((m, total or self._nearest_before(unit, m.start())))
        yield from sorted(openers, key=lambda mh: mh[0].start())

    def _parts_sums(self, unit: Unit) -> None:
        made: set[tuple[int, ...]] = set()  # (the total and parts of each list claimed: one claim per list)
        paired: dict[int, list[int]] = {}  # the count lists one marker opens (45批次、386人次，其中：…)
        for marker, head in self._list_openers(unit):
            if head is None:
                continue
            if P.RESPECTIVE_WORD.search(marker.group()) and head.start < unit.sentence_span(marker.start())[0]:
                continue  # (…预算150万元。A、B支出分别为95万元、49万元: 分别为 pairs its own sentence's names)
            if unit.text[marker.end():].strip():
                regions = self._list_regions(unit, marker)
                # the parts stand in the marker's own sentence; later sentences count only when it holds one
                sentence_end = (unit.text.find("。", regions[0][0]) % (len(unit.text) + 1)) if regions else 0
                scopes = [[r for r in regions if r[0] <= sentence_end], regions]
                found = [[m for m in unit.mentions if self._eligible(m) and _same_family(m, head)
                          and not _of_prior_period(m)  # (财政拨款收入880.64万元，上年为905.30万元；…: no part)
                          and any(s <= m.start < e and bracket_depth(unit.text, s, m.start) == 0 for s, e in scope)]
                         for scope in scopes]
                if self._parts_by_year(unit, head, found[1]) or self._parts_by_measure(unit, head, marker, found[0]):
                    continue
                # (a list of counts stays in its sentence: 单位共5个，包括…4个…。实有人员296人 lists no staff)
                later = found[1] if head.family == "money" else []
                parts = _list_parts(unit.text, head, found[0] if len(found[0]) >= 2 else later)
                if len(found[0]) >= 2 and later:
                    parts = self._continued(unit, head, parts, [r for r in regions if r[0] > sentence_end])
            else:  # "…911.7万元，其中：" ends the paragraph: each following paragraph opens with a part
                parts = self._parts_below(unit, head, numbered=_OPENS_BREAKDOWN.match(marker.group()) is not None)
            if (len(parts) < 2 and not (parts and _nil_rest(head, parts))) or _budget_and_actual(parts) \
                    or _valuations(parts) or any(_each_of_many(unit.text, p) for p in parts):
                continue  # (其中，甲项目全年预算1980万元，全年执行数1950.42万元: one item's two measures, no parts)
            if parts[-1].unit is unit and _REST.search(unit.text, parts[-1].end, unit.sentence_span(parts[-1].end)[1]):
                continue  # (…4期，…3期，其余为线上培训: the list says it leaves the rest unnamed)
            listed = (id(head), *map(id, parts))
            if listed in made:
                continue  # (其中：A、B分别为a、b: 分别为 pairs the names of the list 其中 opened)
            made.add(listed)
            head = self._named_head(unit, head, marker, parts)
            kwargs = self._claim_kwargs(unit, head.start, parts[-1].end)
            complete = _complete(unit.text, head, marker, parts)
            nil = [] if complete else _nil_rest(head, parts)  # (其中：因公出国（境）费无；…: a part of 0)
            if head.family.startswith("count:"):
                paired.setdefault(marker.start(), []).append(len(self.claims))
            self.claims.append(PartsSumClaim(total=head.figure(), parts=(*(p.figure() for p in parts), *nil),
                                             exhaustive=complete or bool(nil), **kwargs))
            if not self._prior_sum(head, parts, kwargs):  # (with the priors' sum, the changes' sum adds nothing)
                self._delta_sum(head, parts, kwargs, complete)
        for at in paired.values():
            self._complete_pairs(at)

    def _bracketed_parts(self, unit: Unit) -> None:
        """财政拨款收入8650.32万元（一般公共预算财政拨款7920.18万元，政府性基金预算财政拨款730.14万元）: a bracket right
        after a money figure that only names two or more amounts breaks the figure down, a list that may be partial
        (it may fall short, never exceed: NC106), its items set apart by one kind of separator; not where an item is a
        budget, a level of the year before, a change, a total or a price (（年初预算…，调整预算…）, （上年…）,
        （每人…）), nor where the bracket opens a list of its own (（其中：…）) or names both sides (（收入…，支出…）).
        """
        for head in unit.mentions:
            if head.family != "money" or not self._eligible(head) or bracket_depth(unit.text, 0, head.start):
                continue
            m = P.BRACKETED_ITEMS.match(unit.text, head.end)
            if m is None or m.group("inner").startswith(words("lists.openers")) \
                    or len(set(_ITEM_SEPARATORS.findall(m.group("inner")))) > 1:
                continue  # (separators of two kinds set items of two levels apart: （含A、B，C）)
            parts = [x for x in unit.mentions if m.start("inner") <= x.start < m.end("inner")]
            # (each item's own name: the words between the separator before it and its figure)
            names = [unit.text[max([m.start("inner"), *(s.end() for s in _ITEM_SEPARATORS.finditer(
                unit.text, m.start("inner"), x.start))]):x.start] for x in parts]
            if len(parts) != len(_ITEM_SEPARATORS.findall(m.group("inner"))) + 1 \
                    or any(x.family != "money" or not self._eligible(x) for x in parts) \
                    or any(is_budget(name) or _names_prior_period(normalize_subject(name))
                           or COMPARE_WORDS.search(normalize_subject(name)) or _NO_BRACKET_ITEM.search(name)
                           for name in names):
                continue
            sides = {_side(name) for name in (head.subject, *names)} - {None}
            if len(sides) > 1:
                continue  # (结余10万元（收入110万元，支出100万元）: how it was worked out, no parts)
            self.claims.append(PartsSumClaim(total=head.figure(), parts=tuple(x.figure() for x in parts),
                                             **self._claim_kwargs(unit, head.start, m.end())))

    def _complete_pairs(self, at: list[int]) -> None:
        """Lists of two counts one marker opens, item by item (…40批次、352人次，…4批次、34人次): where one adds
        up to its total, the items are the whole, so the other list is complete too.
        """
        lists = [cast(PartsSumClaim, self.claims[i]) for i in at]
        if len(lists) < 2 or len({len(c.parts) for c in lists}) != 1:
            return
        if any(interval_sum(c.parts, c.total.unit).meets_printed(c.total.decimal, c.total.quantity.decimals)
               for c in lists):
            for i in at:
                self.claims[i] = self.claims[i].model_copy(update={"exhaustive": True})

    def _closing_sums(self, unit: Unit, listed: int) -> None:
        """…分别为12.30万元、5.60万元、8.40万元，三项合计26.40万元: a figure named only as the sum of what was just
        listed (合计, 以上合计, 三项共计), in the clause right after a figure, totals the list it closes
        (_closed_run): they add up (NC106, NC108); see _whole_sum for a list that already sums them.
        """
        for total in unit.mentions:
            if not self._eligible(total):
                continue
            named = _name_start(unit.text, total.start)
            # (the name as written: 共计 alone names nothing, so the figure took the name before it, …经费共计)
            if not P.CLOSING_TOTAL.fullmatch(total.subject.strip()) \
                    and not P.CLOSING_TOTAL.fullmatch(unit.text[named:total.start].strip()):
                continue
            if not any(m.end <= named and not unit.text[m.end:named].strip("，,；; ") for m in unit.mentions):
                continue  # (not right after a listed figure)
            parts = self._closed_run(unit, total, named)
            if parts:
                self._whole_sum(listed, total, parts, self._claim_kwargs(unit, parts[0].start, total.end))

    def _whole_sum(self, listed: int, total: Mention, parts: list[Mention], kwargs: dict[str, Any]) -> None:
        """`parts` add to `total`, the words say all of them (a closing or pointing total). Where a list of the
        unit's (the claims from `listed` on) already sums them to the same figure, that one claim stands, now
        said whole (合计500万元，其中：…，合计500.00万元; 项目支出…，其中：A…，B…，C…，三项合计…).
        """
        figure = total.figure()
        key = (figure.decimal, figure.unit, tuple(p.figure().location for p in parts))
        for i in range(listed, len(self.claims)):
            c = self.claims[i]
            if isinstance(c, PartsSumClaim) and (c.total.decimal, c.total.unit,
                                                 tuple(p.location for p in c.parts)) == key:
                self.claims[i] = c.model_copy(update={"exhaustive": True})
                return
        self.claims.append(PartsSumClaim(total=figure, parts=tuple(p.figure() for p in parts), exhaustive=True,
                                         **kwargs))

    def _pointed_sums(self, unit: Unit, listed: int) -> None:
        """A sentence that opens by pointing back at the list before it (以上人员经费合计596.54万元 / 上述各项共计…)
        totals that list, whose items stand before it in its paragraph (from the first numbered item on, else in
        the sentence before) or, where it opens its paragraph, in the paragraphs right above it, each opening with
        an item number of one level and stating one figure of the kind ((1)基本工资…；(2)… / ①办公费…； each on a
        line of its own). They add up (NC106, NC108). No claim where _closed_run finds no list of like items there.
        """
        for total in unit.mentions:
            if not self._eligible(total) or not P.POINTED_TOTAL.fullmatch(total.subject.strip()):
                continue
            named = _name_start(unit.text, total.start)
            if P.CLOSING_TOTAL.fullmatch(total.subject.strip()) \
                    and any(m.end <= named and not unit.text[m.end:named].strip("，,；; ") for m in unit.mentions):
                continue  # (…，以上合计… right after the list's last figure: _closing_sums')
            opened = start_of(unit.text, named, PART)
            if unit.text[opened:named].strip():
                continue  # (the pointer opens no sentence: …，其中以上…)
            if any(self._eligible(m) and _same_family(m, total) for m in unit.mentions if m.end <= opened):
                first = next((m.start() for m in P.ITEM_NUMBER.finditer(unit.text, 0, opened)), None)
                start = first if first is not None else start_of(unit.text, max(0, opened - 1), PART)
                parts = self._closed_run(unit, total, opened, start)
            else:
                parts = self._items_above(unit, total)
            if parts:
                self._whole_sum(listed, total, parts, self._claim_kwargs(unit, total.start, total.end))

    def _items_above(self, unit: Unit, total: Mention) -> list[Mention]:
        """The items of the list in the paragraphs right above `unit`: each opens with an item number of the same
        level and states one figure of the total's kind (the one it opens with); none where fewer than two, or
        where _closed_run's tests of like items fail on them.
        """
        items: list[Mention] = []
        level = None
        for above in reversed(self.units[:unit.order]):
            if above.table is not None:
                break
            if is_page_number(above.text.strip()):
                continue
            own = [m for m in above.mentions if self._eligible(m) and _same_family(m, total)]
            this = heading_level(above.text)
            if this is None or len(own) != 1 or level not in (None, this):
                break
            level = this
            items.insert(0, own[0])
        if len(items) < 2 or any(_of_prior_period(m) or TOTAL_WORDS.search(m.subject) for m in items) \
                or any(m.quantity.in_unit(BASE_UNIT) > total.quantity.in_unit(BASE_UNIT) for m in items):
            return []
        if any(_component_of(a, b) or _component_of(b, a) for a, b in combinations(items, 2)):
            return []
        if _budget_and_actual(items) or len({(is_budget(m.subject), _is_quota(m.subject)) for m in items}) > 1:
            return []
        return items

    def _closed_run(self, unit: Unit, total: Mention, named: int, start: int | None = None) -> list[Mention]:
        """The list a closing `total` (named from `named` on) sums: the figures of its kind before it in its part
        of the sentence (a ； ends a list), after the last one not smaller than it (本年支出500万元，基本…，项目…，
        合计500万元) and from the last change of year on; none in brackets. No list (abstain) where it is not
        one list of like items: fewer than two, a change, a prior level or a total among them, a figure with
        its own breakdown among them (基本支出…，其中人员经费…，项目支出…，合计…: a list opened inside the run,
        or one figure a component of another), or measures mixed (a budget and an actual, a ceiling such as
        核定编制 and a level).
        """
        if start is None:
            start = start_of(unit.text, total.start, PART)
        run = [m for m in unit.mentions if start <= m.start and m.end <= named and self._eligible(m)
               and _same_family(m, total) and bracket_depth(unit.text, start, m.start) == 0]
        least = total.quantity.in_unit(BASE_UNIT)
        run = run[next((i + 1 for i in reversed(range(len(run)))
                        if run[i].quantity.in_unit(BASE_UNIT) >= least > 0), 0):]
        dated = [m for m in run if _years_of(m)]
        changed = [b for a, b in zip(dated, dated[1:], strict=False) if _years_of(a) != _years_of(b)]
        if changed:
            run = run[run.index(changed[-1]):]  # (2022年度A…，B…，2023年度A…，B…，合计…: the last year's)
        if len(run) < 2 or any(_of_prior_period(m) or TOTAL_WORDS.search(m.subject) for m in run):
            return []
        if any(_each_of_many(unit.text, m) for m in run):
            return []  # (向10个社区各拨付1.5万元，另拨付街道3万元，合计18万元: 1.5 stands for ten of itself)
        nested = any(bracket_depth(unit.text, start, m.start()) == 0
                     for m in P.LIST_MARKER.finditer(unit.text, run[0].end, named))
        if nested or any(_component_of(a, b) or _component_of(b, a) for a, b in combinations(run, 2)):
            return []
        if _budget_and_actual(run) or len({(is_budget(m.subject), _is_quota(m.subject)) for m in run}) > 1:
            return []
        return run

    def _continued(self, unit: Unit, head: Mention, parts: list[Mention],
                   after: list[tuple[int, int]]) -> list[Mention]:
        """The parts of a list that falls short of its total in its own sentence, with the items of the sentences
        right after it (`after`: the regions _list_regions gives them) where those open with items of the same
        shape (a name and an amount of the kind, no comparison before it, no total) that close the gap
        (…，其中：A 380万元，B 119.50万元。C 0.50万元。 to 500万元); where the total is a composite (synonyms.toml
        [composites]) or a closed set of items ([item_classes]: 本年支出) they must be among them. No parts where
        such items follow and leave it short (the list goes on: abstain); `parts` where none follow, or they would
        exceed the total (not the list's), or every component of the total is listed in the sentence already.
        """
        unit_of, total = head.quantity.unit, head.figure().interval(head.quantity.unit)
        if len(parts) < 2 or _sum(parts, unit_of).hi >= total.lo:
            return parts
        ways = _composite_ways(head) + _composite_ways(head, item_classes)
        if any({_component_name(p) for p in parts} == set(way) for way in ways):
            return parts  # (complete by definition: what follows is something else)
        added = parts
        for start, end in after:
            items = [m for m in unit.mentions if start <= m.start < end and self._eligible(m) and _same_family(m, head)
                     and bracket_depth(unit.text, start, m.start) == 0]
            if not items or not all(self._item_shaped(unit, m) for m in items) \
                    or (ways and not all(any(_component_name(m) in way for way in ways) for m in items)):
                break
            trial = added + items
            if _list_parts(unit.text, head, trial) != trial or _sum(trial, unit_of).lo > total.hi:
                break  # a total, a figure outside the list, or more than the whole: not the list's
            added = trial
            if _sum(added, unit_of).meets_printed(head.quantity.value, head.quantity.decimals):
                return added
        return parts if added is parts else []

    def _item_shaped(self, unit: Unit, m: Mention) -> bool:
        """`m` is named as one item of a list: a name of its own, no comparison or direction before it in its
        clause, not the period before's level.
        """
        clause = start_of(unit.text, m.start, CLAUSE)
        return normalize_subject(m.subject) not in _GENERIC_SUBJECT and not _of_prior_period(m) \
            and P.DIRECTION_WORD.search(unit.text, clause, m.start) is None \
            and P.COMPARE_OPENER.search(unit.text, clause, m.start) is None

    def _parts_by_year(self, unit: Unit, head: Mention, parts: list[Mention]) -> bool:
        """A list whose items each give one figure per year (接待费2016年预算8万元，2015年预算12.5万元；…): each
        year's figures add to that year's total, named with its year in the sentence of the list's total.
        True when the list is such a list (and its claims are made).
        """
        years = [P.YEAR_NUMBER.findall(p.subject) for p in parts]
        if len(parts) < 4 or any(len(y) != 1 for y in years) or len({y[0] for y in years}) < 2:
            return False
        totals = self._totals_by(unit, head, lambda m: dated[0] if len(dated := P.YEAR_NUMBER.findall(m.subject))
                                 == 1 else None)
        made = False
        for year, total in totals.items():
            own = [p for p, y in zip(parts, years, strict=True) if y[0] == year]
            if len(own) >= 2:
                self.claims.append(PartsSumClaim(total=total.figure(), parts=tuple(p.figure() for p in own),
                                                 **self._claim_kwargs(unit, total.start, own[-1].end)))
                made = True
        return made

    def _parts_by_measure(self, unit: Unit, head: Mention, marker: re.Match[str], parts: list[Mention]) -> bool:
        """A list whose items each give one figure per measure, in one order (三公经费预算数为9.00万元，决算支出数为
        8.10万元。其中：公务接待费预算数为4.00万元，决算支出数为3.60万元；公务用车…预算数为5.00万元，决算支出数为
        4.50万元): each measure's figures add to the figure of that measure in the sentence of the list's total.
        True when the list is such a list (and its claims are made).
        """
        measures = [_measure_said(p.subject) or "" for p in parts]
        kinds = list(dict.fromkeys(measures))
        if len(parts) < 4 or "" in kinds or len(kinds) < 2 or len(parts) % len(kinds) \
                or any(m != kinds[i % len(kinds)] for i, m in enumerate(measures)):
            return False
        totals = self._totals_by(unit, head, lambda m: None if _of_prior_period(m) else _measure_said(m.subject))
        if any(kind not in totals for kind in kinds):
            return False
        # (the items and the total are named with their first measure: 公务接待费预算数…，决算支出数…)
        first = [p for p, m in zip(parts, measures, strict=True) if m == kinds[0]]
        names = [k.subject for x in (totals[kinds[0]], *first) if (k := quantity_key(x.subject)) is not None]
        whole = _complete(unit.text, totals[kinds[0]], marker, first) \
            or (len(names) == len(first) + 1 and _all_components(names[0], names[1:]))
        for kind in kinds:
            own = [p for p, m in zip(parts, measures, strict=True) if m == kind]
            total = totals[kind]
            self.claims.append(PartsSumClaim(total=total.figure(), parts=tuple(p.figure() for p in own),
                                             exhaustive=whole, **self._claim_kwargs(unit, total.start, own[-1].end)))
        return True

    def _totals_by(self, unit: Unit, head: Mention, key: Callable[[Mention], str | None]) -> dict[str, Mention]:
        """The figures of the head's kind in the sentence of a list's head, up to it, that may total a list, one of
        each `key` (a year, a measure; a figure keyed None is none of them): the run of them that ends at the head,
        back to where a key comes again (因公出国（境）费预算数为0万元，决算数为0万元，公务用车…预算数为52万元，
        决算数为57万元，其中：…: the 公务用车 item's figures, not the first item's).
        """
        s_start, _ = unit.sentence_span(head.start)
        totals: dict[str, Mention] = {}
        for m in reversed(unit.mentions):
            if s_start <= m.start <= head.start and self._eligible_total(m, head) and (k := key(m)) is not None:
                if k in totals:
                    break
                totals[k] = m
        return totals

    def _eligible_total(self, m: Mention, head: Mention) -> bool:
        """A figure of the head's kind that may total a list (any role but a change or a rate)."""
        return m.family == head.family and m.role not in ("delta", "rate", "pct")

    def _composite_sums(self, unit: Unit) -> None:
        """A figure of a quantity that is the sum of its components by definition (三公经费, 公务用车购置及运行
        维护费) and, after it in its paragraph (else in the paragraphs below it in its parent section), one figure
        of each component, of the same measure and year: they add up (NC106), even without a 其中.
        """
        for total in unit.mentions:
            if total.family != "money" or total.role is not None:
                continue
            name = _TOTAL_TAIL.sub("", fold(normalize_subject(total.subject)))  # …三公经费支出合计
            ways = [parts for whole, parts in composites() if name.endswith(whole)]
            if not ways:
                continue
            if self._summed_at(total.unit.locate(total.start)):
                continue
            # the paragraphs below, in its section or a section under it, or a later one of its parent's ((一)总体
            # 情况 states the total, (二)具体情况 its components); never beyond the document's top-level section
            inside = unit.section[:-1] if len(unit.section) >= 2 else unit.section
            after = (m for m in unit.mentions if m.start > total.end)
            below = (m for i in range(unit.order + 1, len(self.units)) if (u := self.units[i]).table is None
                     and u.section[:len(inside)] == inside for m in u.mentions)
            section = _until_restated(chain(after, below), ways)  # (read only up to where it is restated)
            here = [m for m in section if m.unit is unit]
            for scope in (here, section):
                parts = next((found for parts in ways if (found := _components(total, parts, scope))), None)
                if parts:
                    self.claims.append(PartsSumClaim(
                        total=total.figure(), parts=tuple(parts), exhaustive=True,
                        **self._claim_kwargs(unit, total.start, total.end)))
                    break

    def _summed_at(self, where: Location) -> bool:
        """A sum among the claims made so far has its total at `where` (each claim is read once)."""
        for claim in self.claims[self._summed_upto:]:
            if isinstance(claim, PartsSumClaim):
                self._summed.add(claim.total.location)
        self._summed_upto = len(self.claims)
        return where in self._summed

    def _differences(self, unit: Unit) -> None:
        """决算2.05万元，年初预算为2.95万元，差值为0.90万元: a figure named as a gap is the difference of the two money
        figures stated before it in its clause chain (from the sentence's start, a ；, or the gap before), |a − b|
        (NC102); only where there are exactly two, and a budget among them is the level compared with. A gap named
        as what was saved or overspent (节约, 结余, 超支, 超出预算金额, 剩余未执行) needs one budget among the two;
        one that names the level itself (超出预算, 未执行) takes the first as it where the second is an actual and the
        first names no measure (项目资金120万元，已支出115.27万元，剩余未执行资金4.73万元).
        """
        opened = 0
        for m in unit.matches(P.DIFFERENCE):
            gap = unit.mention_at(m.end())
            lo = max(unit.sentence_span(m.start())[0], opened, unit.text.rfind("；", 0, m.start()) + 1)
            opened = gap.end if gap is not None else m.end()  # (a gap is no level of the next one)
            if gap is None or gap.family != "money" or not self._eligible(gap):
                continue
            levels = [x for x in unit.mentions if lo <= x.start and x.end <= m.start() and x.family == "money"
                      and self._eligible(x)]
            if len(levels) != 2:
                continue
            budgets = [x for x in levels if is_budget(x.subject)]
            if not budgets and m.group("budget") in _SELF_NAMED_GAPS and _measure_said(levels[0].subject) is None \
                    and _measure_said(levels[1].subject) == "actual":
                budgets = levels[:1]  # (申请补贴…，实际发放…，超出预算金额…: the first is the level weighed against)
            if m.group("budget") and (len(budgets) != 1 or P.LIST_MARKER.search(unit.text, levels[0].end, m.start())):
                continue  # (节约/结余/超支 is the gap to a budget: 收入…，支出…，结余… is a balance, read elsewhere;
                # 预算300万元，其中已支出210万元，结余100万元 lists the budget's parts)
            prior = budgets[0] if len(budgets) == 1 else levels[0]
            current = levels[1] if prior is levels[0] else levels[0]
            gap.role = "delta"
            self.claims.append(ChangeClaim(
                subject=current.subject, current=current.figure(), prior=prior.figure(), delta=gap.figure(),
                delta_word=m.group("word"), basis=prior.subject, **self._claim_kwargs(unit, m.start(), gap.end)))

    def _per_vehicle(self, unit: Unit) -> None:
        """公务用车保有量3辆，全年运行维护费支出5.28万元，平均每辆1.76万元: the average is the running cost over the
        number of vehicles, both stated before it in its sentence (NC107): the one cost so named (its figures agree),
        and the one count of vehicles, or the first where a 其中 list of their kinds follows it; else nothing.
        """
        for m in unit.matches(P.PER_VEHICLE):
            avg = unit.mention_at(m.end())
            if avg is None or avg.family != "money" or avg.role is not None:
                continue
            lo = unit.text.rfind("。", 0, m.start()) + 1
            before = [x for x in unit.mentions if lo <= x.start and x.end <= m.start()]
            costs = [x for x in before if x.family == "money" and _VEHICLE_COST.search(x.subject)
                     and not _NOT_VEHICLE_COST.search(x.subject)]
            counts = [x for x in before if x.quantity.unit in _VEHICLE_UNITS and x.role not in CONSUMED]
            if not costs or len({x.quantity.value for x in costs}) != 1 or not counts:
                continue
            after = counts[0].end + len(unit.text[counts[0].end:]) - len(unit.text[counts[0].end:].lstrip("，, "))
            if len(counts) > 1 and not P.LIST_MARKER.match(unit.text, after):
                continue  # (保有量5辆，较上年减少1辆: which one the cost is spread over is unclear)
            avg.role = "pct"
            self.claims.append(RatioClaim(
                measure=PER_VEHICLE_LABEL, percent=avg.figure(), numerator=costs[-1].figure(),
                denominator=counts[0].figure(), as_percent=False, **self._claim_kwargs(unit, m.start(), avg.end)))

    def _balances(self, unit: Unit) -> None:
        """…收入147.1亿元。加上转移性收入49.2亿元，收入合计196.3亿元: the total named after a 加 (减) clause is
        its base plus (minus) every item from the 加 to it. The base is the figure just before the 加, or the
        paragraph's first figure when a list stands between them; where the two differ, the one the sum holds
        with is taken, and none when it holds with neither (never a guess reported as an error).
        """
        for opening in P.BALANCE_OPEN.finditer(unit.text):
            end = unit.text.find("。", opening.end())
            end = len(unit.text) if end < 0 else end
            total = next((m for m in unit.mentions if opening.end() <= m.start < end and m.family == "money"
                          and (TOTAL_WORDS.search(m.subject) or _names_flow_total(m))), None)
            if total is None:
                continue
            items = [m for m in unit.mentions if opening.end() <= m.start < total.start and self._eligible(m)
                     and m.family == "money" and bracket_depth(unit.text, opening.end(), m.start) == 0
                     and not _opens_list(unit.text, m.start)]  # (其中：… breaks an item down)
            if not items or start_of(unit.text, items[0].start, PHRASE) > opening.start() + 1:
                continue  # what is added is named in the 加 clause itself, or this is no addition
            before = [m for m in unit.mentions if m.end <= opening.start() and self._eligible(m)
                      and m.family == "money"]
            if not items or not before:
                continue
            take = P.BALANCE_SUBTRACT.fullmatch(opening.group("sign")) is not None
            signed = [_negated(m.figure()) if take else m.figure() for m in items]
            bases = [before[-1]] if before[-1] is before[0] else [before[-1], before[0]]
            unit_of = total.quantity.unit
            fits = [b for b in bases if interval_sum([b.figure(), *signed], unit_of).meets_printed(
                total.quantity.value, total.quantity.decimals)]
            base = bases[0] if len(bases) == 1 else (fits[0] if fits else None)
            if base is not None:
                self.claims.append(PartsSumClaim(total=total.figure(), parts=(base.figure(), *signed),
                                                 exhaustive=True, **self._claim_kwargs(unit, base.start, total.end)))

    def _year_end_balances(self, unit: Unit) -> None:
        """上述收支相抵，年终结余65616万元: the revenue total less the spending total (收入合计…, 支出合计…), each the
        last of its kind stated before it in its section since the balance before; where something carried in is
        stated beside them (上年结余…，本年收入合计…), it may be in the revenue total or not, and the balance is
        claimed only with the reading that holds. With no totals, what was carried in plus every revenue less every
        spending stated there (收入…，上年结余…，支出…。收支相抵，年终结余…), where each figure is one of these.
        收入256340万元，支出238910万元，当年收支结余17430万元: the one revenue less the one spending its sentence
        states before it. 上年结余…，加本年收入…，减本年支出…，年末滚存结余…: a balance opening its clause with no
        收支相抵, of its sentence's chain (_chain_readings). No claim where either is missing or not one.
        """
        for m in P.YEAR_END_BALANCE.finditer(unit.text):
            balance = unit.mention_at(m.end())
            if balance is None or balance.family != "money" or not self._eligible(balance):
                continue
            if m.group("own"):
                s_start, _ = unit.sentence_span(m.start())
                before = [x for x in unit.mentions if s_start <= x.start and x.end <= m.start()
                          and x.family == "money"]
                revenue = [x for x in before if P.REVENUE_END.search(normalize_subject(x.subject))]
                spending = [x for x in before if P.SPENDING_END.search(normalize_subject(x.subject))]
                if len(before) != 2 or len(revenue) != 1 or len(spending) != 1:
                    continue
                readings: list[tuple[Figure, ...]] = [(revenue[0].figure(), _negated(spending[0].figure()))]
            elif m.group("chain"):
                readings = self._chain_readings(unit, m.start("chain"))
                if not readings:
                    continue
            else:
                readings = self._balance_readings(unit, m.start())
                if P.STOCK_RESULT.search(m.group()):  # (年末结转和结余 holds what was carried in)
                    readings = [r for r in readings if any(_CARRIED_IN.search(normalize_subject(f.subject)) for f in r)]
                if not readings:
                    continue
            unit_of = balance.quantity.unit
            holds = [r for r in readings if interval_sum(list(r), unit_of).meets_printed(
                balance.quantity.value, balance.quantity.decimals)]
            if len(readings) > 1 and not holds:
                continue  # (two readings, neither holds: which one the text means is not known)
            self.claims.append(PartsSumClaim(
                total=balance.figure(), parts=(holds or readings)[0], exhaustive=True,
                **self._claim_kwargs(unit, balance.start, balance.end)))

    def _balanced(self, unit: Unit) -> None:
        """收入合计71930万元；…支出合计71930万元。收支平衡。: the revenue total less the spending total is 0, read as
        a balance is (_balance_readings); not where the clause states it as a goal or as nearly so (确保收支平衡,
        收支基本平衡).
        """
        for m in P.BALANCED.finditer(unit.text):
            if P.BALANCED_NOT_AFTER.search(m.group("lead")):
                continue
            readings = self._balance_readings(unit, m.start())
            if not readings:
                continue
            decimals = max(f.quantity.decimals for f in readings[0])
            start = m.start("lead") + len(m.group("lead"))
            zero = Figure(value="0", unit=readings[0][0].unit, text=unit.raw[start:m.end()], subject="收支差额",
                          location=unit.locate(start), precision=decimals)
            holds = [r for r in readings if interval_sum(list(r), zero.unit).meets_printed(Decimal(0), decimals)]
            if len(readings) > 1 and not holds:
                continue
            self.claims.append(PartsSumClaim(total=zero, parts=(holds or readings)[0], exhaustive=True,
                                             **self._claim_kwargs(unit, start, m.end())))

    def _balance_readings(self, unit: Unit, pos: int) -> list[tuple[Figure, ...]]:
        """The sums a balance at `pos` may be (_year_end_balances), each its signed parts: from the figures stated
        last before it in `unit`'s section (this unit and the paragraphs before it, back to the previous balance or
        the section's start).
        """
        stated: list[Mention] = []  # nearest first
        for earlier in reversed(self.units[:unit.order + 1]):
            if earlier.section != unit.section or earlier.table is not None:
                break
            end = pos if earlier is unit else len(earlier.text)
            if earlier is not unit and P.YEAR_END_BALANCE.search(earlier.text):
                break  # (the balance before closed the figures stated before it)
            stated.extend(x for x in reversed(earlier.mentions) if x.end <= end and x.family == "money"
                          and self._eligible(x))
        totals = self._totals_of(stated)
        if totals is not None:
            revenue, spending = totals
            base = (revenue.figure(), _negated(spending.figure()))
            carried = [x for x in stated if _CARRIED_IN.search(normalize_subject(x.subject))
                       and not self._within(x, revenue)]
            return [base, (*base, *(x.figure() for x in carried))] if carried else [base]
        signed: list[Figure] = []
        flows = set()
        for x in stated:
            name = normalize_subject(x.subject)
            kind = _flow_kind(name)
            if bracket_depth(x.unit.text, 0, x.start) or _opens_list(x.unit.text, x.start) \
                    or TOTAL_WORDS.search(name) or kind is None:
                return []  # (a part of a figure, a total of a kind not paired, a figure of another kind: not guessed)
            signed.append(_negated(x.figure()) if kind == "out" else x.figure())
            flows.add("out" if kind == "out" else "in")  # (what was carried in came in)
        if flows != {"in", "out"}:
            return []
        return [tuple(reversed(signed))]

    def _chain_readings(self, unit: Unit, pos: int) -> list[tuple[Figure, ...]]:
        """The sum a balance opening its clause at `pos` with no 收支相抵 is (上年结余8.42亿元，本年收入6.35亿元，本年
        支出6.91亿元，年末滚存结余7.86亿元): each money figure before it in its sentence, alone in its clause, is
        carried in or a revenue (added) or a spending (taken away), as its name says and as the clause's 加 or 减
        says where it opens with one; one was carried in, and there are both revenues and spendings. Else none.
        """
        s_start, _ = unit.sentence_span(pos)
        before = [x for x in unit.mentions if s_start <= x.start and x.end <= pos and x.family == "money"]
        signed: list[Figure] = []
        kinds: set[str] = set()
        clause_of: set[int] = set()
        for x in before:
            clause = max(s_start, *(unit.text.rfind(c, 0, x.start) + 1 for c in "，,；;"))
            if not self._eligible(x) or clause in clause_of or bracket_depth(unit.text, s_start, x.start) \
                    or _opens_list(unit.text, x.start):
                return []  # (two figures in a clause, a part of a figure, a breakdown: not guessed)
            clause_of.add(clause)
            kind = _flow_kind(normalize_subject(x.subject))
            sign = P.CHAIN_SIGN.match(unit.text, clause)
            if kind is None or sign and (sign.group("minus") is not None) != (kind == "out"):
                return []  # (a figure of another kind, or 加 before a spending: not guessed)
            kinds.add(kind)
            signed.append(_negated(x.figure()) if kind == "out" else x.figure())
        return [tuple(signed)] if kinds == {"carried", "in", "out"} else []

    @staticmethod
    def _totals_of(stated: list[Mention]) -> tuple[Mention, Mention] | None:
        """The revenue total and the spending total first among `stated` (the figures before a balance, nearest
        first), or None.
        """
        revenue = next((x for x in stated if P.REVENUE_TOTAL.search(normalize_subject(x.subject))), None)
        spending = next((x for x in stated if P.SPENDING_TOTAL.search(normalize_subject(x.subject))), None)
        return (revenue, spending) if revenue is not None and spending is not None else None

    @staticmethod
    def _within(x: Mention, total: Mention) -> bool:
        """`x` is one of the items `total` adds: stated after the 加 that opens them, in its sentence (…，加上年结转…，
        收入合计…), not before it (上年结余…，本年收入合计…).
        """
        if x.unit is not total.unit:
            return False
        s_start = total.unit.sentence_span(total.start)[0]
        opened = [o.start() for o in P.BALANCE_OPEN.finditer(total.unit.text, s_start, total.start)]
        return bool(opened) and opened[-1] <= x.start < total.start

    def _named_head(self, unit: Unit, head: Mention, marker: re.Match[str], parts: list[Mention]) -> Mention:
        """The total the parts break down: where every part's name shares words the nearest figure's name lacks
        and another figure of the sentence of the same measure ends its name with them (行政编制、事业编制 after
        核定编制50人，实有人数45人), that figure; not one whose topic only has them (满意度调查共发放问卷120份，收回
        有效问卷115份，其中满意…、基本满意…: 问卷 is what is counted); never a budget for an actual
        (年初预算2240万元，实际完成2318.64万元。其中税收收入…).
        """
        actual = self._actual_for_budget(unit, head, marker, parts)
        if actual is not None:
            return actual
        shared = frozenset.intersection(*(_bigrams(normalize_subject(p.subject)) for p in parts))
        if not shared or shared & _bigrams(normalize_subject(head.subject)):
            return head
        s_start, _ = unit.sentence_span(head.start)
        budget = is_budget(head.subject)
        return next((m for m in reversed(unit.mentions) if s_start <= m.start and m.end <= marker.start()
                     and m is not head and _same_family(m, head) and self._eligible(m)
                     and is_budget(m.subject) == budget
                     and shared & _bigrams(normalize_subject(m.subject)[-_NAME_END:])), head)

    def _actual_for_budget(self, unit: Unit, head: Mention, marker: re.Match[str],
                           parts: list[Mention]) -> Mention | None:
        """The actual a sentence opened by 其中 breaks down where the nearest figure is a budget stated after it
        (支出决算500万元，年初预算400万元，完成年初预算的125%。其中：基本支出…，项目支出…): a new sentence goes on
        about the sentence's figure as it came out, not its budget, unless a part names a budget itself. None where
        the marker is in the budget's own sentence (…年初预算400万元，其中：…: the budget's list) or the sentence
        states no actual, or more than one.
        """
        if head.unit is not unit or not is_budget(head.subject) or any(is_budget(p.subject) for p in parts):
            return None
        s_start, s_end = unit.sentence_span(head.start)
        if marker.start() < s_end:
            return None
        actuals = [m for m in unit.mentions if s_start <= m.start and m.end <= head.start and _same_family(m, head)
                   and self._eligible(m) and _measure_said(m.subject) == "actual" and not _of_prior_period(m)]
        return actuals[0] if len(actuals) == 1 else None

    def _parts_below(self, unit: Unit, head: Mention, numbered: bool = False) -> list[Mention]:
        """The figures that open the paragraphs after `unit` (same section, no table), one part each, until a
        paragraph that does not open with one; none when a part exceeds the total. With `numbered` (the list
        opened with 其中/包括), an item may open with its own number (⑴教育支出…), a section one level down.
        """
        parts: list[Mention] = []
        for below in self.units[unit.order + 1:]:
            if below.table is not None or not (below.section == unit.section or numbered and _own_item(below, unit)):
                break
            if is_page_number(below.text.strip()):
                continue  # (a page's number between the list's opener and its parts: - 2 -, 第 2 页)
            kind = _measure_said(head.subject)  # (an item's 年初预算 is no part of an actual total)
            lead = next((m for m in below.mentions if self._eligible(m) and _same_family(m, head)
                         and _measure_said(m.subject) in (None, kind)), None)
            if lead is None or lead.start > 30 or P.SENTENCE_END.search(below.text, 0, lead.start) \
                    or _OUTSIDE.search(below.text, 0, lead.start) or _opens_own_whole(below.text, 0, lead.start):
                break
            parts.append(lead)
        if any(p.quantity.unit == head.quantity.unit and p.quantity.value > head.quantity.value for p in parts):
            return []
        return parts

    def _nested_before(self, unit: Unit, marker: re.Match[str], pos: int) -> bool:
        """`marker` opens a list inside an item of another list, and that list ended at a ； before `pos`."""
        s_start, _ = unit.sentence_span(marker.start())
        semi = unit.text.find("；", marker.end(), pos)
        return semi >= 0 and P.LIST_MARKER.search(unit.text, s_start, marker.start()) is not None \
            and self._item_ends_at_semicolon(unit, marker)

    def _item_ends_at_semicolon(self, unit: Unit, marker: re.Match[str]) -> bool:
        """A list opened inside an item of another list ends at the next ；, where the figure after it is named like
        that item (基本支出…，其中人员经费…；项目支出…: the outer list's next item) and unlike the inner list's first
        part (…其中人员经费…；公用经费…: the inner list goes on).
        """
        text = unit.text
        semi, dot = text.find("；", marker.end()), text.find("。", marker.end())
        if semi < 0 or 0 <= dot < semi:
            return False
        item = self._nearest_before(unit, marker.start())
        inner = next((m for m in unit.mentions if marker.end() <= m.start < semi and self._eligible(m)), None)
        after = next((m for m in unit.mentions if m.start > semi and self._eligible(m)), None)
        if item is None or inner is None or after is None:
            return False
        def tail(m: Mention) -> str:
            return normalize_subject(m.subject)[-2:]
        return tail(after) == tail(item) != tail(inner)

    def _list_regions(self, unit: Unit, marker: re.Match[str]) -> list[tuple[int, int]]:
        """Where the parts of a list stand: the rest of its sentence (or of its parentheses), then each
        following sentence of the paragraph that opens with a figure, until a nested list or a colon (a list in
        brackets is a part's own breakdown: the outer list goes on after it).
        """
        text = unit.text
        stops = P.LIST_STOP_ENUMERATED if text[marker.end():].lstrip().startswith(words("lists.enumerated_first")) \
            else P.LIST_STOP
        if marker.start() > 0 and text[marker.start() - 1] in "（(":
            close = re.search(r"[)）]", text[marker.end():])
            end = marker.end() + close.start() if close else len(text)
            stop = stops.search(text, marker.end(), end)
            return [(marker.end(), stop.start() if stop else end)]
        def stop_at(pos: int, end: int) -> re.Match[str] | None:  # a list inside brackets is a part's own
            return next((m for m in stops.finditer(text, pos, end) if bracket_depth(text, pos, m.start()) == 0),
                        None)

        regions: list[tuple[int, int]] = []
        pos = marker.end()
        if classified := P.LIST_CLASSIFIED.match(text, pos):
            pos = classified.end()
        if self._nested_before(unit, marker, len(text)):
            semi = text.find("；", pos)  # (…，其中基本支出870万元，其中人员经费754万元；项目支出580万元…)
            stop = stop_at(pos, semi)
            return [(pos, stop.start() if stop else semi)]
        first = True
        while pos < len(text):
            dot = text.find("。", pos)
            end = dot if dot >= 0 else len(text)
            stop = stop_at(pos, end)
            if not first:
                lead = [m for m in unit.mentions if pos <= m.start < end and self._eligible(m)]
                if stop or not lead or lead[0].start - pos > 30 or _opens_own_whole(text, pos, lead[0].start):
                    break
            # items set apart by ；: a breakdown of one item (主要包括…) ends at the next ；, the list goes on; so
            # does one that names no figure (人员经费642.18万元，主要包括基本工资、津贴补贴；公用经费…)
            while first and stop and BREAKDOWN.fullmatch(stop.group()) \
                    and ("；" in text[pos:stop.start()] or self._names_only(unit, stop.end(), end)):
                regions.append((pos, stop.start()))
                after = text.find("；", stop.end(), end)
                if after < 0:
                    return regions
                pos = after + 1
                stop = stop_at(pos, end)
            regions.append((pos, stop.start() if stop else end))
            if stop:
                break
            first = False
            pos = end + 1
        return regions

    def _names_only(self, unit: Unit, start: int, end: int) -> bool:
        """From `start` to the next ； or 。 before `end` stands no figure: a breakdown in names, not amounts."""
        stops = [i for i in (unit.text.find("；", start, end), unit.text.find("。", start, end)) if i >= 0]
        return bool(stops) and not any(start <= m.start < min(stops) for m in unit.mentions)

    def _prior_sum(self, head: Mention, parts: list[Mention], kwargs: dict[str, Any]) -> bool:
        """When the total and every part are compared with the same period, their priors must add up too.
        True when such a sum was claimed.
        """
        made = False
        for head_change in self._changes_by_current.get(id(head), []):
            if head_change.prior is None:
                continue
            priors: list[Figure] = []
            for part in parts:
                same = [c.prior for c in self._changes_by_current.get(id(part), [])
                        if c.prior is not None and c.basis == head_change.basis]
                if len(same) != 1 or same[0] is None:
                    break
                priors.append(same[0])
            else:
                self.claims.append(PartsSumClaim(total=head_change.prior, parts=tuple(priors), measure="prior",
                                                 **kwargs))
                made = True
        return made

    def _delta_sum(self, head: Mention, parts: list[Mention], kwargs: dict[str, Any], complete: bool) -> None:
        """When the total and every part state their change against the same kind of basis (the year before,
        or the budget), the parts' signed changes add to the total's.
        """
        for head_change in self._changes_by_current.get(id(head), []):
            kind = basis_kind(head_change.basis)
            total = _signed(head_change)
            if total is None:
                continue
            deltas: list[Figure] = []
            for part in parts:
                same = [d for c in self._changes_by_current.get(id(part), [])
                        if basis_kind(c.basis) == kind and (d := _signed(c)) is not None]
                if len(same) != 1:
                    break
                deltas.append(same[0])
            else:
                self.claims.append(PartsSumClaim(total=total, parts=tuple(deltas), measure="delta",
                                                 exhaustive=complete, **kwargs))

    def _shares_sums(self) -> None:
        """Shares of one whole listed together; also, whole or none, shares of distinct items of one closed set
        stated in one paragraph (基本支出…，占66.35%；项目支出…，占33.65%).
        """
        groups: dict[object, list[ShareClaim]] = {}
        for claim in self.claims:
            if isinstance(claim, ShareClaim) and claim.group is not None and claim.whole is not None:
                groups.setdefault(claim.group, []).append(claim)
            elif isinstance(claim, ShareClaim) and claim.whole is None and not claim.whole_name \
                    and not claim.whole_candidates:
                groups.setdefault(("unnamed", claim.section, claim.location.page, claim.location.line), []).append(
                    claim)
        for members in groups.values():
            if len(members) < 2 or any(m.part is None for m in members):
                continue
            first = members[0]
            parts = tuple(m.part for m in members if m.part is not None)
            distinct = _distinct_items(parts)
            if first.whole is None and not distinct:
                continue
            self.claims.append(SharesSumClaim(
                percents=tuple(m.percent for m in members), whole=first.whole, parts=parts, distinct=distinct,
                quote=first.quote, location=first.location, section=first.section))


# a comparison with the year before (比上年, 较去年同期 …): synonyms.toml [periods]
_PRIOR_YEAR_BASIS = re.compile("|".join(map(re.escape, sorted(period_forms(prior_period()), key=len, reverse=True))))


def _reading_order(where: Location) -> tuple[int, int, int]:
    """Where a place stands in reading order (page, line, column)."""
    return where.page or 0, where.line or 0, where.column or 0


# the markers of a breakdown (其中：, 包括：) whose items may each open with a number of their own
_OPENS_BREAKDOWN = re.compile(alt("lists.breakdown_openers"))


def _own_item(below: Unit, opener: Unit) -> bool:
    """`below` opens with a number of its own (⑴, （1）, 1.) that puts it one level under the list's section: an
    item of the list `opener` opened, not a paragraph under an item.
    """
    return heading_level(below.text) is not None and len(below.section) == len(opener.section) + 1 \
        and below.section[:-1] == opener.section


def _order_of_first(pair: tuple[Mention, str]) -> int:
    return pair[0].unit.order


def _order(m: Mention) -> int:
    return m.unit.order


def _component_of(part: Mention, whole: Mention) -> bool:
    """`part` is named as a component of the composite `whole` names (人员经费 of 基本支出): a part of a part."""
    name, of = fold(normalize_subject(part.subject)), fold(normalize_subject(whole.subject))
    return any(of.endswith(total) and name in components for total, components in composites())


def _component_name(m: Mention) -> str:
    """The figure's name as composites name components (对个人和家庭的补助支出 is 对个人和家庭的补助)."""
    return _component_key(m.subject)


def _component_key(subject: str) -> str:
    """A name as composites name components; a cost with a tail is the cost (公务用车运行维护费支出)."""
    return fold(cost_itself(fold(normalize_subject(subject))))


def _composite_ways(total: Mention, table: Callable[[], tuple[tuple[str, tuple[str, ...]], ...]] = composites,
                    ) -> list[tuple[str, ...]]:
    """The components that make the figure's quantity by definition, one tuple per way (synonyms.toml
    [composites], or the `table` given: item_classes); its name may end in a total word or a measure
    (…三公经费支出合计, 本年支出合计).
    """
    name = _component_name(total)
    names = {_TOTAL_TAIL.sub("", name), _TOTAL_WORD_END.sub("", name)}
    return [parts for whole, parts in table() if any(n.endswith(whole) for n in names)]


def _opens_own_whole(text: str, start: int, lead: int) -> bool:
    """The sentence from `start` opens by naming the whole its figures (from `lead`) break down (公用经费中，办公费…):
    a breakdown of that one, no further item of a list before it.
    """
    named = P.NAMED_WHOLE.match(text, start + len(text[start:lead]) - len(text[start:lead].lstrip()))
    return named is not None and named.end() <= lead


def _list_parts(text: str, head: Mention, parts: list[Mention]) -> list[Mention]:
    """The parts that belong to `head`'s list, or none when the list cannot be its breakdown.

    The list ends at a figure that restates a total (收入合计…) and where it closed (_closed); a part larger
    than the total, or one equal to it beside others, means the total was not the one the list breaks
    down, so nothing is claimed. A lower-rank total among the parts (_subtotal_of) sums the items listed before
    it: they are its parts, not the whole's; where they do not make it, nothing is claimed.
    """
    grouped = _first_of_each(text, parts)
    parts = _before_semicolon(text, parts) if grouped is parts else grouped
    # (under a budget or a project's funds, the amount spent or paid after its parts ends their list)
    budget = is_budget(head.subject) or _names_funds_only(head.subject)
    year_total = normalize_subject(head.subject).endswith(words("wholes.expenditure"))
    side = _side(normalize_subject(head.subject))
    for i, part in enumerate(parts):
        name = normalize_subject(part.subject)
        if (TOTAL_WORDS.search(part.subject) and not _subtotal_of(part, head)) \
                or (budget and i and _SPENT.search(name)) or _OUTSIDE.search(part.subject) \
                or (side and i and _side(name) not in (None, side)
                    and all(_side(normalize_subject(p.subject)) != _side(name) for p in parts[:i])) \
                or (year_total and i and _BALANCE.search(name)) or _CEILING.match(text, part.end) \
                or any(_component_of(part, earlier) for earlier in parts[:i]):
            # (另有年初结转和结余…: outside the list; under 本年支出合计, a balance: 经营收支结余; a ceiling: …限额
            # 168.20亿元以内; a part of an earlier part: 其中基本支出400万元。人员经费350万元; the first figure of
            # the other side: …收入860万元，其中利润收入700万元，…支出625万元, not where the list is of sources:
            # 项目支出…，其中：财政拨款收入…，事业收入…)
            # (a total restated; under a budget, the amount spent after its parts: …追加20万元，全年支出115万元;
            # listed first it is a part: 预算500万元，其中已支出320万元，结余180万元)
            parts = parts[:i]
            break
    sub = next((p for p in parts[1:] if TOTAL_WORDS.search(p.subject) and _subtotal_of(p, head)), None)
    if sub is not None:  # (支出总计…，其中：基本支出900，项目支出500，本年支出合计1400，结转100: 900, 500 are 1400's)
        before = parts[:parts.index(sub)]
        if not _sum(before, sub.quantity.unit).meets_printed(sub.quantity.value, sub.quantity.decimals):
            return []  # (items before the lower-rank total that do not make it: whose parts they are is unclear)
        parts = parts[len(before):]
    unit = head.quantity.unit
    def too_big(ps: list[Mention]) -> bool:  # (a part in another unit may be a unit slip: NC106 tells)
        return any(p.quantity.unit == unit and p.quantity.value > head.quantity.value for p in ps)

    if too_big(parts):
        closed = _closed(text, head, parts)
        return [] if too_big(closed) else closed
    if any(p.quantity.unit == unit and p.quantity.value == head.quantity.value for p in parts) \
            and any(p.quantity.value for p in parts if p.quantity.value != head.quantity.value):
        return []  # one part is the whole and others are not zero: levels or a restatement, not a breakdown
    parts = _closed(text, head, parts)
    if len(parts) >= 2 and _interleaved(head, parts) and not _breakdown_known(head, parts) \
            and _sum(parts, unit).lo > head.figure().interval(unit).hi * MISREAD_EXCESS:
        return []  # a narrative list (rates and shares between its items) that overshoots holds sub-items
    return parts


def _subtotal_of(part: Mention, head: Mention) -> bool:
    """`part` is named as a total of a lower rank of what the grand total `head` is named as (本年支出合计 under
    支出总计, not 本年收入合计): a part of it, not the whole restated.
    """
    name, whole = normalize_subject(part.subject), normalize_subject(head.subject)
    if _GRAND.search(whole) is None or _GRAND.search(name) is not None or _SUBTOTAL.search(name) is None:
        return False
    of = _GRAND.sub("", whole)
    return bool(of) and of in _SUBTOTAL.sub("", name)


def _first_of_each(text: str, parts: list[Mention]) -> list[Mention]:
    """The items' own figures where every item of the list states the same number (two or more) of figures of the
    kind (行政编制30人、实有19人，工勤编制3人、实有13人…; 县本级72,310万元、增收2,185万元，乡镇…): the first of each
    item (its level; the others are its attributes). Items are set apart by ；, else by ，. Else all the parts.
    """
    if len(parts) < 4:
        return parts
    for apart in ("[；;]", "[，,；;]"):  # items set apart by ；(an item's figures by ，), else by ，(、 inside)
        groups: list[list[Mention]] = [[parts[0]]]
        for before, part in zip(parts, parts[1:], strict=False):
            if re.search(apart, text[before.end:part.start]):
                groups.append([part])
            else:
                groups[-1].append(part)
        sizes = {len(g) for g in groups}
        if len(groups) >= 2 and len(sizes) == 1 and sizes.pop() >= 2:
            return [g[0] for g in groups]
    return parts


def _before_semicolon(text: str, parts: list[Mention]) -> list[Mention]:
    """Items set apart by 、 end at the next ；: what follows it stands beside the list's whole, not in it
    (在职人员81人，其中行政人员21人、事业人员57人；离退休人员44人). Not where the item after the ； is another
    item of one closed set with those before it ([composites], [item_classes]: the list goes on).
    """
    cut = next((i for i in range(1, len(parts)) if re.search("[；;]", text[parts[i - 1].end:parts[i].start])), None)
    if cut is None or cut < 2 or any(re.search("[，,；;。]", text[a.end:b.start]) or "、" not in text[a.end:b.start]
                                     for a, b in zip(parts[:cut], parts[1:cut], strict=False)):
        return parts
    if _distinct_items(p.figure() for p in parts[:cut + 1]):
        return parts
    return parts[:cut]


def _interleaved(head: Mention, parts: list[Mention]) -> bool:
    """Other figures (a part's rate, share or change) stand between the parts of the list (a part's own
    breakdown in brackets, amounts of the list's kind, is no such figure; a share in brackets is).
    """
    chosen, text, first = {id(p) for p in parts}, head.unit.text, parts[0].start
    return any(first < m.start < parts[-1].start and id(m) not in chosen
               and (m.family != head.family or bracket_depth(text, first, m.start) == 0)
               for m in head.unit.mentions)


def _distinct_items(parts: Iterable[Figure]) -> bool:
    """Each figure names a different item of one closed set (the components of a composite, the items of a
    standard account's total: [composites], [item_classes]), so none holds another.
    """
    named = [fold(normalize_subject(p.subject)) for p in parts]
    return len(set(named)) == len(named) >= 2 and any(
        set(named) <= set(items) for _, items in (*composites(), *item_classes()))


def _breakdown_known(head: Mention, parts: list[Mention]) -> bool:
    """The list is surely `head`'s breakdown, whatever stands between its parts: each part is a distinct
    component or item of the whole the head names (基本支出、项目支出 of 本年支出合计; [composites], [item_classes]),
    or the head is a count and only counts of another unit stand between its parts (8批次、35人次；3批次…).
    """
    if not head.family.startswith("money"):
        chosen = {id(p) for p in parts}
        between = [m for m in head.unit.mentions if parts[0].start < m.start < parts[-1].start and id(m) not in chosen]
        return all(m.family != head.family and m.family.startswith("count:") for m in between)
    name = TOTAL_WORDS.sub("", fold(normalize_subject(head.subject)))
    named = {fold(normalize_subject(p.subject)) for p in parts}
    return len(named) == len(parts) and any(
        name.endswith(whole) and named <= set(items) for whole, items in (*composites(), *item_classes()))


def _sum(parts: list[Mention], unit: str) -> Interval:
    return interval_sum([p.figure() for p in parts], unit)


def _closed(text: str, head: Mention, parts: list[Mention]) -> list[Mention]:
    """The parts up to where the list closed: after a ； or before a figure in another unit, the parts so
    far already add to the total. All the parts when it did not close.
    """
    unit = head.quantity.unit
    for i in range(2, len(parts)):
        between = text[parts[i - 1].end:parts[i].start]
        if ("；" in between or ";" in between or parts[i].quantity.unit != unit) \
                and _sum(parts[:i], unit).meets_printed(head.quantity.value, head.quantity.decimals):
            return parts[:i]  # closed: what follows (after a ；, or in another unit) is something else
    return parts


def _whole_forms(key: str) -> tuple[str, ...]:
    """The names a whole goes by: its group of synonyms in the lexicon (总支出 = 支出合计 = 本年支出合计 …)."""
    for group in entry("wholes").values():
        if key in group:
            return tuple(group)
    return (key,)


def _until_restated(figures: Iterable[Mention], ways: list[tuple[str, ...]]) -> list[Mention]:
    """The figures up to the next one of the same composite whole (上年三公经费11.00万元，其中…: another year's);
    none is read beyond it.
    """
    kept: list[Mention] = []
    for m in figures:
        name = _TOTAL_TAIL.sub("", fold(normalize_subject(m.subject)))
        if m.family == "money" and any(name.endswith(whole) for whole, parts in composites() if parts in ways):
            break
        kept.append(m)
    return kept


def _components(total: Mention, names: tuple[str, ...], scope: list[Mention]) -> list[Figure] | None:
    """One figure for each of `names` in `scope`, the first of each name, of the total's measure and year and
    no other role, or a 0 where the total's paragraph says that component did not occur (_nil_components); None
    unless every name is found, one of them as a figure.
    """
    budget, years = is_budget(total.subject), P.YEAR_NUMBER.findall(total.subject)
    dated = _sentence_years(total)
    found: dict[str, Mention] = {}
    for m in scope:
        if m.family != "money" or m.role is not None:
            continue
        name = _component_key(m.subject)
        if name in names and name not in found and is_budget(m.subject) == budget \
                and all(y in years for y in P.YEAR_NUMBER.findall(m.subject)) \
                and not (dated and (their := _sentence_years(m)) and their != dated):
            found[name] = m  # (not of a year its sentence names other than the total's: 2022年…；2023年…中，…)
    if not found:
        return None
    nil = _nil_components(total, names) if len(found) < len(names) else {}
    return [found[n].figure() if n in found else nil[n] for n in names] \
        if all(n in found or n in nil for n in names) else None


_NIL_BEFORE = re.compile(rf"^(?:{alt('leads.breakdown')}[：:]?)?(?:{alt('names.this_period')})?"
                         rf"{alt('denial.nil_before')}(?P<names>.+)$")
_NIL_AFTER = re.compile(rf"^(?:{alt('leads.breakdown')}[：:]?)?(?P<names>.+?)(?:支出|费用)?"
                        rf"(?:{alt('denial.all_of')})?{alt('denial.nil_after')}$")
_NIL_CLAUSE = re.compile(r"[^，,。；;：:\n]+")
_DATED = re.compile(rf"\d{{4}}\s*年|{alt('compare.periods')}")


def _nil_components(total: Mention, names: tuple[str, ...]) -> dict[str, Figure]:
    """The components among `names` that a clause of the total's paragraph says did not occur (未发生因公出国
    （境）费; 因公出国（境）费用支出未发生; 公务用车购置费为0), each as a figure of 0 at that clause. Only for an
    actual total (a budget's nil is not said so), and never from a clause that names a year or period (another
    year's none).
    """
    if is_budget(total.subject):
        return {}
    unit, out = total.unit, {}
    for clause in _NIL_CLAUSE.finditer(unit.text):
        text = clause.group().strip().lstrip("（(")
        if _DATED.search(text) or unit.mention_at(clause.start()) is not None:
            continue
        said = _NIL_AFTER.match(text) or _NIL_BEFORE.match(text)
        if said is None:
            continue
        for name in said.group("names").split("、"):
            key = _component_key(name)
            if key in names and key not in out:
                out[key] = Figure(value="0", unit=total.quantity.unit, text=text, subject=name,
                                  location=unit.locate(clause.start()), precision=FULL_DECIMALS)
    return out


def _nil_rest(head: Mention, parts: list[Mention]) -> list[Figure]:
    """The components of the composite `head` names that `parts` leave out, where its paragraph says each of them
    did not occur (the list is then the whole); none otherwise.
    """
    name = _TOTAL_TAIL.sub("", fold(normalize_subject(head.subject)))
    listed = [_component_name(p) for p in parts]
    for whole, items in composites():
        if not name.endswith(whole) or not set(listed) < set(items) or len(set(listed)) != len(listed):
            continue
        nil = _nil_components(head, tuple(n for n in items if n not in listed))
        if len(nil) + len(listed) == len(items):
            return list(nil.values())
    return []


CHANGE_PATTERNS = (P.CHANGE_FROM_TO, P.CHANGE_WITH_PRIOR, P.CHANGE_PRIOR_LEVEL_DELTA, P.CHANGE_PRIOR_LEVEL,
                   P.CHANGE_BARE_PRIOR, P.CHANGE, P.CHANGE_RATE_FIRST, P.CHANGE_BARE)


def _formulas_in(unit: Unit) -> list[re.Match[str]]:
    """The written formulas of the unit (P.FORMULA needs an "=": a text without one is not scanned)."""
    return unit.matches(P.FORMULA) if "=" in unit.text else []


# what may stand before a span of months that opens its sentence (2025年1-8月，…)
_OPENS_SENTENCE = re.compile(r"(?:^|[。；;！？!?])\s*(?:\d{4}\s*年度?)?\s*$")


def _months(text: str, opening: bool = False) -> int | None:
    """How many months of the year the last span of months named in `text` covers; with `opening`, the last
    that opens a sentence (1-8月，全市…: the span the sentences after it go on about, not 于3月份启动…).
    """
    spans = [m for m in P.MONTHS.finditer(text) if not opening or _OPENS_SENTENCE.search(text, 0, m.start())]
    if not spans:
        return None
    m = spans[-1]
    if m.group("named"):
        n = int(entry("progress.named_spans")[m.group("named")])
    elif m.group("first"):
        n = int(m.group("last")) - int(m.group("first")) + 1
    else:
        n = 1 if m.group("single") else int(m.group("count") or m.group("upto"))
    return n if 1 <= n <= 12 else None


_SELF_NAMED_GAPS = frozenset(words("difference.self_named"))


def _opens_list(text: str, pos: int) -> bool:
    """The clause of the figure at `pos` opens a breakdown (其中：一般转移支付收入1478万元)."""
    start = start_of(text, pos, PHRASE)
    return P.LIST_MARKER.match(text, start) is not None


def _negated(figure: Figure) -> Figure:
    """The figure taken away (its value signed negative)."""
    return figure.model_copy(update={"value": "-" + figure.value.lstrip("-")})


# a basis naming an earlier year (上年预算数, 2023年预算; not 2024年年初预算, the year's own)
_EARLIER_YEAR = re.compile(rf"{alt('compare.periods')}|\d{{4}}\s*年度?(?!{alt('compare.subject_bases')})")


def basis_kind(basis: str) -> str:
    """What a change is measured against: the year's own budget (较年初预算数), an earlier year's budget (比上年
    预算数: a change of the budget from year to year), or an earlier period.
    """
    if not P.BUDGET_SUBJECT.search(basis):
        return "period"
    return "earlier_budget" if _EARLIER_YEAR.search(basis) else "budget"


def _signed(change: ChangeClaim) -> Figure | None:
    """A change's amount with its sign (减少0.26万元 is -0.26), or None when it states no amount or direction."""
    if change.delta is None or change.delta_direction not in ("up", "down"):
        return None
    value = change.delta.value.lstrip("-")
    return change.delta.model_copy(update={"value": ("-" if change.delta_direction == "down" else "") + value})


@lru_cache(maxsize=1 << 14)
def _qualifier(subject: str) -> frozenset[str]:
    """The character pairs of a name beyond its measure, its generic nouns and its period (中央资金支出 → 中央,
    央资; 1至10月支出 → none: a span of months is when, not whose).
    """
    name = _MEASURE_TAIL.sub("", normalize_subject(subject))
    return frozenset(p for p in _bigrams(name) if len(p) == 2 and not PERIOD_CHARS.search(p)) - GENERIC_PAIRS


def _clause_name(text: str, pos: int, years: bool = False) -> str:
    """What the clause before `pos` names, without comparison words (项目支出比上年… → 项目支出); with `years`,
    a year it names is no figure (2020年度三公经费较上年… → 三公经费).
    """
    words = text[start_of(text, pos, CLAUSE):pos]
    if _DIGIT.search(_YEAR.sub("", normalize_digits(words)) if years else words) \
            or P.DIRECTION_WORD.search(words):
        return ""  # figures or a change: no name
    return normalize_subject(COMPARE_WORDS.sub("", P.ANCHOR_ONLY.sub("", words)))


_PRIOR_LEVEL_PATTERNS = (P.CHANGE_PRIOR_LEVEL_DELTA, P.CHANGE_PRIOR_LEVEL)


def _consecutive_years(figures: list[Mention]) -> tuple[Mention, Mention] | None:
    """(current, prior) when `figures` are two, named with consecutive years and otherwise the same words (the
    second may leave out what the first named: 接待费2016年预算8万元，2015年预算12.5万元; …支出决算数为…，2022年度
    决算数为…).
    """
    if len(figures) != 2:
        return None
    years = [P.YEAR_NUMBER.findall(m.subject) for m in figures]
    if any(len(y) != 1 for y in years) or abs(int(years[0][0]) - int(years[1][0])) != 1:
        return None
    a, b = figures if years[0][0] < years[1][0] else figures[::-1]
    names = sorted((normalize_subject(a.subject), normalize_subject(b.subject)), key=len)  # (years left out)
    return (b, a) if names[1].endswith(names[0]) or names[1].startswith(names[0]) else None


_CLAUSE_OPENERS = set("，,；;：:") | {""}  # what may stand right before a measure that names nothing else


def _last_word(pattern: re.Pattern[str], text: str, start: int, end: int) -> str:
    """The last match of `pattern` in text[start:end] ('' when none): the word an item of a list says."""
    found = list(pattern.finditer(text, start, end))
    return found[-1].group() if found else ""


def _measures(unit: Unit, start: int, end: int) -> list[Mention]:
    """The figures of a physical measure (22.5公里, 1.38万亩) between `start` and `end`, as mentions of their own
    (family measure:<unit>) that no other reading sees: only a completion of a planned measure reads them.
    """
    found = []
    for m in P.MEASURED.finditer(unit.text, start, end):
        try:
            q = parse_number(m.group("num"), m.group("unit"))
        except ValueError:
            continue
        found.append(Mention(unit, m.start(), m.end(), q, _subject_before(unit.text, m.start())))
    return found


def _names_any(m: Mention, path: str) -> bool:
    """One of the words at `path` stands in the figure's own name (its clause before it; a substring test)."""
    return any(w in m.subject for w in words(path))


def _actual_at_top(unit: Unit, start: int) -> Callable[[Mention], bool]:
    """Accepts an actual money figure of the sentence from `start`, not one of a bracketed breakdown
    (执行数1032849.44（含中央资金689139.31万元…）).
    """
    return lambda x: x.family == "money" and not is_budget(x.subject) and bracket_depth(unit.text, start, x.start) == 0


# money carried in from the period before (年初结转和结余, 上年度结余)
_CARRIED_IN = re.compile(rf"(?:{alt('compare.periods')}|年初)[度的]?{alt('compare.carried')}")
# the period before in a name, not as money carried in from it
_PRIOR_NAMED = re.compile(rf"{alt('compare.periods')}(?![度的]?{alt('compare.carried')})")
# what may open a name before its period word (本单位上年…, 其中上年…), and the measure a period word may date
_NAME_LEAD = re.compile(rf"^{alt('leads.own_body', 'leads.breakdown')}+")
_MEASURE_NEXT = re.compile(
    rf"[度的]?(?:{alt('measure.budget', 'measure.actual', 'sides.income', 'sides.expenditure')}|数)")


# an amount named as spent or executed in the year (全年支出, 实际支出, 执行数), never a part of a budget's list
_SPENT = re.compile(alt("lists.spent"))
# what an item of a bracket that breaks a figure down is not: a change, a total, a quota, a valuation, a price
_NO_BRACKET_ITEM = re.compile(alt("direction.up", "direction.down", "lists.total_words", "lists.quotas",
                                  "lists.valuations", "lists.rates_of_things", "names.per_head"))
_ITEM_SEPARATORS = re.compile(r"[，,、；;]")
_EACH_OF_MANY = re.compile(rf"(?:\d+|[一二两三四五六七八九十百]+){alt('lists.each_counted')}[^\d]{{0,12}}?"
                           rf"{alt('lists.each_of_many')}(?!{alt('lists.each_not_before')})")


def _each_of_many(text: str, m: Mention) -> bool:
    """`m` is an amount given to each of several things, said in its clause before it (向10个社区各拨付1.5万元):
    no one part of a sum.
    """
    return _EACH_OF_MANY.search(text, start_of(text, m.start, CLAUSE), m.start) is not None


_GRAND = re.compile(alt("lists.grand_words"))
_SUBTOTAL = re.compile(alt("lists.subtotal_words"))
_OUTSIDE = re.compile(alt("lists.outside"))
_CEILING = re.compile(rf"\s*{alt('lists.ceilings')}")
_BALANCE = re.compile(alt("lists.balances"))
_QUOTA = re.compile(alt("lists.quotas"))
_VALUATION = re.compile(alt("lists.valuations"))
_TOTAL_NAME = re.compile(alt("lists.total_names"))
# a word or a figure (between a list and the shares that follow it: the shares are not the list's at once)
_WORD_OR_FIGURE = re.compile(r"[\u4e00-\u9fff\d]")


def _of_an_earlier_year(unit: Unit, figure: Mention, pos: int) -> bool:
    """`figure` is named with one year, and the change at `pos` names a later one as its own, before any comparison
    it makes (…2022年为443.80万元，2023年增加…; 2023年比2022年减少…): the figure is the earlier level.
    """
    own = P.YEAR_NUMBER.findall(normalize_digits(figure.subject))
    if len(own) != 1:
        return False
    clause = unit.text[start_of(unit.text, pos, CLAUSE):pos]
    opener = P.COMPARE_OPENER.search(clause)
    said = P.YEAR_NUMBER.findall(normalize_digits(clause[:opener.start()] if opener else clause))
    return bool(said) and int(said[0]) > int(own[0])


# what a name says of its measure or its point of the year, not of what it measures (预算, 决算, 年初, 年末 …)
_STEM_NOISE = re.compile(alt("measure.budget", "measure.actual", "measure.qualifiers", "compare.subject_bases",
                             "compare.point_ends") + "|数")


@lru_cache(maxsize=1 << 12)
def _stem(subject: str) -> str:
    """What a figure's name measures, without its measure or point words (因公出国（境）费预算 → 因公出国（境）费)."""
    return _STEM_NOISE.sub("", normalize_subject(subject))


def _names_basis_period(figure: Mention, basis: str) -> bool:
    """The figure's name gives the very period the change is measured against: one year (比2021年), or a point of
    the year (较年初: 年初数, 年初结转和结余); never for a comparison with a budget (较2024年度预算, 较年初预算:
    the same year's actual is the current figure).
    """
    if any(b in basis for b in words("compare.bases")):
        return False
    point = next((p for p in words("compare.subject_bases") if re.search(rf"{p}数?$", basis)), None)
    if point is not None:  # (a figure of the point itself: 年初数, 年初结转和结余, not 年初至年末…, 年初安排的…)
        return re.search(rf"{point}(?!{alt('compare.point_not')})", figure.subject) is not None
    against = set(P.YEAR_NUMBER.findall(normalize_digits(basis)))
    return len(against) == 1 and set(P.YEAR_NUMBER.findall(normalize_digits(figure.subject))) == against


def _of_prior_period(figure: Mention) -> bool:
    """The figure is named as the period before's level (上年决算为…, 去年同期…), not as money carried over from it:
    never what a change made current.
    """
    return _names_prior_period(normalize_subject(figure.subject))


# a rise word, or a rate word, right before a percentage (增长6.10%, 增幅为6.10%, 增长幅度达6.10%)
_RISE_BEFORE = re.compile(rf"(?:{alt('direction.up', 'rate_gap.rate_words')})(?:了|为|达)?\s*$")
_RISE_REACH = 7  # how far back from a percentage its rise word may begin
# a clause that ends by naming a growth rate (教育经费增幅 / 经常性收入的增长幅度): the name before the rate word
_RATE_NAMED = re.compile(rf"的?(?:{alt('rate_gap.rate_words')})\s*$")


def _growth_rates(unit: Unit) -> list[tuple[str, Mention]]:
    """The unit's rates of growth (全省财政支出完成1245.01亿元，…增长16.03%), each with the normalized name of what
    grew: the first money figure its sentence states before it that is a level (not last year's, not a gap, not
    what it is compared with); none without such a figure.
    """
    out = []
    rises = [x for x in unit.mentions if x.family == "percent" and x.quantity.value >= 0
             and _RISE_BEFORE.search(unit.text, max(0, x.start - _RISE_REACH), x.start)]
    for x in rises:
        clause = unit.text[start_of(unit.text, x.start, CLAUSE):x.start]
        if _names_prior_period(normalize_subject(clause)) or P.BUDGET_SUBJECT.search(FUNDS.sub("", clause)):
            continue  # (上年同期为增长6.00%: last year's rate; 比年初预算增长2.30%: a rise over a budget; a fund's
            # name, 一般公共预算收入增长…, is no budget)
        s_start, _ = unit.sentence_span(x.start)
        # (what grew is named after the rate before it: …收入增长5.10%，其中税收收入…增长7.20%)
        lo = max((y.end for y in rises if s_start <= y.start < x.start), default=s_start)
        owner = next((y for y in unit.mentions if lo <= y.start < x.start and y.family == "money"
                      and not _of_prior_period(y) and not P.ANCHOR_AT_END.search(y.subject)
                      and not P.DIRECTION_AT_END.search(unit.text, max(0, y.start - 6), y.start)), None)
        if owner is not None and normalize_subject(owner.subject):
            out.append((normalize_subject(owner.subject), x))
        elif owner is None and (named := _rate_owner(clause)):
            out.append((named, x))  # (教育经费比上年增长6.10%: no level stated, what grew named in the rate's clause)
        elif lo > s_start and out and out[-1][1].end == lo:
            out.append((out[-1][0], x))  # (…增长6.30%，剔除…后增长7.10%: a second rate of the same figure)
    return out


_NEGATED_AT_END = re.compile(rf"(?:{alt('denial.negators')})$")


def _named_as(full: str, name: str) -> bool:
    """The normalized name `full` is of the quantity `name` says (全市税收收入 is 税收收入; 非税收入 is not)."""
    return full.endswith(name) and not _NEGATED_AT_END.search(full[:len(full) - len(name)])


def _rate_owner(clause: str) -> str:
    """The normalized name of what grew, from the words of a rate's clause before the rate (全市教育经费比上年增长 /
    经常性收入增长幅度为 → 教育经费 / 经常性收入), without its rise word and what it is compared with; '' where
    they name no quantity (同比增长, 剔除…后增长) or a period's.
    """
    rest = P.ANCHOR_AT_END.sub("", _RISE_BEFORE.sub("", clause))
    name = normalize_subject(rest)
    # (剔除…因素后增长7.10%: a condition, no quantity; the rate is of the figure before it)
    return name if quantity_key(rest) is not None and not _names_prior_period(name) else ""


def _not_prior_period(figure: Mention) -> bool:
    return not _of_prior_period(figure)


def _names_prior_period(name: str) -> bool:
    """A (normalized) name says the period before (上年…支出, 培训费上年支出, 去年同期…): a period word that opens it
    or stands right before its measure word, not as what it is compared with (比上年…), as money carried over from
    it (上年结转), nor inside the words of what was paid for (清偿上年工程欠款支出 is this year's payment).
    """
    return any(not name[:m.start()].endswith(words("compare.openers"))
               and (not _NAME_LEAD.sub("", name[:m.start()]) or _MEASURE_NEXT.match(name, m.end()))
               for m in _PRIOR_NAMED.finditer(name))


def _bracketed_before(unit: Unit, figure: Mention, pos: int) -> bool:
    """`figure` sits in brackets that close before `pos` and open right after another figure (预算3.60万元（上年预算
    4.00万元）): it annotates that figure. A figure that is itself bracketed after a name (支出（8.40万元）) is not.
    """
    text = unit.text
    if _bracket_balance(text, figure.start, pos) >= 0:
        return False
    opening = max(text.rfind("（", 0, figure.start), text.rfind("(", 0, figure.start))
    return any(m.end <= opening and not text[m.end:opening].strip() for m in unit.mentions)


def _head_or_last(unit: Unit, figures: list[Mention], start: int) -> tuple[Mention, Mention] | None:
    """(the list's total, its last part) where `figures` (in order) end, in the sentence from `start`, with a list
    of at least two parts after a list marker (其中：…) and its total before the marker in that sentence (or, where
    the sentence opens with the marker, the last figure before it: 合计780.00万元。其中：…); None otherwise.
    """
    if not figures:
        return None
    nearest = figures[-1]
    markers = list(P.LIST_MARKER.finditer(unit.text, start, nearest.start))
    if not markers:
        return None
    marker = markers[-1]
    heads = [m for m in figures if start <= m.start and m.end <= marker.start()]
    if not heads and not unit.text[start:marker.start()].strip():
        heads = [m for m in figures if m.end <= start]
    parts = [m for m in figures if m.start >= marker.end()]
    return (heads[-1], nearest) if heads and len(parts) >= 2 else None


def _initial_budget(budget: Mention) -> bool:
    """`budget` is named as the one set at the start of the year (年初预算)."""
    return any(w in normalize_subject(budget.subject) for w in words("budget_changes.initial"))


def _adjusted_since(unit: Unit, budget: Mention, pos: int) -> bool:
    """`budget` is an initial one (年初) and the text after it, before `pos`, says the budget was changed."""
    return _initial_budget(budget) and any(w in unit.text[budget.end:pos] for w in words("budget_changes.words"))


def _adjusted_budget(m: Mention) -> bool:
    """`m` is a budget named as the one after the year's changes (调整后预算, 全年预算数)."""
    subject = normalize_subject(m.subject)
    return m.family == "money" and is_budget(m.subject) \
        and any(w in subject for w in words("budget_changes.adjusted"))


def _same_budget_kind(budget: Mention, named: str | None) -> bool:
    """`budget` may be the whole a completion naming `named` is measured against: not an amount the budget was
    changed by (追加预算20.00万元), nor a budget of another kind than the one named (年初预算 is no 调整预算; the
    kinds are the tables' own, table_rows.toml header.budget_kinds).
    """
    subject = normalize_subject(budget.subject)
    if any(w in subject for w in words("budget_changes.words")):
        return False
    wanted, has = budget_kinds(named or ""), budget_kinds(subject)
    return not wanted or not has or bool(wanted & has)


def _bare_budget(budget: Mention) -> bool:
    """The budget is named by its kind alone (全年预算为…, 调整预算数…), of no item of its own (办公费预算为…)."""
    rest = normalize_subject(budget.subject)
    synonyms: dict[str, str] = data_file("table_rows.toml")["header"]["budget_kind_synonyms"]
    for word in sorted({*file_words("table_rows.toml", "header.budget_kinds"), *synonyms}, key=len, reverse=True):
        rest = rest.replace(word, "")
    return bool(budget_kinds(normalize_subject(budget.subject))) and rest in ("", "预算", "预算数")


@lru_cache(maxsize=1 << 12)
def budget_kinds(name: str) -> frozenset[str]:
    """The kinds of budget `name` speaks of (年初, 调整 …: table_rows.toml header.budget_kinds), a kind also by its
    other word (全年预算 is the 调整预算: header.budget_kind_synonyms).
    """
    kinds = file_words("table_rows.toml", "header.budget_kinds")
    synonyms: dict[str, str] = data_file("table_rows.toml")["header"]["budget_kind_synonyms"]
    return frozenset({k for k in kinds if k in name} | {kind for word, kind in synonyms.items() if word in name})


def _earlier_than_named(unit: Unit, m: re.Match[str]) -> bool:
    """A prior level opened by a year is one only when the year alone names it (2023年度为…, not 2023年某某经费…,
    which states a figure of its own) after a later year named in its sentence.
    """
    year = P.YEAR_NUMBER.findall(normalize_digits(m.group("basis")))
    if not year:
        return True  # 上年, 去年同期: the period says it is the earlier one
    if m.group("prior_subject").strip():
        return False
    s_start, _ = unit.sentence_span(m.start())
    return any(int(y) > int(year[0]) for y in P.YEAR_NUMBER.findall(normalize_digits(unit.text[s_start:m.start()])))


def _flow_kind(name: str) -> str | None:
    """What a figure named `name` is to a balance: 'carried' in from before (上年结余), 'in' (a revenue), 'out' (a
    spending, or what is moved out: 调出资金), else None.
    """
    if _CARRIED_IN.search(name):
        return "carried"
    if P.REVENUE_END.search(name):
        return "in"
    return "out" if P.SPENDING_END.search(name) or P.OUTFLOW_END.search(name) else None


def _names_flow_total(m: Mention) -> bool:
    """The figure is named as a revenue or a spending total (收入总量…, 支出合计…: [year_end_balance])."""
    name = normalize_subject(m.subject)
    return bool(P.REVENUE_TOTAL.search(name) or P.SPENDING_TOTAL.search(name))


def _names_balance(x: Mention) -> bool:
    """The figure is named as what is left of a budget (年末结余, 结余资金), not as money carried in from before
    (年初结转和结余, 上年结余).
    """
    name = normalize_subject(x.subject)
    return any(w in name for w in words("ratio.complement")) and not _CARRIED_IN.search(name)


def _total_of(part: Mention | None) -> Callable[[Mention], bool]:
    """Accepts a money figure named as a total and not smaller than `part`."""
    least = part.quantity.in_unit(BASE_UNIT) if part else Decimal(0)
    return lambda x: x.family == "money" and _names_total(x.subject) and x.quantity.in_unit(BASE_UNIT) >= least


def _names_total(subject: str) -> bool:
    """The name says the figure is a total (…支出总计, 收入合计, 总支出)."""
    name = normalize_subject(subject)
    return bool(TOTAL_WORDS.search(name)) or any(name.endswith(f) for f in words("wholes"))


def bracket_depth(text: str, start: int, pos: int) -> int:
    """How many brackets opened between `start` and `pos` are still open (a part's own breakdown)."""
    return max(0, _bracket_balance(text, start, pos))


def _bracket_balance(text: str, start: int, pos: int) -> int:
    """Brackets opened less brackets closed between `start` and `pos` (below 0: `start` sits in brackets that
    close before `pos`).
    """
    span = text[start:pos]
    return sum(span.count(c) for c in "（(") - sum(span.count(c) for c in "）)")


def _complete(text: str, head: Mention, marker: re.Match[str], parts: list[Mention]) -> bool:
    """The listed parts are the whole: the text says so (合计…其中, 分别为), or the total is a known composite
    (三公经费) and the parts are all its components, each once. Otherwise a list may be partial (DESIGN.md).
    """
    lead = text[start_of(text, head.start, CLAUSE):head.end] + marker.group()
    if P.LIST_COMPLETE.search(lead) and not _shares_say_partial(text, head, parts):
        return True  # said to be complete (a classification may list only its main items: 按功能分类科目，2070109…)
    if len(parts) >= WHOLE_LIST_ITEMS and P.WHOLE_ADVERB.search(lead) and not _said_partial(text, marker, parts):
        return True  # (共申请预算资金…，其中A…、B…、C…: itemised; 共惠及农户…，其中脱贫户…，监测户…: two groups named)
    return _all_components(normalize_subject(head.subject), [normalize_subject(p.subject) for p in parts]) \
        or _own_level_and_below(head, parts)


_OWN_LEVEL = re.compile(rf"^[^，,。；;\d]{{0,3}}?{alt('lists.own_level')}")
_LEVELS_BELOW = re.compile(rf"^(?:{alt('lists.levels_below')})")


def _own_level_and_below(head: Mention, parts: list[Mention]) -> bool:
    """The parts are a place's own level and the places below it, of one measure (县本级收入…，乡镇收入…): together
    the whole place (全县…), not where the head names a level itself.
    """
    if len(parts) != 2 or _OWN_LEVEL.search(normalize_subject(head.subject)) or \
            any(w in normalize_subject(head.subject) for w in words("lists.levels_below")):
        return False
    own, below = (normalize_subject(p.subject) for p in parts)
    m_own, m_below = _OWN_LEVEL.search(own), _LEVELS_BELOW.search(below)
    return m_own is not None and m_below is not None and own[m_own.end():] == below[m_below.end():]


def _all_components(name: str, names: list[str]) -> bool:
    """`name` is of a composite (三公经费) and `names` are all its components, each once."""
    whole_name, named = fold(name), {fold(n) for n in names}
    return any(whole_name.endswith(whole) and named == set(components) for whole, components in composites())


_SHARE_WORD = re.compile(alt("share.words"))
# how far short of 100 the shares of a list must add, and how near the parts' own share of the total, to say
# the list is partial (percentage points)
_SHARES_SHORT = Decimal(1)


def _shares_say_partial(text: str, head: Mention, parts: list[Mention]) -> bool:
    """Each part carries its share of the total (…，占3.18%), and those shares add to clearly less than 100 while
    they agree with what the parts make of the total: the list's own words say it is a part of the whole
    (本年收入合计9312.55万元，其中：事业收入296.35万元，占3.18%；其他收入50.00万元，占0.54%), whatever 合计 says.
    """
    total = head.quantity.in_unit(BASE_UNIT)
    if total <= 0:
        return False
    shares = []
    for i, part in enumerate(parts):
        stop = P.SENTENCE_END.search(text, part.end)
        end = parts[i + 1].start if i + 1 < len(parts) else stop.start() if stop is not None else len(text)
        pct = next((x for x in head.unit.mentions if part.end <= x.start < end and x.quantity.is_percent), None)
        if pct is None or not _SHARE_WORD.search(text, part.end, pct.start):
            return False
        shares.append(pct.quantity.value)
    said = sum(shares, Decimal(0))
    made = sum((p.quantity.in_unit(BASE_UNIT) for p in parts), Decimal(0)) / total * 100
    return said <= 100 - _SHARES_SHORT and abs(said - made) < _SHARES_SHORT


_PARTIAL = re.compile(alt("lists.partial"))
_OUTSIDE_AFTER = re.compile(alt("lists.outside"))


def _said_partial(text: str, marker: re.Match[str], parts: list[Mention]) -> bool:
    """The words of the list say it is not all: 主要/重点 right before its marker (主要包括), 等 right after its last
    item, or 另有/此外 after it in its sentence (…执法执勤用车3辆，另有2辆已报废).
    """
    stop = P.SENTENCE_END.search(text, parts[-1].end)
    tail = text[parts[-1].end:stop.start() if stop else len(text)]
    before = text[max(0, marker.start() - 2):marker.start()]  # (主要包括…; not 其中：主要领导干部用车…)
    return _PARTIAL.search(before) is not None or tail.lstrip("，, ").startswith("等") \
        or _OUTSIDE_AFTER.search(tail) is not None


_NAME_END = 4  # the characters that end a name hold its head noun (核定编制, 发放问卷)


@lru_cache(maxsize=1 << 14)
def _bigrams(text: str) -> frozenset[str]:
    """The character pairs of a name (cached: names are compared again and again)."""
    return frozenset({text[i:i + 2] for i in range(len(text) - 1)} or ({text} if text else set()))


def _gap_to_budget(unit: Unit, m: Mention) -> bool:
    """A figure stated as a difference (超收…, 较预算短收…, 比预算增加…) or as the excess over a budget
    (超年初预算…): no level of the actual nor of the budget.
    """
    return bool(P.DIRECTION_AT_END.search(unit.text, max(0, m.start - 6), m.start)
                or P.BUDGET_GAP_AT_END.search(unit.text, max(0, m.start - 10), m.start))


def _measures_said(subject: str) -> list[str]:
    """The measure words of a name, in order (no total word; a fund's name, 一般公共预算收入, names none); a side word
    after an arrangement (年初预算安排一般公共预算支出: the budget arranged for a spending) names no measure.
    """
    plain = FUNDS.sub("", subject)
    said = [w for w in P.MEASURE_WORD.findall(plain) if not P.TOTAL_WORD.fullmatch(w)]
    arranged = P.ARRANGED.search(plain)
    if arranged and said and set(P.MEASURE_WORD.findall(plain, arranged.end())) <= set(words("sides.expenditure")):
        return said[:len(said) - len(P.MEASURE_WORD.findall(plain, arranged.end()))]
    return said


@lru_cache(maxsize=1 << 14)
def is_budget(subject: str) -> bool:
    """A budget figure (预算数, 下达, 批复, 可用资金): the measure word nearest the figure is a budget word (支出预算
    is a budget, 预算执行数 an actual, 预算安排…支出 a budget); a fund's name (一般公共预算收入) names no measure.
    """
    said = _measures_said(subject)
    return bool(said) and bool(P.BUDGET_SUBJECT.fullmatch(said[-1]))


def _names_nothing(subject: str) -> bool:
    """The name says only a measure, with words of the period at most (实际执行, 全年实际支出, 已累计支出)."""
    said = P.MEASURE_WORD.sub("", normalize_subject(subject))
    for w in words("ratio.bare_actual_words"):
        said = said.replace(w, "")
    return not said.strip(" ，,")


def _names_funds_only(subject: str) -> bool:
    """A name of a project's funds that says no measure (项目资金共, 专项资金): no budget, actual or total word."""
    named = normalize_subject(subject).removesuffix("共")  # (项目资金共2179万元)
    return named.endswith(words("ratio.funds_nouns")) and not P.MEASURE_WORD.search(FUNDS.sub("", named))


def _arrived_in_full(unit: Unit, s_start: int, rate: int) -> Mention | None:
    """The funds a 到位率 at `rate` divides when its sentence says they arrived in full (项目资金1860万元已全部拨付
    到位，资金到位率…; 上级下达资金320万元，已全部到位，到位率…): the one money figure of the sentence before the
    rate, with no figure after it up to the rate and the words of arriving in full (lexicon ratio.all_arrived) in
    its clause or in the subjectless clause after it; the rate is then that figure over itself. Else None.
    """
    money = [x for x in unit.mentions if s_start <= x.start < rate and x.family == "money"]
    if len(money) != 1 or _names_balance(money[0]):
        return None
    funds = money[0]
    if any(funds.end <= x.start < rate for x in unit.mentions):
        return None
    clauses = re.split(r"[，,；;]", unit.text[funds.end:rate])
    said = P.ALL_ARRIVED.search(clauses[0]) or (
        P.ALL_ARRIVED.match(clauses[1].lstrip("已")) if len(clauses) == 3 else None)
    return funds if said else None


def _measure_said(subject: str) -> str | None:
    """'budget' or 'actual' where a name says which figure it is (年初预算为, 支出决算为), else None."""
    said = _measures_said(subject)
    return None if not said else "budget" if P.BUDGET_SUBJECT.fullmatch(said[-1]) else "actual"


@lru_cache(maxsize=1 << 12)
def is_funds_total(subject: str) -> bool:
    """A total of the funds a project was to have (资金总额, 总投资) that no measure word before it says is of
    another measure (到位资金总额): what a 到位率 divides, no year's budget.
    """
    words = P.MEASURE_WORD.findall(FUNDS.sub("", subject))
    return bool(words) and all(P.TOTAL_WORD.fullmatch(w) for w in words)



@lru_cache(maxsize=1 << 12)
def _is_quota(subject: str) -> bool:
    """A ceiling (核定编制, 编制人数), not a level: a measure of its own (lexicon lists.quotas)."""
    return _QUOTA.search(normalize_subject(subject)) is not None


def _budget_and_actual(parts: list[Mention]) -> bool:
    """Among `parts`, an item's budget and its figure as it came out (甲项目全年预算…，全年执行数…): measures of one
    item (the second names no other), not items; sources of funds (下达…, 自筹到位…) are items.
    """
    budgets = [p for p in parts if is_budget(p.subject)]
    return any(not is_budget(p.subject) and P.MEASURE_WORD.search(FUNDS.sub("", p.subject))
               and (not _stem(p.subject) or any(_stem(p.subject) == _stem(b.subject) for b in budgets))
               for p in parts if budgets)


def _valuations(parts: list[Mention]) -> bool:
    """Among `parts`, two measures of one stock of assets (固定资产原值…、净值…; 累计折旧): its values, not items."""
    said = {v.group() for p in parts if (v := _VALUATION.search(normalize_subject(p.subject))) is not None}
    return len(said) >= 2


@lru_cache(maxsize=1 << 12)
def _names_no_part(lead: str) -> bool:
    """Words before a name that say whose or when (本单位, 全市, 2024年), not which part (项目支出预算 is no
    支出预算).
    """
    rest = _PERIOD_LEAD.sub("", lead)
    rest = rest.removeprefix(next((w for w in words("leads.own_body") if rest.startswith(w)), ""))
    place = entity_at(rest) if rest else None
    return not rest or (place is not None and place[2] == len(rest))


def _sentence_years(m: Mention) -> set[str]:
    """The year `m`'s sentence (up to a 。) names first before it (2023年“三公”经费支出决算中，因公出国（境）费…；
    公务用车…: 2023; 2023年“三公”经费…，较2022年…: 2023).
    """
    start = m.unit.text.rfind("。", 0, m.start) + 1
    return set(P.YEAR_NUMBER.findall(normalize_digits(m.unit.text[start:m.start]))[:1])


def _years_of(m: Mention) -> set[str]:
    return set(P.YEAR_NUMBER.findall(normalize_digits(m.subject)))


def _current_of(m: Mention, prior: Mention, basis_year: frozenset[str] = frozenset()) -> bool:
    """`m` may be the current level a prior one is compared with: of its family, not itself the period before's
    (会议费3.06万元（上年1.20万元）…，是上年1.20万元的2.55倍) nor the year's compared with (`basis_year`).
    """
    return m.family == prior.family and not _of_prior_period(m) and not (basis_year and _years_of(m) == basis_year)


def _paired_count(unit: Unit, total: Mention) -> Mention | None:
    """The count of another unit stated right before the count `total`, joined to it (72批次、538人次): the
    list that follows breaks both down, each by its own unit; else None.
    """
    if not total.family.startswith("count:"):
        return None
    before = [x for x in unit.mentions if x.end <= total.start]
    if not before:
        return None
    pair = before[-1]
    joint = unit.text[pair.end:total.start].strip()
    return pair if pair.family.startswith("count:") and pair.family != total.family \
        and joint in words("respective.joiners") else None


def _same_family(m: Mention, head: Mention) -> bool:
    return m.family == head.family
