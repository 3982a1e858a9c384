"""What every rule is: an id, a name, a default severity, a docstring, and a check method."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.diagnosis import Terms
from narrcheck.model.claims import Figure
from narrcheck.model.findings import Evidence, Finding, Gap, Severity
from narrcheck.model.location import Location
from narrcheck.numbers import Interval, Verdict, decide
from narrcheck.numbers.parse import format_decimal

Rerun = Callable[[Any], list[Finding]]  # checks one item again with every selected rule

SEVERITY_OF = {
    Verdict.MISMATCH: Severity.ERROR,
    Verdict.UNIT_ERROR: Severity.ERROR,
    Verdict.CONTRADICTION: Severity.ERROR,
    Verdict.INVALID: Severity.WARNING,
    Verdict.TRUNCATION: Severity.INFO,
    Verdict.OK: Severity.INFO,
    Verdict.UNVERIFIABLE: Severity.INFO,
}
DEFAULT_GRADE_BANDS = (("优", Decimal(90)), ("良", Decimal(80)), ("中", Decimal(60)), ("差", Decimal("-Infinity")))


@dataclass(frozen=True)
class Context:
    """What every check may read besides the claim: language, the document's score tables, scoring rules."""

    lang: str = "zh"
    score_tables: tuple[Any, ...] = ()
    grade_bands: tuple[tuple[str, Decimal], ...] = DEFAULT_GRADE_BANDS
    bands_stated: bool = False  # set by the user; otherwise the usual bands are only assumed
    band_gaps: tuple[tuple[Decimal, Decimal], ...] = ()  # scores between two stated bands, in neither (open)
    execution_score: str = "proportional"
    execution_stated: frozenset[int] = frozenset()  # tables whose execution-score rule the document states (unset)
    claims: tuple[Any, ...] = ()  # every claim of the document, for rules that weigh one figure against others
    budget_tables: tuple[Any, ...] = ()
    statements: Any = None  # the document's Statements: every figure and what it measures
    amounts: frozenset[tuple[Decimal, str]] = frozenset()  # every amount the document prints: (value, unit)
    paragraphs: tuple[tuple[int, int], ...] = ()  # where each text block starts, (page or 0, line), in order
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def memo(self, name: str, build: Callable[[], Any]) -> Any:
        """What `build` makes of the document, made once per document (indexes the rules share)."""
        if name not in self._memo:
            self._memo[name] = build()
        return self._memo[name]

    def score_table(self, index: int | None) -> Any:
        return next((t for t in self.score_tables if t.index == index), None) if index is not None else None

    def block_of(self, location: Location) -> tuple[object, ...]:
        """The block a place sits in: its table, else the paragraph whose start precedes it (its line where the
        paragraphs are not known).
        """
        if location.table is not None:
            return ("table", location.table)
        place = (location.page or 0, location.line or 0)
        if not self.paragraphs:
            return ("line", *place)
        return ("paragraph", bisect_right(self.paragraphs, place))

    def bound_across(self, evidence: Sequence[Evidence]) -> bool:
        """Whether an operand was bound by its name in another paragraph of running text (or another file) than
        the claim's own; a table's cells are linked by the table's structure, not bound by name, in whatever
        form the table came (a score table flattened into lines of text as much as a Word table).
        """
        own = self.block_of(evidence[0].location)
        return any(e.path is not None or (e.location.table is None and self.block_of(e.location) != own
                                          and not any(t.holds(e.location) for t in self.score_tables))
                   for e in evidence[1:])

    def band_gap(self, score: Decimal) -> tuple[Decimal, Decimal] | None:
        """The gap between two stated bands the score falls in (89.5 between 良（80-89分） and 优（90-100分）)."""
        return next(((lo, hi) for lo, hi in self.band_gaps if lo < score < hi), None)

    def grade_for(self, score: Decimal) -> str:
        return next(grade for grade, floor in self.grade_bands if score >= floor)

    def band_formula(self, score: Decimal) -> str:
        grade = self.grade_for(score)
        floor = dict(self.grade_bands)[grade]
        return f"{score}>={floor}" if floor.is_finite() else f"{score}<{self.grade_bands[-2][1]}"


