"""Text to Quantity: a Decimal value, the decimals it was printed with, and its unit.

Normalisation is one character for one character, so offsets found in normalised text are valid in the
original text too (readers and locations rely on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from narrcheck.lexicon import entry, words
from narrcheck.limits import MAX_SIGNIFICANT_DIGITS

# Money units and their value in 元 (lexicon [units]: 元, 百元, 千元, 万元, 亿元).
MONEY_UNITS: dict[str, Decimal] = {unit: Decimal(value) for unit, value in entry("units.money").items()}
PERCENT = "%"
# Units that count things rather than measure money (人次, 辆, 台（套） …, as text and as table cells print them).
COUNT_UNITS: tuple[str, ...] = words("units.count", "units.count_ascii")

_FULLWIDTH = {ord("０") + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({ord("．"): ord("."), ord("％"): ord("%"), ord("－"): ord("-"), ord("−"): ord("-"),
                   ord("＋"): ord("+"), ord("﹪"): ord("%")})


_NEEDS_MAPPING = re.compile("[" + "".join(map(chr, _FULLWIDTH)) + "]")


def normalize_digits(text: str) -> str:
    """Map full-width digits, ．, ％ and minus signs to ASCII, one character for one, keeping offsets."""
    return text.translate(_FULLWIDTH) if _NEEDS_MAPPING.search(text) else text


@dataclass(frozen=True)
class Quantity:
    """A printed figure: exact Decimal value, decimals shown, unit ('' when none)."""

    value: Decimal
    decimals: int
    unit: str = ""
    text: str = ""

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def is_percent(self) -> bool:
        return self.unit == PERCENT

    @property
    def is_count(self) -> bool:
        return self.unit in COUNT_UNITS

    def digits(self) -> str:
        """The printed digits, without thousands separators (the JSON form of the figure)."""
        return format_decimal(self.value, self.decimals)

    def in_unit(self, unit: str) -> Decimal:
        """The value expressed in another money unit (exact)."""
        if self.unit == unit or not (self.is_money and unit in MONEY_UNITS):
            return self.value
        return self.value * MONEY_UNITS[self.unit] / MONEY_UNITS[unit]

    def scale_to(self, unit: str) -> Decimal:
        """Factor that converts this quantity's unit into `unit` (1 when not both money)."""
        if self.unit == unit or not (self.is_money and unit in MONEY_UNITS):
            return Decimal(1)
        return MONEY_UNITS[self.unit] / MONEY_UNITS[unit]


_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def significant_digits(value: str) -> int:
    """How many significant digits printed digits carry (64.40 has four)."""
    return len(value.lstrip("+-").replace(".", "").lstrip("0"))


@lru_cache(maxsize=16384)
def parse_number(text: str, unit: str = "") -> Quantity:
    """Parse printed digits (full-width, thousands separators and signs allowed) into a Quantity.

    >>> parse_number("1,025.24", "万元").value
    Decimal('1025.24')
    """
    raw = normalize_digits(text).strip().replace(" ", "")
    if not _NUMBER.match(raw):
        raise ValueError(f"not a number: {text!r}")
    plain = raw.replace(",", "")
    if significant_digits(plain) > MAX_SIGNIFICANT_DIGITS:
        raise ValueError(f"not a figure: {text!r} has more than {MAX_SIGNIFICANT_DIGITS} significant digits")
    try:
        value = Decimal(plain)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"not a number: {text!r}") from exc
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return Quantity(value=value, decimals=decimals, unit=unit, text=text)


def format_decimal(value: Decimal, decimals: int) -> str:
    """Print a Decimal with exactly `decimals` places, no exponent."""
    quant = Decimal(1).scaleb(-decimals) if decimals > 0 else Decimal(1)
    return f"{value.quantize(quant):f}"


_CN_DIGITS: dict[str, int] = dict(entry("numerals.digits"))  # 一 → 1, 两 → 2, 〇 → 0 …
_CN_UNITS: dict[str, int] = dict(entry("numerals.multipliers"))  # 十 → 10, 百 → 100, 千 → 1000


def parse_chinese_numeral(text: str) -> int:
    """Parse a Chinese numeral for counts (一 … 九千九百九十九, 两, 〇/零).

    >>> parse_chinese_numeral("十二")
    12
    """
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
    return total + current
