"""Decode a text file without being told its encoding: UTF-8 (with or without BOM), UTF-16, GB18030."""

from __future__ import annotations

import codecs

from narrcheck.errors import InputError


def decode_text(path: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise InputError when no supported encoding fits."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(path, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(path, data, "utf-16"), "utf-16"
    if _looks_utf16(data):
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        text = _strict(path, data, enc)
        if not any(ch < " " and ch not in "\t\n\r" for ch in text):
            return text, enc
    if b"\x00" in data:
        raise InputError(path, "looks like a binary file, not text (it contains NUL bytes)")
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(path, "cannot decode the file as UTF-8, UTF-16 or GB18030")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: NUL bytes (from ASCII characters) all on one side of the code units."""
    sample = data[: len(data) - len(data) % 2][:65536]
    zeros_odd, zeros_even = sample[1::2].count(0), sample[0::2].count(0)
    return max(zeros_odd, zeros_even) > 4 * min(zeros_odd, zeros_even)


def _strict(path: str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid {encoding} text at byte {exc.start}") from None
    return text.lstrip("\ufeff")
