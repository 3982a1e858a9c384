"""The registry of readers, found by the file's content first and its suffix second."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from narrcheck import limits
from narrcheck.errors import InputError
from narrcheck.limits import MAX_BLOCK_CHARS, MAX_DOCUMENT_CHARS
from narrcheck.model.document import Document
from narrcheck.readers.scrub import scrub

Reader = Callable[[str, bytes, str], Document]
"""A reader takes (display path, raw bytes, sha256) and returns a Document or raises InputError."""

_READERS: dict[str, Reader] = {}
_SUFFIXES: dict[str, str] = {}

DEFAULT_MAX_BYTES = limits.MAX_BYTES  # files larger are refused (a disclosure's narrative is well under it)

_MAGIC = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "xls"),  # an OLE compound file: of those, only Excel workbooks are read
)


_ADVICE = {"doc": "an old binary Word document: save it as .docx (Word or LibreOffice) and check that",
           "zip": "but not a Word or Excel file: unpack it and check the files inside"}


def register_reader(name: str, suffixes: tuple[str, ...]) -> Callable[[Reader], Reader]:
    def wrap(fn: Reader) -> Reader:
        _READERS[name] = fn
        for suffix in suffixes:
            _SUFFIXES[suffix] = name
        return fn

    return wrap


def sniff(data: bytes) -> str | None:
    """The container format the bytes really are, when recognisable by magic number (or an HTML opening)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind == "zip":  # an Office file is a zip: its parts tell which
                head = data[:4096]
                return "docx" if b"word/" in head else "xlsx" if b"xl/" in head else "zip"
            if kind == "xls" and "WordDocument".encode("utf-16-le") in data[:65536]:
                return "doc"  # an OLE file holding a Word document, not a workbook
            return kind
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read any supported file into a Document; raise InputError naming the file and the cause."""
    shown = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(shown, "no such file")
    if p.is_dir():
        raise InputError(shown, "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(shown, f"file is {size} bytes, larger than the limit of {max_bytes} bytes")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read file ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(shown, "file is empty")
    _load_builtin_readers()
    kind = sniff(data)
    if kind is not None and kind not in _READERS:
        advice = _ADVICE.get(kind, "which this version cannot read")
        raise InputError(shown, f"content is a {kind.upper()} file, {advice}")
    name = kind or _SUFFIXES.get(p.suffix.lower(), "text")
    sha = hashlib.sha256(data).hexdigest()
    document = _READERS[name](shown, data, sha)
    _within_limits(shown, document)
    document = scrub(document)
    return document


def _within_limits(path: str, document: Document) -> None:
    """InputError naming the limit when the document's text, a paragraph, a cell or a table is past it."""
    total = 0
    for block in document.blocks:
        texts = [block.text] if not block.rows else [cell.text for row in block.rows for cell in row]
        if block.rows:
            limits.table_size(path, len(block.rows), max(len(row) for row in block.rows))
        for text in texts:
            if len(text) > MAX_BLOCK_CHARS:
                raise InputError(path, f"a paragraph or cell of {len(text)} characters, more than the limit of "
                                       f"{MAX_BLOCK_CHARS}")
            total += len(text)
        if total > MAX_DOCUMENT_CHARS:
            raise InputError(path, f"more than {MAX_DOCUMENT_CHARS} characters of text, the limit for one document")


def _load_builtin_readers() -> None:
    # Imported lazily so `narrcheck --help` stays fast; importing registers them.
    from narrcheck.readers import docx, html, pdf, text, xls, xlsx  # noqa: F401
