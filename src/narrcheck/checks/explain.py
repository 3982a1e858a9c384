"""A rule's explanation for people: English from its docstring, Chinese from data/explain.zh.toml."""

from __future__ import annotations

import inspect
import tomllib
from functools import cache
from importlib.resources import files

from narrcheck.checks.base import Rule


@cache
def _chinese() -> dict[str, dict[str, str]]:
    text = files("narrcheck").joinpath("data/explain.zh.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def summary(rule: type[Rule], lang: str) -> str:
    """One sentence: what must hold."""
    if lang == "zh" and rule.id in _chinese():
        return _chinese()[rule.id]["summary"].strip()
    return (rule.__doc__ or "").strip().splitlines()[0]


def explanation(rule: type[Rule], lang: str) -> str:
    """What must hold, how it is computed, an example that fails and one that passes."""
    if lang == "zh" and rule.id in _chinese():
        entry = _chinese()[rule.id]
        return f"{entry['summary'].strip()}\n\n{inspect.cleandoc(entry['body'])}"
    return inspect.cleandoc(rule.__doc__ or "")


def explained_ids() -> set[str]:
    """The rule ids the Chinese explanations cover."""
    return set(_chinese())
