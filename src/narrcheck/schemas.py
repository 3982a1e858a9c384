"""JSON Schemas of the report and of the claim models, as checked into schemas/."""

from __future__ import annotations

import json

from pydantic import TypeAdapter

from narrcheck.model.claims import Claim
from narrcheck.model.findings import Failure, Report
from narrcheck.model.llm import LLMAnswer


def schemas() -> dict[str, str]:
    """File name → schema text (stable: sorted keys, trailing newline)."""
    report = Report.model_json_schema()
    claims = TypeAdapter(list[Claim]).json_schema()
    llm = LLMAnswer.model_json_schema()  # what the LLM is asked to return (instructor's response model)
    failure = Failure.model_json_schema()  # --format json's object for a document that could not be checked
    return {name: json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for name, schema in (("report.schema.json", report), ("claims.schema.json", claims),
                                 ("llm_claims.schema.json", llm), ("error.schema.json", failure))}
