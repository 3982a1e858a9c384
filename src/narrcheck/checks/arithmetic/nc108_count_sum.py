from __future__ import annotations

from collections.abc import Iterator

from narrcheck.checks.arithmetic._sums import check_sum
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import PartsSumClaim
from narrcheck.model.findings import Finding


@register
class CountSum(Rule):
    """Listed counts (辆, 批次, 人次, 人, 个 …) add to their stated total.

    Fails: “单位共有公务用车13辆，其中：轿车8辆、越野车3辆、考斯特1辆”.
    Passes: “共有车辆1辆，其中：主要领导干部用车1辆、机要通信用车0辆”.
    """

    id = "NC108"
    name = "count-sum"
    claim_kind = "parts_sum"

    def check(self, claim: PartsSumClaim, ctx: Context) -> Iterator[Finding]:
        if not claim.total.quantity.is_money and not claim.total.quantity.is_percent:
            yield from check_sum(self, claim, ctx)
