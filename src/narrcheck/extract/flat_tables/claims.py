"""The claims a flattened table makes: each row's change (NC101-NC103), ratio (NC107) and each total's sum (NC106).

- a change column (增减额, 增减%) compares the row's current figure with its prior one: the columns of the two
  periods its header or its spanning header names (2023比2022增减, 比上年), else the table's two periods, else a
  budget and an actual of no period;
- a ratio column (占调整预算%, 为预算的%) divides the row's actual by its budget;
- a total (a 合计 row, a row over its sub-rows or over its 其中 breakdown) is the sum of its children, column by
  column, in every column whose figures add up (levels and changes; never rates, ratios or row numbers). A
  breakdown (其中) may be partial, so only its levels are summed, not its changes;
- a total column (合计, 全市) closing or opening a run of two or more columns of items (中央级 | 省级 | 县级 | 合计,
  市本级 | 县区 | 全市, 合计 | 购置费 | 运行费 under one header) is, in each row, the sum of their figures (an empty
  cell is 0); that total is then the row's level of its period, which a ratio or change column measures.
The sign of a change in a column that prints signs is its direction (NC103 weighs it; NC101 and NC102 the size);
a column headed by a rise alone (增长率, 增加额) states a rise by a figure without a sign.
Money follows the column's precision: where a column prints its money with 2 decimals, a whole figure in it
stands for .00.

Abstain rather than guess: a row not aligned to the header gives no claim, and no total over it has a sum; a
change or ratio column that disagrees with the reading in most rows (the header was misread) gives no claim; a
total whose sum fails in every column, or over rows one of which is the sum of rows after it (sub-rows not
marked as such), gives no sum, and neither does any total of a table where most of them fail.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from typing import Literal

from narrcheck.extract.flat_tables.grid import Column, Grid, Item
from narrcheck.extract.flat_tables.vocab import ADDITIVE, table_words
from narrcheck.lexicon import words
from narrcheck.model.claims import ChangeClaim, Direction, Figure, PartsSumClaim, RatioClaim
from narrcheck.numbers import MONEY_UNITS, Interval

TableClaim = ChangeClaim | RatioClaim | PartsSumClaim
Summed = Literal["current", "prior", "delta"]
HUNDRED = Interval.exact(Decimal(100))
# a partial list short of its total by more than this share is only partial (as NC106 reads it)
PARTIAL_SHORTFALL = Decimal("0.01")


@dataclass(frozen=True)
class _Pair:
    """What a change column compares (current against prior), or a ratio column divides (actual by budget)."""

    current: int
    prior: int


class _Table:
    """A grid with what its columns print: unit, money precision, whether they show signs."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        n = len(grid.columns)
        self.percent = [_percent(grid, j) for j in range(n)]
        self.units = [("%" if self.percent[j] or grid.columns[j].head.role in ("rate", "ratio") else grid.unit)
                      for j in range(n)]
        self.precision = [_precision(grid, j) if self.units[j] in MONEY_UNITS else None for j in range(n)]
        # a column prints signs where a row shows one, or where its header names a rise alone (增长率, 增加额):
        # there a figure without a sign states a rise
        self.signed = [any((_number(it, j) or "").startswith("-") for it in self.rows)
                       or _names_rise(grid.columns[j].head.key) and grid.columns[j].head.role in ("delta", "rate")
                       for j in range(n)]
        self.wholes = {} if grid.transposed else _wholes(grid, self.percent)

    @property
    def rows(self) -> list[Item]:
        return [it for it in self.grid.items if it.state == "aligned"]

    def figure(self, item: Item, j: int, magnitude: bool = False) -> Figure | None:
        """The figure in a cell (its size only, with `magnitude`), or None for an empty cell or words."""
        tok = item.cells[j]
        digits = _number(item, j)
        if tok is None or digits is None:
            return None
        digits = digits.rstrip("%").lstrip("+")
        if magnitude:
            digits = digits.lstrip("-")
        return Figure(value=digits, unit=self.units[j], text=tok.text,
                      subject=f"{item.name}·{self.grid.columns[j].name}", location=tok.location,
                      precision=self.precision[j] if "." not in digits else None)

    def direction(self, item: Item, j: int) -> Direction | None:
        """The direction a signed figure states, in a column that prints signs."""
        digits = _number(item, j)
        if not self.signed[j] or digits is None:
            return None
        value = Decimal(digits.rstrip("%"))
        return "down" if value < 0 else "up" if value > 0 else "flat"


