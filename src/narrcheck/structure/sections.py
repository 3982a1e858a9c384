"""The heading ladder of a disclosure, so every block knows its section path.

Levels, outermost first: 第X部分 / 附件 / 附表 (0), 一、 (1), （一） (2), 1. 1、 1． (3), （1） (4), ⑴ (5).
A paragraph that opens with a marker is a heading even when body text follows on the same line
("（一）机构组成。区政府办公室…"); its title is the text up to the first 。 or ：.
"""

from __future__ import annotations

import re
from dataclasses import replace

from narrcheck.lexicon import alt
from narrcheck.model.document import Block, BlockKind, Document

# the numerals of a heading's number (二十一、), of an attachment's (附件三)
_NUMERAL = alt("numerals.headings")
_ORDINAL = alt("numerals.ordinals")
# 第三部分 / 附件2, 附 表
_PART = rf"{alt('headings.part_open')}(?:{_NUMERAL}|\d)+{alt('headings.part_close')}"
_ATTACHMENT = rf"{alt('headings.attachment_open')}\s*{alt('headings.attachment_kinds')}"
_LADDER: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^\s*{_PART}")),
    (0, re.compile(rf"^\s*{_ATTACHMENT}\s*(?:\d|{_ORDINAL})*\s*[：:]?\s*$|^\s*{_ATTACHMENT}\s*\d+\s*$")),
    (1, re.compile(rf"^\s*{_NUMERAL}+\s*[、．.]")),
    (2, re.compile(rf"^\s*[（(]\s*{_NUMERAL}+\s*[）)]")),
    (3, re.compile(r"^\s*\d{1,2}\s*(?:[、．]|\.(?!\d))")),
    (4, re.compile(r"^\s*[（(]\s*\d{1,2}\s*[）)]")),
    (5, re.compile(r"^\s*[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂①②③④⑤⑥⑦⑧⑨⑩]")),
]
# The characters a heading can open with (a quick test before the ladder's patterns).
_MAY_BE_HEADING = re.compile(rf"\s*(?:[（(\d⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂①②③④⑤⑥⑦⑧⑨⑩]"
                             rf"|{alt('headings.part_open', 'headings.attachment_open', 'numerals.headings')})")
# a figure with its unit (万元, %): a short paragraph that states one is not a pure heading
_FIGURE = re.compile(rf"\d+(?:\.\d+)?\s*{alt('headings.figure_units')}")
# A table-of-contents entry ends with a TAB and a page number; it is not a heading.
_TOC_ENTRY = re.compile(r"\t\s*\d+\s*$")
_TITLE_END = re.compile(r"[。：:；;]")
MAX_TITLE = 40


def heading_level(text: str) -> int | None:
    """The ladder level of a paragraph that opens with a heading marker, or None."""
    if not _MAY_BE_HEADING.match(text) or _TOC_ENTRY.search(text):
        return None
    for level, pattern in _LADDER:
        if pattern.match(text):
            return level
    return None


def without_marker(text: str) -> str:
    """`text` without the heading number it opens with (二、 （三） 3. ①), as `heading_level` reads it."""
    if _MAY_BE_HEADING.match(text) and not _TOC_ENTRY.search(text):
        for _, pattern in _LADDER:
            if (m := pattern.match(text)) is not None:
                return text[m.end():]
    return text


def heading_title(text: str) -> str:
    cut = _TITLE_END.search(text)
    title = (text[: cut.start()] if cut else text).strip()
    return title[:MAX_TITLE]


def assign_sections(blocks: list[Block] | tuple[Block, ...]) -> list[Block]:
    """Return the blocks with `section` set; paragraphs that are pure headings become kind 'heading'."""
    path: list[tuple[int, str]] = []
    section: tuple[str, ...] = ()
    out: list[Block] = []
    for block in blocks:
        level = heading_level(block.text) if block.kind == "paragraph" else None
        if level is not None:
            while path and path[-1][0] >= level:
                path.pop()
            title = heading_title(block.text)
            path.append((level, title))
            section = tuple(t for _, t in path)
            pure = len(block.text.strip()) <= MAX_TITLE and not _FIGURE.search(block.text)
            kind: BlockKind = "heading" if pure else "paragraph"
            out.append(_with(block, kind, section))
        else:
            out.append(_with(block, block.kind, section))
    return out


def _with(block: Block, kind: BlockKind, section: tuple[str, ...]) -> Block:
    """The block with its kind and section set (dataclasses.replace, without its per-call introspection)."""
    return Block(kind, block.text, block.textmap, block.index, block.rows, block.table, section)


def structure(document: Document) -> Document:
    """The document with section paths assigned to every block."""
    return replace(document, blocks=tuple(assign_sections(document.blocks)))
