from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import ChangeClaim, Direction, ReasonClaim
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Verdict


@register
class ReasonDirection(Rule):
    """The reason given for a change points the same way as the change: a decrease is not explained by
    spending that rose. The change's direction is the sign of current − prior when both are stated, else its
    own words; a reason whose words point both ways (新增退休人员，公用经费减少) is not judged.

    Fails: “较上年减少3.20万元，下降5.81%。主要原因是会议费支出增加”.
    Passes: “比2023年度减少0.05万元…主要原因是厉行节约，减少接待支出”.
    """

    id = "NC404"
    name = "reason-direction"
    claim_kind = "reason"

    def check(self, claim: ReasonClaim, ctx: Context) -> Iterator[Finding]:
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
