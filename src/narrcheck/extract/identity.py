"""What a figure measures: a key of subject (synonyms folded), period and measure.

Two figures with the same key state the same quantity, so their values must agree. A key is only given when
the words name the quantity on their own: a generic word (支出, 资金), a pronoun (该项目, 本项目) or an unnamed
figure gets none, because restating it proves nothing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from narrcheck.numbers import normalize_digits

_YEAR = re.compile(r"(\d{4})\s*年度?(?:\d{1,2}\s*[-—至]\s*\d{1,2}月|\d{1,2}月(?:底|末|份)?)?")
_STRIP = re.compile(r"[\s“”\"'‘’「」《》]|[（(][类款项][)）]")
_LEAD = re.compile(r"^(?:其中|包括|主要包括|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|[（(]?\d{1,2}[)）.．、]|"
                   r"[（(]?[一二三四五六七八九十]+[)）、]|\d{3,}|截至|截止|我单位|本单位|我部门|本部门|我办|我局|"
                   r"全年|累计|共计|合计)+")
_TAIL = re.compile(r"(?:为|是|达到?|共计|合计|总计为|约|达|计|共|了|的|分别为|分别是|分别)+$")
_POINTER = re.compile(r"^(?:该|本项目|此|各|上述|以上|其他|其它|剩余|余下)")
_NOT_A_NAME = re.compile(r"\d|占|比|较|增|减|下降|上升|包括|用于|主要|以下|如下")
# a quantity's name ends in what money is called
_NOUN_END = re.compile(r"(?:收入|支出|经费|费|资金|补助|拨款|结余|结转|总计|合计|金额|总额|预算|工资|奖金|津贴|福利|款|基金|"
                       r"保险|公积金|奖励|补贴|成本|价|额)$")
# a clause that opens with a verb states what was done with money, it does not name a quantity
_VERB = re.compile(r"^(?:涉及|履行|确保|实现|控制|完成|用于|安排|下达|拨付|到位|实际|支付|开支|发生|使用|投入|落实|争取|"
                   r"获得|收到|节约|节省|压减|压缩|减少|增加|追加|调减|调增|收回|上缴|结余|结转|剩余|尚有|有|共有)")


@dataclass(frozen=True)
class QuantityKey:
    """subject: canonical name; period: '' for the report's year, else a year or 上年; measure: '' (actual),
    预算 or 年初预算."""

    subject: str
    period: str
    measure: str

    def __str__(self) -> str:
        return "/".join(p for p in (self.period, self.subject, self.measure) if p)


@cache
def _table() -> dict[str, Any]:
    text = files("narrcheck").joinpath("data/synonyms.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _subjects() -> dict[str, str]:
    """Every form (bracket-free) → its canonical subject."""
    out: dict[str, str] = {}
    for canonical, forms in _table()["subjects"].items():  # type: ignore[union-attr]
        for form in (canonical, *forms):
            out[_plain(form)] = canonical
    return out


@cache
def _measures() -> list[tuple[str, str]]:
    """(form, measure), longest form first, for stripping a measure word off the end of a subject."""
    pairs = [(form, measure) for measure, forms in _table()["measures"].items()  # type: ignore[union-attr]
             for form in forms]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _periods() -> list[tuple[str, str]]:
    pairs = [(form, period) for period, forms in _table()["periods"].items()  # type: ignore[union-attr]
             for form in forms]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _kept_names() -> tuple[str, ...]:
    return tuple(_table()["names"]["keep"])  # type: ignore[index]


@cache
def opposites() -> tuple[tuple[str, str], ...]:
    """Pairs of names one figure of a year cannot carry both (上年结转 / 年末结转)."""
    return tuple((a, b) for a, b in _table()["opposites"]["pairs"])


@cache
def composites() -> dict[str, tuple[str, ...]]:
    """Quantities that are the sum of their components by definition (三公经费, 基本支出)."""
    return {whole: tuple(parts) for whole, parts in _table()["composites"].items()}  # type: ignore[union-attr]


@cache
def _generic() -> frozenset[str]:
    return frozenset(_table()["generic"]["words"])  # type: ignore[index]


def _plain(text: str) -> str:
    return _STRIP.sub("", normalize_digits(text))


def fold(subject: str) -> str:
    """The canonical name of a subject (itself when the synonym table does not list it)."""
    plain = _plain(subject)
    return _subjects().get(plain, plain)


_COMPARED = re.compile(r"(?:比|较|与)(?:上年|去年|上一年|\d{4}年|同期|年初)")


def change_key(subject: str, quote: str, report_year: str = "") -> QuantityKey | None:
    """The key of what a change speaks of: its subject, else the words before 比上年/较2023年 in its clause."""
    if subject:
        return quantity_key(subject, report_year)
    m = _COMPARED.search(quote)
    if m is None:
        return None
    head = re.split(r"[，,。；;：:]", quote[:m.start()])[-1]
    return quantity_key(head, report_year)


@lru_cache(maxsize=8192)
def quantity_key(subject: str, report_year: str = "", generic: bool = False) -> QuantityKey | None:
    """The key of the quantity `subject` names (the words before a figure), or None when they name none.

    With `generic`, a general word (支出, 收入 …) is a key too: good enough to name the whole of a list.
    """
    s = _plain(subject)
    period = ""
    years = list(_YEAR.finditer(s))
    if years:
        last = years[-1]
        period = "" if last.group(1) == report_year else last.group(1)
        s = s[last.end():]  # what stands before the year is the body's name (资阳市…办公室2019年…)
    s = _LEAD.sub("", s)
    if not s.startswith(_kept_names()):
        for form, name in _periods():
            if s.startswith(form):
                period, s = name, s[len(form):]
                break
    s = _TAIL.sub("", s)
    measure = ""
    for form, name in _measures():
        if s.endswith(form) and len(s) > len(form):
            measure, s = name, s[: -len(form)]
            break
        if s.startswith(form) and len(s) > len(form):  # 年初预算支出, 决算收入
            measure, s = name, s[len(form):]
            break
    s = _TAIL.sub("", _LEAD.sub("", s))
    if s.endswith("支出") and s[:-2].endswith("费"):  # 公用经费支出 is 公用经费, 会议费支出 is 会议费
        s = s[:-2]
    if not s or _POINTER.match(s) or _NOT_A_NAME.search(s) or _VERB.match(s) or not _NOUN_END.search(s):
        return None
    if not generic and (len(s) < 3 or s in _generic()):
        return None
    return QuantityKey(fold(s), period, measure)
