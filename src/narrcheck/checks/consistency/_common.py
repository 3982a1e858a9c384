"""What the consistency rules share: when two printed figures can be one amount."""

from __future__ import annotations

from decimal import Decimal

from narrcheck.lexicon import entry
from narrcheck.model.claims import Figure
from narrcheck.numbers import Interval

DEFAULT_UNIT: str = entry("units.default")  # the money unit amounts are compared in


def agree(a: Figure, b: Figure, unit: str) -> bool:
    """Printed figures that can stand for the same amount, compared in `unit` (see Figure.agrees_with)."""
    return a.agrees_with(b, unit)


# two figures closer than this (relative to the larger) differ as a typo does, not as two quantities do
NEAR_MISS = Decimal("0.005")


def near_miss(a: Figure, b: Figure) -> bool:
    """Figures that can be one amount, or whose gap is a slip rather than a difference: the same digits in
    another unit (12.36元 for 12.36万元) or values within half a percent of each other (123.56 for 123.65).
    """
    if a.value == b.value or agree(a, b, DEFAULT_UNIT):
        return True
    x, y = abs(a.decimal * a.quantity.scale_to(DEFAULT_UNIT)), abs(b.decimal * b.quantity.scale_to(DEFAULT_UNIT))
    return max(x, y) > 0 and abs(x - y) / max(x, y) < NEAR_MISS


# the largest change, in % of the prior figure, a flat word (持平, 基本持平) may still stand for
FLAT_LIMIT = Decimal(entry("direction.flat_limit"))


def flat_rate(change: Interval, prior: Interval) -> Interval | None:
    """|change| / prior in %, the measure a flat word is weighed by; None where the prior may be 0."""
    return None if prior.contains_zero() else abs(change / prior).scale(Decimal(100))
