from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel

from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rerun, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import LEAVES as _LEAVES
from narrcheck.model.claims import Figure
from narrcheck.model.claims import fields_of as _fields
from narrcheck.model.claims import figures as _figures
from narrcheck.model.findings import Evidence, Finding, Severity
from narrcheck.model.location import Location
from narrcheck.numbers import Verdict
from narrcheck.numbers.parse import format_decimal

OK, MISMATCH = Verdict.OK.value, Verdict.MISMATCH.value
QUIET = {OK, Verdict.UNVERIFIABLE.value, Verdict.TRUNCATION.value}  # verdicts that raise no error
MAX_FIGURES = 100  # figures tried per document, in reading order (a document in ruins explains itself no better)
MIN_CLAIMS = 2  # one failing claim can always be mended by moving one of its figures: that explains nothing
FigureKey = tuple[Location, str, str]  # a printed figure: where it stands, its digits and unit
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


@register
class WrongFigure(Rule):
    """One stated figure, corrected, makes every failing claim that uses it check.

    Where changing one printed figure to one value turns every mismatch on it into a claim that checks, and
    breaks none that checks today (and no reading of its own explains one of them), the figure is reported
    once, with the claims it explains (the single findings stay in `--all`, each diagnosed `figure_typo`).
    Fails: “会议费2024年预算6.00万元，2023年预算9.50万元；对比减少3.25万元；减少率35.14%”: with 9.25 for 9.50
    both the fall (6.00 from 9.25) and its rate (3.25/9.25) check: one finding, “9.50 is probably 9.25”.
    Passes: the same with 9.25 printed.
    """

    id = "NC109"
    name = "wrong-figure"
    claim_kind = ""  # it reads no claim: it reviews the other rules' findings

    def check(self, claim: Any, ctx: Context) -> Iterator[Finding]:
        return iter(())

    def review(self, claims: Sequence[Any], results: list[tuple[int, Finding]], ctx: Context,
               rerun: Rerun) -> list[tuple[int, Finding]]:
        """`results` with every single finding a corrected figure explains diagnosed `figure_typo`, and one
        finding per such figure (index -1) after them.
        """
        fixes = _fixes(claims, results, ctx, rerun)
        if not fixes:
            return results
        out = list(results)
        for fix in fixes:
            why = diagnosis.make("figure_typo", fix.formula, ctx.lang, printed=fix.figure.value, value=fix.value,
                                 count=len(fix.explained))
            for pos in fix.explained:
                i, f = out[pos]
                out[pos] = (i, f.model_copy(update={"diagnosis": why}))
            singles = [out[pos][1] for pos in fix.explained]
            evidence = [Evidence(quote=(fig.subject + fig.text)[-60:], location=fig.location)
                        for fig in (fix.figure, *fix.also)]
            evidence += [e for f in singles for e in f.evidence[:1]]
            firsts: dict[Location, Evidence] = {}  # one piece of evidence per place, the figure's own first
            for e in evidence:
                firsts.setdefault(e.location, e)
            evidence = list(firsts.values())
            out.append((-1, Finding(rule=self.id, name=self.name, verdict=Verdict.MISMATCH.value,
                                    severity=Severity.ERROR, message=why.message, claimed=fix.figure.value,
                                    expected=fix.value, formula=fix.formula, evidence=evidence,
                                    section=singles[0].section, source=singles[0].source, diagnosis=why)))
        return out


@dataclass(frozen=True)
class _Fix:
    figure: Figure
    value: str
    explained: tuple[int, ...]  # positions in the results
    formula: str
    also: tuple[Figure, ...] = ()  # the same wrong value printed at other places, mended by the same value


def _key(fig: Figure) -> FigureKey:
    """One printed figure: where it stands and what it says (the same digits elsewhere are another figure)."""
    return fig.location, fig.value, fig.unit


def _narrative(item: Any) -> bool:
    return isinstance(item, BaseModel) and hasattr(item, "quote")


def _replace(item: Any, key: FigureKey, new: Figure) -> Any:
    """The item with the figure `key` replaced by `new` wherever _figures finds it (the rest shared, not
    copied).
    """
    if isinstance(item, Figure):
        return new if _key(item) == key else item
    if isinstance(item, dict):
        mapped = {k: _replace(v, key, new) for k, v in item.items()}
        return mapped if any(mapped[k] is not item[k] for k in item) else item
    if isinstance(item, tuple | list):
        values = [_replace(v, key, new) for v in item]
        return type(item)(values) if any(a is not b for a, b in zip(values, item, strict=True)) else item
    if isinstance(item, _LEAVES) or (fields_of := _fields(item)) is None:
        return item
    changed = {name: v for name, value in fields_of.items() if (v := _replace(value, key, new)) is not value}
    if not changed:
        return item
    return item.model_copy(update=changed) if isinstance(item, BaseModel) else replace(item, **changed)


