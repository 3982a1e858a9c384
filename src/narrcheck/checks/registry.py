"""The one registry of rules, by id."""

from __future__ import annotations

from narrcheck.checks.base import Rule

_RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.id in _RULES:
        raise ValueError(f"duplicate rule id {cls.id}")
    _RULES[cls.id] = cls
    return cls


def _load() -> None:
    from narrcheck.checks import arithmetic, consistency, tables  # noqa: F401  (importing registers the rules)


def all_rules() -> list[type[Rule]]:
    _load()
    return [_RULES[k] for k in sorted(_RULES)]


def get_rule(rule_id: str) -> type[Rule] | None:
    _load()
    return _RULES.get(rule_id.upper())
