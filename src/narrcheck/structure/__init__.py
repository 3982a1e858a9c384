"""Structure: the section ladder of a Document (and, later, typed tables)."""

from narrcheck.structure.sections import assign_sections, heading_level, structure

__all__ = ["assign_sections", "heading_level", "structure"]
