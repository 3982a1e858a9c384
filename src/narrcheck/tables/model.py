"""Typed tables: what the grid of a reader means once its header words are understood.

Every number read from a table is a Fact: a Figure (digits, unit, location of its cell) with the row and column
labels it sits under and the table it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from narrcheck.lexicon import file_words
from narrcheck.model.claims import Figure
from narrcheck.model.document import Block, Cell
from narrcheck.model.location import Location


@dataclass(frozen=True)
class Fact:
    """One figure read from a table or chart, with its labels."""

    figure: Figure
    row: str
    column: str
    table: int
    title: str

    @property
    def location(self) -> Location:
        return self.figure.location


@dataclass(frozen=True)
class BadCell:
    """A cell that should hold a figure but holds a spreadsheet error (#DIV/0!, #REF! …)."""

    text: str
    row: str
    column: str
    location: Location
    table: int
    title: str
    kind: str = "bad_cell"
    section: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    """A weight written into a label cell (“预算管理（31分）”) and the weights of the rows it covers; a first-level
    label without a weight (产出指标 on each of its rows, or once over a merged cell) is a category of its rows
    too, its weight None.
    """

    label: str
    weight: Fact | None
    members: tuple[Fact, ...]
    complete: bool  # every covered row has a weight


@dataclass(frozen=True)
class Subtotal:
    """A 小计 row closing the rows of its category (产出指标 rows, then 小计 | 50 | 48): its weight and score, and
    the weights and scores of the rows it adds up.
    """

    weight: Fact | None
    score: Fact | None
    weights: tuple[Fact, ...]
    scores: tuple[Fact, ...]


@dataclass(frozen=True)
class Indicator:
    """One scored row: its weight, its score, and its target against its result where they are given."""

    label: str
    weight: Fact | None
    score: Fact | None
    op: str = ""
    target: str = ""
    actual: str = ""
    unit: str = ""
    line: int | None = None
    unit_location: Location | None = None  # where the 度量单位 cell is
    actual_location: Location | None = None  # where the 完成值 cell is

    def __post_init__(self) -> None:
        # the target without its comparison sign where the cell prints it too (指标性质 ≥, 指标值 ≥90%)
        if self.op and self.target.startswith(self.op):
            object.__setattr__(self, "target", self.target.removeprefix(self.op).strip())


@dataclass(frozen=True)
class Ratio:
    """A rate cell and the cells its column's formula divides: 执行率 = 执行数 / 调整后预算数, or the formula
    a header states over lettered columns (执行率(B/A), 支付进度(C/A×100%)).
    """

    rate: Fact
    numerator: Fact
    denominator: Fact


@dataclass(frozen=True)
class Execution:
    """A row of the 预算执行情况 block of a project table: the total (总额) or one of its sources
    (其中：财政拨款, 其他资金): budgets, execution, rate, weight and score.
    """

    initial: Fact | None
    adjusted: Fact | None
    executed: Fact | None
    rate: Fact | None
    weight: Fact | None
    score: Fact | None
    label: str = ""
    ratios: tuple[Ratio, ...] = ()  # rates by a stated formula; without one, rate = executed / adjusted
    extra: tuple[tuple[str, Fact], ...] = ()  # amounts of lettered columns without a role word (自筹资金(B))
    unknown: frozenset[str] = frozenset()  # columns a flattened row could be read more than one way

    def rate_parts(self) -> list[Ratio]:
        """Every rate of the row with the two figures it divides."""
        if self.ratios:
            return list(self.ratios)
        if self.rate is not None and self.executed is not None and self.adjusted is not None:
            return [Ratio(self.rate, self.executed, self.adjusted)]
        return []

    def amounts(self) -> dict[str, Fact]:
        """The row's amounts by column (role or letter), for adding sources up to their total."""
        out = {k: f for k, f in (("initial", self.initial), ("adjusted", self.adjusted),
                                 ("executed", self.executed)) if f is not None}
        out.update(self.extra)
        return out

    @property
    def empty(self) -> bool:
        return not self.amounts() and self.rate is None and not self.unknown


@dataclass(frozen=True)
class ScoreTable:
    """A self-evaluation table: execution row, indicator rows, categories, stated totals."""

    index: int
    title: str
    project: str
    department: bool
    indicators: tuple[Indicator, ...]
    execution: Execution | None
    categories: tuple[Category, ...]
    total_weight: Fact | None
    total_score: Fact | None
    has_score_column: bool
    first_line: int
    section: tuple[str, ...] = ()
    blocks: tuple[int, ...] = ()  # the reader's table numbers this table was joined from
    kind: str = "score_table"
    funds: tuple[Execution, ...] = ()  # the rows under the execution total: its sources (其中：财政拨款 …)
    funds_closed: bool = False  # the sources end with 其他资金: the list is the whole of the total
    # where a table flattened into text stands: (page or 0, line) of its first and last cell
    extent: tuple[tuple[int, int], tuple[int, int]] | None = None
    subtotals: tuple[Subtotal, ...] = ()  # the 小计 rows whose rows are known

    def holds(self, location: Location) -> bool:
        """Whether a place of the text lies inside this table (a table flattened into text)."""
        place = (location.page or 0, location.line or 0)
        return self.extent is not None and self.extent[0] <= place <= self.extent[1]

    @property
    def weights(self) -> list[Fact]:
        out = [i.weight for i in self.indicators if i.weight is not None]
        if self.execution is not None and self.execution.weight is not None:
            out.insert(0, self.execution.weight)
        return out

    @property
    def scores(self) -> list[Fact | None]:
        out: list[Fact | None] = [i.score for i in self.indicators]
        if self.execution is not None:
            out.insert(0, self.execution.score)
        return out

    def describe(self) -> str:
        return self.project or self.title

    @property
    def name(self) -> str:
        """The project the table is about: its 项目名称 cell, else a title that names it: the title itself, or the
        project's name before a table's tail (城市绿化养护项目｜支出绩效自评表: score_headers.toml titles); never a
        department's table.
        """
        if self.project:
            return self.project
        title = self.title.strip()
        if not title or self.department:
            return ""
        if not title.endswith("表"):
            return title
        bare = re.sub(r"^\d{4}年度?|\s+", "", title)
        tail = next((t for t in file_words("score_headers.toml", "titles.tails") if bare.endswith(t)), "")
        return project_named(bare[:len(bare) - len(tail)] if tail else "")

    @property
    def name_keys(self) -> list[str]:
        """Forms of the table's project name a sentence may use (without year, code or 项目)."""
        return name_keys(self.name) if self.name else []


def project_named(words: str) -> str:
    """`words` where they name a project (城市绿化养护项目): four characters or more before 项目 (重点项目 names
    none), not a body's (某县水利局项目: the body's projects) and not one of score_headers.toml titles.generic; else ''.
    """
    core = words.removesuffix("项目")
    if len(core) < 4 or core.endswith(file_words("score_headers.toml", "titles.bodies")) \
            or words in file_words("score_headers.toml", "titles.generic"):
        return ""
    return words


def name_keys(name: str) -> list[str]:
    core = re.sub(r"^\d{4}年度?", "", re.sub(r"\s+", "", name))
    core = re.sub(r"(?:项目)$", "", core)
    keys = [core]
    for suffix in ("工作经费", "经费", "项目"):
        if core.endswith(suffix) and len(core) - len(suffix) >= 4:
            keys.append(core[: -len(suffix)])
    return keys


@dataclass(frozen=True)
class StatedWeight:
    """A category's weight as words about a table state it (注：产出指标40分、效益指标40分…)."""

    name: str
    weight: Fact
    table: int
    section: tuple[str, ...] = ()
    kind: str = "stated_weight"


@dataclass(frozen=True)
class RateRow:
    """A row that states a rate of the whole budget (结余率 | 100% | 100%) in an indicator or monitoring table."""

    label: str
    values: tuple[Fact, ...]
    table: int
    section: tuple[str, ...] = ()
    kind: str = "rate_row"


@dataclass(frozen=True)
class BudgetRecord:
    """One record of a budget execution table: a label and its measures (预算额, 执行额, 结余额, 结余率 …)."""

    label: str
    measures: dict[str, Fact]
    is_total: bool


@dataclass(frozen=True)
class BudgetTable:
    """Records that share measures; the total record should be the sum of the others."""

    index: int
    title: str
    unit: str
    records: tuple[BudgetRecord, ...]
    first_line: int
    section: tuple[str, ...] = ()
    kind: str = "budget_table"


@dataclass(frozen=True)
class ChartSeries:
    """Values of a chart's data block (after the text): title, category, series name, value."""

    title: str
    facts: tuple[Fact, ...]
    kind: str = "chart"


Fragment = tuple[str, list[tuple[Cell, ...]], Block, list[int]]
"""A table as the document holds it: title, rows (page parts joined), first block, the readers' table numbers."""


@dataclass
class Tables:
    """Everything read from a document's tables and charts."""

    score: list[ScoreTable] = field(default_factory=list)
    budget: list[BudgetTable] = field(default_factory=list)
    bad_cells: list[BadCell] = field(default_factory=list)
    charts: list[ChartSeries] = field(default_factory=list)
    rates: list[RateRow] = field(default_factory=list)
    stated: list[StatedWeight] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)  # the tables as read, for the 财决 table reader
    failures: list[str] = field(default_factory=list)  # tables a narrcheck bug kept from being read (said, counted)

    def items(self) -> list[object]:
        """What checks run over, besides claims."""
        return [*self.score, *self.budget, *self.bad_cells, *self.rates, *self.charts, *self.stated]
