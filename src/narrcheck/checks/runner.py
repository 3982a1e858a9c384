"""Run the selected rules over the claims and collect every finding."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import all_rules
from narrcheck.checks.selection import is_selected
from narrcheck.model.findings import Finding


def run_checks(claims: Sequence[object], select: Iterable[str] = (), ignore: Iterable[str] = (),
               lang: str = "zh", ctx: Context | None = None) -> list[tuple[int, Finding]]:
    """(index of the item, finding) for every finding of every selected rule, in item order.

    Items are claims and typed tables alike; a rule sees the items of its `claim_kind` (or `claim_kinds`).
    """
    select, ignore = list(select), list(ignore)
    rules = [cls() for cls in all_rules() if is_selected(cls.id, select, ignore)]
    ctx = ctx or Context(lang=lang)
    by_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        for kind in rule.claim_kinds or (rule.claim_kind,):
            by_kind.setdefault(kind, []).append(rule)
    out: list[tuple[int, Finding]] = []
    for i, claim in enumerate(claims):
        for rule in by_kind.get(getattr(claim, "kind", ""), []):
            out.extend((i, f) for f in rule.check(claim, ctx))
    return out
