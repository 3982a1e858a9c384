"""What the consistency rules share: when two printed figures can be one amount."""

from __future__ import annotations

from narrcheck.model.claims import Figure


def agree(a: Figure, b: Figure, unit: str) -> bool:
    """Printed figures that can stand for the same amount, compared in `unit`.

    A printed figure stands for the half-open interval of values that round to it, so 80.24 and 80.25 (which
    only touch at 80.245) are different amounts.
    """
    if a.unit == b.unit and a.value == b.value:
        return True
    ia, ib = a.interval(unit), b.interval(unit)
    if ia.lo == ia.hi or ib.lo == ib.hi:
        return ia.lo <= ib.hi and ib.lo <= ia.hi
    return ia.lo < ib.hi and ib.lo < ia.hi
