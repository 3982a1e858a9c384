"""A flattened table as items × columns: the header resolved to one column per value of a row, each row aligned
to the columns or set aside, and the items nested (a total over its rows, 一、 over its unnumbered rows, a row
over its 其中 breakdown).

A header flattened from two header rows holds a cell that spanned sub-columns (比上年增减情况 over 增减额 | 增减率;
2023年执行数 over 金额 | 占调整预算% | 比上年增长%; 公务用车费 over 合计 | 购置费 | 运行费). When the header has one
cell more than a row has values, that cell is found by what its sub-columns say (a change from last year is one of
this year's measure; a ratio over a budget is not one of that budget); any other count, or more than one such
cell, and the table is not read. A table whose rows are periods (年度: 2022年, 2023年, 增减%) and whose
columns are items is read transposed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from narrcheck.extract.flat_tables.layout import Cell, RawRow, RawTable
from narrcheck.extract.flat_tables.vocab import Header, Label, header, label, table_words

State = Literal["aligned", "zero", "unaligned"]


@dataclass(frozen=True)
class Column:
    """One column of values: its header cell and the header cell spanning it, if any."""

    head: Header
    group: Header | None = None

    @property
    def name(self) -> str:
        return f"{self.group.text}·{self.head.text}" if self.group is not None else self.head.text

    @property
    def measured(self) -> Header:
        """The header cell that says what the column measures: a 金额 column's spanning header (2023年执行数)."""
        return self.group if self.head.role == "value" and self.group is not None else self.head


@dataclass
class Item:
    """A row of the table (a column, when the table is transposed): its name, cells and place in the nesting."""

    name: str
    cells: list[Cell]
    state: State
    quote: str
    label: Label | None = None
    total: bool = False
    parent: int | None = None
    known: int | None = None  # the row was cut short (the excerpt ends): its cells from here on are unknown


@dataclass
class Grid:
    columns: list[Column]
    items: list[Item]
    unit: str
    section: tuple[str, ...]
    children: dict[int, list[int]] = field(default_factory=dict)
    complete: dict[int, bool] = field(default_factory=dict)  # the children are the whole breakdown
    transposed: bool = False
    title: str = ""  # the table's title line, where it has one


# ------------------------------------------------------------------------------------------------ header

def _spans(top: Header, subs: list[Header]) -> bool:
    """True when header cell `top` can span the sub-columns `subs`."""
    if len(subs) < 2:  # a cell spanning one column is that column's header
        return False
    if top.role in ("compare_group", "delta", "rate"):
        return all(s.role in ("delta", "rate") for s in subs)
    if top.role == "level" and _period_only(top):
        # a period over its measures (本年 over 预算数 | 决算数 | 完成%): levels of a measure and no period of their own
        levels = [s for s in subs if s.role == "level"]
        if len(levels) >= 2 and all(s.measure is not None and _undated(s) for s in levels) \
                and all(s.role in ("level", "ratio", "rate", "delta") for s in subs):
            return True
    if top.role == "level":
        if subs[0].role != "value" or any(s.role not in ("value", "ratio", "rate", "delta") for s in subs):
            return False
        # a ratio over a budget is not a sub-column of that budget; a change from last year not of last year
        if top.measure == "budget" and any(s.role == "ratio" for s in subs):
            return False
        return not (any(s.basis_prior for s in subs) and top.relative == "prior")
    if top.role == "item":
        return subs[0].role == "total" and all(s.role in ("item", "total") for s in subs)
    return False


def _undated(h: Header) -> bool:
    return h.year is None and h.relative is None


def _period_only(h: Header) -> bool:
    """A header naming a period and no measure (本年, 2023年, 上年)."""
    return h.measure is None and not _undated(h)


def _under(top: Header, sub: Header) -> Column:
    """A sub-column under `top`; a level of no period of its own under a period takes that period (本年 over 预算数)."""
    if top.role == "level" and _period_only(top) and sub.role == "level" and _undated(sub):
        sub = replace(sub, year=top.year, relative=top.relative)
    return Column(sub, top)


def resolve(lines: list[list[Header]], width: int) -> tuple[Header | None, list[Column]] | None:
    """The header's label cell (项目, 年度) and its `width` columns, or None when they cannot be told apart."""
    flat = [h for line in lines for h in line]
    first: Header | None = None
    if flat and flat[0].role in ("item_label", "period_label"):
        first = flat[0]
        lines = [lines[0][1:], *lines[1:]]
        flat = flat[1:]
    extra = len(flat) - width
    if extra == 0:
        return first, [Column(h) for h in flat]
    if extra != 1:
        return None
    if len(lines) >= 2:  # the spanning cell stands on the lines above, its sub-columns on the last line
        top = [h for line in lines[:-1] for h in line]
        subs = lines[-1]
        found = [i for i, h in enumerate(top) if _spans(h, subs)]
        if len(found) > 1 and any(s.basis_prior for s in subs):  # a change from last year: this year's measure
            years = [y for i in found if (y := top[i].year) is not None]
            found = [i for i in found if years and top[i].year == max(years)]
        if len(found) != 1:
            return None
        i = found[0]
        return first, [*map(Column, top[:i]), *(_under(top[i], s) for s in subs), *map(Column, top[i + 1:])]
    found = [i for i, h in enumerate(flat) if _spans(h, flat[i + 1:])]
    if len(found) != 1:
        return None
    i = found[0]
    return first, [*map(Column, flat[:i]), *(_under(flat[i], s) for s in flat[i + 1:])]


