"""Where something is in the source file."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Location(BaseModel):
    """A place in the source: line/column (1-based, text-like input), page (PDF), table/row/col (cells)."""

    model_config = ConfigDict(frozen=True)

    line: int | None = None
    column: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
