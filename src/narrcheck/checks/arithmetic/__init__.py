"""Arithmetic rules NC101–NC109: each sentence's own numbers must agree."""

from narrcheck.checks.arithmetic import (  # noqa: F401  (importing registers the rules)
    nc101_change_rate,
    nc102_change_delta,
    nc103_change_direction,
    nc104_share,
    nc105_shares_sum,
    nc106_parts_sum,
    nc107_ratio,
    nc108_count_sum,
    nc109_wrong_figure,
)
