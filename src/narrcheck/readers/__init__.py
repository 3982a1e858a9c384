"""Readers: one per format, one registry; each returns the same Document."""

from narrcheck.readers.registry import read_document, register_reader

__all__ = ["read_document", "register_reader"]
