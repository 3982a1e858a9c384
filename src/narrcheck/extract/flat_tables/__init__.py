"""Tables that reach narrcheck flattened into text lines (pipe rows, space rows, one cell per line): each row's
change and ratio and each total's sum, as the claims the arithmetic rules check (see claims.py).
"""

from __future__ import annotations

from narrcheck.extract.flat_tables.claims import TableClaim, grid_claims
from narrcheck.extract.flat_tables.grid import build
from narrcheck.extract.flat_tables.layout import read_tables
from narrcheck.model.document import Document

__all__ = ["table_row_claims"]


def table_row_claims(document: Document) -> list[TableClaim]:
    """The claims of every flattened table in the document's paragraphs, in reading order."""
    out: list[TableClaim] = []
    for table in read_tables(document):
        grid = build(table)
        if grid is not None:
            out += grid_claims(grid)
    return out
