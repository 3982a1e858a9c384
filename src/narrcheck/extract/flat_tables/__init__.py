"""Tables that reach narrcheck flattened into text lines (pipe rows, space rows, one cell per line): each row's
change and ratio and each total's sum, as the claims the arithmetic rules check (see claims.py), and each money
cell as a keyed statement NC201 weighs the narrative against (see cells.py).
"""

from __future__ import annotations

from narrcheck.extract.flat_tables.cells import table_statements
from narrcheck.extract.flat_tables.claims import TableClaim, grid_claims
from narrcheck.extract.flat_tables.grid import Grid, build
from narrcheck.extract.flat_tables.layout import read_tables
from narrcheck.model.document import Document

__all__ = ["read_grids", "table_row_claims", "table_statements"]


def read_grids(document: Document) -> list[Grid]:
    """Every flattened table of the document's paragraphs whose header could be read, in reading order."""
    return [grid for table in read_tables(document) if (grid := build(table)) is not None]


def table_row_claims(document: Document, grids: list[Grid] | None = None) -> list[TableClaim]:
    """The claims of every flattened table in the document's paragraphs (of `grids`, read once), in reading
    order.
    """
    out: list[TableClaim] = []
    for grid in read_grids(document) if grids is None else grids:
        out += grid_claims(grid)
    return out
