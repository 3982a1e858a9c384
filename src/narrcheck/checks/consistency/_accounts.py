"""The narrative's money statements against the official 财决 tables given beside it (--tables), for NC202.

A table figure is keyed like a narrative one: its subject (the row's name, or the column's word on a total
row), its period (上年 columns) and its measure (预算数 / 年初预算数 columns; else the actual), with the same
synonym folding; a row with a 功能分类 code is also keyed by the code (#2010301), which is how the narrative
names it (2010301行政运行539.41万元), or is found by the 类/款/项 names and codes a line gives (`_row_facts`).
财政拨款 statements meet 财政拨款 tables, statements of all funds meet tables of all funds. Where the section
stating a figure is about one table (三、支出决算情况说明 and 支出决算表), only that table's figures are weighed;
otherwise a statement is reported only when every candidate figure disagrees with it and they all agree with
each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from narrcheck.checks.consistency._common import agree
from narrcheck.extract.identity import QuantityKey, fold, quantity_key
from narrcheck.extract.statements import LEVEL_ENDS, Statement, row_levels
from narrcheck.lexicon import entry, words
from narrcheck.model.findings import Evidence
from narrcheck.tables.accounts import AccountFact, table_core

Key = tuple[str, str, str]
# the column words that set a table figure's period (上年) and measure (年初预算, 预算), and the fund words (财政拨款)
_PRIOR: dict[str, str] = entry("accounts.prior_columns")
_BUDGETS: list[dict[str, str]] = entry("accounts.budget_columns")
_APPROPRIATED: tuple[str, ...] = tuple(entry("accounts.appropriated"))
# what a 功能分类 level's name may end with or go without
_LEVEL_TAILS = words("accounts.level_name_tails")
# the two sides of the accounts: a 功能分类 row of a 支出 table is not the same row of a 收入 table
_SIDES = words("accounts.flow_sides")
_BRACKETS = re.compile(r"[（()）\s]")


def fact_keys(fact: AccountFact, year: str) -> list[Key]:
    """The keys a narrative could state this figure under (by name and, for a coded row, by code)."""
    said = fact.measure_words
    period = next((p for word, p in _PRIOR.items() if word in said), "")
    budget = next((b for b in _BUDGETS if b["word"] in said), None)
    measure, suffix = (budget["measure"], budget["suffix"]) if budget else ("", "")
    out: list[Key] = []
    if fact.code:
        out.append((f"#{fact.code}", period, measure))
    key = quantity_key(f"{period}{fact.subject}{suffix}", year) if fact.subject else None
    if key is not None:
        out.append((key.subject, key.period, key.measure))
    return out


def own_key(key: QuantityKey) -> Key:
    """A statement's key without the list it is part of (本年支出·基本支出 → 基本支出)."""
    return key.subject.rsplit("·", 1)[-1], key.period, key.measure


def index(facts: Iterable[AccountFact], year: str) -> dict[Key, list[AccountFact]]:
    out: dict[Key, list[AccountFact]] = defaultdict(list)
    for fact in facts:
        for key in fact_keys(fact, year):
            out[key].append(fact)
    return out


def _appropriated(*words: str) -> bool:
    """财政拨款 figures are a part of all funds: a table or statement says which it speaks of."""
    return any(a in w for w in words for a in _APPROPRIATED)


def row_names(facts: Iterable[AccountFact]) -> dict[str, set[str]]:
    """The names the tables give each coded row (213 农林水支出, 21303 水利), as `_name_of` reads them."""
    out: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if fact.code and fact.subject:
            out[fact.code].add(_name_of(fact.subject))
    return out


def _name_of(name: str) -> str:
    """A level's name as a line and a table both write it: 一般公共服务 for 一般公共服务支出."""
    plain = _BRACKETS.sub("", fold(name))
    return next((plain[: -len(t)] for t in _LEVEL_TAILS if plain.endswith(t) and len(plain) > len(t)), plain)


