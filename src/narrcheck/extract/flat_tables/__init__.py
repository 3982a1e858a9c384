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


def table_row_claims(grids: list[Grid]) -> list[TableClaim]:
    """The claims of the flattened tables `grids` (read_grids), in reading order."""
    return [claim for grid in grids for claim in grid_claims(grid)]
