from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from narrcheck.checks.arithmetic._sums import check_sum
from narrcheck.checks.base import Context, Rule
from narrcheck.checks.registry import register
from narrcheck.model.claims import ListCountClaim, PartsSumClaim
from narrcheck.model.findings import Evidence, Finding
from narrcheck.numbers import Interval


@register
class CountSum(Rule):
    """Listed counts (辆, 批次, 人次, 人, 个 …) add to their stated total.

    Fails: “单位共有公务用车13辆，其中：轿车8辆、越野车3辆、考斯特1辆”.
    Passes: “共有车辆1辆，其中：主要领导干部用车1辆、机要通信用车0辆”.
    A stated number of named things equals the length of the list naming them: “分为5个步骤，包括预算布置、
    预算申报、预算论证及预算编制” lists 4 (a list ending in 等 is partial and not counted).
    """

    id = "NC108"
    name = "count-sum"
    claim_kind = "parts_sum"
    claim_kinds = ("parts_sum", "list_count")

    def check(self, claim: PartsSumClaim | ListCountClaim, ctx: Context) -> Iterator[Finding]:
        if isinstance(claim, ListCountClaim):
            formula = f"len([{', '.join(claim.items)}])"
            yield self.judge(ctx, claim.count, Interval.exact(Decimal(len(claim.items))), formula,
                             [Evidence(quote=claim.quote, location=claim.location)], claim.section)
            return
        # (a score's listed parts, unit 分, are NC301's)
        if not claim.total.quantity.is_money and not claim.total.quantity.is_percent and claim.total.unit != "分":
            yield from check_sum(self, claim, ctx)
