"""Claims: what the narrative asserts, as the rule extractor (and later the LLM) emits them.

These models are the source of `schemas/claims.schema.json`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import is_dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from narrcheck.model.location import Location
from narrcheck.numbers import Interval, Quantity, parse_number

Direction = Literal["up", "down", "flat"]


class Figure(BaseModel):
    """A printed figure in the text: its digits, unit, what it measures and where it is."""

    model_config = ConfigDict(frozen=True)

    value: str = Field(description="printed digits without thousands separators, e.g. '1025.24'")
    unit: str = Field(default="", description="元/万元/百元/亿元/%/count unit, '' when none")
    text: str = Field(description="the figure as printed, e.g. '1,025.24万元'")
    subject: str = Field(default="", description="what the figure measures, as the text names it")
    location: Location
    precision: int | None = Field(default=None, description="the decimals a money figure stands for when the "
                                  "document prints its money with more (3万元 in a 2-decimal document = 3.00)")

    @property
    def quantity(self) -> Quantity:
        return parse_number(self.value, self.unit)  # cached by parse_number

    @property
    def decimal(self) -> Decimal:
        return self.quantity.value

    def agrees_with(self, other: Figure, unit: str) -> bool:
        """The figure and `other` as printed can stand for the same amount, compared in `unit`.

        A printed figure stands for the half-open interval of values that round to it, so 80.24 and 80.25 (which
        only touch at 80.245) are different amounts.
        """
        if self.unit == other.unit and self.value == other.value:
            return True
        ia, ib = self.interval(unit), other.interval(unit)
        if ia.lo == ia.hi or ib.lo == ib.hi:
            return ia.lo <= ib.hi and ib.lo <= ia.hi
        return ia.lo < ib.hi and ib.lo < ia.hi

    def interval(self, unit: str | None = None) -> Interval:
        """The values this printed figure stands for, optionally converted to another money unit."""
        q = self.quantity
        if q.is_count:  # things are counted exactly
            return Interval.exact(q.value)
        # Money follows the document's precision (DESIGN.md, Rounding): 3万元 in a document that prints its
        # money with 2 decimals stands for 3.00; where its money is whole, a whole figure stands for ±0.5.
        decimals = max(q.decimals, self.precision or 0)
        iv = Interval.printed(q.value, decimals, nonnegative=not self.value.startswith("-"))
        return iv.scale(q.scale_to(unit)) if unit else iv


def interval_sum(figures: Iterable[Figure], unit: str) -> Interval:
    """The values printed figures can add up to, in `unit` (each standing for its rounding interval)."""
    return sum((f.interval(unit) for f in figures), Interval.exact(Decimal(0)))


class _Claim(BaseModel):
    model_config = ConfigDict(frozen=True)

    quote: str = Field(description="the sentence or clause the claim was read from")
    location: Location
    section: tuple[str, ...] = ()
    source: Literal["rule", "llm"] = "rule"


class ChangeClaim(_Claim):
    """较上年增加X万元，增长Y% / 比2018年P万元，减少X万元，下降Y%."""

    kind: Literal["change"] = "change"
    subject: str = ""
    current: Figure | None = None
    prior: Figure | None = None
    delta: Figure | None = None
    rate: Figure | None = None
    delta_direction: Direction | None = None
    rate_direction: Direction | None = None
    delta_word: str = ""
    rate_word: str = ""
    basis: str = Field(default="", description="what the figure is compared with: 上年, 2018年, 年初预算数 …")
    current_candidates: tuple[Figure, ...] = Field(
        default=(), description="when the figure that changed is one of several (a total or its last listed "
        "part): each of them (the rate is ok if one makes it hold, unverifiable otherwise; never a mismatch)")


class ShareClaim(_Claim):
    """基本支出768.9万元，占75% / 占本年支出合计的100%."""

    kind: Literal["share"] = "share"
    part: Figure | None = None
    whole: Figure | None = None
    whole_name: str = ""
    percent: Figure
    whole_candidates: tuple[Figure, ...] = Field(
        default=(), description="when the named whole has several values in its nearest scope: each of them "
        "(the share is ok if one of them makes it hold, unverifiable otherwise; never a mismatch); beside a whole: "
        "other wholes the text may mean (the share is ok if one of them makes it hold, else judged by the whole)")
    group: int | None = Field(default=None, description="shares of one whole in one list share a group")


class SharesSumClaim(_Claim):
    """The shares of one exhaustively listed whole add to 100%."""

    kind: Literal["shares_sum"] = "shares_sum"
    percents: tuple[Figure, ...]
    whole: Figure | None = None
    parts: tuple[Figure, ...] = ()
    distinct: bool = Field(default=False, description="the parts are distinct items of one closed set (基本支出, "
                           "项目支出 of 本年支出): whatever the whole, their shares cannot exceed 100%")


# the total's subject of a PartsSumClaim that holds one narrative score (its one part) within its own full mark
# (产出指标得分48分（满分50分）): no sum, a bound that NC304 weighs and NC301 leaves alone
OWN_FULL_MARK = "分项满分"
# the totals' subjects of the narrative's point sums (extract.scores.deduction_claims), which NC301 names by them:
# the points taken off in all, a full mark (score plus points off), the score left after points off 100
DEDUCTIONS, FULL_MARK, SCORE_LEFT = "扣分合计", "满分", "扣分后得分"


class PartsSumClaim(_Claim):
    """A total and the parts listed under it (其中：…；…); `measure` says which figure of each part is summed."""

    kind: Literal["parts_sum"] = "parts_sum"
    total: Figure
    parts: tuple[Figure, ...]
    measure: Literal["current", "prior", "delta"] = "current"
    exhaustive: bool = Field(default=False, description="the parts are the whole by definition (三公经费), so a "
                             "shortfall is an error, not a partial list")
    at_most: bool = Field(default=False, description="changes of a whole's components where the components left "
                          "out stand at 0 this year (so they can only have fallen): the whole's change is at most "
                          "their sum")


class RatioClaim(_Claim):
    """完成预算X% / 预算执行率 / 资金到位率 / 偏离度 / 结余率 / an explicit a/b×100%=c%."""

    kind: Literal["ratio"] = "ratio"
    measure: str
    percent: Figure
    numerator: Figure | None = None
    denominator: Figure | None = None
    deviation: bool = Field(default=False, description="|numerator - denominator| / denominator")
    complement: bool = Field(default=False, description="(denominator - numerator) / denominator")
    equal_stated: bool = Field(default=False, description="the sentence says 决算数等于预算数")
    expression: str | None = Field(default=None, description="explicit arithmetic as written, normalised")
    operands: tuple[Figure, ...] = ()
    as_percent: bool = True
    elapsed_months: int | None = Field(
        default=None, description="较时间进度慢X个百分点: the months of the year the completion covers; the claim "
        "is the gap between the completion (numerator/denominator, else operands[0]) and months/12")
    ahead: bool = Field(default=False, description="the completion is ahead of the time's share (超, 快于)")


class ScoreClaim(_Claim):
    """A narrative score (本项目自评得分为100分), point total (设立分值总分100分) or category score (产出指标得分56分),
    bound to a score table.
    """

    kind: Literal["score"] = "score"
    score: Figure
    measure: Literal["score", "weight_total", "category"] = "score"
    subject: str = Field(default="", description="the project or department the sentence names")
    category: str = Field(default="", description="the bound table's category a category score names")
    table: int | None = Field(default=None, description="index of the bound score table")
    binding: str = Field(default="", description="how the table was chosen: named, own table, nearest")


class GradeClaim(_Claim):
    """A score with its grade word (综合得分96分，评价等级良好)."""

    kind: Literal["grade"] = "grade"
    score: Figure
    word: str
    grade: Literal["优", "良", "中", "差"]


class ProjectFigureClaim(_Claim):
    """A project's budget or rate stated in its narrative (该项目预算110.4万元, 资金到位率90.02%), bound to
    the project's table, which states the same figure.
    """

    kind: Literal["project_figure"] = "project_figure"
    figure: Figure
    measure: Literal["budget", "executed", "funds_rate", "execution_rate", "indicator_count", "indicator_result"]
    table: int | None = Field(default=None, description="index of the bound score table")
    binding: str = Field(default="", description="how the table was chosen: named, own table, nearest")
    row: str = Field(default="", description="indicator_result: the indicator the sentence names")
    approx: Literal["", "more", "above"] = Field(default="", description="50余次: more; 90%以上: above")
    listed: tuple[str, ...] = Field(default=(), description="indicator_count: the targets the text lists after it")


class ProjectSetClaim(_Claim):
    """A narrative summary of the project tables: 该类项目总数10个，涉及预算总金额253.44万元，
    预算执行总体进度为99.93%.
    """

    kind: Literal["project_set"] = "project_set"
    count: Figure
    budget: Figure | None = None
    progress: Figure | None = None


class BudgetLineClaim(_Claim):
    """A line's execution against its budget in words (基本支出675.02万元，占预算数695.42万元的97.07%，尚有20.40万元
    未实现支出), to be compared with the budget execution table's record of that line.
    """

    kind: Literal["budget_line"] = "budget_line"
    label: str = Field(description="what the sentence names before the figures (…基本支出)")
    executed: Figure
    budget: Figure
    balance: Figure | None = None


class FlatChangeClaim(_Claim):
    """A whole said to be unchanged (与上年基本持平) while its components' changes are stated elsewhere."""

    kind: Literal["flat_change"] = "flat_change"
    word: str = Field(description="持平 or 基本持平")
    whole: str
    current: Figure | None = None
    parts: tuple[Figure, ...] = Field(description="each component's change, signed (-0.05 for 减少0.05)")