def _finding_key(f: Finding) -> tuple[str, Location]:
    """One finding of an item, the same before and after a figure changes: its rule and where it points."""
    return f.rule, f.evidence[0].location


def _verdicts(findings: list[Finding]) -> dict[tuple[str, Location], str]:
    """Each finding's key -> the worst verdict given there (ok only when every finding there is ok)."""
    out: dict[tuple[str, Location], str] = {}
    for f in findings:
        k = _finding_key(f)
        out[k] = f.verdict if out.get(k, OK) == OK else out[k]
    return out


def _fixes(claims: Sequence[Any], results: list[tuple[int, Finding]], ctx: Context, rerun: Rerun) -> list[_Fix]:
    """The figures whose correction explains two or more mismatches (and breaks nothing), one fix each."""
    uses: dict[FigureKey, list[int]] = defaultdict(list)  # figure -> positions of the mismatches on it
    figure_of: dict[FigureKey, Figure] = {}
    held: dict[int, list[Figure]] = {}  # each item's figures, walked once
    placed: dict[int, dict[Location, list[int]]] = {}  # each item's figures by place: their positions in held

    def figures_of(i: int) -> list[Figure]:
        if i not in held:
            held[i] = list(_figures(claims[i]))
        return held[i]

    def quoted(i: int, f: Finding) -> list[Figure]:
        """The item's figures the finding uses: a claim's finding each of its claim's figures, a table's or the
        statements' only those it quotes (in the item's order).
        """
        if _narrative(claims[i]):
            return figures_of(i)
        if i not in placed:
            placed[i] = defaultdict(list)
            for n, fig in enumerate(figures_of(i)):
                placed[i][fig.location].append(n)
        at = sorted({n for e in f.evidence for n in placed[i].get(e.location, ())})
        return [held[i][n] for n in at]

    for pos, (i, f) in enumerate(results):
        if i < 0 or f.verdict != MISMATCH:
            continue
        for fig in quoted(i, f):
            key = _key(fig)
            positions = uses[key]
            if not positions or positions[-1] != pos:  # (positions grow in order)
                figure_of[key] = fig
                positions.append(pos)
    wanted = {k for k, positions in uses.items() if len(positions) >= MIN_CLAIMS}
    if not wanted:
        return []
    # the same value printed at other places, each with a mismatch of its own: mended with it, or not at all
    alike: dict[tuple[str, str], list[FigureKey]] = defaultdict(list)  # by digits and unit
    values = {w[1:] for w in wanted}
    for k in sorted(uses, key=lambda k: (k[0].line or 0, k[0].column or 0)):
        if k not in wanted and k[1:] in values:
            alike[k[1:]].append(k)
    holders: dict[FigureKey, set[int]] = defaultdict(set)

    def held_by(key: FigureKey) -> set[int]:  # (walked once, when a candidate first needs it)
        if not holders:
            others = {k for ks in alike.values() for k in ks}
            for i in range(len(claims)):
                for fig in figures_of(i):
                    if (k := _key(fig)) in wanted or k in others:
                        holders[k].add(i)
        return holders[key]

    def with_companions(fix: _Fix) -> _Fix:
        """The fix, extended to the other places that print the same wrong value, where the same value mends
        each (a total copied into a second table: one typo, printed twice).
        """
        explained, formulas, also = list(fix.explained), [fix.formula], []
        mended = _mend(list(claims), fix.figure, fix.value, held_by(_key(fix.figure)))  # each tried with the others
        for key in alike.get(_key(fix.figure)[1:], ()):
            if any(pos in explained for pos in uses[key]):
                continue
            more = _try(figure_of[key], fix.value, uses[key], held_by(key), by_item, mended, results, rerun)
            if more is not None:
                explained += more.explained
                formulas.append(more.formula)
                also.append(figure_of[key])
                mended = _mend(mended, figure_of[key], fix.value, held_by(key))
        if not also:
            return fix
        formula = "; ".join(dict.fromkeys(part for f in formulas for part in f.split("; ")))
        return replace(fix, explained=tuple(explained), formula=formula, also=tuple(also))

    by_item: dict[int, list[int]] = defaultdict(list)
    for pos, (i, _) in enumerate(results):
        by_item[i].append(pos)
    found: list[_Fix] = []
    for key in sorted(wanted, key=lambda k: (k[0].line or 0, k[0].column or 0))[:MAX_FIGURES]:
        fig = figure_of[key]
        elsewhere = _restated(key, ctx)
        if fig.value in elsewhere:
            continue  # the same amount printed the same elsewhere: one mention alone is not the typo
        failing = [results[pos][1] for pos in uses[key]]
        for value in _candidates(fig, failing):
            if not _plausible(fig, value, failing) or any(n != Decimal(value) for v in elsewhere for n in _number(v)):
                continue  # (printed otherwise elsewhere, the quantity would still disagree with itself)
            fix = _try(fig, value, uses[key], held_by(key), by_item, claims, results, rerun)
            if fix is not None:
                found.append(with_companions(fix))
                break
    # a claim explained by two different figures is explained by neither (the text cannot tell which is wrong)
    seen: dict[int, int] = defaultdict(int)
    for fix in found:
        for pos in fix.explained:
            seen[pos] += 1
    return [fix for fix in found if all(seen[pos] == 1 for pos in fix.explained)]


