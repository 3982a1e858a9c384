"""Why a figure is wrong: the readings of data/readings.toml, one small function each.

A reading rebuilds the printed figure from the operands a rule bound (`Terms`), by a mistake people make:
dividing by this year's figure, printing the fraction as a percent, turning the ratio upside down… It yields
formulas in the document's own printed figures; the first formula whose value, rounded (or cut) to the printed
decimals, is the printed figure names the diagnosis. A reading that nothing reproduces is never claimed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from narrcheck.lexicon import data_file
from narrcheck.model.findings import Diagnosis
from narrcheck.numbers.expression import evaluate
from narrcheck.numbers.interval import Interval, round_half_up, truncate
from narrcheck.numbers.parse import format_decimal


@dataclass(frozen=True)
class Terms:
    """The operands a rule bound, as they enter its formula (printed digits, in one unit), by role.

    relation: rate (change / base), share (part / whole) or ratio (numerator / denominator). Roles a rule may
    give: delta, stated_delta (only when printed), prior, current, base, in_points (the figures are percents)
    (rate); part, whole (share); numerator, denominator (ratio); only figures
    the document states, or arithmetic on them. `siblings` are the printed percents of the other shares of the
    same whole when the text lists them all; `neighbours` the (part, printed percent) of those shares;
    `wholes` other totals the document states, in the whole's unit. relation sum (a total read from tables):
    `columns` are the same arithmetic over the neighbouring column (the executed amounts for the budgets).
    Any relation: `copies` give a neighbouring figure of another quantity printed the same (its own arithmetic,
    or the cell as printed); `scale` the most the quantity can be, where it has a ceiling (a score table's full
    mark, a completion rate's 100); `category` the first-level indicator a stated weight belongs to. Ratio role
    `rest`: the numerator of the complementary ratio, where the rule has one (the executed amount of 结余率).
    Role `rounded`: the figure's arithmetic on the rounded figures the document prints, where the rule weighs
    it with exact ones (a balance against the table's 百元; a rate from the 万元 figures printed elsewhere for
    its own 元 amounts).
    """

    relation: str
    roles: Mapping[str, str]
    siblings: tuple[str, ...] = ()
    neighbours: tuple[tuple[str, str], ...] = ()
    wholes: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()
    scale: str = ""
    category: str = ""

    def get(self, *names: str) -> tuple[str, ...] | None:
        """The roles named, or None when one of them is not given."""
        values = tuple(self.roles.get(n, "") for n in names)
        return values if all(values) else None


MIN_TYPO_DIGITS = 3  # figures of fewer significant digits differ in one digit too often to call it a slip
Reading = Callable[[Terms], Iterator[str]]
FRACTION = {"rate": ("delta", "base"), "share": ("part", "whole"), "ratio": ("numerator", "denominator")}
READINGS: dict[str, Reading] = {}


def reading(code: str) -> Callable[[Reading], Reading]:
    def register(fn: Reading) -> Reading:
        READINGS[code] = fn
        return fn
    return register


def _fraction(terms: Terms) -> tuple[str, ...] | None:
    """The rule's own fraction, (top, bottom): delta and base, part and whole, numerator and denominator."""
    names = FRACTION.get(terms.relation)
    return terms.get(*names) if names else None


@reading("base_current")
def base_current(terms: Terms) -> Iterator[str]:
    """A rate of change over this year's figure: delta / current."""
    if terms.relation == "rate" and (got := terms.get("delta", "current")):
        yield f"{got[0]}/{got[1]}*100"


@reading("fraction_as_percent")
def fraction_as_percent(terms: Terms) -> Iterator[str]:
    """The right ratio, not multiplied by 100."""
    if got := _fraction(terms):
        yield f"{got[0]}/{_bracket(got[1])}"


@reading("point_slip")
def point_slip(terms: Terms) -> Iterator[str]:
    """The right percent with its decimal point one place off: ten times too small or too large."""
    if got := _fraction(terms):
        yield f"{got[0]}/{_bracket(got[1])}*10"
        yield f"{got[0]}/{_bracket(got[1])}*1000"


@reading("delta_as_rate")
def delta_as_rate(terms: Terms) -> Iterator[str]:
    """A rate printed with the digits of the change, or the difference of two percents (points for percent)."""
    if terms.relation != "rate":
        return
    if got := terms.get("stated_delta"):
        yield got[0]
    if (got := terms.get("current", "prior")) and terms.roles.get("in_points"):
        yield f"{got[0]}-{got[1]}"


@reading("complement")
def complement(terms: Terms) -> Iterator[str]:
    """The share of the rest: (whole − part) / whole."""
    got = _fraction(terms) if terms.relation != "rate" else None
    if got and (rest := terms.roles.get("rest")):  # a named complement (执行率 for 结余率), even of nothing
        yield f"{rest}/{_bracket(got[1])}*100"
    elif got and not _is_zero(got[0]):  # (the rest of nothing is everything)
        yield f"({got[1]}-{got[0]})/{_bracket(got[1])}*100"


@reading("inverted")
def inverted(terms: Terms) -> Iterator[str]:
    """The ratio upside down: whole / part, budget / actual, last year / this year."""
    top, bottom = {"rate": ("prior", "current"), "share": ("whole", "part"),
                   "ratio": ("denominator", "numerator")}.get(terms.relation, ("", ""))
    if top and (got := terms.get(top, bottom)):
        yield f"{got[0]}/{_bracket(got[1])}*100"


@reading("plug")
def plug(terms: Terms) -> Iterator[str]:
    """The share left over when the others are taken from 100 (the listed shares total exactly 100)."""
    if terms.relation == "share" and terms.siblings:
        yield "100-" + "-".join(terms.siblings)


@reading("swapped")
def swapped(terms: Terms) -> Iterator[str]:
    """The share of a neighbour in the same list, whose own printed share is this one's."""
    if terms.relation != "share" or not (got := terms.get("part", "whole")):
        return
    own = _value(f"{got[0]}/{_bracket(got[1])}*100")
    for part, printed in terms.neighbours:
        if own is not None and _how(own, printed):
            yield f"{part}/{_bracket(got[1])}*100"


@reading("wrong_whole")
def wrong_whole(terms: Terms) -> Iterator[str]:
    """The part over another total the document states."""
    if terms.relation == "share" and (got := terms.get("part", "whole")):
        for whole in terms.wholes:
            if whole != got[1]:
                yield f"{got[0]}/{_bracket(whole)}*100"


@reading("wrong_column")
def wrong_column(terms: Terms) -> Iterator[str]:
    """The same figure or sum from the neighbouring column of the tables."""
    if terms.relation == "sum":
        yield from terms.columns


@reading("full_mark")
def full_mark(terms: Terms) -> Iterator[str]:
    """The ceiling of the quantity's scale (the full mark, 100%) printed in place of what the figures give."""
    if terms.scale:
        yield terms.scale


@reading("template_weight")
def template_weight(terms: Terms) -> Iterator[str]:
    """The standard weight the national template gives the category, printed in place of this table's."""
    weights = catalogue()["template_weight"]["weights"]
    for name in sorted(weights, key=len, reverse=True):
        if terms.category and name in terms.category:
            yield str(weights[name])
            return


def ceiling() -> str:
    """The ceiling of a score table (its full mark) and of a completion rate (data/readings.toml, full_mark.scale)."""
    return str(catalogue()["full_mark"]["scale"])


@reading("rounded_operands")
def rounded_operands(terms: Terms) -> Iterator[str]:
    """The same arithmetic on the rounded figures the document prints, where the exact ones give another figure."""
    if got := terms.get("rounded"):
        yield got[0]


@reading("copied")
def copied(terms: Terms) -> Iterator[str]:
    """A neighbour's figure, printed the same, repeated in this one's place."""
    yield from terms.copies


def typo(printed: str, value: str, formula: str | None, lang: str,
         amounts: Collection[Decimal] = ()) -> Diagnosis | None:
    """digit_typo: a figure restated with another value elsewhere, written alike but for one digit that is not
    the last (606.00 for 600.00; a last digit off is a rounding matter) or two neighbouring digits exchanged
    (148.82 for 148.28); the printed figure of at least three significant digits (a round 100 for 110 is a total
    taken as given, not a slip). The formula is the value stated elsewhere. sum_typo: the same between a total
    and its parts' sum (the formula, parts added), where the slip may sit in the total or in one part; for a
    ratio or a difference only two neighbouring digits exchanged (the formula, the rule's); never where the gap
    of a sum is an amount the document prints (`amounts`: a part left out).
    """
    a, b = printed.lstrip("-"), value.lstrip("-")
    code = "digit_typo"
    worked = False  # the value is the rule's own result (a ratio, a difference): only an exchange shows a slip
    if formula and computed(formula):
        if not _SUM.fullmatch(formula):
            # (a ratio or a difference: one digit off could come from any operand, but two neighbouring digits
            # of the result exchanged, 3.81 for 3.18, are the result's own slip)
            worked = True
        else:
            code = "sum_typo"  # a total against its parts: the slip is in the total or in one part
        try:
            if abs(Decimal(a) - Decimal(b)) in amounts:
                return None  # the gap is an amount the document prints: a part left out, not a slip
        except ArithmeticError:
            return None
    significant = a.replace(".", "").strip("0")  # 100 and 20.00 have one or two, 148.82 five
    if len(a) != len(b) or a.find(".") != b.find(".") or len(significant) < MIN_TYPO_DIGITS:
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    one = len(diff) == 1 and diff[0] != len(a) - 1
    swap = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if not (swap or one and not worked):
        return None
    return make(code, formula if (code == "sum_typo" or worked) and formula else value, lang, printed=printed,
                value=value)


def unfilled(row: Collection[Decimal], value: Decimal, decimals: int, formula: str, lang: str) -> Diagnosis | None:
    """A total row that reads 0 in every column (`row`) while its parts add up to `value` (≠ 0, by `formula`): a
    row left unfilled. The formula gives the value the total should have.
    """
    if not row or any(v != 0 for v in row) or not value:
        return None
    return make("unfilled", formula, lang, value=format_decimal(value, decimals))


def diagnose(terms: Terms | None, printed: Decimal, decimals: int, lang: str) -> Diagnosis | None:
    """The first reading of the catalogue whose formula reproduces `printed` (rounded, else cut), or None.

    A printed 0 is never diagnosed (too many readings reach it).
    """
    if terms is None or printed == 0:
        return None
    for code in catalogue():
        fn = READINGS.get(code)
        if fn is None:
            continue
        for formula in fn(terms):
            value = _value(formula)
            how = _how(value, format_decimal(printed, decimals), face=True) if value is not None else ""
            if how == "cut" and not catalogue()[code].get("cut", True):
                continue
            if how:
                return make(code, formula, lang, printed=format_decimal(printed, decimals), cut=how == "cut")
    return None


def rounded_twice(formula: str, printed: str, lang: str) -> Diagnosis | None:
    """The formula's value rounded twice, first to one decimal more than printed and then to the printed decimals
    (2.6845 -> 2.685 -> 2.69), where rounding it once gives another figure; None otherwise. Claimed only where
    the document shows a conversion that invites it (a restatement in another money unit): elsewhere one in
    eighteen figures one off in the last digit would fit by chance.
    """
    return make("rounded_twice", formula, lang, printed=printed) if twice(formula, printed) else None


def twice(formula: str, printed: str) -> bool:
    """The formula's value (figures at face value), rounded half up to one decimal more than `printed` and then
    to `printed`'s decimals, is `printed`, and rounded once it is not.
    """
    value, printed_as = value_of(formula), _target(printed)
    if value is None or printed_as is None:
        return False
    target, decimals = printed_as
    once = round_half_up(abs(value), decimals)
    return once != target and round_half_up(round_half_up(abs(value), decimals + 1), decimals) == target


def in_unit(value: str, factor: Decimal) -> str:
    """A printed figure brought into another unit by `factor`, as a formula a person can redo (26845.39/10000)."""
    if factor == 1:
        return value
    return f"{value}*{factor:f}" if factor > 1 else f"{value}/{(1 / factor).normalize():f}"


def truncated(formula: str, printed: str, lang: str) -> Diagnosis | None:
    """The rule's own formula, cut to the printed decimals (the verdict `truncation`); None when the formula
    is not plain arithmetic a person can redo (min(…) of a scoring rule).
    """
    return make("truncation", formula, lang, printed=printed) if reproduces(formula, printed) else None


def make(code: str, formula: str, lang: str, cut: bool = False, **values: object) -> Diagnosis:
    """A diagnosis with the catalogue's message for `code` in `lang`."""
    entry = catalogue()[code]
    how = {"zh": "（截断而非四舍五入）", "en": " (cut, not rounded)"}[_lang(lang)] if cut else ""
    text = entry[_lang(lang)].format(formula=formula, how=how, **values)
    return Diagnosis(code=code, formula=formula, message=text)


def reproduces(formula: str, printed: str) -> str:
    """'round' when the formula's value rounds to the printed figure, 'cut' when it only truncates to it,
    '' when neither (or when the formula is not arithmetic).
    """
    value = _value(formula)
    return _how(value, printed) if value is not None else ""


def arithmetic(formula: str) -> bool:
    """The formula is plain arithmetic on printed figures (`|…|` the absolute value)."""
    return _value(formula) is not None


def computed(formula: str) -> bool:
    """The formula works a value out of operands (plain arithmetic with an operator), not a figure restated."""
    return _OPERATOR.search(formula) is not None and arithmetic(formula)


def value_of(formula: str) -> Decimal | None:
    """The formula's value on the printed figures taken at face value, or None."""
    value = _value(formula)
    return value.mid if value is not None else None


def weak(code: str) -> bool:
    """The reading is a coincidence with another figure (it yields to figure_typo)."""
    return bool(catalogue().get(code, {}).get("weak", False))


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """data/readings.toml: code -> {about, zh, en, cut?, weak?}, the readings of operands in the order tried."""
    return data_file("readings.toml")


def _is_zero(expr: str) -> bool:
    value = _value(expr)
    return value is not None and value.mid == 0


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def _bracket(expr: str) -> str:
    return expr if expr.replace(".", "").replace("/", "").replace("*", "").isdigit() else f"({expr})"


_OPERATOR = re.compile(r"[-+*/]")
_SUM = re.compile(r"\d+(?:\.\d+)?(?:\+-?\d+(?:\.\d+)?)+")  # parts added (a part may be negative)


def _value(formula: str) -> Interval | None:
    try:
        return evaluate(formula)
    except (ValueError, ArithmeticError):  # (ZeroDivisionError is one)
        return None


def _target(printed: str) -> tuple[Decimal, int] | None:
    """The printed figure's size and decimals; None for a 0 (too many readings reach it) or for a "figure"
    that is none (a word, a range).
    """
    digits = printed.lstrip("-")
    try:
        target = Decimal(digits)
    except ArithmeticError:
        return None
    return (target, len(digits.partition(".")[2])) if target != 0 else None


def _how(value: Interval, printed: str, face: bool = False) -> str:
    """'round' when the value rounds to the printed figure, 'cut' when it only truncates to it, else ''.

    The rounding rule reads every operand as the interval it stands for; a reading (`face`) must give the
    printed figure from the operands as printed: a coincidence gets no room from their rounding.
    """
    if (printed_as := _target(printed)) is None:
        return ""
    target, decimals = printed_as
    if round_half_up(abs(value.mid), decimals) == target if face else abs(value).meets_printed(target, decimals):
        return "round"
    if truncate(abs(value.mid), decimals) == target:
        return "cut"
    return ""


__all__ = ["READINGS", "Terms", "arithmetic", "catalogue", "ceiling", "computed", "diagnose", "in_unit", "make",
           "reproduces", "rounded_twice", "truncated", "twice", "typo", "value_of", "weak"]
