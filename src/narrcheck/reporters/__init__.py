"""Reporters: each renders a finished Report in one format; none computes anything."""

from narrcheck.reporters.registry import get_reporter, reporter_names

__all__ = ["get_reporter", "reporter_names"]
