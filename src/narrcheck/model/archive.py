"""The flagged-claims report across an archive: what `narrcheck report` renders from the results database."""

from __future__ import annotations

from pydantic import BaseModel, Field

from narrcheck.model.findings import Finding


class Count(BaseModel):
    """Findings under one key (a rule, a verdict, a year, a document), by severity."""

    key: str
    label: str = ""
    documents: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info


class DocumentRow(BaseModel):
    path: str
    publisher: str = ""
    year: str = ""
    status: str
    error: str | None = None
    claims: int = 0
    checked: int = 0
    findings: Count


class FlaggedClaim(BaseModel):
    """One finding of the archive (as stored: its first evidence), with the document it comes from."""

    path: str
    publisher: str = ""
    year: str = ""
    finding: Finding


class ArchiveReport(BaseModel):
    database: str
    versions: list[str]
    documents: int
    checked: int
    failed: int
    filters: dict[str, str] = Field(default_factory=dict)
    by_rule: list[Count]
    by_verdict: list[Count]
    by_year: list[Count]
    by_publisher: list[Count] = Field(default_factory=list, description="by the body that publishes, where named")
    by_diagnosis: list[Count] = Field(default_factory=list, description="by the reading that explains the figure "
                                      "(key '' for findings no reading explains)")
    by_document: list[DocumentRow]
    worst: list[FlaggedClaim] = Field(description="the largest relative gaps first")
