from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel

from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import Figure
from narrcheck.model.findings import Evidence, Finding, Severity
from narrcheck.numbers import Verdict
from narrcheck.numbers.expression import evaluate
from narrcheck.numbers.parse import format_decimal

MIN_CLAIMS = 2  # one failing claim can always be mended by moving one of its figures: that explains nothing
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")

Rerun = Callable[[Any], list[Finding]]


@register
class WrongFigure(Rule):
    """One stated figure, corrected, makes every failing claim that uses it check.

    Where changing one printed figure to one value turns every mismatch on it into a claim that checks, and
    breaks none that checks today (and no reading of its own explains one of them), the figure is reported
    once, with the claims it explains (the single findings stay in `--all`, each diagnosed `figure_typo`).
    Fails: “接待费2015年12.5万元、2016年8万元，减少4.35万元，下降35.22%；两项合计57.55万元（另一项45.2万元）”:
    12.35 makes the fall, its rate and the total check.
    Passes: the same with 12.35 printed.
    """

    id = "NC109"
    name = "wrong-figure"
    claim_kind = "wrong_figure"  # no claim has this kind: the rule reads the other rules' findings

    def check(self, claim: Any, ctx: Context) -> Iterator[Finding]:
        return iter(())

    def regroup(self, claims: Sequence[Any], results: list[tuple[int, Finding]], ctx: Context,
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
            evidence = [Evidence(quote=(fix.figure.subject + fix.figure.text)[-60:], location=fix.figure.location)]
            evidence += [e for f in singles for e in f.evidence[:1]]
            evidence = list({(e.quote, e.location.line, e.location.column): e for e in evidence}.values())
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


def _key(fig: Figure) -> tuple[object, ...]:
    loc = fig.location
    return (loc.line, loc.column, loc.page, loc.table, loc.row, loc.col, fig.value, fig.unit)


def _figures(item: Any) -> Iterator[Figure]:
    """Every figure a claim holds (nested claims included)."""
    if isinstance(item, Figure):
        yield item
    elif isinstance(item, BaseModel) and hasattr(item, "quote"):
        for _, value in item:
            yield from _figures(value)
    elif isinstance(item, tuple):
        for value in item:
            yield from _figures(value)


def _replace(item: Any, key: tuple[object, ...], new: Figure) -> Any:
    """The claim with the figure `key` replaced by `new` wherever it holds it."""
    if isinstance(item, Figure):
        return new if _key(item) == key else item
    if isinstance(item, BaseModel) and hasattr(item, "quote"):
        return item.model_copy(update={name: _replace(value, key, new) for name, value in item
                                       if isinstance(value, Figure | tuple | BaseModel)})
    if isinstance(item, tuple):
        return tuple(_replace(v, key, new) for v in item)
    return item


def _verdicts(findings: list[Finding]) -> dict[str, str]:
    """Each rule -> the worst verdict it gave (ok only when every finding of the rule is ok)."""
    out: dict[str, str] = {}
    for f in findings:
        out[f.rule] = f.verdict if out.get(f.rule, "ok") == "ok" else out[f.rule]
    return out


def _fixes(claims: Sequence[Any], results: list[tuple[int, Finding]], ctx: Context, rerun: Rerun) -> list[_Fix]:
    holders: dict[tuple[object, ...], set[int]] = defaultdict(set)
    figure_of: dict[tuple[object, ...], Figure] = {}
    for i in {i for i, f in results if f.verdict == Verdict.MISMATCH.value and i >= 0}:
        for fig in _figures(claims[i]):
            figure_of[_key(fig)] = fig
    if not figure_of:
        return []
    for i, claim in enumerate(claims):
        for fig in _figures(claim):
            if _key(fig) in figure_of:
                holders[_key(fig)].add(i)
    by_claim: dict[int, list[int]] = defaultdict(list)
    for pos, (i, _) in enumerate(results):
        by_claim[i].append(pos)
    found: list[_Fix] = []
    for key, users in holders.items():
        failing = [pos for i in users for pos in by_claim[i] if results[pos][1].verdict == Verdict.MISMATCH.value]
        if len({results[pos][1].rule + str(results[pos][0]) for pos in failing}) < MIN_CLAIMS:
            continue
        fig = figure_of[key]
        for value in _candidates(fig, [results[pos][1] for pos in failing]):
            fix = _try(fig, value, users, by_claim, claims, results, rerun)
            if fix is not None:
                found.append(fix)
                break
    # a claim explained by two different figures is explained by neither (the text cannot tell which is wrong)
    seen: dict[int, int] = defaultdict(int)
    for fix in found:
        for pos in fix.explained:
            seen[pos] += 1
    return [fix for fix in found if all(seen[pos] == 1 for pos in fix.explained)]


def _try(fig: Figure, value: str, users: set[int], by_claim: dict[int, list[int]], claims: Sequence[Any],
         results: list[tuple[int, Finding]], rerun: Rerun) -> _Fix | None:
    """The fix when `value` in place of `fig` turns every mismatch on it into ok and breaks nothing."""
    new = fig.model_copy(update={"value": value, "text": fig.text.replace(fig.value, value, 1)})
    explained, equations = [], []
    for i in sorted(users):
        before = _verdicts([results[pos][1] for pos in by_claim[i]])
        after_findings = rerun(_replace(claims[i], _key(fig), new))
        after = _verdicts(after_findings)
        for rule, verdict in before.items():
            now = after.get(rule, "ok")
            if verdict == Verdict.MISMATCH.value:
                if now != Verdict.OK.value:
                    return None
                explained += [pos for pos in by_claim[i] if results[pos][1].rule == rule
                              and results[pos][1].verdict == Verdict.MISMATCH.value]
                equations += [f"{f.formula}={f.claimed}" for f in after_findings
                              if f.rule == rule and f.formula and f.claimed]
            elif verdict == Verdict.OK.value and now != Verdict.OK.value:
                return None
    if len(explained) < MIN_CLAIMS or any(results[pos][1].diagnosis is not None for pos in explained):
        return None  # (a reading of its own explains one of the claims: the figure is not a typo)
    return _Fix(fig, value, tuple(explained), "; ".join(dict.fromkeys(equations)))


def _candidates(fig: Figure, failing: list[Finding]) -> Iterator[str]:
    """Values of `fig` that make one failing claim hold: its expected value where it is the claimed figure,
    else the value solving the claim's formula for it; printed with the figure's decimals or up to two more
    (a typo may have dropped a digit: 12.5 for 12.35), fewest first.
    """
    decimals = fig.quantity.decimals
    seen = {fig.value}
    for f in failing:
        values: list[Decimal] = []
        if f.claimed == fig.value and f.expected:
            values.append(Decimal(f.expected))
        elif f.formula and f.claimed:
            values += _solve(f.formula, fig.value, Decimal(f.claimed))
        for v in values:
            for extra in range(3):
                text = format_decimal(v, decimals + extra)
                if text not in seen and not text.startswith("-") and Decimal(text) != 0:
                    seen.add(text)
                    yield text


def _solve(formula: str, token: str, target: Decimal) -> list[Decimal]:
    """The x where the formula, with `token` replaced by x, gives ±target (secant steps; [] when it will not)."""
    if sum(1 for m in _NUMBER.finditer(formula) if m.group() == token) == 0:
        return []

    def at(x: Decimal) -> Decimal | None:
        text = _NUMBER.sub(lambda m: f"{x:f}" if m.group() == token else m.group(), formula)
        try:
            return evaluate(text).mid
        except (ValueError, ArithmeticError):
            return None

    out = []
    for goal in (target, -target):
        x0 = Decimal(token)
        x1 = x0 * Decimal("1.01") + Decimal("0.01")
        for _ in range(30):
            f0, f1 = at(x0), at(x1)
            if f0 is None or f1 is None or f1 == f0:
                break
            try:
                x0, x1 = x1, x1 - (f1 - goal) * (x1 - x0) / (f1 - f0)
            except InvalidOperation:
                break
            if abs(x1 - x0) < Decimal("1e-9"):
                out.append(x1)
                break
    return out
