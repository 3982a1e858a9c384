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


def _load() -> None:
    from narrcheck.reporters import (  # noqa: F401
        archive_reporters,
        html_reporter,
        json_reporter,
        markdown_reporter,
        text_reporter,
        xlsx_reporter,
    )


def reporter_names(subject: str = "document") -> list[str]:
    _load()
    return sorted(name for s, name in _REPORTERS if s == subject)


def get_reporter(name: str, subject: str = "document") -> Any:
    _load()
    return _REPORTERS[subject, name]
