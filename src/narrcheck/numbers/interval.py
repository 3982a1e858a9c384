"""Interval arithmetic over Decimal and the verdict rule of DESIGN.md.

A printed figure stands for every value that prints as it: 10.92 is [10.915, 10.925). A formula is evaluated
over its inputs' intervals; the claim is `ok` when its own interval meets the computed one, `truncation` when
the face-value result cut (not rounded) to the claim's decimals equals the claim, `mismatch` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum


class Verdict(StrEnum):
    OK = "ok"
    TRUNCATION = "truncation"
    MISMATCH = "mismatch"
    UNIT_ERROR = "unit_error"
    CONTRADICTION = "contradiction"
    INVALID = "invalid"
    UNVERIFIABLE = "unverifiable"


def half_unit(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-(decimals + 1))


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi] of Decimals, with `mid` the value computed from face values."""

    lo: Decimal
    hi: Decimal
    mid: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value, value)

    @classmethod
    def printed(cls, value: Decimal, decimals: int, nonnegative: bool = False) -> Interval:
        """All values that print as `value` with `decimals` places (clamped at 0 for unsigned figures)."""
        h = half_unit(decimals)
        lo = value - h
        if nonnegative and value >= 0:
            lo = max(lo, Decimal(0))
        return cls(lo, value + h, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi, self.mid + other.mid)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo, self.mid - other.mid)

    def __mul__(self, other: Interval) -> Interval:
        products = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        return Interval(min(products), max(products), self.mid * other.mid)

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b), self.mid * factor)

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains_zero():
            raise ZeroDivisionError("divisor interval contains 0")
        quotients = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(quotients), max(quotients), self.mid / other.mid)

    def __abs__(self) -> Interval:
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return Interval(-self.hi, -self.lo, abs(self.mid))
        return Interval(Decimal(0), max(-self.lo, self.hi), abs(self.mid))

    def meets_printed(self, value: Decimal, decimals: int) -> bool:
        """True when some value of this interval prints as `value` (half-open [v - h, v + h))."""
        h = half_unit(decimals)
        return self.lo < value + h and self.hi >= value - h


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    expected: Decimal
    gap: Decimal

    @property
    def relative_gap(self) -> Decimal | None:
        if self.expected == 0:
            return None
        return abs(self.gap / self.expected)


def decide(claimed: Decimal, decimals: int, computed: Interval) -> Decision:
    """Apply the rounding rule: ok / truncation / mismatch, with the expected printed value and the gap."""
    expected = round_half_up(computed.mid, decimals)
    gap = claimed - computed.mid
    if computed.meets_printed(claimed, decimals):
        return Decision(Verdict.OK, expected, gap)
    if truncate(computed.mid, decimals) == claimed:
        return Decision(Verdict.TRUNCATION, expected, gap)
    return Decision(Verdict.MISMATCH, expected, gap)
