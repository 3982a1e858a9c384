"""Extraction: rules (and, later, an LLM) turn a Document's text into Claims."""

from narrcheck.extract.rules import extract_claims

__all__ = ["extract_claims"]
