"""Table rules NC301–NC308 and NC403: the 绩效自评 score tables and budget execution tables."""

from narrcheck.checks.tables import (  # noqa: F401  (importing registers the rules)
    nc301_score_total,
    nc302_score_claim,
    nc303_weight_sum,
    nc304_score_over_weight,
    nc305_execution_rate,
    nc306_target_vs_score,
    nc307_grade,
    nc403_spreadsheet_error,
)
