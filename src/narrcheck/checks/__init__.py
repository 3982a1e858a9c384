"""Checks: the rule catalogue. Each rule takes claims and yields Findings; none prints anything."""

from narrcheck.checks.registry import all_rules, get_rule
from narrcheck.checks.runner import run_checks
from narrcheck.checks.selection import is_selected

__all__ = ["all_rules", "get_rule", "is_selected", "run_checks"]
