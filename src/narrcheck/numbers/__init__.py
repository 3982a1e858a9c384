"""Numbers: text to Quantity, interval arithmetic and the verdict rule."""

from narrcheck.numbers.interval import Interval, Verdict, decide, round_half_up, truncate
from narrcheck.numbers.parse import (
    COUNT_UNITS,
    MONEY_UNITS,
    Quantity,
    normalize_digits,
    parse_chinese_numeral,
    parse_number,
)

__all__ = [
    "COUNT_UNITS",
    "MONEY_UNITS",
    "Interval",
    "Quantity",
    "Verdict",
    "decide",
    "normalize_digits",
    "parse_chinese_numeral",
    "parse_number",
    "round_half_up",
    "truncate",
]
