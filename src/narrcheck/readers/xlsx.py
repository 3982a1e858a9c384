"""Reader for workbooks (.xlsx): every sheet, in order, as a table; a sheet's title line as its title.

A number is printed as the sheet shows it: a cell formatted `0.00` or `#,##0.00` keeps two decimals, `0.00%`
is a percent; the stored binary float is turned into the shortest decimal that round-trips, never into its
binary expansion. A merged range's covered cells are empty. Locations: table = sheet, row/col = the cell,
line = the cell's row.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal, InvalidOperation

from narrcheck.errors import InputError
from narrcheck.model.document import Block, Cell, Document, TextMap
from narrcheck.readers.docx import check_archive
from narrcheck.readers.registry import register_reader

_DECIMALS = re.compile(r"0\.(0+)")


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

    check_archive(path, data)
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a damaged workbook
        raise InputError(path, f"not a readable workbook ({type(exc).__name__})") from None
    blocks: list[Block] = []
    for number, sheet in enumerate(book.worksheets):
        rows = []
        for r, row in enumerate(sheet.iter_rows(), start=1):
            cells = tuple(Cell(text=shown(c.value, c.number_format), row=r - 1, col=k,
                               textmap=TextMap((0,), (r,), (1,)), table=number, line=r) for k, c in enumerate(row))
            if any(c.text for c in cells):
                rows.append(cells)
        if rows:
            blocks.append(Block(kind="table", text="", textmap=TextMap((0,), (rows[0][0].line,), (1,)),
                                index=len(blocks), rows=tuple(rows), table=number))
    if not blocks:
        raise InputError(path, "the workbook has no cells")
    return Document(path=path, format="xlsx", sha256=sha256, blocks=tuple(blocks))
