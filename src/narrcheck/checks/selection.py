"""Rule selection by id or prefix: the longest matching prefix decides (flake8's way)."""

from __future__ import annotations

from collections.abc import Iterable


def is_selected(rule_id: str, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """True when `rule_id` runs: selected (all rules when `select` is empty) and not ignored more specifically.

    >>> is_selected("NC101", select=["NC1"], ignore=["NC10"])
    False
    >>> is_selected("NC101", select=["NC101"], ignore=["NC1"])
    True
    """
    rid = rule_id.upper()
    sel = [p.upper() for p in select if rid.startswith(p.upper())]
    ign = [p.upper() for p in ignore if rid.startswith(p.upper())]
    best_sel = max((len(p) for p in sel), default=-1 if list(select) else 0)
    best_ign = max((len(p) for p in ign), default=-1)
    if best_sel < 0:
        return False
    return best_sel > best_ign
