"""Reader for legacy Excel workbooks (.xls, BIFF), through xlrd: the same Document as the .xlsx reader gives.

xlrd rather than python-calamine (faster) because xlrd reports each cell's number format, so a figure is
printed with the places its format shows (`#,##0.00` → 2), as the .xlsx reader does. Error cells keep their
text (#DIV/0!) for NC403. A cell covered by a merged range is empty, as the file stores it. Rows are read as
stored (ragged: a damaged DIMENSIONS record does not make xlrd pad every row out to it), and a sheet whose
cells with text span more than the limits is refused.
"""

from __future__ import annotations

from narrcheck.errors import InputError
from narrcheck.model.document import Block, Document
from narrcheck.readers.registry import register_reader
from narrcheck.readers.xlsx import sheet_block, shown


@register_reader("xls", (".xls", ".et"))
def read_xls(path: str, data: bytes, sha256: str) -> Document:
    import io

    import xlrd

    try:  # (xlrd writes its warnings to stdout unless given a log: stdout is the report's)
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO(),
                                  ragged_rows=True)
    except xlrd.XLRDError as exc:
        cause = "encrypted; save an unprotected copy" if "encrypt" in str(exc).lower() else str(exc)
        raise InputError(path, f"not a readable .xls workbook ({cause})") from None
    except Exception as exc:  # xlrd raises assorted errors for truncated or non-Excel OLE files
        raise InputError(path, f"not a readable .xls workbook ({type(exc).__name__}; an old Word .doc "
                               "must be saved as .docx first)") from None
    blocks: list[Block] = []
    try:
        for number in range(book.nsheets):
            sheet = book.sheet_by_index(number)
            texts = {(r, c): text for r in range(sheet.nrows) for c in range(sheet.row_len(r))
                     if (text := _text(book, sheet.cell(r, c)))}
            if (block := sheet_block(path, texts, number, sheet.name, len(blocks))) is not None:
                blocks.append(block)
            book.unload_sheet(number)
    except InputError:
        raise
    except Exception as exc:  # a damaged sheet record
        raise InputError(path, f"damaged .xls workbook ({type(exc).__name__})") from None
    finally:
        book.release_resources()
    if not blocks:
        raise InputError(path, "the workbook has no cells")
    return Document(path=path, format="xls", sha256=sha256, blocks=tuple(blocks))


def _text(book: object, cell: object) -> str:
    import xlrd

    kind, value = cell.ctype, cell.value  # type: ignore[attr-defined]
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR")
    if kind == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[cell.xf_index]  # type: ignore[attr-defined]
        fmt = book.format_map.get(xf.format_key)  # type: ignore[attr-defined]
        number = int(value) if float(value).is_integer() and not (fmt and "0." in fmt.format_str) else value
        return shown(number, fmt.format_str if fmt else "General")
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    return str(value).strip()
