"""Consistency rules: one quantity, one value across the document (NC201), units (NC401), words against
numbers (NC402, NC404).
"""

from narrcheck.checks.consistency import (  # noqa: F401  (importing registers the rules)
    nc201_restatement,
    nc202_text_vs_table,
    nc401_unit,
    nc402_self_contradiction,
    nc404_reason_direction,
)