def _names_rise(key: str) -> bool:
    """A header that names a rise and no fall (增长率, 比上年增长%; not 增减率, 升降幅度, 变动率)."""
    return any(w in key for w in words("direction.up")) and not any(w in key for w in words("direction.down"))


def _number(item: Item, j: int) -> str | None:
    tok = item.cells[j]
    return tok.number if tok is not None else None


def _percent(grid: Grid, j: int) -> bool:
    return "%" in grid.columns[j].head.key or any("%" in (_number(it, j) or "") for it in grid.items
                                                  if it.state == "aligned")


def _precision(grid: Grid, j: int) -> int | None:
    """The decimals a column prints its money with, where most of its figures show them (as money_precision of
    the rule extractor decides it for a paragraph).
    """
    decimals: Counter[int] = Counter()
    for it in grid.items:
        digits = _number(it, j) if it.state == "aligned" else None
        if digits is not None:
            decimals[len(digits.split(".", 1)[1]) if "." in digits else 0] += 1
    shown = [(n, d) for d, n in decimals.items() if d > 0]
    if not shown:
        return None
    n, d = max(shown)
    return d if n >= decimals[0] and n >= 2 else None


def _wholes(grid: Grid, percent: list[bool]) -> dict[int, list[int]]:
    """Total columns and the columns of items they add up: a run of two or more item columns of one spanning
    header (or none) right before the total (中央级 | 省级 | 县级 | 合计) or, where none stands before it, right
    after it (合计 | 购置费 | 运行费). A total with such runs on both sides is not read.
    """
    columns = grid.columns
    out: dict[int, list[int]] = {}

    def run(j: int, step: int) -> list[int]:
        found: list[int] = []
        k = j + step
        while 0 <= k < len(columns) and columns[k].head.role == "item" and columns[k].group == columns[j].group \
                and not percent[k]:
            found.append(k)
            k += step
        return found

    for j, col in enumerate(columns):
        if col.head.role != "total" or percent[j]:
            continue
        before, after = run(j, -1), run(j, 1)
        parts = sorted(before) if len(before) >= 2 and len(after) < 2 else \
            after if len(after) >= 2 and len(before) < 2 else []
        # a column opening with 其中 breaks down the one before it: the run is no list of parts
        if parts and not any(columns[k].head.key.startswith(table_words("rows.breakdown")) for k in parts) \
                and not _nested_columns(grid, parts):
            out[j] = parts
    return out


def _nested_columns(grid: Grid, parts: list[int]) -> bool:
    """True when one of the columns `parts` is, in every row where it has a figure (not all zero), the sum of two
    or more columns right after it: those are its sub-columns (公务用车费 | 购置费 | 运行费), not more parts.
    """
    rows = [it for it in grid.items if it.state == "aligned"]

    def number(item: Item, k: int) -> Decimal | None:
        digits = _number(item, k)
        return Decimal(digits) if digits is not None and not digits.endswith("%") else None

    for i, head in enumerate(parts):
        for end in range(i + 3, len(parts) + 1):
            pairs = [(v, sum((number(it, k) or Decimal(0) for k in parts[i + 1:end]), Decimal(0)))
                     for it in rows if (v := number(it, head)) is not None]
            if any(v for v, _ in pairs) and all(abs(v - total) <= Decimal(1).scaleb(min(0, int(v.as_tuple().exponent)))
                                                * (end - i) for v, total in pairs):  # (a last digit a part)
                return True
    return False


# ------------------------------------------------------------------------------------------------ pairing

def _levels(t: _Table) -> list[int]:
    """The columns of levels (a total of item columns is the level they add up to)."""
    return [j for j, c in enumerate(t.grid.columns)
            if (c.head.role in ("level", "value") or j in t.wholes) and not t.percent[j]]


