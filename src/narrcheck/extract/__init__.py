"""Extraction: rules (and, later, an LLM) turn a Document's text into Claims."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from narrcheck.extract.flat_tables import read_grids, table_row_claims, table_statements
from narrcheck.extract.flat_tables.operands import table_operands
from narrcheck.extract.rules import Extractor, Unit, text_units
from narrcheck.extract.scores import (
    Seen,
    budget_line_claims,
    deduction_claims,
    indicator_result_claims,
    project_claims,
    score_claims,
    score_sum_claims,
    stated_bands,
    states_execution_rule,
)
from narrcheck.extract.statements import Statements, publisher, report_year, statements
from narrcheck.extract.words import (
    composite_claims,
    denial_claims,
    list_count_claims,
    reason_claims,
    zero_cost_claims,
)
from narrcheck.model.claims import Claim
from narrcheck.model.document import Document
from narrcheck.tables.model import ScoreTable

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True)
class Extraction:
    """The rules' claims, the keyed statements of the figures, and the text units they were read from."""

    claims: list[Claim]
    statements: Statements
    units: list[Unit]
    publisher: str = ""  # the body named in the opening, when it is
    bands: tuple[tuple[str, Decimal], ...] | None = None  # the grade bands the document states (stated_bands)
    band_gaps: tuple[tuple[Decimal, Decimal], ...] = ()  # scores between two of those bands, in neither (open)
    # the score tables whose execution-score rule the document states itself (states_execution_rule)
    execution_rule: frozenset[int] = frozenset()


def extract(document: Document, score_tables: Sequence[ScoreTable] = ()) -> Extraction:
    """Every claim the rules find in the document's narrative (score claims bound to `score_tables`)."""
    units = text_units(document)
    year = report_year(units)
    named: Seen = {}  # the table each unit names, read once for the three binders
    rules = Extractor(units)
    claims = [*rules.run(), *score_claims(units, score_tables, named, year),
              *score_sum_claims(units, score_tables, year), *deduction_claims(units, score_tables),
              *project_claims(units, score_tables, named), *indicator_result_claims(units, score_tables, named),
              *denial_claims(units, year), *zero_cost_claims(units, year), *budget_line_claims(units),
              *list_count_claims(units)]
    claims += reason_claims(units, claims)
    claims += composite_claims(units, claims, year)
    grids = read_grids(document)
    claims += table_row_claims(grids)
    stated = replace(statements(units, year), cells=table_statements(grids, year))
    claims = table_operands(claims, rules.open_changes, stated)
    bands, gaps = stated_bands(units)
    return Extraction(claims, stated, units, publisher(units), bands, gaps,
                      states_execution_rule(units, score_tables, named))
