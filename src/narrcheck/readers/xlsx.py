"""Reader for workbooks (.xlsx): every sheet, in order, as a table; a sheet's title line as its title.

A number is printed as the sheet shows it: a cell formatted `0.00` or `#,##0.00` keeps two decimals, `0.00%`
is a percent; the stored binary float is turned into the shortest decimal that round-trips, never into its
binary expansion. A merged range's covered cells are empty. Locations: table = sheet, row/col = the cell,
line = the cell's row. Only the cells the sheet stores are read (a styled cell far out does not make the grid
reach it), and a sheet whose merged ranges or cells with text span more than the limits is refused before
the grid is built.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal, InvalidOperation

from narrcheck import limits
from narrcheck.errors import InputError
from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.readers.docx import check_archive
from narrcheck.readers.registry import register_reader

_DECIMALS = re.compile(r"0\.(0+)")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def shown(value: object, number_format: str) -> str:
    """The cell's value as its format shows it (digits only; no thousands separators)."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value).strip()
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    fmt = number_format or "General"
    percent = fmt.rstrip().endswith("%")
    if percent:
        number *= 100
    m = _DECIMALS.search(fmt)
    try:
        if m:
            number = number.quantize(Decimal(1).scaleb(-len(m.group(1))))
        elif fmt != "General" and "0" in fmt:
            number = number.quantize(Decimal(1))
    except InvalidOperation:  # (1e300 shown with two places: no amount, and past any figure's digits)
        return repr(value)
    text = f"{number:f}"
    return text + ("%" if percent else "")


@register_reader("xlsx", (".xlsx", ".xlsm"))
def read_xlsx(path: str, data: bytes, sha256: str) -> Document:
    from openpyxl import load_workbook

    check_archive(path, data, lambda name: _Merges(path, name) if name.startswith("xl/worksheets/") else None)
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a damaged workbook
        raise InputError(path, f"not a readable workbook ({type(exc).__name__})") from None
    blocks: list[Block] = []
    for number, sheet in enumerate(book.worksheets):
        stored = sheet._cells  # {(row, column): cell}, 1-based: the cells the file holds (openpyxl 3)
        texts = {(r - 1, c - 1): text for (r, c), cell in stored.items()
                 if (text := shown(cell.value, cell.number_format))}
        if (block := sheet_block(path, texts, number, sheet.title, len(blocks))) is not None:
            blocks.append(block)
    if not blocks:
        raise InputError(path, "the workbook has no cells")
    return Document(path=path, format="xlsx", sha256=sha256, blocks=tuple(blocks))


def sheet_block(path: str, texts: dict[tuple[int, int], str], number: int, name: str, index: int) -> Block | None:
    """One sheet as a table block: the rows that hold text (`texts` by 0-based row and column), each as wide as
    the widest; None for a sheet with no text. Refused (InputError) past the table limits.
    """
    if not texts:
        return None
    width = max(c for _, c in texts) + 1
    lines = sorted({r for r, _ in texts})
    limits.table_size(path, len(lines), width, f"sheet {name!r}")
    rows = [tuple(Cell(text=texts.get((r, c), ""), row=r, col=c, textmap=TextMap((0,), (r + 1,), (1,)),
                       table=number, line=r + 1) for c in range(width)) for r in lines]
    return Block(kind="table", text="", textmap=TextMap((0,), (rows[0][0].line,), (1,)), index=index,
                 rows=tuple(rows), table=number)


class _Merges:
    """InputError when a sheet's merged ranges cover more cells than a table may hold (openpyxl would make an
    object for every covered cell while loading): counted on the sheet's XML as it inflates, a range split
    between two pieces too.
    """

    TAIL = 1024  # longer than any mergeCell element: a range split between pieces is whole in tail + piece

    def __init__(self, path: str, name: str) -> None:
        self.path, self.name, self.covered, self.tail = path, name, 0, b""

    def __call__(self, piece: bytes) -> None:
        from openpyxl.utils.cell import range_boundaries

        text = self.tail + piece
        for m in _MERGE.finditer(text):
            if m.end() <= len(self.tail):
                continue  # (whole in the last piece's tail: counted then)
            left, top, right, bottom = range_boundaries(m.group(1).decode())
            self.covered += (right - left + 1) * (bottom - top + 1)
            if self.covered > limits.MAX_TABLE_CELLS:
                raise InputError(self.path, f"merged cells in {self.name} cover more than the limit of "
                                            f"{limits.MAX_TABLE_CELLS} cells")
        self.tail = text[-self.TAIL:]
