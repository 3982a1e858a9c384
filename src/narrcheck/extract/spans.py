"""Where a sentence or a clause begins: the one backward scan the extractors share.

The stop sets differ on purpose: a CLAUSE ends at a comma, colon or 、 (the words naming one figure); a PHRASE
ends at a comma but keeps a 、-list whole (不涉及国有资本、债券资金); a PART ends at a full stop or a semicolon.
"""

from __future__ import annotations

SENTENCE = "。！？!?\n"
PART = "。；;！？!?\n"
PHRASE = "，,。；;！？!?\n"
CLAUSE = "，,。；;：:、\n"


def start_of(text: str, pos: int, stops: str) -> int:
    """The offset where the span holding `pos` begins: just after the nearest stop character before it."""
    return max(text.rfind(stop, 0, pos) for stop in stops) + 1  # (str.rfind: a C scan per stop character)
