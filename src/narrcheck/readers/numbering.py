"""Word's automatic list numbering, rendered as the text Word shows before a paragraph (一、 （二） 3.).

Headings in 决算 narratives are often numbered by Word rather than typed; without the number, “收入决算情况说明”
would lose the “二、” that marks it as a section. A paragraph's numbering comes from its own w:numPr or from
its style's; each list (w:num, with its w:lvlOverride/w:startOverride) and level counts on from its start,
and a level restarts when a level above it moves on. Formats: decimal, Chinese counting (一二三 … 十一), letters,
Roman numerals; bullets give no text.
"""

from __future__ import annotations

from typing import Any

from narrcheck.limits import MAX_LIST_LEVEL as MAX_LEVEL
from narrcheck.limits import MAX_LIST_START as MAX_START

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = "零一二三四五六七八九"


def _int(text: str, default: int, top: int) -> int:
    """An attribute's whole number in 0..top; the default for anything else (1.5, -15, abc, ², 1e14)."""
    return int(text) if text.isascii() and text.isdigit() and int(text) <= top else default


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting writes them); from 1000
    on, digits.
    """
    if n >= 1000 or n < 0:
        return str(n)
    if n < 10:
        return _CHINESE[n]
    if n < 20:
        return "十" + (_CHINESE[n % 10] if n % 10 else "")
    if n < 100:
        return _CHINESE[n // 10] + "十" + (_CHINESE[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese(rest) if rest < 10 else chinese(rest) if rest >= 20
                                 else "一" + chinese(rest))
    return _CHINESE[n // 100] + "百" + tail


def roman(n: int) -> str:
    if n > 3999:  # (no Roman numeral beyond MMMCMXCIX: Word writes the digits)
        return str(n)
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _format(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt.startswith("ideograph") or fmt == "taiwaneseCounting":
        return chinese(n)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return roman(n).lower() if fmt == "lowerRoman" else roman(n)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


def _val(element: Any, path: str, default: str = "") -> str:
    found = element.find(path) if element is not None else None
    return found.get(f"{W}val", default) if found is not None else default


class Numbering:
    """Counts a document's numbered paragraphs in order; `label(paragraph)` is the text Word puts before it."""

    def __init__(self, word: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → level → (start, format, text)
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counts: dict[str, dict[int, int]] = {}
        try:
            numbering = word.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract = {a.get(f"{W}abstractNumId"): a for a in numbering.iterchildren(f"{W}abstractNum")}
            for num in numbering.iterchildren(f"{W}num"):
                definition = abstract.get(_val(num, f"{W}abstractNumId"))
                if definition is None:
                    continue
                levels = {_int(lvl.get(f"{W}ilvl", "0"), 0, MAX_LEVEL): (
                    _int(_val(lvl, f"{W}start", "1"), 1, MAX_START), _val(lvl, f"{W}numFmt", "decimal"),
                    _val(lvl, f"{W}lvlText")) for lvl in definition.iterchildren(f"{W}lvl")}
                for override in num.iterchildren(f"{W}lvlOverride"):  # a list that starts again at N
                    k = _int(override.get(f"{W}ilvl", "0"), -1, MAX_LEVEL)
                    start = _int(_val(override, f"{W}startOverride"), -1, MAX_START)
                    if k in levels and start >= 0:
                        levels[k] = (start, *levels[k][1:])
                self.levels[num.get(f"{W}numId")] = levels
        for style in word.styles.element.iterchildren(f"{W}style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.style_num[style.get(f"{W}styleId")] = (_val(num_pr, f"{W}numId"),
                                                            _int(_val(num_pr, f"{W}ilvl", "0"), 0, MAX_LEVEL))

    def label(self, paragraph: Any) -> str:
        """The number Word shows before `paragraph` ('' when it has none); advances the count."""
        p_pr = paragraph.find(f"{W}pPr")
        num_pr = p_pr.find(f"{W}numPr") if p_pr is not None else None
        num_id, level = "", 0
        if p_pr is not None:
            num_id, level = self.style_num.get(_val(p_pr, f"{W}pStyle"), ("", 0))
        if num_pr is not None:
            num_id = _val(num_pr, f"{W}numId", num_id)
            level = _int(_val(num_pr, f"{W}ilvl", str(level)), 0, MAX_LEVEL)
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""  # numId 0 switches numbering off
        counts = self.counts.setdefault(num_id, {})
        start, fmt, text = levels[level]
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a lower level starts again under a new upper item
        if fmt in ("bullet", "none"):
            return ""
        for k, (k_start, k_fmt, _) in levels.items():
            if f"%{k + 1}" in text:
                text = text.replace(f"%{k + 1}", _format(counts.get(k, k_start), k_fmt))
        return text
