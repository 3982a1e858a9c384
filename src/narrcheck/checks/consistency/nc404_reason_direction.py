from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.extract.identity import change_key, quantity_key
from narrcheck.model.claims import ChangeClaim, Direction, ReasonClaim
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Verdict
from narrcheck.numbers.normalize import simplified


@register
class ReasonDirection(Rule):
    """The reason given for a change points the same way as the change: a decrease is not explained by
    spending that rose. The change's direction is the sign of current − prior when both are stated, else its
    own words; a reason whose words point both ways (新增退休人员，公用经费减少) is not judged.

    From the LLM path, a reason also names the item it cites; that item, when the document states its own
    change, moved the way the reason says.
    Fails: “较上年减少3.20万元，下降5.81%。主要原因是会议费支出增加”; “主要原因是会议费增加” while
    会议费 “比上年减少0.60万元”.
    Passes: “比2023年度减少0.05万元…主要原因是厉行节约，减少接待支出”.
    """

    id = "NC404"
    name = "reason-direction"
    claim_kind = "reason"

    def check(self, claim: ReasonClaim, ctx: Context) -> Iterator[Finding]:
        if claim.source == "llm":
            yield from self._driver(claim, ctx)
            if claim.location.line in ctx.memo("nc404_rule_reason_lines", lambda: _rule_reason_lines(ctx.claims)):
                return  # the rules read this reason too: its direction is judged once
        actual = _direction(claim.change)
        if actual is None or actual == "flat":
            return
        evidence = [Evidence(quote=claim.quote, location=claim.location),
                    Evidence(quote=claim.change.quote, location=claim.change.location)]
        change_word = i18n.detail(actual, ctx.lang)
        if actual == claim.reason_direction:
            yield self.verdict_finding(ctx, Verdict.OK, i18n.detail("direction-ok", ctx.lang,
                                                                    word="、".join(claim.words)),
                                       evidence, claim.section, claimed="、".join(claim.words),
                                       expected=change_word, template="ok-words")
            return
        detail = i18n.detail("reason-against", ctx.lang, words="、".join(claim.words), change=change_word)
        yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, evidence, claim.section,
                                   claimed="、".join(claim.words), expected=change_word,
                                   formula=_formula(claim.change))


    def _driver(self, claim: ReasonClaim, ctx: Context) -> Iterator[Finding]:
        """The item a reason cites (会议费 in “主要是会议费增加”) moved the way the reason says, when the
        document states that item's own change.
        """
        driver = quantity_key(claim.words[0]) if claim.words else None
        if driver is None:
            return
        for change, moved in ctx.memo("nc404_changes", lambda: _changes_by_subject(ctx.claims)).get(driver.subject, ()):
            if change is claim.change:
                continue
            evidence = [Evidence(quote=claim.quote, location=claim.location),
                        Evidence(quote=change.quote, location=change.location)]
            said, went = i18n.detail(claim.reason_direction, ctx.lang), i18n.detail(moved, ctx.lang)
            if moved == claim.reason_direction:
                yield self.verdict_finding(ctx, Verdict.OK, i18n.detail("driver-ok", ctx.lang, item=claim.words[0],
                                                                        change=went),
                                           evidence, claim.section, claimed=said, expected=went,
                                           template="ok-words", source="llm")
            else:
                detail = i18n.detail("driver-against", ctx.lang, item=claim.words[0], said=said, change=went)
                yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, evidence, claim.section,
                                           claimed=said, expected=went, formula=_formula(change), source="llm")
            return


def _rule_reason_lines(claims: Sequence[object]) -> set[int | None]:
    """The lines of the reasons the rules read."""
    return {c.location.line for c in claims if isinstance(c, ReasonClaim) and c.source == "rule"}


def _changes_by_subject(claims: Sequence[object]) -> dict[str, list[tuple[ChangeClaim, Direction]]]:
    """The changes whose direction is known (not flat), with it, by the subject of their key, in document order."""
    out: dict[str, list[tuple[ChangeClaim, Direction]]] = defaultdict(list)
    for change in claims:
        if isinstance(change, ChangeClaim):
            key = change_key(change.subject, simplified(change.quote))
            moved = _direction(change)
            if key is not None and moved is not None and moved != "flat":
                out[key.subject].append((change, moved))
    return out


def _direction(change: ChangeClaim) -> Direction | None:
    if change.current is not None and change.prior is not None:
        diff = change.current.interval(change.prior.unit) - change.prior.interval()
        if diff.lo > 0:
            return "up"
        if diff.hi < 0:
            return "down"
        return None
    words = {d for d in (change.delta_direction, change.rate_direction) if d}
    return words.pop() if len(words) == 1 else None


def _formula(change: ChangeClaim) -> str:
    if change.current is not None and change.prior is not None:
        return f"{change.current.value}-{change.prior.value}"
    return change.delta_word or change.rate_word