def _corrected(fig: Figure, value: str) -> Figure:
    """The figure as it would be printed with `value`."""
    return fig.model_copy(update={"value": value, "text": fig.text.replace(fig.value, value, 1)})


def _mend(claims: list[Any], fig: Figure, value: str, holders: set[int]) -> list[Any]:
    """The items with `fig` replaced by `value` in those that hold it."""
    new = _corrected(fig, value)
    for i in holders:
        claims[i] = _replace(claims[i], _key(fig), new)
    return claims


def _restated(key: FigureKey, ctx: Context) -> list[str]:
    """The values the document prints for the figure's quantity at other places."""
    items = ctx.statements.items if ctx.statements is not None else ()
    names_of, places_of = ctx.memo("nc109_statements", lambda: _statement_names(items))
    at = sorted(n for name in names_of.get(key, ()) for n in places_of[name])
    return [items[n].figure.value for n in at if _key(items[n].figure) != key]


StatementName = tuple[str, str, str]


def _statement_names(items: Sequence[Any]) -> tuple[dict[FigureKey, set[StatementName]],
                                                      dict[StatementName, list[int]]]:
    """The names the statements give each figure, and the statements' positions by name."""
    names_of: dict[FigureKey, set[StatementName]] = defaultdict(set)
    places_of: dict[StatementName, list[int]] = defaultdict(list)
    for n, st in enumerate(items):
        # (a list's part is keyed under its whole: 本年支出·项目支出)
        name = st.key.subject.split("·")[-1], st.key.period, st.key.measure
        names_of[_key(st.figure)].add(name)
        places_of[name].append(n)
    return names_of, places_of


def _signed(formula: str, claimed: str) -> str:
    """The claimed figure as the formula's result: without its minus where the formula gives the size alone
    (|38-73|/73*100=47.95, not =-47.95: a person redoing the sum must get what is written).
    """
    value = diagnosis.value_of(formula)
    return claimed[1:] if claimed.startswith("-") and value is not None and value >= 0 else claimed


def _with(formula: str, token: str, value: str) -> str:
    """The formula with the printed figure `token` (as a whole number token) written as `value`."""
    return _NUMBER.sub(lambda m: value if m.group() == token else m.group(), formula)


def _plausible(fig: Figure, value: str, failing: list[Finding]) -> bool:
    """A quick look before the rules run again: each failing formula that is arithmetic gives its claimed
    figure with `value` in the figure's place (where the figure is the claimed one, it gives `value`), and
    there is one at least (a fix needs an equation a person can redo).
    """
    checked = False
    for f in failing:
        if not f.formula or not f.claimed or not diagnosis.computed(f.formula):
            continue
        if f.claimed == fig.value:
            if not diagnosis.reproduces(f.formula, value):
                return False
            checked = True
        elif any(m.group() == fig.value for m in _NUMBER.finditer(f.formula)):
            mended = _with(f.formula, fig.value, value)
            # (a formula gives the claimed figure, or, where the claimed figure is its own result, the expected)
            if not diagnosis.reproduces(mended, f.claimed) and not diagnosis.reproduces(mended, f.expected or ""):
                return False
            checked = True
    return checked


