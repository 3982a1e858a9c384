from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import DenialClaim
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Verdict


@register
class SelfContradiction(Rule):
    """Words agree with the document's numbers: what the text says there is none of (无结转结余, 不涉及…政府采购…)
    is not stated elsewhere, in the same year, with a nonzero amount or count.

    Fails: “2024年无预算结转结余” and “2024年末预算年终结转资金72.17万元”; “不涉及…政府采购…” and “2024年有2个政府采购项目”.
    Passes: “决算报表无结转结余” and “年末结转和结余0万元”.
    """

    id = "NC402"
    name = "self-contradiction"
    claim_kind = "denial"

    def check(self, claim: DenialClaim, ctx: Context) -> Iterator[Finding]:
        nonzero = [f for f in claim.stated if f.decimal != 0]
        if not nonzero:
            return
        places = "、".join(f"{f.subject[-20:]}{f.text}（第{f.location.line}行）" for f in nonzero) if ctx.lang == "zh" \
            else ", ".join(f"{f.subject[-20:]}{f.text} (line {f.location.line})" for f in nonzero)
        detail = i18n.detail("denied-but-stated", ctx.lang, term=claim.term, places=places)
        evidence = [Evidence(quote=claim.quote, location=claim.location),
                    *(Evidence(quote=f.subject + f.text, location=f.location) for f in nonzero)]
        yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, evidence, claim.section,
                                   claimed=None, formula="、".join(f.text for f in nonzero) + " > 0",
                                   about=claim.term)
