from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import reduce

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, evidence_for
from narrcheck.checks.registry import register
from narrcheck.model.claims import SharesSumClaim
from narrcheck.model.findings import Finding
from narrcheck.numbers import Verdict
from narrcheck.numbers.parse import format_decimal


@register
class SharesSum(Rule):
    """The shares of one whole add to 100% when the listed parts add to that whole.

    Fails: “基本支出768.9万元，占75%；项目支出256.34万元，占20%” (75 + 20 ≠ 100).
    Passes: “…占75%；…占25%”. Checked only when the parts' amounts add up to the whole; otherwise the list
    may be partial and the shares need not sum to 100 (unverifiable). Shares of distinct items of one set
    (基本支出, 项目支出) never add to more than 100%, whole stated or not.
    """

    id = "NC105"
    name = "shares-sum"
    claim_kind = "shares_sum"

    def check(self, claim: SharesSumClaim, ctx: Context) -> Iterator[Finding]:
        ev = evidence_for(claim.quote, claim.location, claim.whole)
        total = reduce(lambda a, b: a + b, (p.interval() for p in claim.percents))
        decimals = max(p.quantity.decimals for p in claim.percents)
        claimed = format_decimal(total.mid, decimals)
        formula = "+".join(p.value for p in claim.percents)
        hundred = Decimal(100)
        if claim.whole is None or len(claim.parts) != len(claim.percents):
            if claim.distinct and total.lo > hundred:  # distinct items of one set: more than the whole
                yield self._summed(ctx, Verdict.MISMATCH, claimed, formula, claim, ev, decimals, "distinct-over")
            return
        unit = claim.whole.unit
        parts = reduce(lambda a, b: a + b, (p.interval(unit) for p in claim.parts))
        whole = claim.whole.interval(unit)
        if parts.hi < whole.lo or parts.lo > whole.hi:
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE, i18n.detail("not-exhaustive", ctx.lang), ev,
                                       claim.section, claimed=claimed, formula=formula, source=claim.source)
            return
        verdict = Verdict.OK if total.lo <= hundred <= total.hi else Verdict.MISMATCH
        yield self._summed(ctx, verdict, claimed, formula, claim, ev, decimals)

    def _summed(self, ctx: Context, verdict: Verdict, claimed: str, formula: str, claim: SharesSumClaim,
                ev: list, decimals: int, why: str = "") -> Finding:
        """The finding on the shares' sum against 100% (`why`: a detail the message ends with)."""
        expected = format_decimal(Decimal(100), decimals)
        finding = self.verdict_finding(ctx, verdict, "", ev, claim.section, claimed=claimed, expected=expected,
                                       formula=formula, source=claim.source)
        message = i18n.message(verdict.value if verdict is Verdict.OK else "mismatch", ctx.lang,
                               what=i18n.what(self.name, ctx.lang), claimed=claimed, expected=expected)
        return finding.model_copy(update={"message": message + (i18n.detail(why, ctx.lang) if why else "")})
