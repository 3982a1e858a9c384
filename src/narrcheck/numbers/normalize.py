"""Normalize text before matching patterns on it; every offset maps back to the original.

`normalize(text)` returns a `Normalized` whose `.text` is what patterns run over and whose `.source(i)` and
`.span(a, b)` give offsets in the original. It is a pure function of `text`. What must hold:

- Compatibility forms read as plain ones (NFKC, one source character at a time, so a combining mark is not
  composed with the character before it): full-width digits, letters and ％ become ASCII, compatibility and
  Kangxi-radical ideographs become unified ones, ㈠ and ⑴ become （一） and （1）. Characters whose NFKC form
  would make a figure or glue one to the next are kept: circled enumerators (①), superscripts and subscripts
  (²), fractions (½), squared units (㎡) and ellipses (…).
- ASCII punctuation reads as its Chinese twin: ',' → '，' (except a thousands separator: a comma between a
  digit and exactly three digits not followed by a digit, which stays ','; so does one with spaces beside it, as
  text from a PDF has it, where the three digits run on to the figure's decimals or its money unit: "1, 234.56万元",
  "1 ,234.56万元" read 1,234.56, while "12 34.56" and "1234. 56" are left as they are), ':' → '：', ';' → '；',
  '(' → '（', ')' → '）', '!' → '！', '?' → '？'. '.', '%' and '-' stay ASCII. A '.' becomes '。' only where it
  surely ends a sentence: after a CJK ideograph (not a lone Chinese-numeral enumerator such as "一.") and
  before the end of its line.
- A run of spaces (ASCII, ideographic, no-break, other Unicode spaces, tabs; never newlines) next to a CJK
  character, Chinese punctuation or '%' is removed, unless it separates two figures (a digit or '%' before
  it and a digit after it: "95% 95%", "10 9" stay two numbers). Other runs stay (as ASCII spaces). A single
  space between groups of three digits of a figure followed by its unit (32 718.40万元, 1 204.30元) is a
  thousands separator and reads as ','.
- A pinyin reading in brackets right after an ideograph (財(cái)政, as mirror copies print them) is removed.
- Invisible characters are no text: format characters (zero-width space, joiners, soft hyphen, word joiner, a
  BOM inside the text) and variation selectors are removed, inside words and inside figures (1\u200b5.54).
- HTML remnants of text scraped from a web page: an entity (&nbsp; &amp; &ldquo; &#12288;, and one escaped
  twice, &amp;nbsp;) reads as its character (a space entity as a space, by the space rule), and a tag of a known
  element (<br>, <p>, </span>, <font color="red">; lexicon [markup]) reads as a space, removed next to Chinese.
- Traditional script reads as simplified (OpenCC t2s, imported only when first needed), keeping the length:
  the whole text is converted when that keeps its length, else character by character; it is applied only
  when the text holds a character that t2s converts on its own.
- Offsets: `source(i)` is monotonic non-decreasing, `0 <= source(i) <= len(original)`, `source(len(text))
  == len(original)`; `span(a, b)` is the original range whose normalization gave `text[a:b]` (removed spaces
  inside it included). A text that needs no change is returned as it is, with the identity mapping.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from narrcheck.lexicon import words

__all__ = ["Normalized", "normalize", "residue_edits"]


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text and the map back to the original.

    The map is piecewise: piece k starts at normalized offset `outs[k]` and comes from original
    `[starts[k], ends[k])`; a linear piece maps one character to one, any other (an expansion such as
    '㈠' → '（一）') maps each of its characters to its whole source. Empty pieces mean the identity map.
    """

    text: str
    original: str
    outs: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    linear: tuple[bool, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the text differs from the original."""
        return self.text is not self.original and self.text != self.original

    def source(self, i: int) -> int:
        """The original offset of normalized offset i (0 <= i <= len(text))."""
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside 0..{len(self.text)}")
        if not self.outs:
            return i
        if i == len(self.text):
            return len(self.original)
        k = bisect_right(self.outs, i) - 1
        return self.starts[k] + (i - self.outs[k]) if self.linear[k] else self.starts[k]

    def _source_end(self, i: int) -> int:
        """The original offset just after the source of normalized character i."""
        if not self.outs:
            return i + 1
        k = bisect_right(self.outs, i) - 1
        return self.starts[k] + (i - self.outs[k]) + 1 if self.linear[k] else self.ends[k]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The original [start, end) that normalized [a, b) came from."""
        if not 0 <= a <= b <= len(self.text):
            raise IndexError(f"span {a}..{b} outside 0..{len(self.text)}")
        if a == b:
            at = self.source(a)
            return at, at
        return self.source(a), self._source_end(b - 1)


# ---------------------------------------------------------------------------------------------- characters

_DIGIT = "0-9\uff10-\uff19"  # ASCII and full-width digits (NFKC makes both ASCII)
_PERCENT = "%\uff05\ufe6a\u2030"
_SPACE = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u2f00-\u2fdf\U00020000-\U0003134f"
# What reads as Chinese for the space rule: ideographs, CJK punctuation and the Chinese twins of ASCII
# punctuation in any of their forms, quotes and dashes used in Chinese prose, and the percent signs.
_CJKISH = re.compile(
    "[" + _IDEOGRAPH + "\u3001-\u303f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f\ufe50-\ufe5f"
    ",:;()!?\u2018-\u201f\u2014\u2026\u00b7" + _PERCENT + "]"
)
_DIGIT_OR_PERCENT = re.compile("[" + _DIGIT + _PERCENT + "]")

# The Chinese twin of each form of a punctuation mark (ASCII, full-width, small form).
_TWIN = {
    ":": "：", "\uff1a": "：", "\ufe55": "：",
    ";": "；", "\uff1b": "；", "\ufe54": "；",
    "(": "（", "\uff08": "（", "\ufe59": "（",
    ")": "）", "\uff09": "）", "\ufe5a": "）",
    "!": "！", "\uff01": "！", "\ufe57": "！",
    "?": "？", "\uff1f": "？", "\ufe56": "？",
    ",": "，", "\uff0c": "，", "\ufe50": "，",
}
_TWIN_ASCII = str.maketrans({k: v for k, v in _TWIN.items() if k.isascii()})

# Characters that are NFKC-stable and common in this text: skipped by the scan without a look-up.
_STABLE = (
    "\u4e00-\u9fff\u3400-\u4dbf\u3001\u3002\u3005\u3008-\u3011\u3014-\u301b\u2010\u2012-\u2016"
    "\u2018-\u201f\u2022\u2025\u2026\u00b7\u00d7\u00f7\u2030\u2264\u2265\u25a0-\u25ff\u2605\u2606\u2190-\u2193"
    "，：；（）！？"  # the Chinese twins themselves (a full-width comma as a thousands separator: _FW_THOUSANDS)
)
_SPACES = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
_ASCII_CANDIDATES = frozenset(",:;()!?.") | _SPACES
_ASCII_QUIET = "".join(re.escape(chr(c)) for c in range(128) if chr(c) not in _ASCII_CANDIDATES)
# One character class, so that the regex engine skips the quiet text at C speed: every character that may
# change (spaces, ASCII punctuation, dots, anything NFKC may change), and nothing that surely does not.
_CANDIDATE = re.compile("[^" + _ASCII_QUIET + _STABLE + "]")
_FW_THOUSANDS = re.compile("\uff0c(?=[" + _DIGIT + "]{3}(?![" + _DIGIT + "]))")  # and a digit before it
_SPACE_RUN = re.compile("[" + _SPACE + "]+")
_DIGITS = frozenset("0123456789" + "".join(map(chr, range(0xFF10, 0xFF1A))))
_THOUSANDS = re.compile("[" + _DIGIT + "]{3}(?![" + _DIGIT + "])")
_SENTENCE_END = re.compile("[" + _SPACE + "]*(?:\n|\r|$)")
_ENUMERATOR_LINE = re.compile("[" + _SPACE + "]*[一二三四五六七八九十百零〇]+")
_IDEOGRAPH_RE = re.compile("[" + _IDEOGRAPH + "]")

# NFKC would turn these into figures or glue them to one: keep them (decomposition tags, and the ellipses).
_KEEP_TAGS = ("<circle>", "<super>", "<sub>", "<fraction>", "<square>")
_KEEP = frozenset("\u2025\u2026")


@lru_cache(maxsize=4096)
def _nfkc(c: str) -> str:
    """NFKC of one character, with its ASCII punctuation twinned; the character itself where kept."""
    if c in _KEEP or unicodedata.decomposition(c).startswith(_KEEP_TAGS):
        return c
    out = unicodedata.normalize("NFKC", c)
    return out.translate(_TWIN_ASCII) if out != c else c


# ------------------------------------------------------------------------------------------------ the rules


# a pinyin reading in brackets, with at least one tone mark: what mirror copies insert after ideographs
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_GLOSS = re.compile(rf"[(（](?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,8}}[)）]")


# ------------------------------------------------------------------------------------ what is no text
#
# Read first, so that the rules see the text without it (a figure split by a zero-width space, 1&nbsp;234.56万元):
# invisible characters (the default-ignorable ones: soft hyphen, zero-width spaces and joiners, bidi marks, word
# joiner, variation selectors, a BOM inside the text), HTML entities (perhaps escaped twice: &amp;nbsp;), tags of
# known elements, and pinyin readings after ideographs.
_INVISIBLE = "\u00ad\u034f\u061c\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"
_ENTITY = r"&(?:amp;)*(?P<entity>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


@lru_cache(maxsize=1)
def _residue() -> re.Pattern[str]:
    """Built once, from the lexicon's markup tags."""
    tags = "|".join(map(re.escape, sorted(words("markup.tags"), key=len, reverse=True)))
    return re.compile(rf"(?P<invisible>[{_INVISIBLE}]+)|{_ENTITY}|(?P<tag></?(?:{tags})(?:\s[^<>\n]*)?/?>)"
                      rf"|(?<=[{_IDEOGRAPH}])(?P<gloss>{_GLOSS.pattern})", re.IGNORECASE)


def residue_edits(text: str) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits that take out what is no text: invisible characters and pinyin
    readings are removed, an entity reads as its character, a tag inside a line as a space (which the space rule
    removes next to Chinese; one that opens or ends a line is removed).
    """
    subs: list[tuple[int, int, str]] = []
    for m in _residue().finditer(text):
        if m.group("entity") is not None:
            name = f"&{m.group('entity')};"
            decoded = html.unescape(name)
            if decoded != name:
                subs.append((m.start(), m.end(), decoded))
        else:
            inside = 0 < m.start() and text[m.start() - 1] != "\n" and m.end() < len(text) and text[m.end()] != "\n"
            subs.append((m.start(), m.end(), " " if m.group("tag") is not None and inside else ""))
    return subs


# a figure whose thousands are set apart by single spaces and that names its money unit right after
# (32 718.40万元, 1 204.30元, 12 345 678元): the spaces are thousands separators; these run before NFKC, so they
# take the full-width point and the ideographic space too (１ ２３４．５６万元)
_GROUP_SPACES = "[ \u00a0\u2009\u202f\u3000]"
_POINT = "[.．]"
@lru_cache(maxsize=1)
def _money_units() -> str:
    """An alternation of the lexicon's money units, longest first (built once)."""
    return "(?:" + "|".join(map(re.escape, sorted(words("units.money"), key=len, reverse=True))) + ")"


@lru_cache(maxsize=1)
def _spaced_money_units() -> str:
    """An alternation of the lexicon's money units, longest first, a space allowed inside (万 元, as web pages set
    them).
    """
    spaced = (f"{_GROUP_SPACES}?".join(map(re.escape, u)) for u in sorted(words("units.money"), key=len, reverse=True))
    return "(?:" + "|".join(spaced) + ")"


@lru_cache(maxsize=1)
def _space_grouped() -> re.Pattern[str]:
    """Built once, from the lexicon's money units."""
    return re.compile(rf"(?<![\d.．,\s])\d{{1,3}}(?:{_GROUP_SPACES}\d{{3}})+(?:{_POINT}\d+)?"
                      rf"(?={_GROUP_SPACES}?{_spaced_money_units()})")


# a thousands comma with spaces beside it (1, 234.56万元 / 1 ,234.56万元): 1-3 digits (not a figure's decimals)
# and spaces before the comma, spaces and three digits after it (and further groups) that run on to decimals or a
# money unit
_LEADING_GROUP = re.compile(rf"(?<![\d.．])\d{{1,3}}{_GROUP_SPACES}*$")


@lru_cache(maxsize=1)
def _trailing_group() -> re.Pattern[str]:
    """Built once, from the lexicon's money units."""
    space = f"{_GROUP_SPACES}*"
    return re.compile(rf"{space}\d{{3}}(?:{space},{space}\d{{3}})*(?:{_POINT}\d|\s?{_money_units()})")


@lru_cache(maxsize=1)
def _list_before() -> re.Pattern[str]:
    """What opens a list of figures or parts one item from the next, right before a figure (分别为 15, 102.30万元:
    two items; …、3, 204.10万元): built once, from the lexicon's words that pair a list.
    """
    opener = "|".join(map(re.escape, words("respective.words", "respective.in_order")))
    return re.compile(rf"(?:(?:{opener})[为是]?|[、，；;]|(?<!\d),)\s*$")  # (6, 105, 330.08元: one figure's)


def _spaced_thousands(text: str, i: int) -> bool:
    """The comma at i separates thousands of a figure broken by spaces around it (1, 234.56万元); never where the
    digits before it open a list's item (after 分别为, 依次为 or a list separator: the comma parts two items).
    """
    lead = _LEADING_GROUP.search(text, max(0, i - 12), i)
    return lead is not None and _list_before().search(text, max(0, lead.start() - 8), lead.start()) is None \
        and _trailing_group().match(text, i + 1) is not None


_GROUP_SPACE = re.compile(_GROUP_SPACES)


def _space(text: str, start: int, end: int) -> str | None:
    """What a run of spaces text[start:end] becomes: '' (removed), ASCII spaces, or None (unchanged)."""
    left = text[start - 1] if start else ""
    right = text[end] if end < len(text) else ""
    cjk = (left and _CJKISH.match(left)) or (right and _CJKISH.match(right))
    if cjk and not (left and right and _DIGIT_OR_PERCENT.match(left) and right in _DIGITS):
        return ""
    run = text[start:end]
    kept = run.translate(_SPACES_TO_ASCII)
    return None if kept == run else kept


_SPACES_TO_ASCII = {ord(c): " " for c in _SPACES - {" ", "\t"}}


@lru_cache(maxsize=1)
def _unit_before() -> re.Pattern[str]:
    """A figure's unit that ends right before a position (…48.35万元): built once, from the lexicon's units."""
    units = sorted(words("units.money", "units.count", "units.points"), key=len, reverse=True)
    return re.compile(r"\d\s*(?:" + "|".join(map(re.escape, units)) + r")$")


def _dot(text: str, i: int) -> str | None:
    """'。' where the dot at i surely ends a sentence: after an ideograph or a percent sign at a line's end, or
    between a figure's unit (a percent sign, 个百分点) and an ideograph (48.35万元.授予…, 增长6.8%.加上…; between two
    words it may be a name's: 某某保健院.公益); '.' for a full-width dot, else None (unchanged).
    """
    before = text[i - 1] if i else ""
    ends_figure = before in _PERCENT or (
        bool(_IDEOGRAPH_RE.match(before)) and _unit_before().search(text, max(0, i - 8), i) is not None)
    if before and (_IDEOGRAPH_RE.match(before) or before in _PERCENT) and (
            _SENTENCE_END.match(text, i + 1) or (_IDEOGRAPH_RE.match(text[i + 1:i + 2]) and ends_figure)):
        line_start = max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1
        enumerator = _ENUMERATOR_LINE.fullmatch(text, line_start, i)
        if not enumerator:
            return "。"
    return "." if text[i] != "." else None


def _edits(text: str) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits of the original text, in order: what is no text taken out first, then
    the rules read the text without it, and their edits are mapped back onto the original.
    """
    if not (subs := residue_edits(text)):
        return _rule_edits(text)
    # the text without residue, and for each of its characters the original range it came from
    parts: list[str] = []
    src_start: list[int] = []
    src_end: list[int] = []
    pos = 0
    for start, end, new in subs:
        parts.append(text[pos:start])
        src_start.extend(range(pos, start))
        src_end.extend(range(pos + 1, start + 1))
        parts.append(new)
        src_start.extend([start] * len(new))
        src_end.extend([end] * len(new))
        pos = end
    parts.append(text[pos:])
    src_start.extend(range(pos, len(text)))
    src_end.extend(range(pos + 1, len(text) + 1))
    edits = [(src_start[a], src_end[b - 1], new) for a, b, new in _rule_edits("".join(parts))]
    covered = {(a, b) for a, b, _ in edits}
    spans = sorted(covered)
    out = list(edits)
    for sub in subs:  # a residue edit stands where no rule's edit covers it
        k = bisect_right(spans, (sub[0], len(text) + 1)) - 1
        if k < 0 or spans[k][1] <= sub[0]:
            out.append(sub)
    return sorted(out)


def _rule_edits(text: str) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits of the NFKC, punctuation, dot and space rules, in order."""
    edits: list[tuple[int, int, str]] = []
    n = len(text)
    pos = 0
    grouped = {m.start() + g.start() for m in _space_grouped().finditer(text) for g in _GROUP_SPACE.finditer(m.group())}
    search = _CANDIDATE.search
    while m := search(text, pos):
        i = m.start()
        c = text[i]
        end = i + 1
        new: str | None
        if c in _SPACES:
            end = _SPACE_RUN.match(text, i).end()  # type: ignore[union-attr]
            new = "," if end == i + 1 and i in grouped else _space(text, i, end)
        elif c == "." and 0 < i < n - 1 and text[i - 1] in _DIGITS and text[i + 1] in _DIGITS:
            new = None  # a decimal point
        elif c == "." or c == "\uff0e":
            new = _dot(text, i)
        elif c == "," or c == "\ufe50":
            thousands = (i and text[i - 1] in _DIGITS and _THOUSANDS.match(text, end)) or _spaced_thousands(text, i)
            new = "," if thousands else "，"
        elif c in _TWIN:
            new = _TWIN[c]
        else:
            new = _nfkc(c)
        if new is not None and new != text[i:end]:
            edits.append((i, end, new))
        pos = end
    if "\uff0c" in text:
        fw = [(i, i + 1, ",") for i in (m.start() for m in _FW_THOUSANDS.finditer(text)) if text[i - 1 : i] in _DIGITS]
        if fw:
            edits = sorted(edits + fw)
    return edits


# ---------------------------------------------------------------------------------------- traditional script


@lru_cache(maxsize=1)
def _converter() -> Callable[[str], str] | None:
    """OpenCC t2s (None when OpenCC is not installed)."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


def simplified(text: str) -> str:
    """Text with traditional characters read as simplified, keeping its length (one character for one).

    Only text with an ideograph OpenCC converts on its own is converted: a text its phrase table alone would
    rewrite is simplified text, left as it is. Converting a whole text costs microseconds, so the first test is
    the conversion itself.
    """
    if text.isascii():
        return text
    convert = _converter()
    if convert is None:
        return text
    out = convert(text)
    if out == text or all(convert(c) == c for c in text):
        return text
    if len(out) == len(text):
        return out
    return "".join(s if len(s := convert(c)) == 1 else c for c in text)


# ------------------------------------------------------------------------------------------------ normalize


@lru_cache(maxsize=1 << 15)
def normalize(text: str) -> Normalized:
    """Normalize text for matching (see the module docstring); offsets map back through the result.

    Cached: the labels of tables and the headings of a series of disclosures repeat.
    """
    edits = _edits(text)
    if not edits:
        simple = simplified(text)
        return Normalized(simple, text)
    parts: list[str] = []
    outs: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    linear: list[bool] = []
    pos = 0  # next original offset not yet copied
    out = 0  # length of the normalized text so far

    def piece(start: int, end: int, is_linear: bool) -> None:
        # A linear piece that continues the previous linear one (a 1:1 edit) extends it.
        if is_linear and linear and linear[-1] and ends[-1] == start and outs[-1] + (ends[-1] - starts[-1]) == out:
            ends[-1] = end
            return
        outs.append(out)
        starts.append(start)
        ends.append(end)
        linear.append(is_linear)

    for start, end, new in edits:
        if start > pos:
            parts.append(text[pos:start])
            piece(pos, start, True)
            out += start - pos
        if new:
            parts.append(new)
            piece(start, end, len(new) == end - start)
            out += len(new)
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        piece(pos, len(text), True)
        out += len(text) - pos
    result = simplified("".join(parts))
    if len(linear) == 1 and linear[0] and starts[0] == 0 and outs[0] == 0 and ends[0] == len(text):
        return Normalized(result, text)  # only 1:1 edits: the identity map
    if not outs:  # everything was removed
        return Normalized(result, text, (0,), (len(text),), (len(text),), (False,))
    return Normalized(result, text, tuple(outs), tuple(starts), tuple(ends), tuple(linear))
