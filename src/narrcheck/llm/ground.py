"""Grounding: an LLM claim counts only if its quote is in the source and every number it gives is printed there.

The quote is found by exact substring search in the chunk's paragraphs (both normalized as patterns read them:
numbers.normalize), never by offsets the model returns. Every number must be in the quote, except the base a
claim is measured against (a change's prior, a share's or a completion's whole): that one may stand elsewhere in
the paragraphs sent, which is the question the rules could not answer (which figure is this rate's base?), and
is taken only where it is printed exactly once there, as an amount like the claim's own. Every value is read
from the text where it stands, never from the model's digits. A claim that fails is dropped with a reason; one
that passes becomes a claim of narrcheck.model.claims with source "llm", located in the file like a rule claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal, TypedDict

from narrcheck.extract.rules import Unit
from narrcheck.lexicon import entry, matcher, words
from narrcheck.model.claims import (
    ChangeClaim,
    Claim,
    Figure,
    ProjectFigureClaim,
    RatioClaim,
    ReasonClaim,
    ScoreClaim,
    ShareClaim,
)
from narrcheck.model.llm import LLMClaim
from narrcheck.model.location import Location
from narrcheck.numbers import normalize_digits, parse_number
from narrcheck.numbers.normalize import normalize

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_UP = matcher("direction.up")
_DOWN = matcher("direction.down")
MONEY_UNITS = words("units.money")
# a count the model reads is a count of the project's indicators only where the quote names them
_INDICATORS = matcher("indicators.words")


class _Common(TypedDict):
    """The fields every grounded claim shares: its quote, place and section, and "llm" as its source."""

    quote: str
    location: Location
    section: tuple[str, ...]
    source: Literal["llm"]


@dataclass(frozen=True)
class Placed:
    """A quote found in a unit: where it starts in the unit's text."""

    unit: Unit
    start: int
    text: str  # the quote as it stands in the unit (digits folded)


@dataclass(frozen=True)
class Outcome:
    """A grounded claim, or the reason a proposed claim was dropped."""

    claim: Claim | None
    reason: str = ""


def folded(text: str) -> str:
    """Text as the units' text reads it (normalized, full-width digits folded), edge punctuation trimmed: how a
    quote is looked up.
    """
    return normalize_digits(normalize(text).text).strip().strip("。；;，,")


def locate(quote: str, units: Sequence[Unit]) -> Placed | None:
    """The first unit that holds the quote verbatim (after folding full-width digits and trimming)."""
    wanted = folded(quote)
    if len(wanted) < 4:
        return None
    for unit in units:
        pos = unit.text.find(wanted)
        if pos >= 0:
            return Placed(unit, pos, wanted)
    return None


def numbers_in(text: str) -> dict[Decimal, int]:
    """Each number printed in the text (thousands separators removed) with the offset of its first digit."""
    out: dict[Decimal, int] = {}
    for m in _NUMBER.finditer(normalize_digits(text)):
        out.setdefault(Decimal(m.group(0).replace(",", "")), m.start())
    return out


def _value(digits: str | None) -> Decimal | None:
    if digits is None or not str(digits).strip():
        return None
    try:
        return Decimal(normalize_digits(str(digits)).replace(",", "").replace("%", "").strip())
    except InvalidOperation:
        raise ValueError(f"not a number: {digits!r}") from None


