"""The one registry of reporters, by name."""

from __future__ import annotations

from collections.abc import Callable

from narrcheck.model.findings import Report

Render = Callable[[list[Report], str], str | bytes]
"""A reporter takes the reports of one run and the language and returns what to write (bytes for a binary
format such as xlsx)."""

_REPORTERS: dict[str, Render] = {}


def register(name: str) -> Callable[[Render], Render]:
    def wrap(fn: Render) -> Render:
        _REPORTERS[name] = fn
        return fn

    return wrap


def _load() -> None:
    from narrcheck.reporters import (  # noqa: F401
        html_reporter,
        json_reporter,
        markdown_reporter,
        text_reporter,
        xlsx_reporter,
    )


def reporter_names() -> list[str]:
    _load()
    return sorted(_REPORTERS)


def get_reporter(name: str) -> Render:
    _load()
    return _REPORTERS[name]
