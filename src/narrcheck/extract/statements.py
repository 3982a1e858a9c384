"""Statements: every money figure of the narrative that names its quantity, keyed for comparison (NC201).

A 功能分类 line named by its code (2010301行政运行539.41万元; 2.2010301行政运行：支出决算为…) or by its levels
(一般公共服务支出（类）…（款）行政运行（项）：…) also carries the row it names (`Statement.row`), for the official
tables to resolve; where nothing else names it, it is keyed by the code (#2010301), else by the levels as stated.

A key carries the figure's scope where the text states it: the place a figure is of (全区, 区本级, 青山县…),
the budget it belongs to (一般公共预算, 政府性基金 …) and the span of time it covers (1-2月, 2月份, 上半年,
2023年). Each is read from the nearest text that states one: the figure's own clause, else the opening of its
sentence part, of its paragraph, then its section headings from the innermost out (a time: any clause before
the figure that opens with one). The year-end balance under a 政府性基金 heading is not the one under a
一般公共预算 heading; the place is taken off the name (全区一般公共预算收入 is 一般公共预算收入 of 全区).

A figure in a list (“其中：基本支出…”) is keyed under the list's whole (“年初预算支出 · 基本支出” is
not “决算支出 · 基本支出”), save an item of the year's own 本年收入合计 / 本年支出合计 (synonyms.toml
[item_classes]): that is the quantity its bare name states. A clause that names only a measure (…支出年初预算为
A，支出决算为B) names the quantity of the figure before it. Comparison figures (比2018年…), changes, rates and
operands of written formulas are not statements of their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from narrcheck.extract import patterns as P
from narrcheck.extract.identity import (
    QuantityKey,
    entity_at,
    entity_named,
    fold,
    fund_named,
    group_named,
    is_generic,
    item_classes,
    measure_at_end,
    measure_only,
    opening,
    per_head_at,
    quantity_key,
    span_named,
    sub_unit_named,
)
from narrcheck.extract.rules import Mention, Unit, qualified_as_before
from narrcheck.extract.spans import CLAUSE, PART, SENTENCE, start_of
from narrcheck.lexicon import alt, entry, matcher, words
from narrcheck.model.claims import Figure
from narrcheck.numbers import normalize_digits, parse_number
from narrcheck.numbers.normalize import simplified

NOT_STATEMENTS = {"prior", "delta", "rate", "pct", "formula", "whole"}
# a written control or execution rate names its numerator: 公用经费控制率=96.45/100×100% (96.45 is 公用经费)
_RATE_WORD = matcher("ratio.formula_rates")
_RATE_NUMERATOR = re.compile(rf"(?P<name>[^，,。；;：:、\s=]{{2,20}}?){_RATE_WORD.pattern}\s*[=＝]\s*"
                             r"(?P<num>\d+(?:\.\d+)?)\s*/")
_YEAR_MARK = alt("dates.year")
_YEARS = re.compile(rf"(\d{{4}})\s*{_YEAR_MARK}")
# a 功能分类 line named by its code (类 201, 款 20103, 项 2010301) right before its amount, perhaps right after
# the list's numbering (2.2010301行政运行…): keyed by the code
_CODED = re.compile(r"(?:(?<![\d.])|(?<=(?<![\d.])\d[.、])|(?<=(?<![\d.])\d\d[.、]))"
                    r"(2\d{2}(?:\d{2}){0,2})(?![\d.])\s*(?=[\u4e00-\u9fff])([^，,。；;：:\d%]{1,31})$")
# a line named by its levels: 农林水支出（类）水利（款）行政运行（项）, 213（类）03（款）01（项), or both
_LEVEL_NAMES: tuple[str, ...] = tuple(entry("accounts.code_levels"))  # 类, 款, 项: outermost first
_LEVEL_MARK = re.compile(rf"[（(]({alt('accounts.code_levels')})[)）]")
LEVEL_DIGITS = (3, 2, 2)  # the digits each level adds to the code (类 款 项)
LEVEL_ENDS = tuple(accumulate(LEVEL_DIGITS))  # a code's length at each level: 3 a 类, 5 a 款, 7 a 项
_SEGMENT = re.compile(r"(?P<c1>\d{2,7})?(?P<name>[\u4e00-\u9fff（）()]*?)(?P<c2>\d{2,7})?\s*$")
_ORDINAL_OPEN = re.compile(rf"^[（(](?:{alt('numerals.ordinals')}|\d)+[)）]")


@dataclass(frozen=True)
class Statement:
    """A figure and the key of what it measures."""

    key: QuantityKey
    figure: Figure
    quote: str
    section: tuple[str, ...]
    sentence: tuple[int, int]  # (unit order, sentence start): one sentence's figures never restate each other
    # the 功能分类 row the figure is the amount of, where its words name one by its code or its levels (see
    # `row_levels`; #201 for a 类 by its code): the tables' row it restates, before any its name alone would meet
    row: QuantityKey | None = None


@dataclass(frozen=True)
class Statements:
    """All statements of a document: one item, for the rules that compare across it. `cells` are the figures
    of the document's flattened tables, keyed as the narrative's are: NC201 weighs the narrative against them,
    never them against each other (the other rules read only `items`).
    """

    items: tuple[Statement, ...]
    year: str = ""  # the report's year
    kind: str = "statements"
    cells: tuple[Statement, ...] = ()


_TITLE_YEAR = re.compile(rf"(\d{{4}})\s*{_YEAR_MARK}{alt('dates.year_suffix')}")  # 2024年度
# a year after 比/较 is the other side of a comparison
_COMPARED_BEFORE = re.compile(rf"{alt('dates.compared_before')}\s*$")


def report_year(units: Sequence[Unit]) -> str:
    """The year the document reports on: the first “YYYY年度” of its opening paragraphs (titles say
    2024年度部门决算), else the year named most often there.
    """
    opening = [u for u in units[:40] if u.table is None]
    for unit in opening[:10]:
        m = _TITLE_YEAR.search(unit.text)
        if m and not _COMPARED_BEFORE.search(unit.text[:m.start()]):
            return m.group(1)
    years = Counter(y for u in opening for y in _YEARS.findall(u.text))
    return years.most_common(1)[0][0] if years else ""


_BODY = re.compile(rf"[\u4e00-\u9fff（）()]{{1,30}}{alt('publisher.bodies')}")
_YEAR = rf"\d{{4}}\s*{_YEAR_MARK}{alt('dates.year_suffix')}?"  # 2024年, 2024 年度
_LEADING_YEAR = re.compile(rf"^{_YEAR}")
# …2024年度部门整体支出决算绩效自评报告: what a title says after the body's name
_TITLE_TAIL = re.compile(rf"(?:{_YEAR})?(?:{alt('publisher.title_kinds')})?(?:{alt('publisher.title_scopes')})?"
                         rf"(?:{alt('publisher.title_accounts')})?(?:{alt('publisher.title_documents')})?$")


def publisher(units: Sequence[Unit]) -> str:
    """The body that publishes the document, when its opening names it (示例县文化馆部门决算;
    示例县人民政府办公室).
    """
    for unit in [u for u in units[:12] if u.table is None][:6]:
        text = re.sub(r"\s+", "", unit.text)
        if len(text) > 40:
            continue
        name = _TITLE_TAIL.sub("", _LEADING_YEAR.sub("", text))
        if _BODY.fullmatch(name):
            return name
    return ""


def statements(units: Sequence[Unit], year: str) -> Statements:
    """Every keyed money statement of the narrative (paragraphs and text cells), in document order."""
    out: list[Statement] = []
    for unit in units:
        for mention in unit.mentions:
            if not mention.quantity.is_money or mention.role in NOT_STATEMENTS:
                continue
            key = _key(unit, mention, year)
            row = _row(unit, mention, year)
            if key is not None and row_levels(key.subject):  # (a measure of the row before it)
                row, key = key, row_code(key)
            if key is None and row is not None:
                key = row_code(row)
            if key is None:
                continue
            start = start_of(unit.text, mention.start, SENTENCE)
            out.append(Statement(key, mention.figure(), unit.quote(mention.start, mention.end), unit.section,
                                 (unit.order, start), row))
        if "/" in unit.text and _RATE_WORD.search(unit.text):
            out.extend(_rate_numerators(unit, year))
    return Statements(tuple(out), year)


def _rate_numerators(unit: Unit, year: str) -> list[Statement]:
    out = []
    for m in _RATE_NUMERATOR.finditer(unit.text):
        key = quantity_key(m.group("name"), year)
        if key is None:
            continue
        key = _scoped(key, unit, m.start("num"), year)
        q = parse_number(m.group("num"))
        fig = Figure(value=q.digits(), text=unit.raw[m.start("num"):m.end("num")], subject=m.group("name"),
                     location=unit.locate(m.start("num")))
        out.append(Statement(key, fig, unit.quote(m.start(), m.end()), unit.section,
                             (unit.order, start_of(unit.text, m.start(), SENTENCE))))
    return out


# a bracket opened after a figure and not closed before the next one: （其中公务用车购置费38万元… names that figure
_OPEN_AFTER_FIGURE = re.compile(r"\d[^\d（(）)]*[（(]([^（(）)]*)$")


def _clause_before(text: str, pos: int) -> str:
    """The words of the figure's clause before it; after a figure and a bracket it opens, only those inside
    the bracket (公车购置及运行费995万元（其中公务用车购置费38万元: 其中公务用车购置费).
    """
    words = text[start_of(text, pos, CLAUSE):pos]
    inside = _OPEN_AFTER_FIGURE.search(words)
    return inside.group(1) if inside else words


def _key(unit: Unit, mention: Mention, year: str) -> QuantityKey | None:
    key = _name(unit, mention, year)
    return _scoped(key, unit, mention.start, year) if key is not None else None


def _unplaced(words: str) -> str:
    """The words naming a figure without the place they open with (全区一般公共预算收入 → 一般公共预算收入):
    the place is the key's entity, not part of its name.
    """
    place = entity_at(words)
    return words[:place[1]] + words[place[2]:] if place else words


def _name(unit: Unit, mention: Mention, year: str) -> QuantityKey | None:
    text = unit.text
    before = _unplaced(_clause_before(text, mention.start))
    previous = next((m for m in reversed(unit.mentions) if m.end <= mention.start and m.quantity.is_money), None)
    if previous is not None and previous.role == "delta" \
            and previous.start >= start_of(text, mention.start, SENTENCE) \
            and P.CURRENT_AFTER.match(normalize_digits(before.strip("，,；; "))):
        return None  # (公务接待费较上年减少0.80万元，…，本年支出3.20万元: what changed, not the year's 本年支出)
    if previous is not None:  # (上年基本支出…，项目支出…: 上年 is said once for both)
        before = qualified_as_before(text, previous, mention.start, before)
    own = quantity_key(before, year)
    opened = start_of(text, mention.start, CLAUSE) - 1
    if own is None and opened > 0 and text[opened] in "：:":
        # (…缴费支出（项）：支出决算为99.84万元: the name stands before the colon, the measure after it)
        before = _unplaced(_clause_before(text, opened)) + before
        own = quantity_key(before, year)
    if own is None and previous is not None:
        elided = _elided(unit, previous, mention, before, year)
        if elided is not None:
            return elided
    if own is None:
        return None  # (a line named by its code or levels is keyed by its row: _row)
    if per_head_at(own.subject) == 0:  # an average whose group its own words do not name
        group = _group(unit, mention, year)
        if group:
            own = QuantityKey(fold(group + own.subject), own.period, own.measure)
    if P.TIMED_GENERIC.fullmatch(own.subject):
        # (养老保险基金收入…，当年结余…; 一般债务限额…，年末余额…: of what the statement before it in its sentence is)
        head = _name(unit, previous, year) if previous is not None \
            and previous.start >= start_of(text, mention.start, SENTENCE) else None
        return None if head is None else QuantityKey(f"{head.subject}·{own.subject}", own.period, own.measure)
    start = start_of(text, mention.start, SENTENCE)
    markers = list(P.LIST_MARKER.finditer(text, start, mention.start))
    if not markers:
        return own
    marker = markers[-1]
    part_start = start_of(text, marker.start(), PART)  # (…年初结转和结余30万元；支出总计包括…: not the list's whole)
    whole = next((m for m in reversed(unit.mentions) if m.start < marker.start() and m.start >= part_start
                  and m.quantity.is_money), None)
    scope_words = _unplaced(_clause_before(text, whole.start if whole else marker.start()))
    scope = quantity_key(scope_words, year, generic=True)
    if scope is None:
        return None  # a list whose whole cannot be named: its parts are not identified either
    subject = own.subject if _item_of_year(scope, own) else f"{scope.subject}·{own.subject}"
    return QuantityKey(subject, own.period or scope.period, own.measure or scope.measure)


def _group(unit: Unit, mention: Mention, year: str) -> str:
    """The group a per-head figure is an average of (学前教育 for 生均公用经费), where its clause does not name
    it: the short name before a colon (1.学前教育：生均公用经费…), else the group of the nearest per-head figure
    before it in its paragraph (高中生均教育事业费…，生均公用经费…), else the heading right above it ((一)学前教育).
    '' where none is found, or the clause names a place of its own (全区生均…: the average of the whole).
    """
    text = unit.text
    clause = start_of(text, mention.start, CLAUSE)
    if entity_at(text[clause:mention.start]):
        return ""
    if clause > 0 and text[clause - 1] in "：:":
        named = group_named(_clause_before(text, clause - 1))
        if named:
            return named
    for m in reversed(unit.mentions):
        if m.end > mention.start or not m.quantity.is_money or m.role in NOT_STATEMENTS:
            continue
        key = _name(unit, m, year)
        subject = key.subject.split("·")[-1] if key is not None else ""
        at = per_head_at(subject)
        if at > 0:
            return subject[:at]
        if at == 0:
            break
    headings = [h for h in reversed(unit.section) if h.strip() != unit.original.strip()]
    return group_named(_heading(headings[0])) if headings else ""


def _row(unit: Unit, mention: Mention, year: str) -> QuantityKey | None:
    """The 功能分类 row a figure is the amount of, where the words before it in its clause name one: by its code
    (2130301行政运行250.39万元; 2.2130301行政运行：支出决算为…, the name before a colon and only a measure
    after it), or by its levels, down to the 项 (农林水支出213（类）水利03（款）行政运行01（项）：…; the names alone,
    or the codes alone). Keyed by the levels as stated (see `row_levels`), for the tables to resolve;
    with the measure and period the words end with (年初预算为, 上年决算为). None where the words after the row
    name something else (…行政运行：基本支出…) or a list opens in them.
    """
    text = unit.text
    words = _clause_before(text, mention.start)
    opened = start_of(text, mention.start, CLAUSE) - 1
    if opened > 0 and text[opened] in "：:" and not measure_at_end(words, year)[0]:
        words = _clause_before(text, opened) + words  # the name before the colon, only a measure after it
    if P.LIST_MARKER.search(words):
        return None
    if _LEVEL_MARK.search(words):
        found = _levels(words)
        if found is None:
            return None
        row, rest = found
        name, period, measure = measure_at_end(rest, year)
        if name and not is_generic(name):
            return None
        return _scoped(QuantityKey(row, period, measure), unit, mention.start, year)
    coded = _CODED.search(words)
    if coded is None:
        return None
    code = coded.group(1)
    name, period, measure = measure_at_end(coded.group(2), year)
    if len(code) != sum(LEVEL_DIGITS):  # a 类 or 款 by its code: no name is weighed
        return _scoped(QuantityKey(f"#{code}", period, measure), unit, mention.start, year)
    levels = [(code[end - n:end], "") for n, end in zip(LEVEL_DIGITS, LEVEL_ENDS, strict=True)]
    levels[-1] = (levels[-1][0], name)
    return _scoped(QuantityKey(levels_path(levels), period, measure), unit, mention.start, year)


def _levels(words: str) -> tuple[str, str] | None:
    """(row key, the words after the 项) of a name given by its levels, the last of them a 项; None when the
    levels are out of order or say too little to find one row (a 项 alone).
    """
    found = _stated_levels(words)
    if found is None:
        return None
    stated, rest = found
    code, name = stated[-1]
    if len(code) == sum(LEVEL_DIGITS):  # the 项 given its whole code
        stated = [(code[end - n:end], "") for n, end in zip(LEVEL_DIGITS, LEVEL_ENDS, strict=True)]
        stated[-1] = (stated[-1][0], name)
    if any(c and len(c) != n for (c, _), n in zip(stated, LEVEL_DIGITS, strict=True)):
        return None
    return levels_path(stated), rest


def _stated_levels(words: str) -> tuple[list[tuple[str, str]], str] | None:
    """The (code, name) each level of a line's last run of levels states, outermost first, and the words after
    it; None where the run does not end with a 项 or holds only that.
    """
    marks = list(_LEVEL_MARK.finditer(words))
    if not marks or marks[-1].group(1) != _LEVEL_NAMES[-1]:
        return None
    run: list[re.Match[str]] = []  # the marks of the line, innermost last, each level once and in order
    for m in reversed(marks):
        depth = _LEVEL_NAMES.index(m.group(1))
        if run and depth != _LEVEL_NAMES.index(run[0].group(1)) - 1:
            break
        run.insert(0, m)
    if len(run) < 2:
        return None
    stated = [("", "")] * len(_LEVEL_NAMES)
    start = 0 if len(run) == len(marks) else marks[len(marks) - len(run) - 1].end()
    for m in run:
        seg = _SEGMENT.search(words[start:m.start()])
        start = m.end()
        if seg is None:
            return None
        stated[_LEVEL_NAMES.index(m.group(1))] = (seg.group("c2") or seg.group("c1") or "",
                                                  _ORDINAL_OPEN.sub("", seg.group("name")))
    return stated, words[run[-1].end():]


def levels_path(levels: Sequence[tuple[str, str]]) -> str:
    """The row key of levels as stated, written as a line writes them: 农林水支出（类）水利（款）行政运行01（项）."""
    return "".join(f"{fold(name) if name else ''}{code}（{level}）"
                   for (code, name), level in zip(levels, _LEVEL_NAMES, strict=True) if code or name)


def row_levels(row: str) -> list[tuple[str, str]] | None:
    """The (code, name) each level (类, 款, 项) of a row key states ('' where it states none), outermost first;
    None for a key of a 类 or 款 by its code (#201), or of a name.
    """
    found = _stated_levels(row) if row.endswith(f"（{_LEVEL_NAMES[-1]}）") else None
    return found[0] if found else None


def row_code(row: QuantityKey) -> QuantityKey:
    """A row key as the figure's own key: #code where every level's code is stated (the name it states is
    the tables' to weigh), else the levels as stated.
    """
    levels = row_levels(row.subject)
    if levels is None or not all(code for code, _ in levels):
        return row
    return replace(row, subject="#" + "".join(code for code, _ in levels))


def _elided(unit: Unit, previous: Mention, mention: Mention, words: str, year: str) -> QuantityKey | None:
    """The key of a figure whose clause names only a measure (…支出年初预算为1435.70万元，支出决算为1413.58万元):
    the key of the statement before it in its sentence, of another measure, with this one. Not in a list (…，其中：
    财政拨款250万元，实际支出285万元: the list's part or its whole?).
    """
    measure = measure_only(words)
    start = start_of(unit.text, mention.start, SENTENCE)
    if measure is None or previous.role in NOT_STATEMENTS or previous.start < start \
            or P.LIST_MARKER.search(unit.text, start, mention.start):
        return None
    key = _name(unit, previous, year) or _row(unit, previous, year)
    return None if key is None or key.measure == measure else QuantityKey(key.subject, key.period, measure)


def _item_of_year(whole: QuantityKey, part: QuantityKey) -> bool:
    """The part is an item of the year's own income total (财政拨款收入 of 本年收入合计: synonyms.toml
    [item_classes], lexicon [wholes] bare_items), so the quantity its bare name states; a part of any other whole
    (本年支出 · 基本支出, which a 财政拨款 section breaks down by the same names; 项目支出 · 财政拨款) is that whole's.
    """
    bare = {fold(w) for w in words("wholes.bare_items")}
    return any(whole.subject == fold(total) and fold(total) in bare and part.subject in {fold(item) for item in items}
               for total, items in item_classes())


def _scoped(key: QuantityKey, unit: Unit, pos: int, year: str) -> QuantityKey:
    """`key` with the scope the text states for the figure at `pos`: each part of it from the figure's own
    clause, else from the topic of what encloses it (the opening of its sentence part, of its paragraph, then
    its section headings from the innermost out). A sibling's scope is its own: 政府性基金收入0万元；事业收入…
    does not make 事业收入 a fund's. A time is set by any clause before the figure that opens with one.
    """
    text = unit.text
    clause = start_of(text, pos, CLAUSE)
    part = start_of(text, pos, PART)
    own = text[clause:pos]
    topics = [top for top, base in ((opening(text[part:pos]), part), (opening(text), 0))
              if base + len(top) < clause]
    # a numbered line that is its own heading says nothing more than its text
    headings = [_heading(h) for h in reversed(unit.section) if h.strip() != unit.original.strip()]
    entity = _first(_place(own), *(lambda t=t: entity_named(t) for t in (*topics, *headings)),
                    lambda: sub_unit_named(text[part:pos]), *(lambda h=h: sub_unit_named(h) for h in headings))
    fund = _first(fund_named(own), *(lambda t=t: fund_named(t) for t in (*topics, *headings)))
    span = _first(span_named(own, year), lambda: span_named(text[:clause], year, opening=True),
                  *(lambda h=h: span_named(h, year) for h in headings))
    return key.with_scope(entity, fund, span)


@lru_cache(maxsize=1024)
def _heading(title: str) -> str:
    """A heading as the text under it is read (traditional script simplified), once per heading."""
    return simplified(title)


def _place(words: str) -> str:
    place = entity_at(words)
    return place[0] if place else ""


def _first(value: str, *more: Callable[[], str]) -> str:
    """The first non-empty of `value` and the values `more` computes, in turn."""
    for get in more:
        if value:
            break
        value = get()
    return value