def _row_facts(row: QuantityKey, found: dict[Key, list[AccountFact]],
               names: dict[str, set[str]]) -> list[AccountFact]:
    """The table figures of the 功能分类 row a statement names: the one row whose levels each have the code the
    line states, else the name (none where several rows fit: 行政运行 under two 款), and whose own name is the
    one the line gives it (2050201行政运行 is not the row 2050201 学前教育).
    """
    levels = row_levels(row.subject)
    if levels is None:
        return found.get((row.subject, row.period, row.measure), [])
    fits: list[AccountFact] = []
    for (subject, period, measure), facts in found.items():
        code = subject[1:]
        if not subject.startswith("#") or len(code) != LEVEL_ENDS[-1] or (period, measure) != (row.period, row.measure):
            continue
        if all(_level_fits(code[:end], c, name, names, last=end == LEVEL_ENDS[-1])
               for (c, name), end in zip(levels, LEVEL_ENDS, strict=False)):
            fits.extend(facts)
    return fits if len({f.code for f in fits}) == 1 else []


def _level_fits(prefix: str, code: str, name: str, names: dict[str, set[str]], last: bool) -> bool:
    """The table's row `prefix` is the level a line states by `code` and `name`: by the code where it gives
    one, else by the very name; the row itself (`last`) by both, its name then one the tables' holds or is held
    in (行政运行支出, 行政运行), where the tables name it.
    """
    if code and not prefix.endswith(code):
        return False
    if not name or (code and not last):
        return True
    said = _name_of(name)
    known = names.get(prefix, set())
    if not code:
        return said in known
    return not known or any(said in n or n in said for n in known)  # the code says which: a shorter name will do


def _sided(statement: Statement, facts: list[AccountFact]) -> list[AccountFact]:
    """Of a row's figures in several tables (收入决算表 and 支出决算表 list the same 功能分类 rows), those of
    the side (支出, 收入) the statement's sentence names, else its section; all of them where none is named.
    """
    for text in (statement.quote, *reversed(statement.section)):
        said = [side for side in _SIDES if side in text]
        if len(said) == 1:
            sided = [f for f in facts if said[0] in f.title + "".join(f.column)]
            return sided or facts
    return facts


def candidates(statement: Statement, found: dict[Key, list[AccountFact]],
               names: dict[str, set[str]] | None = None) -> tuple[list[AccountFact], bool]:
    """The table figures `statement` restates, and whether they come from the table its section is about.

    Only figures of the same funds are candidates: a statement under a 财政拨款 heading or name is weighed
    against 财政拨款 tables (or rows), one about all funds against tables of all funds. A statement naming its
    功能分类 row meets that row's figures; its name alone is tried only where the tables have no such row.
    """
    scope = _appropriated(statement.key.subject, *statement.section)
    facts: list[AccountFact] = []
    if statement.row is not None:
        facts = _sided(statement, [f for f in _row_facts(statement.row, found, names or {})
                                   if _appropriated(f.title, f.subject) == scope])
    if not facts and not statement.key.subject.startswith("#") and row_levels(statement.key.subject) is None:
        # its name, where that is its key
        facts = [f for f in found.get(own_key(statement.key), []) if _appropriated(f.title, f.subject) == scope]
    cores = {table_core(heading) for heading in statement.section}
    near = [f for f in facts if table_core(f.title) in cores]
    return (near, True) if near else (facts, False)


def disagreements(statements: Iterable[Statement], facts: Iterable[AccountFact],
                  year: str) -> Iterator[tuple[Statement, AccountFact, bool]]:
    """(statement, the table figure it is weighed against, whether they agree), for each decidable pair."""
    facts = tuple(facts)
    found = index(facts, year)
    names = row_names(facts)
    for st in statements:
        pool, near = candidates(st, found, names)
        if not pool:
            continue
        fig = st.figure
        match = next((f for f in pool if agree(fig, f.figure, fig.unit)), None)
        if match is not None:
            yield st, match, True
        elif near or all(agree(f.figure, pool[0].figure, fig.unit) for f in pool):
            yield st, pool[0], False


def evidence(statement: Statement, fact: AccountFact) -> list[Evidence]:
    return [Evidence(quote=statement.quote, location=statement.figure.location),
            Evidence(quote=f"{fact.describe()}: {fact.figure.text}", location=fact.location, path=fact.path or None)]
