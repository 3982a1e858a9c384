"""The figures of a flattened table as statements (NC201): each money cell keyed as a narrative figure is, so
that a narrative figure restating it is weighed against it.

A cell's subject is its row's label (its column's header, in a table read transposed), folded as a narrative
subject is (data/synonyms.toml); a row under another (a 其中 row, a column under a spanning header) is keyed
under it (公务用车购置及运行维护费·公务用车购置费), as a narrative list's part is keyed under its whole, except
under a total of no name (合计). Its period is the year its column's header names (2023年决算数, 本年数, 上年数),
else the one year the table's title names; its measure is the one the header names (预算数, 年初预算数,
决算数), else the one measure the title names (2023年决算数与2022年决算数对比情况).

Abstain rather than guess: a cell gets no key when its name is a general word (合计, 支出) or names a period or
measure of its own, when its column's header says more than a year and a measure, or when neither the header nor
the title names its period or its measure for certain; a table whose columns name a year after the report's
(or of a report whose year is unknown) gives none, since a narrative figure of no stated year is the report
year's; and where two cells of the tables get one key (and scope) but differ, neither is a statement.
"""

from __future__ import annotations

from collections import defaultdict

from narrcheck.extract.flat_tables.claims import _Table
from narrcheck.extract.flat_tables.grid import Column, Grid, Item
from narrcheck.extract.flat_tables.vocab import code_depth, table_words
from narrcheck.extract.identity import (
    QuantityKey,
    cell_subject,
    fund_named,
    measure_of,
    measures_in,
    period_forms,
    prior_period,
    year_span,
)
from narrcheck.extract.patterns import YEAR_NUMBER
from narrcheck.extract.statements import LEVEL_ENDS, Statement, levels_path
from narrcheck.lexicon import entry
from narrcheck.numbers import MONEY_UNITS
from narrcheck.numbers.normalize import normalize


def _words(name: str) -> tuple[str, ...]:
    return table_words(f"statements.{name}")


def _title_measure(title: str) -> str | None:
    """The one measure a table's title names, or None (none, several, or words of both)."""
    if not title or any(w in title for w in _words("mixed_measures")):
        return None
    found = measures_in(title)
    return found.pop() if len(found) == 1 else None


def _title_year(title: str) -> str | None:
    years = set(YEAR_NUMBER.findall(title))
    return years.pop() if len(years) == 1 else None


def _when(col: Column, grid: Grid, year: str) -> tuple[str, str, str] | None:
    """(period, span, measure) of a level column's figures, or None when they are not certain."""
    head = col.measured
    k = head.key
    years = set(YEAR_NUMBER.findall(k))
    if len(years) > 1:
        return None
    rest = YEAR_NUMBER.sub("", k)
    relatives = (("current", _words("this_year")), ("prior", period_forms(prior_period())))
    relative, word = next(((r, w) for r, ws in relatives for w in sorted(ws, key=len, reverse=True)
                           if rest.startswith(w)), (None, ""))
    if relative is not None:
        if years:
            return None
        rest = rest[len(word):]
    measure = _title_measure(grid.title) if rest in ("", *_words("fillers")) else measure_of(rest)
    if measure is None:
        return None
    if years:
        said = years.pop()
    elif relative == "current":
        titled = _title_year(grid.title)
        if titled is not None and titled != year:
            return None  # 本年数 of a table whose title names another year than the report's
        said = year
    elif relative == "prior":
        return prior_period(), "", measure
    else:
        titled = _title_year(grid.title)
        if titled is None:
            return None
        said = titled
    if not said:
        return None
    return ("" if said == year else said), year_span(said, year), measure


def _subject(grid: Grid, n: int) -> str | None:
    """The key subject of item n: its own name, under its parent's where it has a named one."""
    item = grid.items[n]
    own_name = item.name
    parent: Item | None = grid.items[item.parent] if item.parent is not None else None
    if parent is not None and grid.transposed and own_name.startswith(f"{parent.name}·"):
        own_name = own_name[len(parent.name) + 1:]
    whole = cell_subject(normalize(parent.name).text) if parent is not None else None
    own = cell_subject(normalize(own_name).text, under=whole)
    if own is None or parent is None:
        return own
    if whole is None:
        return own if parent.total and parent.parent is None else None
    return f"{whole}·{own}"


def _code(item: Item) -> str:
    """The 功能分类 code a row's label opens with (2010301 行政运行), or ''."""
    first = item.label.text.split(None, 1)[0] if item.label is not None and item.label.text.strip() else ""
    return first if code_depth(first) is not None else ""


def _row_subjects(grid: Grid, n: int) -> list[str]:
    """The keys a line may name a coded row by, as statements.py keys it: its code (#2010301), and a 项 its
    levels' names (一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）), each level the row's
    parent of the code's digits before it; none for a row of no code.
    """
    code = _code(grid.items[n])
    if not code.startswith("2"):
        return []  # (a line names only a 功能分类 row by its code: 经济分类 codes are no row of it)
    out = [f"#{code}"]
    names: list[tuple[str, str]] = []
    item: Item | None = grid.items[n]
    for end in reversed(LEVEL_ENDS):
        if item is None or _code(item) != code[:end]:
            return out
        names.insert(0, ("", normalize(item.name).text))
        item = grid.items[item.parent] if item.parent is not None else None
    return [*out, levels_path(names)]


def grid_statements(grid: Grid, year: str, first: int = 0) -> list[Statement]:
    """The keyed money cells of one table; `first` numbers their sentences (each cell one of its own)."""
    if grid.unit not in MONEY_UNITS:
        return []
    named = [int(y) for c in grid.columns for y in YEAR_NUMBER.findall(c.measured.key)]
    if not year or any(y > int(year) for y in named):
        return []  # a table of a year after the report's: the report's year was misread, or the table is no report
    t = _Table(grid)
    columns = {j: when for j, c in enumerate(grid.columns)
               if c.head.role in ("level", "value") and t.units[j] in MONEY_UNITS
               and (when := _when(c, grid, year)) is not None}
    out: list[Statement] = []
    for n, item in enumerate(grid.items):
        if item.state != "aligned" or not columns:
            continue
        subjects = [s for s in (_subject(grid, n), *_row_subjects(grid, n)) if s]
        if not subjects:
            continue
        fund = fund_named(normalize(item.name).text) or fund_named(normalize(grid.title).text)
        for j, (period, span, measure) in columns.items():
            if item.known is not None and j >= item.known:
                continue
            fig = t.figure(item, j)
            if fig is None or fig.value.startswith("-"):
                continue
            for subject in subjects:
                key = QuantityKey(subject, period, measure, fund=fund, span=span)
                out.append(Statement(key, fig, item.quote, grid.section, (-1 - first - len(out), 0)))
    return out


def table_statements(grids: list[Grid], year: str) -> tuple[Statement, ...]:
    """The keyed money cells of every table; where cells of one key and scope differ, none of them."""
    cells: list[Statement] = []
    for grid in grids:
        cells += grid_statements(grid, year, len(cells))
    by_key: dict[QuantityKey, list[Statement]] = defaultdict(list)
    for st in cells:
        by_key[st.key].append(st)
    unit = entry("units.default")
    return tuple(st for st in cells if all(st.figure.agrees_with(other.figure, unit) for other in by_key[st.key]))
