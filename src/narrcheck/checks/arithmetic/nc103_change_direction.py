from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for, show, with_unit
from narrcheck.checks.consistency._common import FLAT_LIMIT, flat_rate
from narrcheck.checks.registry import register
from narrcheck.lexicon import words
from narrcheck.model.claims import ChangeClaim, Figure
from narrcheck.model.findings import Finding
from narrcheck.numbers import Verdict


@register
class ChangeDirection(Rule):
    """增/减 words agree with each other and with the sign of current − prior.

    Fails: “比2018年1573.66万元增加395.38万元” for a current figure of 1178.28 (it is a decrease), or
    “减少0.24万元，增长0.03%” (the two words point opposite ways).
    Passes: “比2018年1573.66万元，减少395.38万元，下降25.12%” after “1178.28万元”.
    """

    id = "NC103"
    name = "change-direction"
    claim_kind = "change"

    def check(self, claim: ChangeClaim, ctx: Context) -> Iterator[Finding]:
        ev = evidence_for(claim.quote, claim.location, claim.current, claim.prior)
        d1, d2 = claim.delta_direction, claim.rate_direction
        if "flat" in (d1, d2) and not _moved(claim):
            return  # 持平 said of a change within FLAT_LIMIT (or of one whose size is not known): used loosely
        if d1 and d2 and d1 != d2:
            yield self.verdict_finding(
                ctx, Verdict.CONTRADICTION,
                i18n.detail("words-disagree", ctx.lang, w1=claim.delta_word, w2=claim.rate_word),
                ev, claim.section, claimed=claim.rate_word, source=claim.source)
            return
        if claim.prior is None or claim.current is None or d1 is None:
            return
        unit = claim.prior.unit
        actual = _way(claim.current, claim.prior)
        if actual not in (d1, "flat") and claim.prior.quantity.is_money and claim.current.quantity.is_money \
                and _way(claim.current, with_unit(claim.prior, claim.current.unit)) in (d1, "flat"):
            return  # (比上年的131870.68元减少 beside 89410万元: the prior's unit is wrong, NC101's or NC102's to say)
        formula = f"{show(claim.current, unit)}-{show(claim.prior, unit)}"
        word = claim.delta_word or claim.rate_word  # (a change stated by its rate alone has only the rate's word)
        if not claim.delta_word and claim.rate is not None and claim.rate.decimal < 0:
            word = f"{word}{claim.rate.value}%"  # (增长-3.22%: the sign says the direction)
        if actual in (d1, "flat"):
            # (a table's signed change cell states its direction by its sign: the way it says is shown, 增加)
            said = i18n.detail(d1, ctx.lang) if word[:1].isdigit() or word[:1] in "-+" else word
            yield self.verdict_finding(ctx, Verdict.OK, i18n.detail("direction-ok", ctx.lang, word=word),
                                       ev, claim.section, claimed=word, expected=said, formula=formula,
                                       source=claim.source)
            return
        # (决算数小于预算数: a relation to the budget is named as one: 应为大于)
        way = {"up": "above", "down": "below"}.get(actual, actual) if word in _RELATION_WORDS else actual
        yield self.verdict_finding(
            ctx, Verdict.MISMATCH,
            i18n.detail("direction-wrong", ctx.lang, word=word, current=claim.current.value,
                        prior=claim.prior.value, actual=i18n.detail(way, ctx.lang)),
            ev, claim.section, claimed=word, expected=i18n.detail(way, ctx.lang), formula=formula,
            source=claim.source)


_RELATION_WORDS = frozenset(words("ratio.relation_more", "ratio.relation_less"))


def _way(current: Figure, prior: Figure) -> str:
    """Which way `current` went from `prior` (up, down, or flat where their rounding allows both)."""
    diff = current.interval(prior.unit) - prior.interval()
    return "up" if diff.lo > 0 else "down" if diff.hi < 0 else "flat"


def _moved(claim: ChangeClaim) -> bool:
    """The change moved its figure by more than FLAT_LIMIT % of the prior one (prior stated, or current less the
    change); False where that cannot be worked out.
    """
    if claim.current is None or (claim.prior is None and claim.delta is None):
        return False
    unit = claim.current.unit
    current = claim.current.interval(unit)
    if claim.prior is not None:
        prior = claim.prior.interval(unit)
        change = current - prior
    else:
        assert claim.delta is not None
        change = claim.delta.interval(unit)
        prior = current - change if claim.delta_direction == "up" else current + change
    rate = flat_rate(change, prior)
    return rate is None or rate.lo > FLAT_LIMIT