def ground(proposed: LLMClaim, units: Sequence[Unit], bind: Callable[[str, Unit], tuple[int | None, str]]
           ) -> Outcome:
    """The claim, checked against the text it says it came from. `bind` finds a score's table."""
    placed = locate(proposed.quote, units)
    if placed is None:
        return Outcome(None, "quote-not-found")
    found = numbers_in(placed.text)
    figures: dict[str, Figure] = {}
    for name in ("value", "prior", "delta", "rate", "whole"):
        try:
            value = _value(getattr(proposed, name))
        except ValueError:
            return Outcome(None, "not-a-number")
        if value is None:
            continue
        if value in found:
            figures[name] = _figure(placed, found[value], name, proposed)
            continue
        elsewhere = _base_elsewhere(value, units) if name in BASES else None
        if elsewhere is None:
            return Outcome(None, "number-not-in-quote")
        figures[name] = _figure(elsewhere[0], elsewhere[1], name, proposed)
        if "value" not in figures or figures[name].unit != figures["value"].unit:
            return Outcome(None, "base-unlike-value")  # a base from elsewhere: an amount like the claim's own
    direction = proposed.direction
    if direction == "up" and not _UP.search(placed.text) or direction == "down" and not _DOWN.search(placed.text):
        direction = None  # a direction the quote's own words do not give is not taken
    unit, where = placed.unit, placed.unit.locate(placed.start)
    common: _Common = {"quote": unit.raw[placed.start:placed.start + len(placed.text)], "location": where,
                       "section": unit.section, "source": "llm"}
    kind = proposed.kind
    if kind == "change" and "value" in figures and ("delta" in figures or "rate" in figures):
        return Outcome(ChangeClaim(subject=proposed.subject, current=figures.get("value"),
                                   prior=figures.get("prior"), delta=figures.get("delta"),
                                   rate=figures.get("rate"), delta_direction=direction,
                                   rate_direction=direction, **common))
    if kind == "share" and "rate" in figures:
        return Outcome(ShareClaim(part=figures.get("value"), whole=figures.get("whole"), percent=figures["rate"],
                                  **common))
    if kind == "score" and "value" in figures:
        table, how = bind(placed.text, unit)
        return Outcome(ScoreClaim(score=figures["value"], subject=proposed.subject, table=table, binding=how,
                                  **common))
    if kind == "completion" and "rate" in figures:
        return Outcome(RatioClaim(measure=proposed.subject or entry("ratio.completion_name"), percent=figures["rate"],
                                  numerator=figures.get("value"), denominator=figures.get("whole"), **common))
    if kind == "count" and "value" in figures and _INDICATORS.search(placed.text):
        table, how = bind(placed.text, unit)
        count = figures["value"].model_copy(update={"unit": entry("indicators.count_unit")})
        return Outcome(ProjectFigureClaim(figure=count, measure="indicator_count", table=table, binding=how,
                                          **common))
    if kind == "reason" and direction is not None and proposed.driver and proposed.driver in placed.text:
        change = ChangeClaim(subject=proposed.subject, **common)
        return Outcome(ReasonClaim(change=change, reason=placed.text, reason_direction=direction,
                                   words=(proposed.driver,), **common))
    return Outcome(None, "incomplete")


BASES = ("prior", "whole")  # the operands a claim is measured against: these may stand outside the quote


def _base_elsewhere(value: Decimal, units: Sequence[Unit]) -> tuple[Placed, int] | None:
    """Where the paragraphs sent print `value`, when they print it exactly once (else None: no guessing)."""
    places = [(Placed(u, 0, u.text), m.start()) for u in units for m in _NUMBER.finditer(u.text)
              if Decimal(m.group(0).replace(",", "")) == value]
    return places[0] if len(places) == 1 else None


def _figure(placed: Placed, offset: int, name: str, proposed: LLMClaim) -> Figure:
    """The number at `offset` of the quote as a located Figure, with the unit that follows it in the text."""
    text = placed.text
    m = _NUMBER.match(text, offset)
    end = m.end() if m else offset
    after = text[end:end + 2]
    unit = "%" if after.startswith(("%", "％")) or name == "rate" else next(
        (u for u in MONEY_UNITS if after.startswith(u) or text[end:end + 3].startswith(u)), "")
    if not unit and name != "rate" and proposed.unit in MONEY_UNITS:
        unit = proposed.unit
    digits = text[offset:end]
    q = parse_number(digits, unit)
    where = placed.unit.locate(placed.start + offset)
    printed = placed.unit.raw[placed.start + offset:placed.start + end + (len(unit) if text[end:].startswith(unit)
                                                                           else 0)]
    return Figure(value=q.digits(), unit=q.unit, text=printed, subject=proposed.subject, location=where)
