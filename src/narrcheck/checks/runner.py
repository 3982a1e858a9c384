"""Run the selected rules over the claims and collect every finding."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from narrcheck.checks.base import Context
from narrcheck.checks.registry import all_rules
from narrcheck.checks.selection import is_selected
from narrcheck.model.findings import Finding


def run_checks(claims: Sequence[object], select: Iterable[str] = (), ignore: Iterable[str] = (),
               lang: str = "zh") -> list[tuple[int, Finding]]:
    """(index of the claim, finding) for every finding of every selected rule, in claim order."""
    select, ignore = list(select), list(ignore)
    rules = [cls() for cls in all_rules() if is_selected(cls.id, select, ignore)]
    ctx = Context(lang=lang)
    out: list[tuple[int, Finding]] = []
    for i, claim in enumerate(claims):
        kind = getattr(claim, "kind", None)
        for rule in rules:
            if rule.claim_kind == kind:
                out.extend((i, f) for f in rule.check(claim, ctx))
    return out
