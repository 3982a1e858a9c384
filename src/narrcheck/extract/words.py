"""Claims made in words that numbers elsewhere can contradict: “无结转结余”, “不涉及…政府采购…”.

A denial names a term of the synonym table's [denials]; the figures stating an amount or a number of that term
in the report's year are collected with it. The check decides whether any of them contradicts the denial.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import product

from narrcheck.extract import patterns as P
from narrcheck.extract.identity import QuantityKey, change_key, composites, names_own_level, own_whole, quantity_key
from narrcheck.extract.rules import Unit, basis_kind, is_budget, normalize_subject
from narrcheck.extract.spans import PHRASE, SENTENCE, start_of
from narrcheck.lexicon import alt, entry, family_of, words
from narrcheck.model.claims import (
    ChangeClaim,
    Claim,
    DenialClaim,
    Figure,
    FlatChangeClaim,
    ListCountClaim,
    PartsSumClaim,
    ReasonClaim,
)
from narrcheck.model.location import Location
from narrcheck.numbers import parse_chinese_numeral, parse_number
from narrcheck.numbers.normalize import simplified

DENIAL = re.compile(rf"(?:{alt('denial.words')}|{alt('denial.short')}(?!{alt('denial.not_after_short')}))"
                    r"(?P<what>[^。；;！？!?，,\n]{2,60})")
_DENIAL_HINT = re.compile(alt("denial.words", "denial.short"))
_SCOPES = words("denial.scopes", "scope.funds")
# every source of money a figure may be named with: the ones a denial may be confined to, and the others
_SOURCE = re.compile(alt("denial.other_sources", "denial.scopes", "scope.funds"))
_DIGIT = re.compile(r"\d")
_REST_OF_CLAUSE = re.compile(r"[^，,。；;！？!?\n]*")
_NEXT_CLAUSE = re.compile(r"[，,][^，,。；;！？!?\n]*")
# what names a part of the figures before it, not the sentence's topic: a bracketed note, a 其中/包括 clause
_PARTS_NAMED = re.compile(rf"[（(][^（()）]*[)）]|(?:{alt('leads.breakdown', 'leads.including')})[^，,。；;]*")
_FLAT_EXACT = words("direction.flat_exact")
_PRIOR = re.compile(alt("denial.earlier"))


@cache
def _terms() -> dict[str, tuple[str, ...]]:
    text = files("narrcheck").joinpath("data/synonyms.toml").read_text(encoding="utf-8")
    return {term: tuple(forms) for term, forms in tomllib.loads(text)["denials"].items()}


def denial_claims(units: Sequence[Unit], year: str) -> list[Claim]:
    """Every denial of a known term, with the figures that state that term elsewhere (`year`: the report's)."""
    out: list[Claim] = []
    stated_of: dict[str, list[tuple[Figure, _Scope]]] = {}
    for unit in units:
        if unit.table is not None or not _DENIAL_HINT.search(unit.text):
            continue
        for m in DENIAL.finditer(unit.text):
            what = m.group("what")
            for term, forms in _terms().items():
                if term not in what:
                    continue
                if term not in stated_of:
                    stated_of[term] = _stated(units, forms, year)
                line = unit.locate(m.start()).line
                if not _current(unit.text[_clause_start(unit.text, m.start()):m.start()], year):
                    continue  # (2022年度未发生因公出国（境）费用 in a report of 2023: another year's none)
                confined = [w for w in _SCOPES if w in what[:what.index(term)]]  # (无财政拨款结转结余: of those only)
                stated = tuple(f for f, scope in stated_of[term] if f.location.line != line
                               and all(scope.names(w) for w in confined))
                start = _clause_start(unit.text, m.start())
                out.append(DenialClaim(term=term, stated=stated, quote=unit.raw[start:m.end()].strip(),
                                       location=unit.locate(m.start()), section=unit.section))
    return out


def zero_cost_claims(units: Sequence[Unit], year: str) -> list[Claim]:
    """A cost stated as zero (公车购置费0万元) while the text counts the things it pays for (购置公务用车7辆):
    the zero says there were none, the count says there were some (lexicon [paid_for]).
    """
    paid_for: dict[str, dict[str, list[str]]] = entry("paid_for")
    out: list[Claim] = []
    counted_of: dict[tuple[str, ...], list[Figure]] = {}  # the counts of each cost's things, read once
    for unit in units:
        if unit.table is not None:
            continue
        for mention in unit.mentions:
            if not mention.quantity.is_money or mention.quantity.value != 0:
                continue
            name = normalize_subject(mention.subject)
            cost = next((c for c in paid_for.values() if any(name.endswith(n) for n in c["names"])), None)
            if cost is None:
                continue
            counts = tuple(cost["counts"])
            if counts not in counted_of:
                counted_of[counts] = _counted(units, counts, year)
            counted = counted_of[counts]
            if counted:
                start = _clause_start(unit.text, mention.start)
                out.append(DenialClaim(term=cost["names"][0], stated=tuple(counted),
                                       quote=unit.raw[start:mention.end], location=unit.locate(mention.start),
                                       section=unit.section))
    return out


def _counted(units: Sequence[Unit], forms: tuple[str, ...], year: str) -> list[Figure]:
    """Nonzero counts of the report's year whose clause names one of `forms` right before the count."""
    named = _any_of(forms)
    out: list[Figure] = []
    for unit in units:
        if unit.table is not None or not named.search(unit.text):
            continue
        for mention in unit.mentions:
            if mention.quantity.is_count and mention.quantity.value > 0:
                clause = unit.text[_clause_start(unit.text, mention.start):mention.start]
                if named.search(clause) and _current(clause, year) and not DENIAL.search(clause):
                    out.append(mention.figure())
    return out


REASON = re.compile(rf"{alt('reason.openers')}{alt('reason.links')}(?P<reason>[^。！？\n]{{2,120}})")
REASON_UP = re.compile(alt("reason.up"))
REASON_DOWN = re.compile(alt("reason.down"))
REASON_BEFORE = re.compile(alt("reason.about_before"))
REASON_OF_GAP = re.compile(alt("reason.budget_gap"))
# the change a reason is of, named with its direction right before the reason (项目支出减少的主要原因是…)
_STATED_DIRECTION = re.compile(rf"(?P<named>[^，,。；;]*?)(?P<word>{alt('direction.up', 'direction.down')})的?\s*$")


def _names_change(named: str, change: ChangeClaim) -> bool:
    """`named` (the words before a stated direction) names nothing, or names the change's subject."""
    named = normalize_subject(named)
    subject = normalize_subject(change.subject or (change.current.subject if change.current else ""))
    return not named or (bool(subject) and (named in subject or subject in named))


def position(loc: Location) -> tuple[int, int, int]:
    """Reading order of a location: page, line, column (a paragraph may wrap over lines and pages)."""
    return loc.page or 0, loc.line or 0, loc.column or 0


def reason_claims(units: Sequence[Unit], claims: Sequence[Claim]) -> list[Claim]:
    """The reason given right after a change (same paragraph), when its words point one way only."""
    changes = [c for c in claims if isinstance(c, ChangeClaim)]
    # (where, index) of every change, in reading order: the changes of a span are found by bisection
    at = sorted((position(c.location), i) for i, c in enumerate(changes))
    out: list[Claim] = []
    for unit in units:
        if unit.table is not None:
            continue
        for m in REASON.finditer(unit.text):
            where = unit.locate(m.start())
            start, here = position(unit.locate(0)), position(where)
            # earlier in the paragraph; of several, the one made last
            before = at[bisect_left(at, (start, -1)):bisect_left(at, (here, -1))]
            if not before:
                continue
            reason = m.group("reason")
            if REASON_BEFORE.search(reason):
                continue  # 上年新增维修项目: the year before's event, told for this year's fall
            if REASON_OF_GAP.search(unit.text, start_of(unit.text, m.start(), SENTENCE), m.start()):
                continue  # 决算数小于预算数的主要原因是…: the reason of the gap to the budget, not of the change
            change = changes[max(i for _, i in before)]
            stated = _STATED_DIRECTION.search(unit.text, start_of(unit.text, m.start(), SENTENCE), m.start())
            if stated is not None and _names_change(stated.group("named"), change):
                # (项目支出减少的主要原因是…: the writer says which way the change went; that is weighed)
                word = stated.group("word")
                out.append(ReasonClaim(change=change, reason=reason, words=(word,),
                                       reason_direction="up" if family_of(word, "direction.up") else "down",
                                       quote=unit.raw[stated.start():m.end()], location=unit.locate(stated.start()),
                                       section=unit.section))
            ups, downs = REASON_UP.findall(reason), REASON_DOWN.findall(reason)
            if bool(ups) == bool(downs):
                continue  # no direction, or both: nothing to compare
            out.append(ReasonClaim(change=change, reason=reason, reason_direction="up" if ups else "down",
                                   words=tuple(ups or downs), quote=unit.raw[m.start():m.end()],
                                   location=where, section=unit.section))
    return out


# …支出决算与2023年度持平 / 与上年基本持平 / 与上年预算数持平
FLAT_CHANGE = re.compile(rf"{alt('compare.flat_openers')}{P.PERIOD}(?P<basis>{alt('compare.bases')})?"
                         rf"(?:{alt('compare.closers')})?[，,]?(?P<word>{P.FLAT})")


@dataclass(frozen=True)
class _Change:
    """What the text says of one quantity's change: a signed amount, 持平 (zero) or 基本持平 (about zero)."""

    word: str  # "" for an amount
    delta: Figure | None  # None for 基本持平
    at: Figure  # where it is said
    current: Figure | None = None
    claim: ChangeClaim | None = None
    section: tuple[str, ...] = ()
    quote: str = ""  # the sentence a flat word says it in (a change amount's is its claim's)


def composite_claims(units: Sequence[Unit], claims: Sequence[Claim], year: str) -> list[Claim]:
    """A whole's stated change against its components' stated changes (三公经费 = 因公出国（境）费 +
    公务用车购置及运行维护费 + 公务接待费): a sum of signed changes, or a flat whole (基本持平) against them.
    """
    said: dict[str, _Change] = {}
    against_budget: dict[str, _Change] = {}  # changes against the budget (较年初预算数减少…), kept apart
    budget_on_budget: dict[str, _Change] = {}  # changes against last year's budget (比上年预算数减少…), apart too
    as_own = _whole_as_own(units)
    for claim in claims:
        if isinstance(claim, ChangeClaim) and claim.delta is not None and claim.delta_direction in ("up", "down"):
            key = change_key(claim.subject, simplified(claim.quote), year, claim.delta_word)  # (quoted as printed)
            if key is not None and not (key := as_own(key)).period:
                sign = "-" if claim.delta_direction == "down" else ""
                amount = claim.delta.model_copy(update={"value": sign + claim.delta.value.lstrip("-")})
                kept = _kept(claim.basis, said, against_budget, budget_on_budget)
                kept.setdefault(key.subject, _Change("", amount, amount, claim.current, claim))
    for unit in units:
        if unit.table is None and P.FLAT_WORD.search(unit.text):
            for m in FLAT_CHANGE.finditer(unit.text):
                flat = _flat(unit, m, year, as_own)
                if flat is not None:
                    _kept(m.group("basis") and m.group(), said, against_budget, budget_on_budget).setdefault(*flat)
    out: list[Claim] = [*_bounded(units, said, year), *_bounded(units, against_budget, year),
                        *_bounded(units, budget_on_budget, year)]
    done: set[tuple[str, int]] = set()
    for (whole, components), (kind, changes) in product(composites(), enumerate((said, budget_on_budget))):
        found = [_deltas(p, changes) for p in components]
        if (whole, kind) in done or whole not in changes or any(d is None for d in found):
            continue
        done.add((whole, kind))
        total = changes[whole]
        signed = tuple(d for ds in found if ds for d in ds)
        if total.delta is None:
            out.append(FlatChangeClaim(word=total.word, whole=whole, current=total.current, parts=signed,
                                       quote=total.quote or total.at.subject, location=total.at.location,
                                       section=total.section))
        else:
            out.append(PartsSumClaim(total=total.delta, parts=signed, measure="delta", exhaustive=True,
                                     quote=total.claim.quote if total.claim else total.quote or total.at.subject,
                                     location=total.at.location,
                                     section=total.claim.section if total.claim else ()))
    return out


def _kept(basis: str | None, said: dict[str, _Change], against_budget: dict[str, _Change],
          budget_on_budget: dict[str, _Change]) -> dict[str, _Change]:
    """Where a change against `basis` is kept: against a budget of another year (上年预算数, 2023年预算), against
    the year's own budget (年初预算数), else against the year before.
    """
    kind = basis_kind(basis or "")
    return said if kind == "period" else budget_on_budget if kind == "earlier_budget" else against_budget


def _bounded(units: Sequence[Unit], said: dict[str, _Change], year: str) -> list[Claim]:
    """A whole's change against the changes stated for some of its components, where each component left out is
    stated at 0 this year (it can only have fallen): the whole's change is at most their sum.
    """
    out: list[Claim] = []
    for whole, components in composites():
        total = said.get(whole)
        if total is None or total.delta is None or total.claim is None:
            continue
        found = {c: ds for c in components if (ds := _deltas(c, said)) is not None}
        missing = [c for c in components if c not in found]
        if not found or not missing or not all(_stated_zero(units, c, year) for c in missing):
            continue
        out.append(PartsSumClaim(total=total.delta, parts=tuple(d for ds in found.values() for d in ds),
                                 measure="delta", at_most=True, quote=total.claim.quote,
                                 location=total.claim.location, section=total.claim.section))
        break
    return out


def _deltas(component: str, said: dict[str, _Change]) -> list[Figure] | None:
    """The stated change of a component, or, where it states none and is a composite itself (公务用车购置及运行维护费),
    the changes of all of its own components; None where neither is stated.
    """
    if component in said:
        change = said[component].delta
        return None if change is None else [change]
    for whole, parts in composites():
        if whole == component:
            found = [_deltas(p, said) for p in parts]
            if all(ds is not None for ds in found):
                return [d for ds in found if ds for d in ds]
    return None


def _stated_zero(units: Sequence[Unit], component: str, year: str) -> bool:
    """The document states `component` as 0 for the report's year (因公出国（境）费0万元)."""
    for unit in units:
        for mention in unit.mentions:
            if mention.quantity.is_money and mention.quantity.value == 0 and mention.role is None:
                key = quantity_key(mention.subject, year)
                if key is not None and own_whole(key).subject == component and not key.period and not key.measure:
                    return True
    return False


def _whole_as_own(units: Sequence[Unit]) -> Callable[[QuantityKey], QuantityKey]:
    """How a key's 全镇/全局 opening is read: as the document's own figure (identity.own_whole), unless the
    document names an own level apart (镇本级…): then 全镇 is a wider whole and stays in the key.
    """
    return (lambda key: key) if any(names_own_level(unit.text) for unit in units) else own_whole


def _flat(unit: Unit, m: re.Match[str], year: str,
          whole: Callable[[QuantityKey], QuantityKey] = own_whole) -> tuple[str, _Change] | None:
    """The quantity a 持平 phrase speaks of: named in its clause, else by the nearest amount before it in its
    sentence (因公出国（境）费0万元，与上年持平 in a list of the components), else by the paragraph's first amount.
    """
    start = _clause_start(unit.text, m.start())
    key = quantity_key(unit.text[start:m.start()], year)
    current = None
    if key is None:
        s_start, _ = unit.sentence_span(m.start())
        money = [h for h in unit.mentions if h.quantity.is_money and h.end <= m.start()]
        head = next((h for h in reversed(money) if s_start <= h.start), money[0] if money else None)
        if head is None:
            return None
        key, current = quantity_key(unit.text[_clause_start(unit.text, head.start):head.start], year), head.figure()
    if key is None or key.period:
        return None
    word = m.group("word")
    where = Figure(value="0.00", unit=entry("units.default"), text=word, subject=unit.raw[start:m.start("word")],  # 0
                   location=unit.locate(m.start("word")))
    exact = word in _FLAT_EXACT  # 持平 says no change; 基本持平 only a small one
    return whole(key).subject, _Change(word, where if exact else None, where, current, section=unit.section,
                                       quote=unit.quote(m.start(), m.end()))


# 分为5个步骤，包括预算布置、预算申报、预算论证及预算编制。
LIST_COUNT = re.compile(rf"{alt('list_count.verbs')}(?P<n>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})"
                        rf"(?P<u>{alt('list_count.units')})(?P<noun>[^，,：:。；;、\d]{{0,8}})[，,：:]\s*"
                        rf"{alt('list_count.leads')}?[：:]?(?P<list>[^。；;！？\n]+?)(?=[。；;！？\n]|$)")
# the names listed before the count of them all (对城关、新河和东岭共三个乡镇…; 产出、效益、满意度共3类指标)
COUNT_AFTER_LIST = re.compile(rf"(?P<list>[^，,。；;：:！？\n]+?、[^，,。；;：:！？\n]+?){alt('list_count.after_list')}"
                              rf"(?P<n>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})(?P<u>{alt('list_count.units')})"
                              rf"(?P<noun>[^，,：:。；;、\d]{{0,4}})")
# where such a count stands: the list is looked for only in the clause before it (a search from every position of
# a long clause is quadratic)
_COUNT_AFTER = re.compile(rf"{alt('list_count.after_list')}(?:\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})"
                          rf"{alt('list_count.units')}")
_CLAUSE_END = re.compile(r"[，,。；;：:！？\n]")
_LAST_AND = re.compile(rf"{alt('list_count.last_joiners')}(?=(?:(?!{alt('list_count.last_joiners')}).)+$)")
_PARTIAL = re.compile(alt("list_count.partial"))


def list_count_claims(units: Sequence[Unit]) -> list[Claim]:
    """A count of named things followed by the whole list of their names (no 等: a list with 等 is partial)."""
    out: list[Claim] = []
    for unit in units:
        if unit.table is not None:
            continue
        for m in LIST_COUNT.finditer(unit.text):
            listed = m.group("list").strip()
            if _PARTIAL.search(listed) or any(ch.isdigit() for ch in listed):
                continue
            items = [i.strip() for i in re.split(r"[、，,]", listed)]
            items[-1:] = [i.strip() for i in _LAST_AND.split(items[-1], maxsplit=1)]
            if len(items) < 2 or any(not 2 <= len(i) <= 12 for i in items):
                continue
            out.append(_list_count(unit, m, items))
        for m in _counts_after_lists(unit.text):
            # (于9月6日对周王、新田…和向阳共十个乡镇: the first item carries the clause's lead, dates too; only the
            # items after it must be bare names)
            items = [i.strip() for i in m.group("list").split("、")]
            *rest, last = items[1:]
            if _PARTIAL.search(m.group("list")) or any(ch.isdigit() for ch in "".join(items[1:])) \
                    or _COUNTED.search("".join(items[1:])) or not _NAME_END.search(items[0]) \
                    or any(not 2 <= len(i) <= 12 for i in items[1:]):
                continue  # (A、B两个乡镇共3个村: an item that counts is no name)
            joined = [i.strip() for i in _LAST_AND.split(last, maxsplit=1)]
            count = _count_of(unit, m)
            # (…、住房和城乡建设局共2个部门: a joiner inside the last name; the reading that makes the count is taken)
            named = [*rest, last] if len(joined) > 1 and count.value == str(len(items)) else [*rest, *joined]
            # (the first name is shown without the clause's lead: as long as the longest name after it)
            out.append(_list_count(unit, m, [items[0][-max(map(len, named)):], *named]))
    return out


def _counts_after_lists(text: str) -> Iterator[re.Match[str]]:
    """COUNT_AFTER_LIST's matches in `text`, in order, each looked for from the start of the clause holding a count
    (no list crosses a clause's end).
    """
    done = 0
    for anchor in _COUNT_AFTER.finditer(text):
        if anchor.start() < done:
            continue
        start = max((e.end() for e in _CLAUSE_END.finditer(text, done, anchor.start())), default=done)
        m = COUNT_AFTER_LIST.search(text, start, anchor.end() + 4)
        if m is not None:
            done = m.end()
            yield m


_COUNTED = re.compile(rf"[一二三四五六七八九十两]{alt('list_count.units')}")
_NAME_END = re.compile(r"[\u4e00-\u9fff]{2}$")  # the first item of a list before its count ends with a name


def _count_of(unit: Unit, m: re.Match[str]) -> Figure:
    """The count a list-count match states (digits or a Chinese numeral)."""
    n = m.group("n")
    q = parse_number(n, m.group("u")) if n.isascii() and n.isdigit() else None
    value = q.digits() if q else str(parse_chinese_numeral(n))
    return Figure(value=value, unit=m.group("u"), text=unit.raw[m.start("n"):m.end("u")], subject=m.group("noun"),
                  location=unit.locate(m.start("n")))


def _list_count(unit: Unit, m: re.Match[str], items: list[str]) -> Claim:
    """The count `m` states and the names it counts."""
    return ListCountClaim(count=_count_of(unit, m), items=tuple(items), quote=unit.raw[m.start():m.end()],
                          location=unit.locate(m.start()), section=unit.section)


def _clause_start(text: str, pos: int) -> int:
    return start_of(text, pos, PHRASE)


@dataclass(frozen=True)
class _Scope:
    """What names the source of a figure's money: its own clause with the clause right after it (…20.40万元，均为
    财政拨款结转结余), else what stands before it in its sentence and the headings it stands under.
    """

    own: str
    around: str

    def names(self, source: str) -> bool:
        """The figure is of `source`: its own words say so (不含财政拨款, 非财政拨款 say not), or (saying no source)
        its sentence and headings name that source and no other (一般公共预算财政拨款 is of it).
        """
        this = re.compile("".join(f"(?<!{re.escape(w)})" for w in words("denial.negators")) + re.escape(source))
        if _SOURCE.search(self.own):
            return this.search(self.own) is not None
        return this.search(self.around) is not None and all(
            this.match(self.around, m.start()) or self.around.startswith(source, m.end())
            for m in _SOURCE.finditer(self.around))


def _scope_of(unit: Unit, start: int, end: int) -> _Scope:
    """The _Scope of a figure at start..end: its own clause, the rest of it after the figure (…20.00万元为事业收入形成)
    and the next clause unless that states figures of its own (其中财政拨款结转结余0.00万元 is a part's); around
    it, its sentence before it without what names parts (其中…, bracketed notes) and its headings.
    """
    text = unit.text
    rest = _REST_OF_CLAUSE.match(text, end)
    after = _NEXT_CLAUSE.match(text, rest.end()) if rest else None
    own = text[_clause_start(text, start):rest.end() if rest else end] + (
        after.group() if after and not _DIGIT.search(after.group()) else "")
    before = _PARTS_NAMED.sub("", text[start_of(text, start, SENTENCE):_clause_start(text, start)])
    return _Scope(own, " ".join((*unit.section, before)))


def _stated(units: Sequence[Unit], forms: tuple[str, ...], year: str) -> list[tuple[Figure, _Scope]]:
    """Figures of the report's year whose clause names one of `forms`: amounts, and counts written 有N个…; each
    with what names its source (_Scope).
    """
    out: list[tuple[Figure, _Scope]] = []
    named = _any_of(forms)
    for unit in units:
        if not named.search(unit.text):
            continue
        text = unit.text
        for mention in unit.mentions:
            clause = text[_clause_start(text, mention.start):mention.start]
            form = next((f for f in forms if f in clause), None)
            # (因公出国（境）费年初预算2.00万元: the term's budget is a plan, no fact; 预算年终结转资金 is a fact)
            # (…费同比减少2.00万元: a difference, no amount of the thing)
            if mention.quantity.is_money and form is not None and _current(clause, year) \
                    and not DENIAL.search(clause) and not is_budget(clause[clause.rindex(form) + len(form):]) \
                    and not P.DIRECTION_AT_END.search(text, max(0, mention.start - 6), mention.start):
                out.append((mention.figure(), _scope_of(unit, mention.start, mention.end)))
        for form in forms:
            counted = rf"有(?P<n>\d+)(?P<u>{alt('denial.count_units')})[^，,。；;]{{0,12}}?{re.escape(form)}"
            for m in re.finditer(counted, text):
                clause = text[_clause_start(text, m.start()):m.end()]
                if not _current(clause, year):
                    continue
                q = parse_number(m.group("n"), m.group("u"))
                out.append((Figure(value=q.digits(), unit=q.unit, text=unit.raw[m.start("n"):m.end()],
                                   subject=unit.raw[_clause_start(text, m.start()):m.start("n")],
                                   location=unit.locate(m.start("n"))),
                            _scope_of(unit, m.start(), m.end())))
    return out


@cache
def _any_of(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, forms)))


def _current(clause: str, year: str) -> bool:
    """The clause speaks of the report's year (no other year, no 年初/上年 carry-over)."""
    years = P.YEAR_NUMBER.findall(clause)
    return not _PRIOR.search(clause) and all(y == year for y in years)