# ------------------------------------------------------------------------------------------------ rows

def _zero(values: list[Cell]) -> bool:
    return all(v is None or (v.number is not None and Decimal(v.number.rstrip("%")) == 0) for v in values)


def _align(row: RawRow, width: int, table: RawTable, last: bool) -> tuple[State, list[Cell], int | None]:
    """How a row's values meet the columns: all of them; a short pipe row lost only trailing empty cells; the
    last row of a cut excerpt lost its tail (unknown cells); a short row of zeros and blanks is zero wherever its
    cells stood; any other short row cannot be aligned.
    """
    values = row.values
    if row.broken:  # a row broken over lines aligns only where its breaks, each an empty cell, fill it exactly
        return ("aligned", row.joined, None) if row.joined is not None and len(row.joined) == width \
            else ("unaligned", values, None)
    if len(values) > width:
        if any(v is not None for v in values[width:]):
            return "unaligned", values, None
        values = values[:width]
    if len(values) == width:
        return "aligned", values, None
    if table.drops_trailing:
        return "aligned", values + [None] * (width - len(values)), None
    if last and table.at_end:
        return "aligned", values + [None] * (width - len(values)), len(values)
    if _zero(values):
        return "zero", [None] * width, None
    return "unaligned", values, None


def _column_numbers(row: RawRow) -> bool:
    """A row numbering the columns (栏次 | 1 | 2 | 3, or 1 | 2 | 3 under the header): part of the header."""
    if row.label is not None:
        return header(row.label.text).role == "row_number"
    numbers = [v.number for v in row.values if v is not None]
    return bool(numbers) and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _width(table: RawTable) -> int:
    counts = Counter(len(r.values) for r in table.rows if not r.broken)
    if not counts:  # every row broken over lines: the width they have with each break an empty cell
        counts = Counter(len(r.joined) for r in table.rows if r.joined is not None)
        if not counts:
            return 0
        return counts.most_common(1)[0][0]
    if table.stream:
        return counts.most_common(1)[0][0]
    # a row line shows trailing empty cells: the widest common row is the table's width
    best = counts.most_common(1)[0][1]
    return max(n for n, c in counts.items() if c * 3 >= best)


def build(table: RawTable) -> Grid | None:
    """The table as items × columns, or None when its header cannot be resolved."""
    width = _width(table)
    if width < 1:
        return None
    heads = [[header(t.text) for t in line] for line in table.header_lines]
    resolved = resolve(heads, width)
    if resolved is None:
        return None
    first, columns = resolved
    if any(c.head.role in ("item_label", "period_label") for c in columns):
        return None  # two tables side by side (项目 | 金额 | 项目 | 金额): rows are not one item each
    rows = [r for r in table.rows if not _column_numbers(r)]
    aligned = [_align(r, width, table, n == len(rows) - 1) for n, r in enumerate(rows)]
    row_heads = [header(r.label.text) if r.label is not None else None for r in rows]
    transposed = (first is not None and first.role == "period_label") or (
        all(c.head.role in ("item", "total") for c in columns)
        and all(h is not None and h.role in ("level", "rate", "delta") for h in row_heads))
    if transposed:
        return _transposed(table, columns, aligned, row_heads)
    items = []
    for row, (state, values, known) in zip(rows, aligned, strict=True):
        lab = label(row.label.text) if row.label is not None else None
        items.append(Item(lab.name if lab else "", values, state, row.quote, lab, total=bool(lab and lab.total),
                          known=known))
    grid = Grid(columns, items, table.unit, table.section, title=table.title)
    _nest(grid)
    return grid