class Rule:
    """Base of all rules. Subclasses set the class attributes and implement `check`."""

    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    claim_kind: ClassVar[str]
    claim_kinds: ClassVar[tuple[str, ...]] = ()  # when a rule reads more than one kind

    def check(self, claim: Any, ctx: Context) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def review(self, claims: Sequence[Any], results: list[tuple[int, Finding]], ctx: Context,
               rerun: Rerun) -> list[tuple[int, Finding]]:
        """After every rule has checked every claim: the findings, as this rule would have them (index -1 for a
        finding of its own). `rerun` checks an item again. Most rules leave them as they are.
        """
        return results

    # --- helpers for subclasses ------------------------------------------------------------------------
    def severity_for(self, verdict: Verdict) -> Severity:
        if SEVERITY_OF[verdict] is Severity.ERROR:
            return self.severity
        return SEVERITY_OF[verdict]

    def judge(self, ctx: Context, claimed: Figure, computed: Interval, formula: str,
              evidence: list[Evidence], section: tuple[str, ...], source: str = "rule",
              claimed_value: Decimal | None = None, decimals: int | None = None, about: str = "",
              wording: str = "", terms: Terms | Callable[[], Terms] | None = None,
              falls: bool | None = None, quantity: str = "") -> Finding:
        """A finding from the rounding rule: `claimed` against the interval `computed` (`about`: of what;
        `quantity`: the WHAT key naming the figure where the rule checks several kinds, default its name). A
        percentage claimed below zero is weighed by its size; its expected value is shown negative where what it
        measures fell (`falls`; not given: where the claim says so).

        With `wording`, the message is MESSAGES["<verdict>-<wording>"] where there is one (the expected value
        read from a table rather than computed). A truncation is diagnosed as such; a mismatch by the readings
        that `terms` (the operands bound, by role) allow.
        """
        value = claimed.decimal if claimed_value is None else claimed_value
        dec = claimed.quantity.decimals if decimals is None else decimals
        if falls is None:  # (增长-3.12%: weighed by its size, shown with the sign of what happened, else its own)
            falls = claimed_value is None and claimed.unit == "%" and value < 0
        decision = decide(abs(value) if claimed_value is None and claimed.unit == "%" else value, dec, computed)
        # (the claim as printed, where `decimals` only says how precisely it is meant: 99 meant as 99.0)
        shown = format_decimal(value, claimed.quantity.decimals if claimed_value is None else dec)
        expected = format_decimal(-decision.expected if falls and value < 0 else decision.expected, dec)
        key = decision.verdict.value
        worded = f"{key}-{wording}" if f"{key}-{wording}" in i18n.MESSAGES else key
        msg = i18n.message(worded, ctx.lang, what=i18n.what(quantity or self.name, ctx.lang, about), claimed=shown,
                           expected=expected)
        gap, why = None, None
        if decision.verdict is not Verdict.OK:
            rel = decision.relative_gap
            gap = Gap(absolute=_short(decision.gap), relative=_short(rel) if rel is not None else None)
        if decision.verdict is Verdict.TRUNCATION:
            why = diagnosis.truncated(formula, shown, ctx.lang)
        elif decision.verdict is Verdict.MISMATCH:
            why = diagnosis.diagnose(terms() if callable(terms) else terms, value, dec, ctx.lang)
        return Finding(rule=self.id, name=self.name, verdict=key, severity=self.severity_for(decision.verdict),
                       message=msg, claimed=shown, expected=expected, formula=formula, evidence=evidence,
                       section=list(section), gap=gap, source=source, diagnosis=why)

    def first_holding(self, ctx: Context, readings: Iterable[Finding], operand: str, claimed: str,
                      evidence: list[Evidence], section: tuple[str, ...], source: str = "rule") -> Finding:
        """An operand with several possible values: the first reading that holds, else unverifiable with every
        formula tried (a wrong binding is never reported as the document's error).
        """
        tried = []
        for finding in readings:
            if finding.verdict == Verdict.OK.value:
                return finding
            tried.append(finding.formula or "")
        detail = i18n.detail("ambiguous-operand", ctx.lang, operand=i18n.detail(operand, ctx.lang),
                             candidates="; ".join(tried))
        return self.verdict_finding(ctx, Verdict.UNVERIFIABLE, detail, evidence, section, claimed=claimed,
                                    source=source)

    def verdict_finding(self, ctx: Context, verdict: Verdict, detail: str, evidence: list[Evidence],
                        section: tuple[str, ...], claimed: str | None = None, expected: str | None = None,
                        formula: str | None = None, source: str = "rule", about: str = "",
                        template: str | None = None) -> Finding:
        """A finding whose verdict was decided without the rounding rule (unverifiable, contradiction …).

        The message is the verdict's, or `template`'s (a MESSAGES key) when the rule words it itself.
        """
        key = template or (verdict.value if verdict.value in i18n.MESSAGES else "contradiction")
        if template is None and detail and verdict is not Verdict.OK and "{detail}" not in i18n.MESSAGES[key]["zh"]:
            key = "stated-elsewhere"  # (a verdict's own wording would drop the detail that says what is wrong)
        msg = i18n.message(key, ctx.lang, what=i18n.what(self.name, ctx.lang, about), detail=detail,
                           claimed=claimed or "", expected=expected or "", unit="", expected_unit="")
        return Finding(rule=self.id, name=self.name, verdict=verdict.value, severity=self.severity_for(verdict),
                       message=msg, claimed=claimed, expected=expected, formula=formula, evidence=evidence,
                       section=list(section), source=source)


