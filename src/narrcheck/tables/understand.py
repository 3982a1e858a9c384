"""From the reader's grid to typed tables: header rows are found by their words, never by position.

A header row is a row where at least two cells name a role (权重/分值, 得分, 指标值, 完成值, 年初预算, 调整后预算数,
预算执行数, 执行率 …). Rows under it take their roles by cell index when they are as wide as the header, and
from the right when merged cells made them narrower. A short 合计 row whose figures are as many as the header's
weight and score columns gives them in that order. Fragments of one table split by blank lines are joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal

from narrcheck.errors import NarrcheckError
from narrcheck.model.claims import Figure
from narrcheck.model.document import Block, Cell, Document
from narrcheck.numbers import parse_number
from narrcheck.numbers.parse import normalize_digits
from narrcheck.tables.flat import read_flat
from narrcheck.tables.model import (
    BadCell,
    BudgetRecord,
    BudgetTable,
    Category,
    ChartSeries,
    Execution,
    Fact,
    Indicator,
    RateRow,
    ScoreTable,
    Subtotal,
    Tables,
)
from narrcheck.tables.vocab import WEIGHT_MARK, clean, closes_with, is_row, opens_with, role_of

# how a role is named to a reader (the usual header word)
HEADER_WORD = {"weight": "权重", "score": "得分", "op": "指标性质", "target": "指标值", "unit": "度量单位",
               "actual": "完成值", "initial": "年初预算", "adjusted": "调整后预算数", "executed": "执行数",
               "rate": "执行率", "budget": "预算额", "balance": "结转结余额", "balance_rate": "结转结余率",
               "level": "指标"}
EXEC_ROLES = {"initial", "adjusted", "executed", "rate"}
BUDGET_MEASURES = ("budget", "executed", "balance", "balance_rate")
TOTAL_LABEL = re.compile(r"^(?:合计|总计|得分|总分|分值|总额|合\s*计|(?:年度)?预算总额[：:]?)$")
# a row stating a rate of the whole budget: 结余率 | 100% | 100%
RATE_LABEL = re.compile(r"^(?:预算)?(?:结转)?结余率$")
CATEGORY_WEIGHT = WEIGHT_MARK
DEFAULT_MONEY_UNIT = "万元"  # a table that names no unit
SPREADSHEET_ERROR = re.compile(r"^#(?:DIV/0!|REF!|VALUE!|N/A|NAME\?|NUM!|NULL!)$", re.I)
_CODE_PREFIX = re.compile(r"^[0-9A-Z]{8,}[-—－_]")
_FIGURE = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_UNIT_IN_TEXT = re.compile(r"(百元|万元|亿元|元)")


def _fact(cell: Cell, unit: str, row: str, column: str, table: int, title: str) -> Fact | None:
    raw = normalize_digits(cell.text).strip().replace(" ", "")
    if not _FIGURE.match(raw):
        return None
    pct = raw.endswith("%")
    q = parse_number(raw.rstrip("%"), "%" if pct else unit)
    fig = Figure(value=q.digits(), unit=q.unit, text=cell.text.strip(),
                 subject=f"{row}·{HEADER_WORD.get(column, column)}".strip("·"), location=cell.location())
    return Fact(figure=fig, row=row, column=column, table=table, title=title)


def _label(row: Sequence[Cell]) -> str:
    for cell in row:
        t = clean(cell.text)
        if t and not _FIGURE.match(t):
            return cell.text.strip().replace("\n", "")
    return ""


# --- fragments --------------------------------------------------------------------------------------------
_META_ROW = re.compile(r"^(?:金额)?单位[:：]|^(?:编制|填报)?(?:部门|单位)[:：]")
_TITLE_ROW = re.compile(r"表(?:[（(][^）)]{0,20}[）)])?$")


def _parts(rows: list[tuple[Cell, ...]]) -> list[list[tuple[Cell, ...]]]:
    """A grid cut before each title row inside it (one cell ending in 表): tables set edge to edge, as a PDF
    shows them, are separate tables, as the text export has them.
    """
    parts: list[list[tuple[Cell, ...]]] = [[]]
    for row in rows:
        filled = [c for c in row if c.text.strip()]
        title = len(filled) == 1 and _TITLE_ROW.search(clean(filled[0].text))
        if title and parts[-1]:
            parts.append([])
        parts[-1].append(tuple(filled) if title else row)
    return parts


def fragments(document: Document) -> list[tuple[str, list[tuple[Cell, ...]], Block, list[int]]]:
    """Tables with their title, fragments joined: a one-cell table is a title; a table that follows another
    with nothing between and opens without a title or a header continues it; a title row inside a grid
    starts a new table. A workbook's sheets are never joined: each is a table of its own.
    """
    out: list[tuple[str, list[tuple[Cell, ...]], Block, list[int]]] = []
    pending_title = ""
    prev_index = -2
    prev_page = -2  # the last page of the table before (PDF)
    sheets = document.format in ("xlsx", "xls")
    for block in document.blocks:
        if block.kind != "table":
            text = block.text.strip()
            if text.endswith("表"):
                pending_title = text
            elif len(text) > 30:  # body text between a title and a table cancels the title
                pending_title = ""
            continue
        for rows in _parts([r for r in block.rows if any(c.text.strip() for c in r)]):
            if not rows:
                continue
            if len(rows) == 1 and len(rows[0]) == 1:
                pending_title = rows[0][0].text.strip() or pending_title
                prev_index = block.index
                continue
            first = rows[0]
            # a part that opens a page right after a table that closed the page before goes on with that table,
            # even when it opens with a header row (the page broke before a sub-table's header)
            turned = bool(block.textmap.pages) and block.textmap.pages[0] == prev_page + 1
            opens = (len(first) == 1 or clean(first[0].text) in {"项目名称", "部门名称", "部门（单位）名称"}
                     or (sum(role_of(c.text) is not None for c in first) >= 2 and not turned))
            if out and prev_index == block.index - 1 and not opens and not pending_title and not sheets:
                out[-1][1].extend(rows)
                out[-1][3].append(block.table if block.table is not None else -1)
            else:
                title = pending_title
                if len(first) == 1 and not (title and _META_ROW.match(clean(first[0].text))):
                    title, rows = first[0].text.strip().replace("\n", ""), rows[1:]  # a title row
                # a unit or publisher line under a title already read (单位：万元) stays with the table
                out.append((title, rows, block, [block.table if block.table is not None else -1]))
            pending_title = ""
            prev_index = block.index
        prev_page = max((c.textmap.pages[0] for row in block.rows for c in row if c.textmap.pages), default=-2)
    return out


# --- headers ----------------------------------------------------------------------------------------------
def _header(row: Sequence[Cell]) -> dict[int, str] | None:
    roles = {i: r for i, c in enumerate(row) if (r := role_of(c.text))}
    useful = set(roles.values()) & {"weight", "score", "executed", "rate", "target", "budget", "balance"}
    # two roles told apart: one word in adjacent cells (预算执行 | 预算执行率 | 预算执行率 | 10 | 10, a merged label
    # exported into each cell it spans) or two words of one role (预算执行率 | 执行率) are a row's labels
    return roles if len(set(roles.values())) >= 2 and useful else None


def _align(row: Sequence[Cell], width: int, roles: dict[int, str], total: bool) -> dict[str, Cell]:
    """Which cell of `row` stands under which role of a header `width` cells wide."""
    if len(row) == width:
        return {r: row[i] for i, r in roles.items() if i < len(row)}
    if total:
        numeric_roles = [r for _, r in sorted(roles.items()) if r in ("weight", "score")]
        figures = [c for c in row[1:] if _FIGURE.match(clean(c.text))]
        if len(figures) == len(numeric_roles) and figures:
            return dict(zip(numeric_roles, figures, strict=True))
    shift = width - len(row)
    return {r: row[i - shift] for i, r in roles.items() if 0 <= i - shift < len(row)}


def _table_unit(title: str, rows: Iterable[Sequence[Cell]]) -> str:
    for text in [title, *(c.text for r in rows for c in r if "单位" in c.text or "元" in c.text)]:
        m = _UNIT_IN_TEXT.search(text.replace("（百）", "（百元）"))
        if m and ("单位" in text or re.search(r"[（(]\s*(?:百元|万元|元|亿元)\s*[)）]", text)):
            return m.group(1)
    return DEFAULT_MONEY_UNIT


def _project(rows: Sequence[Sequence[Cell]]) -> str:
    for row in rows[:4]:
        if len(row) >= 2 and clean(row[0].text) == "项目名称":
            return _CODE_PREFIX.sub("", row[1].text.strip())
    return ""


# --- score tables -----------------------------------------------------------------------------------------
def _score_table(index: int, title: str, rows: list[tuple[Cell, ...]], block: Block,
                 headers: Sequence[dict[int, str] | None]) -> ScoreTable | None:
    """The score table of `rows` (`headers`: each row's _header), or None when nothing in it is scored."""
    project = _project(rows)
    unit = _table_unit(title, rows)
    roles: dict[int, str] = {}
    width = 0
    prev_header: tuple[dict[int, str], int] | None = None
    indicators: list[Indicator] = []
    execution: Execution | None = None
    funds: list[Execution] = []
    funds_closed = False
    category_cells: list[tuple[int, int, Cell]] = []  # (row number in table, column, cell)
    total_weight = total_score = None
    has_score = False
    carried: dict[int, str] = {}
    firsts: list[str | None] = []  # each indicator's first-level cell ('' blank), None where its row is narrower
    subtotals: list[Subtotal] = []  # the 小计 rows whose rows are known
    opened = 0  # where the rows a 小计 may close begin: after the last 小计
    for n, row in enumerate(rows):
        header = headers[n]
        if header is not None:
            above = prev_header if prev_header is not None and prev_header[1] == n - 1 else None
            if above is None and n > 0 and len(rows[n - 1]) <= len(row):
                lone = {i: r for i, c in enumerate(rows[n - 1]) if (r := role_of(c.text))}
                above = (lone, len(rows[n - 1])) if lone else None
                width = len(rows[n - 1])
            if above is not None and len(row) > width:
                # a two-row header: the earlier, narrower row stands right-aligned over the wider one
                shift = len(row) - width
                merged = {i + shift: r for i, r in above[0].items()}
                merged.update(header)
                header = merged
            elif above is not None and len(row) == width:
                # a two-row header as wide as its rows (绩效指标 … 自评得分 over 一级指标 … 指标分值): a column the
                # second row leaves blank keeps the first row's word
                header = {**above[0], **header}
            roles, width = header, len(row)
            prev_header = (roles, n)
            has_score = has_score or "score" in roles.values()
            for cell in row[:1]:
                if CATEGORY_WEIGHT.search(cell.text):
                    category_cells.append((n, -1, cell))
            continue
        if not roles or not {"weight", "score"} & set(roles.values()):
            continue
        label = _label(row)
        total = bool(TOTAL_LABEL.match(clean(row[0].text))) if row else False
        if total and EXEC_ROLES & set(roles.values()) and is_row(row[0].text, "rows.fund_total"):
            total = False  # 总额 | 40 | 36 | 90% | 10 | 9 under 预算执行 columns: the funds' total, not the table's
        cells = _align(row, width, roles, total)

        def fact(role: str, row_label: str, cells: dict[str, Cell] = cells) -> Fact | None:
            cell = cells.get(role)
            return _fact(cell, unit if role in EXEC_ROLES else "", row_label, role, index, title) if cell else None

        if total:
            total_weight, total_score = fact("weight", "合计"), fact("score", "合计")
            continue
        if EXEC_ROLES & set(roles.values()):
            if execution is None and ("executed" in cells or "rate" in cells):
                execution = Execution(initial=fact("initial", label), adjusted=fact("adjusted", label),
                                      executed=fact("executed", label), rate=fact("rate", label),
                                      weight=fact("weight", label), score=fact("score", label), label=label)
            elif execution is not None and not funds_closed:  # its sources: 其中：财政资金 … 其他资金
                source = Execution(initial=fact("initial", label), adjusted=fact("adjusted", label),
                                   executed=fact("executed", label), rate=fact("rate", label),
                                   weight=None, score=None, label=label)
                funds_closed = opens_with(label, "rows.fund_other") is not None
                if funds_closed or not source.empty:
                    funds.append(source)
            continue
        # indicator rows: carry merged label cells down, note weights written into label cells
        levels = [i for i, r in sorted(roles.items()) if r == "level"]
        shift = width - len(row) if len(row) != width else 0
        for i in range(min(len(row), (levels[-1] - shift + 1) if levels else 1)):
            text = row[i].text.strip()
            if text:
                carried[i] = text
                for j in list(carried):
                    if j > i:
                        del carried[j]
                if CATEGORY_WEIGHT.search(text) and i < (levels[-1] - shift if levels else 0):
                    category_cells.append((n, i, row[i]))
        name = carried.get(max(carried), "") if carried else label
        weight = fact("weight", name)
        if weight is None and levels:
            m = CATEGORY_WEIGHT.search(name)
            if m:  # the leaf's own weight written into its label: 绩效目标合理性（2分）
                label_cell = next((c for c in row if c.text.strip() == name), None)
                weight = _fact_from_label(m.group(1), label_cell, name, index, title) if label_cell else None
        score = fact("score", name)
        if closes_with(name, "rows.subtotal"):
            # (a category's subtotal, no indicator: below its rows, it adds up those since its category's
            # first-level label; on that label's own row (产出指标 | 小计 | …), which rows follow is not known)
            if not (levels and len(row) == width and opens_with(row[levels[0]].text, "levels.first")):
                start = next((i for i in range(len(indicators) - 1, opened - 1, -1)
                              if firsts[i] and opens_with(firsts[i] or "", "levels.first")), None)
                covered = indicators[start:] if start is not None else []
                weights = tuple(i.weight for i in covered if i.weight is not None)
                scores = tuple(i.score for i in covered if i.score is not None)
                if covered and len(weights) == len(scores) == len(covered):
                    subtotals.append(Subtotal(weight, score, weights, scores))
            opened = len(indicators)
            continue
        if weight is None and score is None:
            continue
        firsts.append(clean(row[levels[0]].text) if levels and len(row) == width else None)
        indicators.append(Indicator(
            label=name, weight=weight, score=score,
            op=cells["op"].text.strip() if "op" in cells else "",
            target=cells["target"].text.strip() if "target" in cells else "",
            actual=cells["actual"].text.strip() if "actual" in cells else "",
            unit=cells["unit"].text.strip() if "unit" in cells else "",
            line=row[0].line if row else None,
            unit_location=cells["unit"].location() if "unit" in cells else None,
            actual_location=cells["actual"].location() if "actual" in cells else None))
    scored = [f for f in (*(i.weight for i in indicators), *(i.score for i in indicators)) if f is not None]
    if execution is not None and (execution_fact := execution.weight or execution.score) is not None:
        scored.append(execution_fact)
    if not scored:
        return None
    department = "整体" in title or (not project and "部门" in title)
    categories = _categories(index, title, rows, category_cells, indicators, execution)
    categories += _unweighted(indicators, firsts, {WEIGHT_MARK.sub("", c.label).strip() for c in categories})
    return ScoreTable(index=index, title=title, project=project, department=department,
                      indicators=tuple(indicators), execution=execution, categories=tuple(categories),
                      total_weight=total_weight, total_score=total_score, has_score_column=has_score,
                      first_line=rows[0][0].line, section=block.section, funds=tuple(funds),
                      funds_closed=funds_closed, subtotals=tuple(subtotals))


def _fact_from_label(digits: str, cell: Cell, label: str, table: int, title: str) -> Fact:
    q = parse_number(digits)
    m = CATEGORY_WEIGHT.search(cell.text)
    where = cell.location(m.start() if m else 0)
    fig = Figure(value=q.digits(), unit="", text=m.group(0) if m else digits, subject=label, location=where)
    return Fact(figure=fig, row=label, column="weight", table=table, title=title)


def _categories(index: int, title: str, rows: list[tuple[Cell, ...]], cells: list[tuple[int, int, Cell]],
                indicators: list[Indicator], execution: Execution | None) -> list[Category]:
    """Each weight written into a label: 预算执行情况（10分）, 绩效指标（90分）, 预算管理（31分）…"""
    out: list[Category] = []
    by_line = {i.line: i for i in indicators}
    last_in_column: dict[int, int] = {}  # column -> position in `out` of its latest category
    for n, col, cell in cells:
        m = CATEGORY_WEIGHT.search(cell.text)
        if m is None:
            continue
        label = cell.text.strip().replace("\n", "")
        weight = _fact_from_label(m.group(1), cell, label, index, title)
        if col == -1:  # a header's first cell: the whole execution block or the whole indicator block
            if "执行" in label and execution is not None:
                members = [execution.weight] if execution.weight else []
                complete = execution.weight is not None
            else:
                after = [i for i in indicators if i.line is not None and i.line > cell.line]
                members = [i.weight for i in after if i.weight]
                complete = bool(after) and all(i.weight for i in after)
            out.append(Category(label, weight, tuple(members), complete))
            continue
        # rows from this one until the next non-empty cell in this column or one to its left
        covered = []
        for row in rows[n:]:
            if row is not rows[n] and any(c.text.strip() for c in row[: col + 1]):
                break
            ind = by_line.get(row[0].line)
            if ind is not None:
                covered.append(ind)
        members = [i.weight for i in covered if i.weight]
        complete = bool(covered) and len(members) == len(covered)
        prev = out[last_in_column[col]] if col in last_in_column else None
        if prev is not None and prev.label == label:  # the label repeated after a page break: one category
            out[last_in_column[col]] = Category(label, prev.weight, prev.members + tuple(members),
                                                prev.complete and complete)
            continue
        last_in_column[col] = len(out)
        out.append(Category(label, weight, tuple(members), complete))
    return out


def _unweighted(indicators: list[Indicator], firsts: list[str | None], weighted: set[str]) -> list[Category]:
    """First-level labels without a weight (产出指标 on each of its rows, or once over a merged cell, its cell blank
    below): each a category of its rows, to the next first-level label or the table's end. A row narrower than the
    header (its first-level cell not known) leaves the category incomplete, and so does a label opening two blocks.
    """
    runs: list[tuple[str, list[Indicator], bool]] = []  # label, its rows, every row's cell read
    for indicator, first in zip(indicators, firsts, strict=True):
        if first and not (runs and runs[-1][0] == first):
            runs.append((first, [], True))
        if not runs:
            continue
        label, covered, clear = runs[-1]
        covered.append(indicator)
        runs[-1] = (label, covered, clear and first is not None)
    counts: dict[str, int] = {}
    for label, _, _ in runs:
        counts[label] = counts.get(label, 0) + 1
    out = []
    for label, covered, clear in runs:
        if opens_with(label, "levels.first") is None or WEIGHT_MARK.search(label) or label in weighted:
            continue
        members = tuple(w for i in covered if (w := i.weight) is not None)
        out.append(Category(label, None, members, clear and counts[label] == 1 and len(members) == len(covered)))
    return out


# --- budget tables ----------------------------------------------------------------------------------------
def _budget_tables(index: int, title: str, rows: list[tuple[Cell, ...]], block: Block,
                   headers: Sequence[dict[int, str] | None]) -> list[BudgetTable]:
    """Blocks of records measured by 预算额/执行额/结转结余额/结转结余率, across rows or down columns
    (`headers`: each row's _header).
    """
    unit = _table_unit(title, rows)
    out: list[BudgetTable] = []
    n = 0
    while n < len(rows):
        row = rows[n]
        header = headers[n] or {}
        scored = {"weight", "score"} & set(header.values())
        # 全年预算数 / 全年执行数 (a monitoring table) are a budget and an execution when nothing is scored
        measures = {i: ("budget" if r == "adjusted" else r) for i, r in header.items()
                    if r in BUDGET_MEASURES or (r == "adjusted" and not scored)}
        if len(measures) >= 2:  # records are the rows below
            records = []
            for k, body in enumerate(rows[n + 1:], start=n + 1):
                block_label = row[0].text.strip() and body[0].text.strip()  # a new block opens
                if len(body) != len(row) or headers[k] or block_label:
                    break
                label = _label(body)
                facts = {r: f for i, r in measures.items()
                         if (f := _fact(body[i], unit, label, r, index, title)) is not None}
                records.append(BudgetRecord(label, facts, bool(TOTAL_LABEL.match(clean(label)))))
            if records:
                out.append(BudgetTable(index, title, unit, tuple(records), row[0].line, block.section))
            n += len(records) + 1
            continue
        # transposed: a label column of measures, one record per column to its right
        block_rows = []
        while n < len(rows) and len(rows[n]) >= 3 and role_of(rows[n][1].text) in BUDGET_MEASURES:
            block_rows.append(rows[n])
            n += 1
        if len(block_rows) >= 2 and n - len(block_rows) >= 1:
            head = rows[n - len(block_rows) - 1]
            records = []
            for col in range(2, min(len(head), *(len(r) for r in block_rows))):
                label = head[col].text.strip().replace("\n", "")
                facts = {}
                for r in block_rows:
                    role = role_of(r[1].text)
                    u = _table_unit(r[1].text, []) if _UNIT_IN_TEXT.search(r[1].text) else unit
                    if role and (f := _fact(r[col], u, label, role, index, title)) is not None:
                        facts[role] = f
                records.append(BudgetRecord(label, facts, bool(TOTAL_LABEL.match(clean(label)))))
            out.append(BudgetTable(index, title, unit, tuple(records), block_rows[0][0].line, block.section))
            continue
        n += 1
    return out


def _rate_rows(index: int, title: str, rows: list[tuple[Cell, ...]], block: Block) -> list[RateRow]:
    """Rows labelled 结余率 whose other cells are percentages (or empty)."""
    out = []
    for row in rows:
        labels = [i for i, c in enumerate(row) if "结余率" in c.text and RATE_LABEL.match(clean(c.text))]
        if not labels:
            continue
        after = row[labels[0] + 1:]
        filled = [c for c in after if clean(c.text)]
        if not filled or not all(clean(c.text).endswith("%") and _FIGURE.match(clean(c.text)) for c in filled):
            continue
        label = clean(row[labels[0]].text)
        facts = tuple(f for c in filled if (f := _fact(c, "", label, "rate", index, title)) is not None)
        out.append(RateRow(label, facts, index, block.section))
    return out


# --- charts -----------------------------------------------------------------------------------------------
_CHART_TITLE = re.compile(r"图\s*$")


def _charts(document: Document) -> list[ChartSeries]:
    """Chart data after the text: a title ending in 图, then lines of TAB-separated names and values."""
    out: list[ChartSeries] = []
    blocks = [b for b in document.blocks if b.kind != "table"]
    title = ""
    category = ""
    facts: list[Fact] = []
    for block in blocks:
        text = block.text.strip()
        if _CHART_TITLE.search(text) and "\t" not in text.rstrip("\t"):
            if facts:
                out.append(ChartSeries(title, tuple(facts)))
            title, category, facts = text.rstrip("\t").strip(), "", []
            continue
        if not title or "\t" not in block.text:
            continue
        parts = [(p, block.text.find(p)) for p in block.text.split("\t")]
        names = [p.strip() for p, _ in parts if p.strip() and not _FIGURE.match(clean(p))]
        values = [(p, pos) for p, pos in parts if p.strip() and _FIGURE.match(clean(p))]
        if not values and len(names) == 1:
            category = names[0]
            continue
        trailing = names[len(values):] if len(names) > len(values) else []
        for name, (digits, pos) in zip(names, values, strict=False):  # names beyond the values are trailing
            unit = _UNIT_IN_TEXT.search(name)
            q = parse_number(clean(digits).rstrip("%"), unit.group(1) if unit else "")
            fig = Figure(value=q.digits(), unit=q.unit, text=digits.strip(), subject=f"{category}{name}",
                         location=block.location(pos))
            facts.append(Fact(fig, row=category, column=name, table=-1, title=title))
        if trailing:
            category = trailing[-1]
    if facts:
        out.append(ChartSeries(title, tuple(facts)))
    return out


# --- entry point ------------------------------------------------------------------------------------------
def read_tables(document: Document) -> Tables:
    """Every score table, budget table, spreadsheet error and chart series of the document. A table whose
    reading fails (a narrcheck bug) costs that table only: it is left out and named in `failures`.
    """
    tables = Tables(fragments=fragments(document))
    for index, fragment in enumerate(tables.fragments):
        with _isolated(tables, f"table {index + 1} ({fragment[0] or 'untitled'})"):
            _read_fragment(tables, index, *fragment)
    with _isolated(tables, "the funds tables"):
        _pair_funds(tables, document)
    with _isolated(tables, "the tables written as text"):
        flat, stated = read_flat(document, len(tables.fragments), DEFAULT_MONEY_UNIT)
        tables.score.extend(flat)
        tables.stated.extend(stated)
    with _isolated(tables, "the charts"):
        tables.charts = _charts(document)
    return tables


def _pair_funds(tables: Tables, document: Document) -> None:
    """A funds-only table (a 预算执行 block with its weight and score, no indicator rows) joins the score table
    that follows it, as the one table the text flattened would be: where nothing but a caption stands between
    them, the next table has no 预算执行 row of its own, names no other project, and its 合计 needs the funds'
    weight (its rows' weights fall short of it by that weight) or, stating no total weight, their score.
    """
    by_index = {t.index: t for t in tables.score}
    last_block = {n: b.index for b in document.blocks if b.kind == "table" and b.table is not None
                  for n in [b.table]}
    joined: dict[int, ScoreTable] = {}
    dropped: set[int] = set()
    for index, funds in sorted(by_index.items()):
        nxt = by_index.get(index + 1) if index + 1 < len(tables.fragments) else None
        if nxt is None or index in dropped or not _funds_only(funds) or not _needs_funds(nxt, funds):
            continue
        if nxt.execution is not None or (funds.name and nxt.name and funds.name != nxt.name) \
                or (funds.project and nxt.project and funds.project != nxt.project):
            continue
        end = max((last_block.get(n, -1) for n in funds.blocks), default=-1)
        start = tables.fragments[index + 1][2].index
        end = max(end, tables.fragments[index][2].index)
        between = [b for b in document.blocks[end + 1:start] if b.text.strip()]
        if any(b.kind == "table" or len(b.text.strip()) > _CAPTION_LEN or _SENTENCE_END.search(b.text)
               for b in between):
            continue
        categories = (*funds.categories, *nxt.categories)
        joined[index + 1] = replace(nxt, title=nxt.title or funds.title, project=nxt.project or funds.project,
                                    execution=funds.execution, funds=funds.funds, funds_closed=funds.funds_closed,
                                    categories=categories, first_line=funds.first_line,
                                    blocks=(*funds.blocks, *nxt.blocks))
        dropped.add(index)
        dropped.add(index + 1)  # (a table joined once)
    if joined:
        tables.score[:] = [joined.get(t.index, t) for t in tables.score
                           if t.index in joined or t.index not in dropped]


_CAPTION_LEN = 30  # a line longer than this between two tables is body text, not a caption
_SENTENCE_END = re.compile(r"[。；;！？]")


def _funds_only(table: ScoreTable) -> bool:
    ex = table.execution
    return (ex is not None and ex.weight is not None and ex.score is not None and not table.indicators
            and table.total_weight is None and table.total_score is None)


def _needs_funds(table: ScoreTable, funds: ScoreTable) -> bool:
    """Whether `table`'s total takes in the funds' row: its total weight is its rows' weights and the funds'
    weight (not its rows' alone); without a total weight, the same of its total score.
    """
    ex = funds.execution
    if ex is None or ex.weight is None or ex.score is None or not table.indicators:
        return False
    rows = [(i.weight, i.score) for i in table.indicators]
    for stated, own, extra in ((table.total_weight, [w for w, _ in rows], ex.weight),
                               (table.total_score, [s for _, s in rows], ex.score)):
        if stated is None:
            continue
        if any(f is None for f in own):
            return False
        alone = sum((f.figure.decimal for f in own if f is not None), Decimal(0))
        target = stated.figure.decimal
        return alone != target and abs(alone + extra.figure.decimal - target) <= _half_unit(stated, extra, own)
    return False


def _half_unit(*facts: Fact | None | list[Fact | None]) -> Decimal:
    """Half a unit of the last place the most precise of `facts` prints (the rounding a sum of them may show)."""
    flat = [f for x in facts for f in (x if isinstance(x, list) else [x]) if f is not None]
    places = max((len(f.figure.value.partition(".")[2]) for f in flat), default=0)
    return Decimal(1).scaleb(-places) / 2


@contextmanager
def _isolated(tables: Tables, what: str) -> Iterator[None]:
    """Run a table's reading; a failure (any exception: a narrcheck bug) is recorded, not raised."""
    try:
        yield
    except NarrcheckError:  # (bad input, the time limit: the document's, not the table's)
        raise
    except Exception as exc:
        tables.failures.append(f"{what}: {type(exc).__name__}: {exc}")


def _read_fragment(tables: Tables, index: int, title: str, rows: list[tuple[Cell, ...]], block: Block,
                   numbers: list[int]) -> None:
    """Read one table: its spreadsheet errors, 结余率 rows, score table and budget tables into `tables`, all or
    nothing (a reading that fails adds none of them).
    """
    bad = [BadCell(cell.text.strip(), _label(row), "", cell.location(), index, title, section=block.section)
           for row in rows for cell in row if SPREADSHEET_ERROR.match(cell.text.strip())]
    rates = _rate_rows(index, title, rows, block)
    headers = [_header(row) for row in rows]  # (read once for both kinds of table)
    score = _score_table(index, title, rows, block, headers)
    budgets = [t for t in _budget_tables(index, title, rows, block, headers) if len(t.records) >= 2]
    tables.bad_cells.extend(bad)
    tables.rates.extend(rates)
    if score is not None:
        tables.score.append(replace(score, blocks=tuple(numbers)))
    tables.budget.extend(budgets)

