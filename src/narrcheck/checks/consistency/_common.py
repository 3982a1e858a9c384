"""What the consistency rules share: when two printed figures can be one amount."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from narrcheck.model.claims import Figure
from narrcheck.numbers import Interval


def agree(a: Figure, b: Figure, unit: str) -> bool:
    """Printed figures that can stand for the same amount, compared in `unit` (see Figure.agrees_with)."""
    return a.agrees_with(b, unit)


# two figures closer than this (relative to the larger) differ as a typo does, not as two quantities do
NEAR_MISS = Decimal("0.005")


def near_miss(a: Figure, b: Figure) -> bool:
    """Figures that can be one amount, or whose gap is a slip rather than a difference: the same digits in
    another unit (12.36元 for 12.36万元) or values within half a percent of each other (123.56 for 123.65).
    """
    if a.value == b.value or agree(a, b, "万元"):
        return True
    x, y = abs(a.decimal * a.quantity.scale_to("万元")), abs(b.decimal * b.quantity.scale_to("万元"))
    return max(x, y) > 0 and abs(x - y) / max(x, y) < NEAR_MISS


def significant_digits(value: str) -> int:
    """How many significant digits printed digits carry (64.40 has four): a figure that long rarely
    recurs by chance.
    """
    return len(value.lstrip("-").replace(".", "").lstrip("0"))


def interval_sum(figures: Iterable[Figure], unit: str) -> Interval:
    """The values printed figures can add up to, in `unit`."""
    return sum((f.interval(unit) for f in figures), Interval.exact(Decimal(0)))
