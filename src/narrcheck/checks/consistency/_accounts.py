"""The narrative's money statements against the official 财决 tables given beside it (--tables), for NC202.

A table figure is keyed like a narrative one: its subject (the row's name, or the column's word on a total
row), its period (上年 columns) and its measure (预算数 / 年初预算数 columns; else the actual), with the same
synonym folding; a row with a 功能分类 code is also keyed by the code (#2010301), which is how the narrative
names it (2010301行政运行539.41万元). 财政拨款 statements meet 财政拨款 tables, statements of all funds meet
tables of all funds. Where the section stating a figure is about one table (三、支出决算情况说明 and 支出决算表),
only that table's figures are weighed; otherwise a statement is reported only when every candidate figure
disagrees with it and they all agree with each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from narrcheck.checks.consistency._common import agree
from narrcheck.extract.identity import QuantityKey, quantity_key
from narrcheck.extract.statements import Statement
from narrcheck.lexicon import entry
from narrcheck.model.findings import Evidence
from narrcheck.tables.accounts import AccountFact, table_core

Key = tuple[str, str, str]
# the column words that set a table figure's period (上年) and measure (年初预算, 预算), and the fund words (财政拨款)
_PRIOR: dict[str, str] = entry("accounts.prior_columns")
_BUDGETS: list[dict[str, str]] = entry("accounts.budget_columns")
_APPROPRIATED: tuple[str, ...] = tuple(entry("accounts.appropriated"))


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


def candidates(statement: Statement, found: dict[Key, list[AccountFact]]) -> tuple[list[AccountFact], bool]:
    """The table figures `statement` restates, and whether they come from the table its section is about.

    Only figures of the same funds are candidates: a statement under a 财政拨款 heading or name is weighed
    against 财政拨款 tables (or rows), one about all funds against tables of all funds.
    """
    scope = _appropriated(statement.key.subject, *statement.section)
    facts = [f for f in found.get(own_key(statement.key), []) if _appropriated(f.title, f.subject) == scope]
    cores = {table_core(heading) for heading in statement.section}
    near = [f for f in facts if table_core(f.title) in cores]
    return (near, True) if near else (facts, False)


def disagreements(statements: Iterable[Statement], facts: Iterable[AccountFact],
                  year: str) -> Iterator[tuple[Statement, AccountFact, bool]]:
    """(statement, the table figure it is weighed against, whether they agree), for each decidable pair."""
    found = index(facts, year)
    for st in statements:
        pool, near = candidates(st, found)
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
