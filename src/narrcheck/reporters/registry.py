"""The one registry of reporters, by what they render (a document's reports, or an archive) and by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Render = Callable[..., str | bytes]
"""A reporter takes what it renders and the language, and returns what to write (bytes for a binary format
such as xlsx). Document reporters take the run's list of Reports; archive reporters take an ArchiveReport."""

_REPORTERS: dict[tuple[str, str], Render] = {}


def register(name: str, subject: str = "document") -> Callable[[Render], Render]:
    def wrap(fn: Render) -> Render:
        _REPORTERS[subject, name] = fn
        return fn

    return wrap


# where each reporter lives (narrcheck/reporters/<module>.py), so a run imports only the one it uses
HOMES = {("document", "text"): "text_reporter", ("document", "json"): "json_reporter",
         ("document", "html"): "html_reporter", ("document", "md"): "markdown_reporter",
         ("document", "xlsx"): "xlsx_reporter", ("archive", "md"): "archive_reporters",
         ("archive", "html"): "archive_reporters", ("archive", "xlsx"): "archive_reporters"}


def _load(subject: str, name: str) -> None:
    from importlib import import_module

    import_module(f"narrcheck.reporters.{HOMES[subject, name]}")


def reporter_names(subject: str = "document") -> list[str]:
    return sorted(name for s, name in HOMES if s == subject)


def get_reporter(name: str, subject: str = "document") -> Any:
    if (subject, name) not in _REPORTERS:
        _load(subject, name)  # (a KeyError for a name no reporter has)
    return _REPORTERS[subject, name]
