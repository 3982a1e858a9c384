"""The vocabulary of narrcheck, compiled once from data/lexicon.toml.

Rules and patterns name entries ("direction.up"), never Chinese literals: a phrasing seen in another
province is added to the data file and every pattern built on the family sees it.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def data_file(name: str) -> dict[str, Any]:
    """One TOML file of narrcheck/data, read once."""
    return tomllib.loads(files("narrcheck").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@cache
def file_words(name: str, path: str) -> tuple[str, ...]:
    """The words at a dotted path of one data file ("rows.fund_total" of score_headers.toml), longest first."""
    node: Any = data_file(name)
    for part in path.split("."):
        node = node[part]
    return tuple(sorted(node, key=len, reverse=True))


def file_alt(name: str, path: str) -> str:
    """A non-capturing regular-expression alternation of the words at a dotted path of one data file."""
    return "(?:" + "|".join(re.escape(w) for w in file_words(name, path)) + ")"


def _data() -> dict[str, Any]:
    return data_file("lexicon.toml")


def entry(path: str) -> Any:
    """The raw value at a dotted path ("units.money"); KeyError names the path when it is not in the data."""
    node: Any = _data()
    for part in path.split("."):
        try:
            node = node[part]
        except (KeyError, TypeError):
            raise KeyError(f"lexicon has no entry {path!r}") from None
    return node


@cache
def words(*paths: str) -> tuple[str, ...]:
    """The words of one or more families (a table's keys for a table), longest first, without repeats."""
    out: list[str] = []
    for path in paths:
        value = entry(path)
        out.extend(value.keys() if isinstance(value, dict) else value)
    return tuple(sorted(dict.fromkeys(out), key=len, reverse=True))


@cache
def alt(*paths: str) -> str:
    """A non-capturing regular-expression alternation of the families' words, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in words(*paths)) + ")"


@cache
def matcher(*paths: str) -> re.Pattern[str]:
    """The compiled alternation of `alt`, for a search or a full match."""
    return re.compile(alt(*paths))


def family_of(word: str, *paths: str) -> str | None:
    """Which of `paths` lists `word` (the first that does), or None."""
    return next((p for p in paths if word in words(p)), None)
