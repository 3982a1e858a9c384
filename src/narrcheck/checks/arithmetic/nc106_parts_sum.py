from __future__ import annotations

from collections.abc import Iterator

from narrcheck.checks.arithmetic._sums import check_sum
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import PartsSumClaim
from narrcheck.model.findings import Finding


@register
class PartsSum(Rule):
    """Listed money parts add to the stated total (the tolerance grows with the number of rounded parts).

    Fails: “支出1,603,345.54元，包括：（1）…474,983.78元；…；（7）…127,123.56元” when the seven add to
    1,603,345.93. Also the prior-year figures of a list compared with the same year must add up, and a
    whole's change is the sum of its components' changes when the whole is their sum by definition
    (三公经费 rising 6.65 while its parts rise 0 + 0.40 + 0.22).
    Passes: “政府采购支出总额1.45万元，其中：货物支出1.45万元、工程支出0万元、服务支出0万元”.
    """

    id = "NC106"
    name = "parts-sum"
    claim_kind = "parts_sum"

    def check(self, claim: PartsSumClaim, ctx: Context) -> Iterator[Finding]:
        if claim.total.quantity.is_money:
            yield from check_sum(self, claim, ctx)
