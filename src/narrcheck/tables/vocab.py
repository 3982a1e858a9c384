"""The words of 绩效自评 tables, compiled once from data/score_headers.toml.

Every table reader (a reader's grid, a table flattened into text, cells glued together) asks this module
what a cell names; no header word is written into the readers themselves.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from narrcheck.lexicon import data_file, file_words
from narrcheck.numbers.normalize import simplified
from narrcheck.numbers.parse import normalize_digits

_SPACE_OR_SLASH = re.compile(r"[\s/]+")
# what a header word may carry after it: a bracket ("(A)", "(万元)", "(B/A)", "（分）"), a colon, a "%"
_SUFFIX = re.compile(r"(?:[（(][^（()）]*[)）]|[:：%％])+$")
# a weight written into a label: 产出指标(50分), 预算管理（31分）
WEIGHT_MARK = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_WEIGHT_IN_LABEL = re.compile(r"\d\s*分")
_CODE_PREFIX = re.compile(r"^[0-9A-Z]{8,}[-—－_]")
# punctuation around a row label (“年度资金总额：”, “……总分”)
_LABEL_EDGE = re.compile(r"^[\s.…·:：,，、]+|[\s.…·:：,，、]+$")


def _data() -> dict[str, Any]:
    return data_file("score_headers.toml")


def words(path: str) -> tuple[str, ...]:
    """The words of one entry of data/score_headers.toml ("rows.fund_total"), longest first."""
    return file_words("score_headers.toml", path)


@cache
def role_words() -> dict[str, str]:
    """Header word → role."""
    return {w: role for role, ws in _data()["roles"].items() for w in ws}


@lru_cache(maxsize=1 << 14)
def clean(text: str) -> str:
    """A cell's text as header words are matched: digits normalized, traditional script read as simplified,
    spaces and slashes removed.
    """
    return _SPACE_OR_SLASH.sub("", simplified(normalize_digits(text)))


@lru_cache(maxsize=8192)
def role_of(text: str) -> str | None:
    """The header role a cell's words name, if any (header words are short)."""
    if len(text) > 40:
        return None
    key = clean(text)
    if not key or len(key) > 24 or _WEIGHT_IN_LABEL.search(key):
        return None  # “执行率（5分）” is a scored row's label, not a header
    table = role_words()
    if key in table:
        return table[key]
    bare = _SUFFIX.sub("", key)
    if bare in table:
        return table[bare]
    return "reason" if any(w in key for w in words("reason_parts.words")) else None


def label_key(text: str) -> str:
    """A row label as row words are matched: without spaces, a trailing bracket, colon or edge punctuation."""
    return _LABEL_EDGE.sub("", _SUFFIX.sub("", _LABEL_EDGE.sub("", clean(text))))


def is_row(text: str, path: str) -> bool:
    """Whether a row label is one of the words of `path` (“年度资金总额：” is rows.fund_total)."""
    return label_key(text) in words(path)


def closes_with(text: str, path: str) -> bool:
    """Whether a row label ends with one of the words of `path` (“产出指标小计” is rows.subtotal)."""
    return label_key(text).endswith(tuple(words(path)))


def opens_with(text: str, path: str) -> str | None:
    """The word of `path` a label opens with (“效益指标（20分）经济效益指标…” opens with 效益指标)."""
    key = clean(text)
    return next((w for w in words(path) if key.startswith(w)), None)


def is_department(title: str, project: str) -> bool:
    """A department's table (部门整体支出绩效自评表) rather than a project's."""
    return any(w in title for w in words("titles.department")) or (
        not project and any(w in title for w in words("titles.unit")))


def project_name(text: str) -> str:
    """A project's name as its 项目名称 cell gives it, without a budget code in front."""
    return _CODE_PREFIX.sub("", text.strip())


@cache
def header_pattern() -> re.Pattern[str]:
    """Any header word with what may follow it, for finding header words in text without separators."""
    alternation = "|".join(re.escape(w) for w in sorted(role_words(), key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?:\s*[（(][^（()）]{{0,12}}[)）])?")


@cache
def glued_units() -> str:
    """The alternation of the units a glued figure may carry, longest first."""
    return "|".join(re.escape(u) for u in words("glued.units"))