def _try(fig: Figure, value: str, failing: list[int], holders: set[int], by_item: dict[int, list[int]],
         claims: Sequence[Any], results: list[tuple[int, Finding]], rerun: Rerun) -> _Fix | None:
    """The fix when `value` in place of `fig` turns every mismatch on it into ok and breaks nothing."""
    new = _corrected(fig, value)
    after: dict[int, list[Finding]] = {}
    for i in sorted(holders | {results[pos][0] for pos in failing}):
        findings = rerun(_replace(claims[i], _key(fig), new))
        before, now = _verdicts([results[pos][1] for pos in by_item[i]]), _verdicts(findings)
        if any(v not in QUIET and before.get(k, OK) in QUIET for k, v in now.items()):
            return None  # something that raised no error (or was not there) now fails
        after[i] = findings
    equations = []
    for pos in failing:
        i, f = results[pos]
        mended = [g for g in after[i] if _finding_key(g) == _finding_key(f)]
        if any(g.verdict != OK for g in mended):
            return None
        equations += [f"{g.formula}={_signed(g.formula, g.claimed)}" for g in mended if g.formula and g.claimed
                      and diagnosis.computed(g.formula) and diagnosis.reproduces(g.formula, g.claimed)]
    if not equations or any((d := results[pos][1].diagnosis) is not None and not diagnosis.weak(d.code)
                            for pos in failing):
        return None  # nothing a person can redo, or a reading of its own explains one of the claims
    return _Fix(fig, value, tuple(failing), "; ".join(dict.fromkeys(equations)))


def _candidates(fig: Figure, failing: list[Finding]) -> list[str]:
    """Values of `fig` that make one failing claim hold: its expected value where it is the claimed figure,
    the claimed one where it is the expected (a restatement), else the value solving the claim's formula for
    it; printed with the figure's decimals or up to two more (a typo may have dropped a digit: 12.5 for
    12.35); the roundest first (300.00 before 300.01), and of those a value a claim gives outright (the plain
    sum of a total's parts) before one solved for (a rate's operand, which its rounding leaves loose), then in
    the order found.
    """
    decimals = fig.quantity.decimals
    seen = {fig.quantity.value}
    out: dict[str, bool] = {}  # value -> solved for (only: no claim gives it outright)
    for f in failing:
        values: list[Decimal] = []
        solved = False
        if f.claimed == fig.value and f.expected:
            values += _number(f.expected)
        elif f.expected == fig.value and f.claimed:  # a restatement: the figure restated elsewhere
            values += _number(f.claimed)
        elif f.formula and f.claimed:
            values += [x for target in _number(f.claimed) for x in _solve(f.formula, fig.value, target)]
            solved = True
        for v in values:
            for extra in range(3):
                text = format_decimal(v, decimals + extra)
                if text in out:
                    out[text] = out[text] and solved
                elif Decimal(text) not in seen and not text.startswith("-") and Decimal(text) != 0:
                    seen.add(Decimal(text))
                    out[text] = solved
    return sorted(out, key=lambda text: (len(text.rstrip("0").partition(".")[2]), out[text]))


def _number(text: str) -> list[Decimal]:
    """The printed figure as a number, or nothing (a verdict's words, a range)."""
    try:
        return [Decimal(text)]
    except ArithmeticError:
        return []


def _solve(formula: str, token: str, target: Decimal) -> list[Decimal]:
    """The x where the formula, with `token` replaced by x, gives ±target (secant steps; [] when it will not)."""
    if not any(m.group() == token for m in _NUMBER.finditer(formula)):
        return []

    def at(x: Decimal) -> Decimal | None:
        return diagnosis.value_of(_with(formula, token, f"{x:f}"))

    out = []
    decimals = len(token.partition(".")[2])
    step = Decimal(1).scaleb(-(decimals + 4))  # far below the decimals a candidate is printed with
    for goal in (target, -target):
        x0 = Decimal(token)
        x1 = x0 * Decimal("1.01") + Decimal("0.01")
        f0 = at(x0)
        for _ in range(12):
            f1 = at(x1)
            if f0 is None or f1 is None or f1 == f0:
                break
            try:
                x0, x1, f0 = x1, (x1 - (f1 - goal) * (x1 - x0) / (f1 - f0)).quantize(step), f1
            except InvalidOperation:
                break
            if abs(x1 - x0) <= step:
                out.append(x1)
                break
    return out