class ListCountClaim(_Claim):
    """A stated number of named things and the list that names them (分为5个步骤，包括预算布置、预算申报…及预算编制)."""

    kind: Literal["list_count"] = "list_count"
    count: Figure
    items: tuple[str, ...]


class DenialClaim(_Claim):
    """The text says there is none of something (无结转结余, 不涉及…政府采购…); `stated` are the figures that state
    an amount or a number of it elsewhere in the document.
    """

    kind: Literal["denial"] = "denial"
    term: str
    stated: tuple[Figure, ...] = ()


class ReasonClaim(_Claim):
    """The stated reason of a change (主要原因是…支出增加) with the direction its words give."""

    kind: Literal["reason"] = "reason"
    change: ChangeClaim
    reason: str
    reason_direction: Direction
    words: tuple[str, ...] = Field(default=(), description="the direction words found in the reason")


Claim = Annotated[
    ChangeClaim | ShareClaim | SharesSumClaim | PartsSumClaim | RatioClaim | ScoreClaim | GradeClaim
    | ProjectFigureClaim | ProjectSetClaim | DenialClaim | ReasonClaim | BudgetLineClaim
    | ListCountClaim | FlatChangeClaim,
    Field(discriminator="kind"),
]


LEAVES = (str, int, float, bool, Decimal, Location)  # nothing below them holds a figure


def fields_of(item: Any) -> dict[str, Any] | None:
    """The fields of a claim, a table or any dataclass of them (what a figure may sit in), else None."""
    if isinstance(item, BaseModel) or (is_dataclass(item) and not isinstance(item, type)):
        return getattr(item, "__dict__", None)
    return None


def figures(item: Any) -> Iterator[Figure]:
    """Every figure an item holds: a claim (nested claims included), a table, the document's statements."""
    if item is None or isinstance(item, LEAVES):  # (most of what a walk meets: the test that ends it first)
        return
    if isinstance(item, Figure):
        yield item
    elif isinstance(item, dict | tuple | list):
        for value in item.values() if isinstance(item, dict) else item:
            if value is not None and not isinstance(value, LEAVES):
                yield from figures(value)
    elif (found := fields_of(item)) is not None:
        for value in found.values():
            if value is not None and not isinstance(value, LEAVES):
                yield from figures(value)