def unit_slip(ctx: Context, rule: Rule, fig: Figure, unit: str, computed_with_slip: Interval, target: Figure,
              evidence: list[Evidence], section: tuple[str, ...], formula: str, source: str,
              slipped_formula: str | None = None) -> Finding | None:
    """A unit_error finding when `fig` printed in `unit` instead of its own unit makes `target` hold.

    `formula` converts `fig` to `unit` as printed; `slipped_formula`, the arithmetic that holds (by default
    `formula` with `fig` read in `unit`), is the diagnosis.
    """
    q = target.quantity
    if not computed_with_slip.meets_printed(abs(q.value) if q.is_percent else q.value, q.decimals):
        return None
    return unit_error(ctx, rule, fig, unit, evidence, section, formula, source,
                      holds=slipped_formula or formula.replace(show(fig, unit), fig.value))


def unit_error(ctx: Context, rule: Rule, fig: Figure, unit: str, evidence: list[Evidence],
               section: tuple[str, ...], formula: str, source: str, about: str = "",
               holds: str | None = None) -> Finding:
    """The unit_error finding for `fig`, whose digits hold when read in `unit` (the caller has shown they do);
    `about` names the quantity in the message, else the figure's own subject does; `holds`, the arithmetic that
    holds with the digits so read (default `formula`), is its unit_slip diagnosis.
    """
    what = i18n.what(rule.name, ctx.lang, about) if about else short_name(fig.subject) or i18n.what(rule.name, ctx.lang)
    msg = i18n.message("unit_error", ctx.lang, what=what,
                       claimed=fig.value, unit=fig.unit, expected=fig.value, expected_unit=unit)
    why = diagnosis.make("unit_slip", holds or formula, ctx.lang, unit=unit)
    return Finding(rule=rule.id, name=rule.name, verdict=Verdict.UNIT_ERROR.value,
                   severity=rule.severity_for(Verdict.UNIT_ERROR), message=msg, claimed=fig.value,
                   expected=fig.value, formula=formula, evidence=evidence, section=list(section), source=source,
                   diagnosis=why)


def with_unit(fig: Figure, unit: str) -> Figure:
    """The same printed digits read in another unit (to test whether a unit was mistyped)."""
    return fig.model_copy(update={"unit": unit})


def unsure(finding: Finding, ctx: Context) -> Finding:
    """A mismatch no reading explains whose operands were bound by name in another paragraph or file: the binding
    may be what is wrong, so it is a warning (not an error) and its message says where each operand was taken
    from, so a wrong binding shows at a glance (issue 14's confidence from the diagnosis). Others unchanged.
    """
    if finding.verdict != Verdict.MISMATCH.value or finding.diagnosis is not None \
            or finding.severity is not Severity.ERROR or not ctx.bound_across(finding.evidence):
        return finding
    named = i18n.lines_named(finding.message, ctx.lang)  # (an operand on a line the message names is not named again)
    places = "；".join(i18n.detail("bound-at", ctx.lang, line=str(e.location.line), quote=e.quote)
                      for e in finding.evidence[1:]
                      if e.location.line is not None and e.path is None and str(e.location.line) not in named)
    message = finding.message + (i18n.detail("bound-elsewhere", ctx.lang, operands=places) if places else "")
    return finding.model_copy(update={"severity": Severity.WARNING, "message": message})


def _short(value: Decimal) -> str:
    return format_decimal(value, 4) if abs(value) < 1000 else format_decimal(value, 2)


def evidence_for(quote: str, location: Location, *figures: Figure | None) -> list[Evidence]:
    """The claim's own quote first, then every operand stated elsewhere (another line)."""
    out = [Evidence(quote=quote, location=location)]
    seen = {location.line}
    for fig in figures:
        if fig is not None and fig.location.line not in seen:
            seen.add(fig.location.line)
            out.append(Evidence(quote=(fig.subject + fig.text)[-60:], location=fig.location))
    return out


def sum_formula(terms: Iterable[str]) -> str:
    """Terms written as one sum a person can redo: a+b, and a-b where a term is negative (not a+-b)."""
    out = ""
    for term in terms:
        out += term if not out or term.startswith("-") else "+" + term
    return out


_CUT_FIGURE = re.compile(r"^[\d.,，]*[年月日号]?")


def short_name(subject: str, width: int = 20) -> str:
    """A figure's subject as a message names it: its last `width` characters, with a leading "…" where it was
    cut, never opening inside a figure or a date (…办公设备购置支出, not 023年办公设备购置支出).
    """
    if len(subject) <= width:
        return subject
    return "…" + _CUT_FIGURE.sub("", subject[-width:])


def show(fig: Figure, unit: str | None = None) -> str:
    """A figure as it enters a formula, converted to `unit` when needed (the conversion is written out)."""
    q = fig.quantity
    if unit and q.is_money and unit != q.unit and unit:
        factor = q.scale_to(unit)
        return f"{fig.value}*{factor.normalize():f}" if factor >= 1 else f"{fig.value}/{(1 / factor).normalize():f}"
    return fig.value