def _times(t: _Table, levels: list[int]) -> dict[int, int | None]:
    """Each level column's place in time: its year, or the latest year (本年) or the one before (上年)."""
    years = [c.head.year for c in t.grid.columns if c.head.year is not None]
    latest = max(years) if years else 0
    # a table that dates nothing but its prior columns (预算数 | 完成数 | 上年完成数): the columns of no period are
    # the year's own
    undated = "current" if not years and any(t.grid.columns[k].measured.relative == "prior" for k in levels) \
        else None
    out: dict[int, int | None] = {}
    for k in levels:
        head = t.grid.columns[k].measured
        relative = head.relative or undated
        out[k] = head.year if head.year is not None else \
            latest if relative == "current" else latest - 1 if relative == "prior" else None
    return out


def _own(t: _Table, col: Column, levels: list[int]) -> int | None:
    """The value column of the measure a sub-column belongs to (金额 under 2023年执行数)."""
    if col.group is None or col.group.role != "level":
        return None
    own = [k for k in levels if t.grid.columns[k].group == col.group]
    if len(own) > 1:  # a period over its measures (本年 over 预算数 | 决算数 | 完成%): the one actual is measured
        own = [k for k in own if t.grid.columns[k].measured.measure != "budget"]
    return own[0] if len(own) == 1 else None


def _pair(t: _Table, j: int) -> _Pair | None:
    """The current and prior columns of change column j, or None when they are not one each."""
    columns = t.grid.columns
    col = columns[j]
    levels = _levels(t)
    times = _times(t, levels)
    dated = [time for time in times.values() if time is not None]
    compared = col.head.compared or (col.group.compared if col.group is not None else None)
    own = _own(t, col, levels)
    if compared is not None:
        cur = [k for k in levels if times[k] == compared[0]]
        pri = [k for k in levels if times[k] == compared[1]]
    elif dated:
        cur = [own] if own is not None else [k for k in levels if times[k] == max(dated)]
        now = times[cur[0]]
        earlier = [time for time in dated if now is not None and time < now]
        pri = [k for k in levels if earlier and times[k] == max(earlier)]
    else:
        return _budget_actual(t, levels)
    cur, pri = _same_measure(t, cur, pri)
    if len(cur) != 1 or len(pri) != 1 or cur == pri:
        return None
    return _Pair(cur[0], pri[0])


def _same_measure(t: _Table, cur: list[int], pri: list[int]) -> tuple[list[int], list[int]]:
    """Of several columns of one period, the one measured as the other period is (决算 against 决算)."""
    def measure(k: int) -> str | None:
        return t.grid.columns[k].measured.measure

    if len(cur) > 1 and len(pri) == 1:
        cur = [k for k in cur if measure(k) == measure(pri[0])] or cur
    if len(pri) > 1 and len(cur) == 1:
        pri = [k for k in pri if measure(k) == measure(cur[0])] or pri
    return cur, pri


def _budget_actual(t: _Table, levels: list[int]) -> _Pair | None:
    """Two columns of no period, a budget and an actual: the actual is compared with the budget."""
    budget = [k for k in levels if t.grid.columns[k].measured.measure == "budget"]
    actual = [k for k in levels if t.grid.columns[k].measured.measure == "actual"]
    if len(levels) == 2 and len(budget) == 1 and len(actual) == 1:
        return _Pair(actual[0], budget[0])
    return None


def _ratio_pair(t: _Table, j: int) -> _Pair | None:
    """A ratio's numerator (its own measure's value, or the actual of the latest period) and its budget (the one
    it names: 占调整预算% divides by the adjusted budget), both of one period.
    """
    columns = t.grid.columns
    col = columns[j]
    levels = _levels(t)
    times = _times(t, levels)
    budgets = [k for k in levels if columns[k].head.role == "level" and columns[k].measured.measure == "budget"]
    kinds = table_words("header.budget_kinds")
    named = [k for k in budgets if any(w in columns[k].head.key and w in col.head.key for w in kinds)]
    if len(named) == 1:
        budgets = named
    own = _own(t, col, levels)
    if own is not None:
        numerator = [own]
    else:
        actual = [k for k in levels if columns[k].measured.measure != "budget"]
        dated = [time for k in actual if (time := times[k]) is not None]
        numerator = [k for k in actual if not dated or times[k] == max(dated)]
    if len(numerator) != 1 or len(budgets) != 1:
        return None
    when = times[numerator[0]], times[budgets[0]]
    if None not in when and when[0] != when[1]:
        return None
    return _Pair(numerator[0], budgets[0])


