"""Typed tables and chart data: Facts with their labels and locations."""

from narrcheck.tables.model import Tables
from narrcheck.tables.understand import read_tables

__all__ = ["Tables", "read_tables"]
