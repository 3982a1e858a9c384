"""Findings and the report: the JSON contract of DESIGN.md (and of schemas/report.schema.json)."""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from narrcheck.model.location import Location


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Extensible(BaseModel):
    """A model whose extension fields (OMIT_EMPTY) are left out of its JSON while they are empty, so the
    contract's objects look as the contract shows them unless an extension is in use.
    """

    OMIT_EMPTY: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _omit_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        for key in self.OMIT_EMPTY:
            if data.get(key) in (None, "", 0, [], {}):
                data.pop(key, None)
        return data


class Evidence(Extensible):
    """A quote and where it sits; `path` names another file when it is not the checked document (a table file
    given with --tables). `path` is an extension of the contract and is left out of the JSON when empty.
    """

    model_config = ConfigDict(frozen=True)
    OMIT_EMPTY = ("path",)

    quote: str
    location: Location
    path: str | None = Field(default=None, description="the file the quote is from, when it is not the checked "
                                                       "document (extension; omitted when null)")



class Gap(BaseModel):
    model_config = ConfigDict(frozen=True)

    absolute: str = Field(description="claimed minus computed, printed")
    relative: str | None = Field(default=None, description="|gap| / |expected|, printed")


class Diagnosis(BaseModel):
    """Why a figure is wrong: the reading (DESIGN.md, "Diagnose every error") whose arithmetic, with the
    document's own figures, reproduces the printed figure.
    """

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="the reading, a code of the catalogue src/narrcheck/data/readings.toml "
                                  "(base_current, plug, figure_typo …)")
    formula: str = Field(description="the arithmetic that reproduces the printed figure, with the document's "
                                     "figures (figure_typo: each claim's equation with the corrected figure)")
    message: str


class Finding(Extensible):
    """One verdict on one claim: always with evidence that carries a location."""

    model_config = ConfigDict(frozen=True)
    OMIT_EMPTY = ("waived", "internal")

    rule: str
    name: str
    verdict: str
    severity: Severity
    message: str
    claimed: str | None = None
    expected: str | None = None
    formula: str | None = None
    evidence: list[Evidence]
    section: list[str] = Field(default_factory=list, description="section path of the claim (extension)")
    gap: Gap | None = Field(default=None, description="size of a mismatch (extension)")
    source: str = Field(default="rule", description="rule or llm: who extracted the claim (extension)")
    fingerprint: str = Field(default="", description="stable id of the finding: rule and quote, hashed; what a "
                                                     "waiver names (extension)")
    waived: str | None = Field(default=None, description="the reason a waiver gives, when one covers this "
                                                         "finding (extension; omitted when null)")
    diagnosis: Diagnosis | None = Field(default=None, description="the reading that reproduces the printed "
                                        "figure, or null when none does")
    internal: bool = Field(default=False, description="the rule failed on this claim (a narrcheck bug): the "
                           "verdict is unverifiable (extension; omitted when false)")



def fingerprinted(findings: list[Finding]) -> list[Finding]:
    """The findings, each with its fingerprint: 12 hex digits of sha256 over rule, quote (spaces dropped),
    claimed and formula; a repeat of the same (the same sentence twice in a document) is told apart by its
    order. A finding keeps its fingerprint when lines move and loses it when its words or figures change.
    """
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        key = "\x1f".join((f.rule, "".join(f.evidence[0].quote.split()), f.claimed or "", f.formula or ""))
        n = seen.get(key, 0)
        seen[key] = n + 1
        digest = hashlib.sha256(f"{key}\x1f{n}".encode() if n else key.encode()).hexdigest()[:12]
        out.append(f.model_copy(update={"fingerprint": digest}))
    return out


class DocumentInfo(Extensible):
    OMIT_EMPTY = ("year", "publisher")

    path: str
    format: str
    sha256: str
    year: str = Field(default="", description="the year the document reports on (extension; omitted when unknown)")
    publisher: str = Field(default="", description="the body its opening names (extension; omitted when unknown)")



class LLMSummary(BaseModel):
    """What the LLM path did for this document (present only when it was asked for; extension)."""

    model: str = ""
    chunks: int = Field(default=0, description="pieces of text chosen to send")
    sent_chars: int = Field(default=0, description="characters of the chunks chosen to send (the residue the "
                                                   "rules left)")
    document_chars: int = Field(default=0, description="characters of the document's running text (its "
                                                       "paragraphs and the cells of text narrcheck reads)")
    prompt_chars: int = Field(default=0, description="characters of the messages narrcheck wrote for the calls "
                                                     "made (prompt, example and chunk; the document's share of a "
                                                     "batch); asked for plain JSON, the client library adds the "
                                                     "answer's schema to them, and tokens_in counts all of it")
    refused: int = Field(default=0, description="chunks the endpoint refused (too long for it, say)")
    invalid: int = Field(default=0, description="chunks whose answers never validated after the re-asks")
    calls: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    proposed: int = Field(default=0, description="claims the model returned")
    grounded: int = Field(default=0, description="claims whose quote and numbers were found in the text")
    dropped: dict[str, int] = Field(default_factory=dict, description="claims dropped, by reason")
    duplicates: int = Field(default=0, description="grounded claims the rules had already made")
    added: int = Field(default=0, description="claims added to the check")
    warnings: list[str] = Field(default_factory=list)


class Summary(Extensible):
    OMIT_EMPTY = ("llm", "waived", "stale_waivers", "internal_errors")

    claims: int
    checked: int
    by_verdict: dict[str, int]
    llm: LLMSummary | None = Field(default=None, description="present only with --llm (extension)")
    waived: int = Field(default=0, description="error findings a waiver covers (extension; omitted when 0)")
    stale_waivers: list[str] = Field(default_factory=list, description="waivers for this document that no "
                                     "finding matches any more (extension; omitted when empty)")
    internal_errors: int = Field(default=0, description="claims a rule failed on and tables that failed to be read "
                                 "(narrcheck bugs; the run exits 3) (extension; omitted when 0)")



class Report(BaseModel):
    """What `narrcheck check FILE --format json` prints. `source` (not serialised) is the Document that was
    read, for reporters that show the text itself (html).
    """

    model_config = ConfigDict(populate_by_name=True)

    narrcheck: str
    document: DocumentInfo
    summary: Summary
    findings: list[Finding]
    _source: Any = PrivateAttr(default=None)

    @property
    def source(self) -> Any:
        return self._source

    def with_source(self, document: Any) -> Report:
        self._source = document
        return self


class FailedDocument(BaseModel):
    path: str


class Problem(BaseModel):
    kind: str = Field(description="bad_input (the file could not be checked as given: exit 2) or internal "
                                  "(a narrcheck bug: exit 3)")
    message: str = Field(description="one line naming the file and the cause")


class Failure(BaseModel):
    """What `--format json` prints in place of a Report for a document that could not be checked."""

    narrcheck: str
    document: FailedDocument
    error: Problem