# ------------------------------------------------------------------------------------------------ claims

def _holds(computed: Interval, stated: Figure) -> bool:
    q = stated.quantity
    return computed.meets_printed(abs(q.value), q.decimals)


def _changes(t: _Table, j: int, pair: _Pair) -> list[TableClaim]:
    """One claim per row for a change column: its amount (NC102, NC103) or its rate (NC101, NC103)."""
    columns = t.grid.columns
    rate = columns[j].head.role == "rate"
    amounts = [k for k, c in enumerate(columns) if c.head.role == "delta" and k != j and _pair(t, k) == pair]
    amount_col = amounts[0] if rate and len(amounts) == 1 else None
    out: list[TableClaim] = []
    holds = fails = 0
    for item in t.rows:
        current, prior = t.figure(item, pair.current), t.figure(item, pair.prior)
        stated, signed = t.figure(item, j, magnitude=not rate), t.figure(item, j)
        if current is None or prior is None or stated is None or signed is None:
            continue
        try:
            change = abs(current.interval() - prior.interval())
            if _holds(change / prior.interval() * HUNDRED if rate else change, stated):
                holds += 1
            else:
                fails += 1
        except ZeroDivisionError:
            pass
        direction = t.direction(item, j)
        common = {"quote": item.quote, "location": stated.location, "section": t.grid.section,
                  "subject": item.name, "basis": columns[pair.prior].name}
        if not rate:
            out.append(ChangeClaim(current=current, prior=prior, delta=stated, delta_direction=direction,
                                   delta_word=signed.text if direction else "", **common))  # type: ignore[arg-type]
            continue
        # the rate over the stated amount where the row states it (delta / prior), else over the two figures
        amount = t.figure(item, amount_col, magnitude=True) if amount_col is not None else None
        said = t.direction(item, amount_col) if amount_col is not None and amount is not None else direction
        word = amount.text if amount is not None else signed.text
        out.append(ChangeClaim(prior=prior, current=None if amount is not None else current, delta=amount,
                               rate=signed, rate_direction=direction, rate_word=signed.text if direction else "",
                               delta_direction=said, delta_word=word if said else "",
                               **common))  # type: ignore[arg-type]
    if fails > holds and fails >= 2:
        return []  # most rows disagree: the column does not compare what its header was read to say
    return out


def _ratios(t: _Table, j: int, pair: _Pair) -> list[TableClaim]:
    """One claim per row for a ratio column (NC107): actual / budget."""
    out: list[TableClaim] = []
    holds = fails = 0
    for item in t.rows:
        numerator, denominator, percent = t.figure(item, pair.current), t.figure(item, pair.prior), t.figure(item, j)
        if numerator is None or denominator is None or percent is None:
            continue
        try:
            if _holds(numerator.interval() / denominator.interval() * HUNDRED, percent):
                holds += 1
            else:
                fails += 1
        except ZeroDivisionError:
            continue
        out.append(RatioClaim(measure=t.grid.columns[j].head.text, percent=percent, numerator=numerator,
                              denominator=denominator, quote=item.quote, location=percent.location,
                              section=t.grid.section))
    if fails > holds and fails >= 2:
        return []
    return out


