"""The JSON contract of DESIGN.md: one object per document (a list when several were checked, in the order
given); a document that could not be checked is an error object (schemas/error.schema.json) in its place.
"""

from __future__ import annotations

import json

from narrcheck.model.findings import Failure, Report
from narrcheck.reporters.registry import register


def report_dict(report: Report | Failure) -> dict:
    """The contract's object (extensions that are empty are left out by the models themselves)."""
    return report.model_dump(mode="json")


@register("json")
def render_json(reports: list[Report | Failure], lang: str) -> str:
    payload = report_dict(reports[0]) if len(reports) == 1 else [report_dict(r) for r in reports]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
