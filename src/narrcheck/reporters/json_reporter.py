"""The JSON contract of DESIGN.md: one object per document (a list when several were checked)."""

from __future__ import annotations

import json

from narrcheck.model.findings import Report
from narrcheck.reporters.registry import register


def report_dict(report: Report) -> dict:
    data = report.model_dump(mode="json")
    if data["summary"].get("llm") is None:  # the contract is unchanged when the LLM was not asked for
        data["summary"].pop("llm", None)
    return data


@register("json")
def render_json(reports: list[Report], lang: str) -> str:
    payload = report_dict(reports[0]) if len(reports) == 1 else [report_dict(r) for r in reports]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
