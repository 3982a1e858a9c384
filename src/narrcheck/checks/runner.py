"""Run the selected rules over the claims and collect every finding."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule, unsure
from narrcheck.checks.registry import all_rules
from narrcheck.checks.selection import is_selected
from narrcheck.model.findings import Evidence, Finding
from narrcheck.model.location import Location
from narrcheck.numbers import Verdict


def run_checks(claims: Sequence[object], select: Iterable[str] = (), ignore: Iterable[str] = (),
               lang: str = "zh", ctx: Context | None = None) -> list[tuple[int, Finding]]:
    """(index of the item, finding) for every finding of every selected rule, in item order.

    Items are claims and typed tables alike; a rule sees the items of its `claim_kind` (or `claim_kinds`).
    Then each rule reviews the findings (Rule.review): NC109, when selected, adds one finding, at index -1, for
    each figure whose correction explains several mismatches (DESIGN.md, "Diagnose every error"). Last, a
    mismatch still unexplained whose digits show a typing slip is diagnosed digit_typo, and one still unexplained
    whose operands were bound in another paragraph becomes a warning that says the binding (base.unsure).
    """
    select, ignore = list(select), list(ignore)
    rules = [cls() for cls in all_rules() if is_selected(cls.id, select, ignore)]
    ctx = ctx or Context(lang=lang)
    by_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        for kind in rule.claim_kinds or (rule.claim_kind,):
            by_kind.setdefault(kind, []).append(rule)

    def check(claim: object) -> list[Finding]:
        return [f for rule in by_kind.get(getattr(claim, "kind", ""), []) for f in _isolated(rule, claim, ctx)]

    out = [(i, f) for i, claim in enumerate(claims) for f in check(claim)]
    for rule in rules:  # (NC109 groups the mismatches one wrong figure explains)
        out = rule.review(claims, out, ctx, check)
    amounts = {value for value, _ in ctx.amounts}
    return [(i, unsure(_typo(f, ctx.lang, amounts), ctx)) for i, f in out]


def _isolated(rule: Rule, claim: object, ctx: Context) -> list[Finding]:
    """The rule's findings on the claim; where the rule fails (a narrcheck bug), one unverifiable finding that
    says so, so one broken rule costs its claim, not the document.
    """
    try:
        return list(rule.check(claim, ctx))
    except Exception as exc:  # any bug of any rule
        where = getattr(claim, "location", None) or Location()
        evidence = [Evidence(quote=getattr(claim, "quote", "") or rule.id, location=where)]
        detail = i18n.detail("internal-error", ctx.lang, rule=rule.id, error=f"{type(exc).__name__}: {exc}")
        finding = rule.verdict_finding(ctx, Verdict.UNVERIFIABLE, detail, evidence,
                                       tuple(getattr(claim, "section", ()) or ()))
        return [finding.model_copy(update={"internal": True})]


def _typo(finding: Finding, lang: str, amounts: Collection[Decimal] = ()) -> Finding:
    """A mismatch no reading explains, diagnosed as a typing slip where its digits show one (a figure printed in
    the claim's own quote: a sum the rule worked out itself is nobody's typing).
    """
    if finding.verdict != "mismatch" or finding.diagnosis is not None or not finding.claimed \
            or not finding.expected or finding.claimed not in finding.evidence[0].quote.replace(",", ""):
        return finding
    why = diagnosis.typo(finding.claimed, finding.expected, finding.formula, lang, amounts)
    return finding.model_copy(update={"diagnosis": why}) if why else finding
