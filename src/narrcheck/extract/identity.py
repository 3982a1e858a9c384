"""What a figure measures: a key of subject (synonyms folded), period and measure, and the figure's scope.

Two figures with the same key state the same quantity, so their values must agree. A key is only given when
the words name the quantity on their own: a generic word (支出, 资金), a pronoun (该项目, 本项目) or an
unnamed figure gets none, because restating it proves nothing; nor does a name that only relates to another
figure (超支部分, 低于上年的数额).

The scope says whose figure it is, of which budget and for which span of time (data/scope.toml): the place
(全县, 区本级, a county's name), the fund (一般公共预算, 政府性基金, 国有资本经营, 社会保险基金) and the span
(2月份, 1-2月, 上半年, another year). Scopes that are stated and differ are different quantities.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from narrcheck.extract.spans import CLAUSE, start_of
from narrcheck.lexicon import alt
from narrcheck.lexicon import words as lexicon_words
from narrcheck.numbers import normalize_digits

_YEAR_MARK = rf"{alt('dates.year')}{alt('dates.year_suffix')}?"  # 年, 年度
_MONTH = alt("dates.month")
# 2023年, 2023年度, 2023年3月底, 2023年1-2月: a year (and months) before a name
_YEAR = re.compile(rf"(\d{{4}})\s*{_YEAR_MARK}(?:\d{{1,2}}\s*{alt('dates.month_range')}\s*\d{{1,2}}{_MONTH}"
                   rf"|\d{{1,2}}{_MONTH}{alt('dates.month_ends')}?)?")
# quotes, spaces and a code level in brackets (（类）) are no part of a name
_STRIP = re.compile(rf"[\s“”\"'‘’「」《》]|[（(]{alt('accounts.code_levels')}[)）]")
_LEVEL = re.compile(rf"[（(]{alt('accounts.code_levels')}[)）]")
# what opens the words before a figure without naming anything: ordinals, list words, the body itself
_ORDINAL = alt("numerals.ordinals")
_LEADS = (rf"(?:{alt('leads.breakdown', 'leads.including')}|{_ORDINAL}+{alt('numerals.enumerator_suffix')}"
          rf"|{alt('numerals.ordinal_prefix')}{_ORDINAL}+|[（(]?\d{{1,2}}[)）.．、]|[（(]?{_ORDINAL}+[)）、]|\d{{3,}}"
          rf"|{alt('leads.until')}|{alt('leads.own_body')}|{alt('leads.totals')}|[：:，,；;、])")
_LEAD = re.compile(rf"^{_LEADS}+")
# words opening a name that say only that it is the report's year (本年度“三公”经费 is the 三公经费 of 2023年度)
_THIS_PERIOD = re.compile(rf"^{alt('names.this_period')}")


@cache
def _words() -> dict[str, re.Pattern[str]]:
    """The word lists of [names] in data/synonyms.toml, compiled."""
    names = _table()["names"]
    return {
        "tail": re.compile(rf"{_alt(names['tails'])}+$"),
        "pointer": re.compile(rf"^{_alt(names['pointers'])}"),
        "not_a_name": re.compile(rf"\d|{_alt(names['not_in_names'])}"),
        "noun_end": re.compile(rf"{_alt(names['noun_ends'])}$"),
        "verb": re.compile(rf"^{_alt(names['verbs'])}"),
    }


@dataclass(frozen=True)
class QuantityKey:
    """subject: canonical name; period: '' for the report's year, else a year or 上年; measure: ''
    (actual), 预算 or 年初预算. The scope, where the text states it ('' where it does not): entity, the place
    the figure is of (全县, 本级, 各, or a place's name); fund, the budget it belongs to (一般公共预算 …);
    span, the time it covers (本年, 2023年, 1-2月, 2023年1-2月).
    """

    subject: str
    period: str
    measure: str
    entity: str = ""
    fund: str = ""
    span: str = ""

    @property
    def base(self) -> QuantityKey:
        """The key without its scope: what the figure is called."""
        return QuantityKey(self.subject, self.period, self.measure)

    @property
    def scope(self) -> tuple[str, str, str]:
        return self.entity, self.fund, self.span

    def with_scope(self, entity: str = "", fund: str = "", span: str = "") -> QuantityKey:
        return QuantityKey(self.subject, self.period, self.measure, entity, fund, span)

    def __str__(self) -> str:
        fund = "" if self.fund in self.subject else self.fund
        said = _time()
        span = "" if self.span in (said["this_year"], said["year_label"].format(self.period)) else self.span
        return "/".join(p for p in (self.entity, fund, span, self.period, self.subject, self.measure) if p)


def names_own_level(text: str) -> bool:
    """The text speaks of a place's own level apart from the whole (镇本级, 县本级): 全镇 is then no own figure."""
    return _places()["own"].search(text) is not None


def own_whole(key: QuantityKey) -> QuantityKey:
    """The key without an opening that calls it the whole of a place or body (全镇三公经费, 全局…): within one
    document's own accounts, where a whole is the sum of its components, that is the quantity the bare name means
    (apply only where the document names no own level apart: names_own_level).
    """
    m = _places()["whole_lead"].match(key.subject)
    return key if m is None else QuantityKey(fold(key.subject[m.end():]), key.period, key.measure, *key.scope)


def scopes_differ(a: QuantityKey, b: QuantityKey) -> bool:
    """Both keys state a scope of one kind and state it differently: two entities, two funds or two spans
    never speak of one quantity.
    """
    return any(x and y and x != y for x, y in zip(a.scope, b.scope, strict=True))


@cache
def _table() -> dict[str, Any]:
    text = files("narrcheck").joinpath("data/synonyms.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _subjects() -> dict[str, str]:
    """Every form (bracket-free) → its canonical subject."""
    out: dict[str, str] = {}
    for canonical, forms in _table()["subjects"].items():  # type: ignore[union-attr]
        for form in (canonical, *forms):
            out[_plain(form)] = canonical
    return out


@cache
def _under() -> dict[str, dict[str, str]]:
    """Parent subject → {form → canonical subject} for the forms that name a subject only under that parent."""
    return {parent: {_plain(form): canonical for canonical, forms in table.items() for form in forms}
            for parent, table in _table().get("under", {}).items()}  # type: ignore[union-attr]


@cache
def _measures() -> list[tuple[str, str]]:
    """(form, measure), longest form first, for stripping a measure word off the end of a subject."""
    pairs = [(form, measure) for measure, forms in _table()["measures"].items()  # type: ignore[union-attr]
             for form in forms]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _periods() -> list[tuple[str, str]]:
    pairs = [(form, period) for period, forms in _table()["periods"].items()  # type: ignore[union-attr]
             for form in forms]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _kept_names() -> tuple[str, ...]:
    return tuple(_table()["names"]["keep"])  # type: ignore[index]


@cache
def opposites() -> tuple[tuple[str, str], ...]:
    """Pairs of names one figure of a year cannot carry both (上年结转 / 年末结转)."""
    return tuple((a, b) for a, b in _table()["opposites"]["pairs"])


@cache
def composites() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(whole, components) for every quantity that is the sum of its components by definition (三公经费,
    基本支出); a whole with several decompositions (基本支出 by kind of cost, or by economic class) has a pair
    for each.
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    for whole, parts in _table()["composites"].items():  # type: ignore[union-attr]
        ways = parts if parts and isinstance(parts[0], list) else [parts]
        out.extend((whole, tuple(way)) for way in ways)
    return tuple(out)


@cache
def item_classes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(whole, items) for every total the standard accounts make of a closed set of items (本年支出: 基本支出,
    项目支出, …), though a text may list only some of them and their sum is no identity the rules check.
    """
    return tuple((whole, tuple(items)) for whole, items in _table()["item_classes"].items())  # type: ignore[union-attr]


@cache
def _generic() -> frozenset[str]:
    return frozenset(_table()["generic"]["words"])  # type: ignore[index]


def _innermost(text: str) -> str:
    """A name given by its levels (社会保障和就业支出（类）行政事业单位养老支出（款）…缴费支出（项）支出决算为): the
    innermost level's name and what follows it; a name without levels as it is.
    """
    pieces = _LEVEL.split(text)
    return pieces[-2] + pieces[-1] if len(pieces) > 2 else text


def _plain(text: str) -> str:
    return _STRIP.sub("", normalize_digits(text))


def fold(subject: str) -> str:
    """The canonical name of a subject (itself when the synonym table does not list it)."""
    plain = _plain(subject)
    return _subjects().get(plain, plain)


# 比上年 / 较2023年 / 与年初: a comparison that follows the words naming what changed
_COMPARED = re.compile(rf"{alt('compare.subject_openers')}(?:{alt('compare.periods')}|\d{{4}}{alt('dates.year')}"
                       rf"|{alt('compare.subject_bases')})")


def change_key(subject: str, quote: str, report_year: str = "", word: str = "") -> QuantityKey | None:
    """The key of what a change speaks of: its subject, else the words before 比上年/较2023年 in its
    clause, else (a change in a list that takes its comparison from the list's head) the words before its
    change `word` (公务接待费支出决算减少…).
    """
    if subject:
        return quantity_key(subject, report_year)
    m = _COMPARED.search(quote)
    end = m.start() if m is not None else quote.find(word) if word else -1
    if end < 0:
        return None
    head = re.split(r"[，,。；;：:]", quote[:end])[-1]
    return quantity_key(head, report_year)


@lru_cache(maxsize=8192)
def quantity_key(subject: str, report_year: str = "", generic: bool = False) -> QuantityKey | None:
    """The key of the quantity `subject` names (the words before a figure), or None when they name none.

    With `generic`, a general word (支出, 收入 …) is a key too: good enough to name the whole of a list.
    """
    s = _plain(_innermost(subject))
    period = ""
    years = list(_YEAR.finditer(s))
    if years:
        last = years[-1]
        period = "" if last.group(1) == report_year else last.group(1)
        s = s[last.end():]  # what stands before the year is the body's name (资阳市…办公室2019年…)
    s = _LEAD.sub("", s)
    if not s.startswith(_kept_names()):
        for form, name in _periods():
            if s.startswith(form):
                period, s = name, s[len(form):]
                break
    words = _words()
    s = words["tail"].sub("", s)
    measure = ""
    for form, name in _measures():
        if s.endswith(form) and len(s) > len(form):
            measure, s = name, s[: -len(form)]
            break
        if s.startswith(form) and len(s) > len(form):  # 年初预算支出, 决算收入
            measure, s = name, s[len(form):]
            break
    s = words["tail"].sub("", _LEAD.sub("", s))
    s = cost_itself(s)  # 公用经费支出 is 公用经费, 会议费支出 is 会议费
    s = _this_period_dropped(s)
    if not s or words["pointer"].match(s) or words["not_a_name"].search(s) or words["verb"].match(s) \
            or not (words["noun_end"].search(s) or _plain(s) in _subjects()) or _relative().match(s):
        return None
    if not generic and (len(s) < 3 or s in _generic()):
        return None
    return QuantityKey(fold(s), period, measure)


def _this_period_dropped(s: str) -> str:
    """A name opening with a word of the report's own year (本年度, 当年) without that word, where the rest is a
    name of its own and the whole is no known subject (本年度三公经费财政拨款 is 三公经费, 本年项目支出 is 项目支出;
    本年收入 and 当年结余 stay: the accounts' own quantities, or a general word).
    """
    m = _THIS_PERIOD.match(s)
    if m is None or _plain(s) in _subjects() or s.startswith(_kept_names()) \
            or s in lexicon_words("names.timed_generic"):  # (当年结余: of what its sentence named before)
        return s
    rest = s[m.end():]
    known = _plain(rest) in _subjects() or len(rest) >= 4  # (not 本年度收入 → 收入: a name too short to be one)
    return rest if known and rest not in _generic() else s


def cell_subject(name: str, under: str | None = None) -> str | None:
    """The canonical subject a table's row label (or column header) names, or None where it names none for
    certain: a form the synonym table lists (or lists under the canonical subject `under`, its parent's), else
    a name as a narrative figure's would be keyed, that names no period or measure of its own (the table's
    columns say those) and is no general word (合计, 支出).
    """
    plain = _plain(name)
    if under is not None and plain in _under().get(under, {}):
        return _under()[under][plain]
    if plain in _subjects():
        return _subjects()[plain]
    key = quantity_key(plain)
    if key is None or key.period or key.measure:
        return None
    return key.subject


def measure_of(words: str) -> str | None:
    """The measure (synonyms.toml [measures]: '' the actual, 预算, 年初预算) that `words` are a form of, exactly;
    None when they are no measure's form.
    """
    plain = _plain(words)
    return next((measure for form, measure in _measures() if form == plain), None)


def measure_only(text: str) -> str | None:
    """The measure `text` names when it names nothing else (决算为, 支出决算为, 预算数是: a measure, perhaps after
    a noun said once for the sentence's figures, lexicon.toml names.said_once); None when it names more.
    """
    s = _words()["tail"].sub("", _LEAD.sub("", _plain(text)))
    for noun in ("", *lexicon_words("names.said_once")):
        if s.startswith(noun) and (measure := measure_of(s[len(noun):])) is not None:
            return measure
    return None


def measure_at_end(text: str, report_year: str = "") -> tuple[str, str, str]:
    """(what is left, period, measure) of the words before a figure, with the measure (synonyms.toml [measures])
    and then the period (上年, a year) that end them taken off: 行政运行年初预算为 → (行政运行, '', 年初预算);
    上年支出决算为 → ('', 上年, '').
    """
    tail = _words()["tail"]
    s = tail.sub("", _plain(text))
    measure = ""
    for form, name in _measures():
        if s.endswith(form):
            measure, s = name, s[: -len(form)]
            break
    s = tail.sub("", s)
    period = ""
    for form, name in _periods():
        if s.endswith(form):
            period, s = name, s[: -len(form)]
            break
    years = list(_YEAR.finditer(s))
    if not period and years and years[-1].end() == len(s):
        period = "" if years[-1].group(1) == report_year else years[-1].group(1)
        s = s[: years[-1].start()]
    return s, period, measure


def is_generic(name: str) -> bool:
    """The name is too general to name a quantity of its own (支出, 合计: synonyms.toml [generic])."""
    return _plain(name) in _generic()


def measures_in(text: str) -> set[str]:
    """The measures whose forms `text` holds (longest forms first, none inside another), budgets' names
    (一般公共预算) left out.
    """
    plain = _funds()[0].sub("", _plain(text))
    pattern, forms = _measure_finder()
    return {forms[m.group()] for m in pattern.finditer(plain)}


@cache
def _measure_finder() -> tuple[re.Pattern[str], dict[str, str]]:
    """The alternation of every measure's forms, and form → measure."""
    return re.compile(_alt(form for form, _ in _measures())), dict(_measures())


def prior_period() -> str:
    """The period a figure of the year before the report's is keyed with (上年: synonyms.toml [periods] keys
    only that period).
    """
    return next(iter(_table()["periods"]))  # type: ignore[no-any-return]


def period_forms(period: str) -> tuple[str, ...]:
    """The words that put a figure in `period` (上年: 上年, 去年, 上年度, 上年同期 …)."""
    return tuple(form for form, name in _periods() if name == period)


def year_span(year: str, report_year: str) -> str:
    """The span a whole year is keyed with: the report's year (本年) or another year (2023年)."""
    t = _time()
    return t["this_year"] if year == report_year else t["year_label"].format(year)


def this_year() -> str:
    """The span a figure of the report's whole year is keyed with (本年)."""
    return _time()["this_year"]  # type: ignore[no-any-return]


def within_year(span: str) -> bool:
    """The span is a part of a year (2月, 1-2月, 2023年1-2月, 上半年), not a whole year nor unstated."""
    t = _time()
    whole_year = re.escape(t["year_label"]).replace(re.escape("{}"), r"\d{4}")
    return bool(span) and span != t["this_year"] and re.fullmatch(whole_year, span) is None


def cost_itself(name: str) -> str:
    """A cost named with a tail after it (会议费支出) is the cost itself (会议费)."""
    names = _table()["names"]
    for tail in names["cost_tails"]:
        if name.endswith(tail) and name[:-len(tail)].endswith(tuple(names["cost_ends"])):
            return name[:-len(tail)]
    return name


# --- scope: whose figure, of which budget, for which part of time (data/scope.toml) ---------------------

_CJK = r"\u4e00-\u9fff"
_TITLE = re.compile(r"《[^《》]*》|【[^【】]*】|“[^“”]*”")  # a cited title or file number names no scope


@cache
def _scope_data() -> dict[str, Any]:
    text = files("narrcheck").joinpath("data/scope.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _alt(forms: Any) -> str:
    return "(?:" + "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True)) + ")"


@cache
def _funds() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {form: canonical for canonical, forms in _scope_data()["funds"].items()
             for form in (canonical, *forms)}
    return re.compile(_alt(names)), names


@lru_cache(maxsize=8192)  # pure, and asked again for every figure under one heading
def fund_named(text: str) -> str:
    """The budget (fund) `text` names last, canonical; '' when it names none."""
    pattern, names = _funds()
    found = pattern.findall(_TITLE.sub("", text))
    return names[found[-1]] if found else ""


@cache
def _places() -> dict[str, Any]:
    e = _scope_data()["entities"]
    suffix = _alt(e["suffixes"])
    return {
        # one name and its suffix, not cut inside a longer suffix run (某州|市, not 某|州市)
        "segment": re.compile(rf"[{_CJK}]{{1,6}}?{suffix}(?!{suffix})"),
        "whole": re.compile(rf"{_alt(e['whole'])}{suffix}"),
        "whole_lead": re.compile(rf"^{_alt(e['whole'])}(?:{suffix}|{_alt(e['bodies'])})"),
        "every": re.compile(rf"{_alt(e['every'])}(?:{suffix}|[（()）、])+"),
        "own": re.compile(rf"(?:{suffix})?{_alt(e['own_level'])}"),
        # a body's own level (部门本级, 局机关本级) and a body's whole (部门汇总, 本部门（汇总）, （汇总）)
        "body_own": re.compile(rf"[{_CJK}]{{0,8}}?(?:{_alt(e['body_levels'])}){_alt(e['own_level'])}"),
        # (the openers skipped before a match may end in the bracket: 本部门（ is skipped, 汇总） is left)
        "body_whole": re.compile(rf"(?:[{_CJK}]{{0,8}}?(?:{_alt(e['body_levels'])}))?[（(]?{_alt(e['whole_body'])}[)）]"
                                 rf"|[{_CJK}]{{0,8}}?(?:{_alt(e['body_levels'])}){_alt(e['whole_body'])}"),
        "whole_body_name": e["whole_body_label"],
        "not_after": re.compile(_alt(e["not_after"])),
        "body": re.compile(rf"[{_CJK}]{{0,6}}?{_alt(e['bodies'])}"),
        "pronoun": re.compile(rf"^{_alt(e['pronoun_openers'])}|{_alt(e['pronouns'])}"),
        "preposition": re.compile(_alt(e["prepositions"])),
        "not_place": re.compile(rf"{_alt(e['not_places'])}$"),
        "every_name": e["every"][0],
        "own_name": e["own_level"][0],
    }


@cache
def _time() -> dict[str, Any]:
    t = _scope_data()["spans"]
    y, mo = re.escape(t["year_mark"]), re.escape(t["month_mark"])
    year_mark = rf"{y}{_alt(t['year_also'])}?"
    rng, until, ends = _alt(t["range_marks"]), _alt(t["until"]), _alt(t["month_ends"])
    months = (rf"(?:(?P<until>{until})\s*)?(?:(?P<y>\d{{4}})\s*{year_mark}\s*)?"
              rf"(?:(?P<a>\d{{1,2}})\s*{rng}\s*)?"
              rf"(?P<b>\d{{1,2}})\s*{mo}(?:{ends})?(?!\s*\d{{1,2}}\s*{_alt(t['day_marks'])})")
    year = rf"(?P<year>\d{{4}})\s*{year_mark}(?!\s*\d{{1,2}}\s*{mo})(?:{ends})?"
    words = rf"(?:(?P<wy>\d{{4}})\s*{year_mark}\s*)?(?P<word>{_alt(t['parts'])})"
    return {
        "expr": re.compile(rf"(?<![\d.\-])(?:{words}|{months}|{year})"),
        "compared": re.compile(rf"{_alt(t['compared'])}\s*$"),
        **{k: t[k] for k in ("parts", "this_year", "year_label", "month_label", "range_label")},
    }


def _span_of(m: re.Match[str], report_year: str) -> str:
    """A time expression as the span it names: the report's year (本年), another year (2023年), a month or
    months of the report's year (2月, 1-2月) or of another (2023年1-2月).
    """
    t = _time()
    year = m.group("year") or m.group("y") or m.group("wy") or ""
    if m.group("word"):
        first, last = t["parts"][m.group("word")]
    elif m.group("b"):
        last = int(m.group("b"))
        first = int(m.group("a")) if m.group("a") else 1 if m.group("until") else last
    else:
        first, last = 1, 12
    months = "" if (first, last) == (1, 12) else t["month_label"].format(last) if first == last \
        else t["range_label"].format(first, last)
    head = "" if not year or year == report_year else t["year_label"].format(year)
    return f"{head}{months}" or t["this_year"]


def _spans(text: str, report_year: str) -> list[tuple[int, str]]:
    """(offset, span) of every time expression in `text` that is not the other side of a comparison."""
    plain = _TITLE.sub(lambda m: " " * len(m.group()), text)
    t = _time()
    out = []
    for m in t["expr"].finditer(plain):
        if t["compared"].search(plain[max(0, m.start() - 3):m.start()]):
            continue  # 比2023年, 较1-2月: the figure compared with, not this one
        out.append((m.start(), _span_of(m, report_year)))
    return out


@lru_cache(maxsize=8192)  # pure, and asked again for every figure under one heading
def span_named(text: str, report_year: str = "", opening: bool = False) -> str:
    """The span the last time expression of `text` names ('' when none); with `opening`, only an expression
    that opens its clause (2月份，全县… / 截至5月底，…) sets the time of what follows it.
    """
    spans = _spans(text, report_year)
    if opening:
        spans = [(i, s) for i, s in spans if _bare(text[start_of(text, i, CLAUSE):i])]
    return spans[-1][1] if spans else ""


_LEAD_TOKEN = re.compile(rf"{_LEADS}|\s+|[（(]|[)）]")


def _skip_openers(text: str, pos: int = 0) -> int:
    """Past the ordinals, lead words and time expressions that open a clause."""
    expr = _time()["expr"]
    while pos < len(text):
        m = expr.match(text, pos) or _LEAD_TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos


def _bare(text: str) -> bool:
    """Nothing but openers (ordinals, lead words, times)."""
    return _skip_openers(text) == len(text)


@lru_cache(maxsize=8192)  # pure, and asked again for every figure under one heading
def entity_at(text: str) -> tuple[str, int, int] | None:
    """The place `text` opens with (past its ordinals, lead words and time), as (entity, start, end):
    全县, 本级 (区本级), 各 (各县区), or a place's name (青山县, 某市某区). A place followed by a body's
    name (…县财政局) is where the body sits, and a place said with a pronoun (我县) is the document's own:
    no entity.
    """
    p = _places()
    start = _skip_openers(text)
    for kind in ("whole", "every", "own", "body_own", "body_whole"):
        m = p[kind].match(text, start)
        if m and not p["not_after"].match(text, m.end()):
            entity = {"whole": m.group(), "every": p["every_name"], "own": p["own_name"], "body_own": p["own_name"],
                      "body_whole": p["whole_body_name"]}[kind]
            return entity, start, m.end()
    if p["preposition"].match(text, start):
        return None
    ends = []
    pos = start
    while (m := p["segment"].match(text, pos)) is not None and not p["not_place"].search(m.group()):
        if p["pronoun"].search(m.group()):
            return None  # 我县: the document's own place
        pos = m.end()
        ends.append(pos)
    for end in reversed(ends):
        if p["not_after"].match(text, end):
            continue
        if not _funds()[0].match(text, end) and p["body"].match(text, end):
            return None  # a body sitting in the place
        own = p["own"].match(text, end)
        if own:  # a place's own level
            return p["own_name"], start, own.end()
        return text[start:end], start, end
    return None


@lru_cache(maxsize=8192)  # pure, and asked again for every figure under one heading
def opening(text: str) -> str:
    """A paragraph's opening: up to the end of its first clause that says more than a time or an ordinal."""
    pos = 0
    while pos < len(text):
        end = pos
        while end < len(text) and text[end] not in CLAUSE:
            end += 1
        if not _bare(text[pos:end]):
            return text[:end]
        pos = end + 1
    return text


@lru_cache(maxsize=8192)  # pure, and asked again for every figure under one heading
def sub_unit_named(text: str) -> str:
    """The label of a body below the document's own where `text` names one (下属, 所属单位 …), else ''."""
    e = _scope_data()["entities"]
    return e["sub_unit_label"] if any(w in text for w in e["sub_units"]) else ""


def entity_named(text: str) -> str:
    """The place the last clause of `text` that opens with one opens with ('' when none does)."""
    found = ""
    pos = 0
    while pos <= len(text):
        end = pos
        while end < len(text) and text[end] not in CLAUSE:
            end += 1
        hit = entity_at(text[pos:end])
        if hit:
            found = hit[0]
        pos = end + 1
    return found


@cache
def _relative() -> re.Pattern[str]:
    return re.compile(_alt(_scope_data()["relative"]["openers"]))


@cache
def _forms_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_subjects(), key=len, reverse=True))


def core_subject(subject: str) -> str | None:
    """The canonical name of the longest known subject `subject` ends with (部门决算公开公务接待费 → 公务接待费),
    or None when it ends with none.
    """
    plain = _plain(subject)
    return next((_subjects()[form] for form in _forms_longest_first() if form and plain.endswith(form)), None)


# --- per-head figures: the group an average is of --------------------------------------------------------

@cache
def _per_head() -> re.Pattern[str]:
    return re.compile(alt("names.per_head"))


def per_head_at(subject: str) -> int:
    """Where the first word that makes `subject` an average over a group (生均, 人均) starts; -1 where none does."""
    m = _per_head().search(subject)
    return m.start() if m else -1


_GROUP = re.compile(rf"[{_CJK}（）()、]{{2,10}}")


@lru_cache(maxsize=4096)
def group_named(text: str) -> str:
    """The group `text` names, where it is nothing but a short name after its openers (1.学前教育, （二）普通高中):
    the group a per-head figure after it is of; '' where it says more (a topic: …增长情况, a figure, a per-head
    name of its own).
    """
    text = text.strip()
    rest = text[_skip_openers(text):]
    place = entity_at(rest)
    if place:
        rest = rest[place[2]:]
    if not _GROUP.fullmatch(rest) or per_head_at(rest) >= 0 or rest.endswith(lexicon_words("names.topic_ends")):
        return ""
    return rest
