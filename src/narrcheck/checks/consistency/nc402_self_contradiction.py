from __future__ import annotations

from collections.abc import Iterator

from narrcheck import i18n
from narrcheck.checks.base import Context, Rule, short_name
from narrcheck.checks.consistency._common import DEFAULT_UNIT as _UNIT
from narrcheck.checks.consistency._common import FLAT_LIMIT, agree, flat_rate
from narrcheck.checks.registry import register
from narrcheck.extract.identity import opposites
from narrcheck.extract.statements import Statement, Statements
from narrcheck.lexicon import words
from narrcheck.model.claims import DenialClaim, FlatChangeClaim, interval_sum
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Verdict
from narrcheck.numbers.parse import format_decimal, significant_digits

# the unit money is usually stated in: figures are compared in it
# 持平, 基本持平: a part stated as unchanged is quoted by its name alone
_FLAT = words("direction.flat")


@register
class SelfContradiction(Rule):
    """Words agree with the document's numbers: what the text says there is none of (无结转结余, 不涉及…政府采购…)
    is not stated elsewhere, in the same year, with a nonzero amount or count.

    One figure is not stated under two names that exclude each other (上年结转 and 年末结转: money carried in is not
    money carried over), when it is nonzero with four or more significant digits. A whole called 基本持平 did
    not change by more than 5% of its prior figure, judged by its components' stated changes.
    Fails: “2024年无预算结转结余” and “2024年末预算年终结转资金72.17万元”;
    “不涉及…政府采购…” and “2024年有2个政府采购项目”; “上年结转支出64.40万元” and “年末结转结余64.40万元”.
    Passes: “决算报表无结转结余” and “年末结转和结余0万元”.
    """

    id = "NC402"
    name = "self-contradiction"
    claim_kind = "denial"
    claim_kinds = ("denial", "statements", "flat_change")

    def check(self, claim: DenialClaim | Statements | FlatChangeClaim, ctx: Context) -> Iterator[Finding]:
        if isinstance(claim, Statements):
            yield from self._two_names(claim, ctx)
            return
        if isinstance(claim, FlatChangeClaim):
            yield from self._flat(claim, ctx)
            return
        nonzero = [f for f in claim.stated if f.decimal != 0]
        if not nonzero:
            return
        line = "（第{}行）" if ctx.lang == "zh" else " (line {})"
        places = ("、" if ctx.lang == "zh" else ", ").join(
            f"{short_name(f.subject)}{f.text}{line.format(f.location.line)}" for f in nonzero)
        detail = i18n.detail("denied-but-stated", ctx.lang, term=claim.term, places=places)
        evidence = [Evidence(quote=claim.quote, location=claim.location),
                    *(Evidence(quote=f.subject + f.text, location=f.location) for f in nonzero)]
        yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, evidence, claim.section,
                                   claimed=None, formula="、".join(f.text for f in nonzero) + " > 0",
                                   about=claim.term)

    def _flat(self, claim: FlatChangeClaim, ctx: Context) -> Iterator[Finding]:
        """基本持平 is a change within FLAT_LIMIT % of the prior figure (the prior is the current less the changes)."""
        if claim.current is None:
            return
        change = interval_sum(claim.parts, _UNIT)
        rate = flat_rate(change, claim.current.interval(_UNIT) - change)
        if rate is None:
            return
        changes = "+".join(f"({p.value})" if p.value.startswith("-") else p.value for p in claim.parts)
        formula = f"({changes})/({claim.current.value}-({changes}))*100"
        evidence = [Evidence(quote=claim.quote, location=claim.location),
                    *(Evidence(quote=p.subject if p.text in _FLAT else p.subject + p.text,
                               location=p.location)
                      for p in claim.parts)]
        if rate.lo > FLAT_LIMIT:
            detail = i18n.detail("flat-but-changed", ctx.lang, whole=claim.whole, word=claim.word,
                                 rate=format_decimal(rate.mid, 2))
            yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, evidence, claim.section,
                                       claimed=claim.word, expected=format_decimal(rate.mid, 2) + "%",
                                       formula=formula, about=claim.whole)

    def _two_names(self, item: Statements, ctx: Context) -> Iterator[Finding]:
        named = [st for st in item.items if st.figure.decimal != 0 and significant_digits(st.figure.value) >= 4]
        for first, second in opposites():
            ones = [st for st in named if first in st.key.subject]
            others = [st for st in named if second in st.key.subject]
            for one in ones:
                clash = [o for o in others if o is not one and o.key.period == one.key.period
                         and agree(one.figure, o.figure, _UNIT)]  # (one name holding both words clashes with none)
                if not clash or any(agree(one.figure, o.figure, _UNIT) for o in ones if o is not one
                                    and _line(o) < _line(one)):
                    continue  # report each figure once, at its first statement under the first name
                same = [o for o in ones if agree(one.figure, o.figure, _UNIT)]
                sep = "、" if ctx.lang == "zh" else ", "
                detail = i18n.detail("two-names", ctx.lang, figure=one.figure.text, first=one.key.subject,
                                     second=clash[0].key.subject,
                                     first_lines=sep.join(str(s.figure.location.line) for s in same),
                                     second_lines=sep.join(str(s.figure.location.line) for s in clash))
                evidence = [Evidence(quote=s.quote, location=s.figure.location) for s in (*same, *clash)]
                yield self.verdict_finding(ctx, Verdict.CONTRADICTION, detail, evidence, one.section,
                                           claimed=one.figure.value, formula=f"{first} ≠ {second}",
                                           about=f"{first}/{second}")


def _line(st: Statement) -> int:
    """The statement's line (narrative statements always have one; 0 if not, so the comparison never fails)."""
    return st.figure.location.line or 0