def _sums(t: _Table, priors: set[int]) -> list[TableClaim]:
    """The sums of every total over its children, column by column (NC106); a total over one row only where that
    row is its whole breakdown (a 类 over its one 款, a 合计 over one row), where the two are equal.
    """
    grid = t.grid
    columns = [j for j, c in enumerate(grid.columns) if c.head.role in ADDITIVE and t.units[j] != "%"]
    out: list[TableClaim] = []
    failing = totals = 0
    for parent, kids in grid.children.items():
        item, children = grid.items[parent], [grid.items[k] for k in kids]
        complete = grid.complete.get(parent, False)
        if item.state != "aligned" or len(kids) < (1 if complete else 2) \
                or any(c.state == "unaligned" for c in children) or _unmarked_subrows(t, children, columns):
            continue
        claims: list[PartsSumClaim] = []
        held = 0
        for j in columns:
            summed: Summed = "delta" if grid.columns[j].head.role == "delta" else \
                "prior" if j in priors else "current"
            if summed == "delta" and not complete:
                continue  # the changes of a partial list (其中) say nothing of the whole's change
            if any(it.known is not None and j >= it.known for it in (item, *children)):
                continue  # a cell cut off with the excerpt is unknown, not empty
            total = t.figure(item, j)
            parts = [f for c in children if (f := t.figure(c, j)) is not None]
            if total is None or not parts:
                continue
            held += _adds_up(total, parts, partial=not complete)
            claims.append(PartsSumClaim(total=total, parts=tuple(parts), measure=summed, exhaustive=complete,
                                        quote=item.quote, location=total.location, section=grid.section))
        if not claims:
            continue
        totals += 1
        if held == 0 and len(claims) >= 2:
            failing += 1  # fails in every column: the rows under it are not its parts as read
            continue
        out += claims
    if totals >= 2 and failing * 2 > totals:
        return []  # most totals fail: the nesting was misread
    return out


def _row_sums(t: _Table) -> list[TableClaim]:
    """Each row's total column as the sum of the item columns it adds up (NC106); none where most rows fail."""
    out: list[TableClaim] = []
    for j, parts in t.wholes.items():
        claims: list[TableClaim] = []
        holds = fails = 0
        for item in t.rows:
            if item.known is not None and max(j, *parts) >= item.known:
                continue  # a cell cut off with the excerpt is unknown, not empty
            total = t.figure(item, j)
            figures = [f for k in parts if (f := t.figure(item, k)) is not None]
            if total is None or not figures:
                continue
            if _adds_up(total, figures):
                holds += 1
            else:
                fails += 1
            claims.append(PartsSumClaim(total=total, parts=tuple(figures), exhaustive=True, quote=item.quote,
                                        location=total.location, section=t.grid.section))
        if not (fails > holds and fails >= 2):
            out += claims
    return out


def _adds_up(total: Figure, parts: list[Figure], partial: bool = False) -> bool:
    """The parts add up to the total (a partial list may also fall well short of it, as NC106 allows)."""
    summed = reduce(lambda a, c: a + c, (p.interval() for p in parts))
    if summed.meets_printed(total.decimal, max(total.quantity.decimals, total.precision or 0)):
        return True
    whole = total.interval()
    return partial and summed.hi < whole.lo and whole.mid > 0 \
        and (whole.mid - summed.mid) / whole.mid > PARTIAL_SHORTFALL


def _unmarked_subrows(t: _Table, rows: list[Item], columns: list[int]) -> bool:
    """True when one of the rows is, in every column where it has a figure (not all zero), the sum of two or more
    rows right after it: those are its sub-rows, though nothing marks them so, and the rows are no list of parts.
    """
    for i, head in enumerate(rows):
        figures = {j: f for j in columns if (f := t.figure(head, j)) is not None}
        if not figures or all(f.decimal == 0 for f in figures.values()):
            continue
        for end in range(i + 3, len(rows) + 1):
            run = rows[i + 1:end]
            if all((parts := [p for r in run if (p := t.figure(r, j)) is not None]) and _adds_up(f, parts)
                   for j, f in figures.items()):
                return True
    return False


def grid_claims(grid: Grid) -> list[TableClaim]:
    """The change, ratio and sum claims of one table."""
    t = _Table(grid)
    out: list[TableClaim] = []
    priors: set[int] = set()
    for j, col in enumerate(grid.columns):
        if col.head.role == "ratio":
            if (pair := _ratio_pair(t, j)) is not None:
                out += _ratios(t, j, pair)
        elif col.head.role in ("delta", "rate", "compare_group"):
            if (pair := _pair(t, j)) is not None:
                out += _changes(t, j, pair)
                priors.add(pair.prior)
    return out + _sums(t, priors) + _row_sums(t)
