"""Consistency rules: one quantity, one value across the document (NC201), units (NC401), words against
numbers (NC402, NC404)."""

from narrcheck.checks.consistency import nc201_restatement  # noqa: F401  (importing registers the rules)
