from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import GradeClaim
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Verdict


@register
class Grade(Rule):
    """The grade word matches the score's band (setting `grade_bands`; unset, the usual 优 ≥ 90, 良 ≥ 80,
    中 ≥ 60, 差 below are assumed, and since the document did not state them a disagreement is unverifiable). A score
    between two bands the document prints (89.5 under 良（80-89分） and 优（90-100分）) is in neither: unverifiable.

    Fails: “综合得分为96分，评价等级良好” (96 is in the 优 band).
    Passes: “自评得分85分，评价等级为良”.
    """

    id = "NC307"
    name = "grade"
    claim_kind = "grade"

    def check(self, claim: GradeClaim, ctx: Context) -> Iterator[Finding]:
        ev = [Evidence(quote=claim.quote, location=claim.location)]
        gap = ctx.band_gap(claim.score.decimal)
        if gap is not None:  # (89.5 under 良（80-89分） and 优（90-100分）: no band the document prints holds it)
            detail = i18n.detail("grade-gap", ctx.lang, score=claim.score.value, low=str(gap[0]), high=str(gap[1]),
                                 grade=claim.word)
            yield self.verdict_finding(ctx, Verdict.UNVERIFIABLE, detail, ev, claim.section, claimed=claim.word,
                                       formula=f"{gap[0]}<{claim.score.value}<{gap[1]}")
            return
        expected = ctx.grade_for(claim.score.decimal)
        stated = [g for g, floor in ctx.grade_bands if floor.is_finite()]
        if ctx.bands_stated and expected == "差" and "中" not in stated and claim.grade != expected:
            # (90分以上为优，80-90分为良 and 75分: below the bands stated, the document does not say which grade; it is
            # none of those stated)
            low = str(ctx.grade_bands[-2][1])
            verdict = Verdict.MISMATCH if claim.grade in stated else Verdict.UNVERIFIABLE
            detail = i18n.detail("grade-below", ctx.lang, score=claim.score.value, low=low, grade=claim.word)
            yield self.verdict_finding(ctx, verdict, detail, ev, claim.section, claimed=claim.word,
                                       formula=f"{claim.score.value}<{low}")
            return
        verdict = Verdict.OK if expected == claim.grade else Verdict.MISMATCH
        key = "grade"
        if verdict is Verdict.MISMATCH and not ctx.bands_stated:
            verdict, key = Verdict.UNVERIFIABLE, "grade-assumed"
        detail = i18n.detail(key, ctx.lang, score=claim.score.value, grade=claim.word, expected=expected)
        yield self.verdict_finding(ctx, verdict, detail, ev, claim.section, claimed=claim.word,
                                   expected=expected, formula=ctx.band_formula(claim.score.decimal))