def _transposed(table: RawTable, columns: list[Column], aligned: list[tuple[State, list[Cell], int | None]],
                row_heads: list[Header | None]) -> Grid | None:
    """Rows are periods (and changes), columns are items: items become rows, nested by their header groups."""
    if any(state != "aligned" or known is not None for state, _, known in aligned) or None in row_heads:
        return None
    new_columns = [Column(h) for h in row_heads if h is not None]
    items: list[Item] = []
    group_item: dict[str, int] = {}
    members: dict[str, list[int]] = {}
    top_total: int | None = None
    for j, col in enumerate(columns):
        cells = [values[j] for _, values, _ in aligned]
        quote = " | ".join(f"{h.name} {c.text}" for h, c in zip(new_columns, cells, strict=True) if c is not None)
        group = col.group.text if col.group is not None else None
        if col.head.role == "total" and group is not None and group not in group_item:
            group_item[group] = len(items)
            items.append(Item(group, cells, "aligned", f"{group}：{quote}", total=True))
            continue
        name = col.head.text if group is None else f"{group}·{col.head.text}"
        if col.head.role == "total" and group is None and top_total is None and j == 0:
            top_total = len(items)
            items.append(Item(name, cells, "aligned", f"{name}：{quote}", total=True))
            continue
        members.setdefault(group or "", []).append(len(items))
        items.append(Item(name, cells, "aligned", f"{name}：{quote}"))
    grid = Grid(new_columns, items, table.unit, table.section, transposed=True, title=table.title)
    for group, at in group_item.items():
        grid.children[at] = members.get(group, [])
        grid.complete[at] = True
        for child in grid.children[at]:
            items[child].parent = at
    if top_total is not None:
        tops = [n for n, it in enumerate(items) if it.parent is None and n != top_total]
        grid.children[top_total] = tops
        grid.complete[top_total] = True
        for child in tops:
            items[child].parent = top_total
    return grid


# ------------------------------------------------------------------------------------------------ nesting

def _nest(grid: Grid) -> None:
    """Parents from the row labels: enumerators nest (一、 > （一） > 1. > （1）), an unnumbered row under an
    enumerated one is its sub-row, a 其中 row opens a breakdown of the row above it, a total opening the table (or a
    first row without a label) is the sum of the top rows below it, a total closing a run of rows the sum of the
    run's top rows. A breakdown and unnumbered sub-rows may be partial; enumerated rows and totals are complete.
    """
    items = grid.items
    stack: list[tuple[float, int]] = []  # the open rows: (depth, index)
    segment = 0  # the first row of the run a closing total sums
    whole_segment = 0  # the first row of the run a closing total other than a 小计 sums
    opening: int | None = None

    def adopt(parent: int, child: int, complete: bool) -> None:
        items[child].parent = parent
        grid.children.setdefault(parent, []).append(child)
        grid.complete[parent] = grid.complete.get(parent, True) and complete

    for n, item in enumerate(items):
        lab = item.label
        if lab is None:
            if n == 0:  # a first row without a label: the table's total
                item.total, item.name, opening, segment = True, "合计", n, 1
            else:
                item.state = "unaligned"
                stack.clear()
            continue
        above = items[n - 1] if n > 0 else None
        if lab.breakdown and above is not None and above.state != "unaligned":
            while stack and stack[-1][1] != n - 1:
                stack.pop()
            depth = stack[-1][0] if stack else 0.0
            adopt(n - 1, n, complete=False)
            stack.append((float(lab.depth) if lab.depth is not None and lab.depth > depth else depth + 0.5, n))
            continue
        if lab.total and lab.depth is None:
            if n == segment:
                opening, segment, whole_segment = n, n + 1, n + 1
            else:
                sub = _subtotal(lab)
                # a 小计 sums the rows since the last total, not a 小计 before it (小计 | … | 小计 | 合计: siblings);
                # another total sums every top row since the last total not a 小计
                for k in range(segment if sub else whole_segment, n):
                    if items[k].parent is None and k != opening and not _other_side(items[k], lab) \
                            and not (sub and _subtotal(items[k].label)):
                        adopt(n, k, complete=True)
                segment = n  # a closing total is itself a top row of what follows (of its own side)
                if not sub:
                    whole_segment = n
            stack.clear()
            continue
        if lab.depth is not None:
            while stack and stack[-1][0] >= lab.depth:
                stack.pop()
            if stack:
                adopt(stack[-1][1], n, complete=True)
            stack.append((float(lab.depth), n))
            continue
        if stack and stack[-1][1] == n - 1 and above is not None and above.label is not None:
            depth = stack[-1][0]
            if above.label.depth is not None and not above.label.breakdown:  # under the enumerated row above
                adopt(n - 1, n, complete=False)
                stack.append((depth + 0.5, n))
                continue
            stack.pop()  # beside the unnumbered row above
            if above.parent is not None:
                adopt(above.parent, n, complete=True)
            stack.append((depth, n))
            continue
        stack[:] = [(0.0, n)]
    if opening is not None:
        end = next((k for k in range(opening + 1, len(items))
                    if items[k].total and (lab := items[k].label) is not None and lab.depth is None), len(items))
        for k in range(opening + 1, end):
            if items[k].parent is None:
                adopt(opening, k, complete=True)


def _subtotal(lab: Label | None) -> bool:
    """A total named as a subtotal (一般公共预算小计)."""
    return lab is not None and lab.total and lab.name.endswith(table_words("rows.subtotal"))


def _other_side(item: Item, total: Label) -> bool:
    """`item` is a total of the other side of the accounts than `total` (收入总计 under a 支出总计)."""
    own = item.label  # (a label names a side only when it is a total)
    return own is not None and bool(own.side) and bool(total.side) and own.side != total.side
