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
import zipfile
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

    _merges_within_limits(path, check_archive(path, data))
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


def _merges_within_limits(path: str, archive: zipfile.ZipFile) -> None:
    """InputError when a sheet's merged ranges cover more cells than a table may hold (openpyxl would make an
    object for every covered cell while loading).
    """
    from openpyxl.utils.cell import range_boundaries

    for info in archive.infolist():
        if not info.filename.startswith("xl/worksheets/"):
            continue
        covered = 0
        for ref in _MERGE.findall(archive.read(info)):
            left, top, right, bottom = range_boundaries(ref.decode())
            covered += (right - left + 1) * (bottom - top + 1)
            if covered > limits.MAX_TABLE_CELLS:
                raise InputError(path, f"merged cells in {info.filename} cover more than the limit of "
                                       f"{limits.MAX_TABLE_CELLS} cells")
