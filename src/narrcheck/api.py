"""The library entry point: check one document and return the finished Report."""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from narrcheck import __version__
from narrcheck.checks import run_checks
from narrcheck.checks.base import Context
from narrcheck.config import Settings
from narrcheck.errors import InputError
from narrcheck.extract import Extraction, extract
from narrcheck.limits import time_limit
from narrcheck.model.claims import Claim
from narrcheck.model.document import Document
from narrcheck.model.findings import DocumentInfo, Finding, Report, Summary, fingerprinted
from narrcheck.readers import read_document
from narrcheck.structure import structure
from narrcheck.tables import read_tables
from narrcheck.tables.accounts import AccountFact, Accounts, read_accounts
from narrcheck.tables.model import Tables
from narrcheck.waivers import Waiver, apply_waivers

if TYPE_CHECKING:
    from narrcheck.llm.pipeline import Prefill

SHOWN_BY_DEFAULT = {"mismatch", "truncation", "unit_error", "contradiction", "invalid"}


def read_account_files(paths: Sequence[str | Path], settings: Settings | None = None) -> list[AccountFact]:
    """The figures of the official 财决 tables in `paths` (workbooks, or tables in any readable format).

    Raises InputError for an unreadable file and for one holding no table with figures.
    """
    settings = settings or Settings()
    facts: list[AccountFact] = []
    for path in paths:
        found = read_accounts(structure(read_document(path, max_bytes=settings.max_bytes)))
        if not found:
            raise InputError(str(path), "no table with figures under header words was found")
        facts.extend(found)
    return facts


def check_file(path: str | Path, settings: Settings | None = None, show_all: bool = False,
               show_unverifiable: bool = False, accounts: Sequence[AccountFact] = (),
               waivers: Sequence[Waiver] = (), prefilled: Prefill | None = None) -> Report:
    """Read, structure, extract and check one file. Its statements are weighed against the official 财决
    tables it holds itself and against `accounts` (read_account_files); `waivers` mark the findings they
    cover; `prefilled`: LLM answers asked for in batches with other files (prefill_llm). Raises InputError for
    unreadable input, and for a document whose reading and checking together take longer than
    settings.timeout (the LLM's time is its own budget).
    """
    settings = settings or Settings()
    started = time.monotonic()
    deadline = started + settings.llm_time_budget  # the LLM's, from the start of this document
    llm_seconds = 0.0

    def left() -> float:  # what remains of the document's time limit (0: none), the LLM's time not counted
        return max(settings.timeout - (time.monotonic() - started - llm_seconds), 1e-3) if settings.timeout else 0

    run = _rules(path, settings, accounts)
    document, found, tables, narrative, claims, ctx, results = run
    llm = None
    if settings.llm:  # asked only about what the rules left: figures no checked claim holds
        from narrcheck.llm import run_llm

        asked = time.monotonic()
        added, llm = run_llm(settings, found.units, narrative, tables.score, deadline, run.settled(), prefilled)
        llm_seconds = time.monotonic() - asked
        if added:
            with time_limit(str(path), left(), settings.timeout):
                more = run_checks(added, settings.select, settings.ignore, settings.lang,
                                  replace(ctx, claims=(*narrative, *added), _memo={}))
            results += [(i + len(claims) if i >= 0 else i, f) for i, f in more]
            claims += added
    by_verdict = Counter(f.verdict for i, f in results if i >= 0)
    checked = len({i for i, f in results if f.verdict != "unverifiable" and i >= 0})
    shown = set(SHOWN_BY_DEFAULT)
    if show_all:
        shown.add("ok")
    if show_unverifiable:
        shown.add("unverifiable")
    findings = fingerprinted(sorted((f for i, f in results if f.verdict in shown and _listed(i, f, show_all)),
                                    key=_order))
    report = Report(
        narrcheck=__version__,
        document=DocumentInfo(path=document.path, format=document.format, sha256=document.sha256,
                              year=found.statements.year, publisher=found.publisher),
        summary=Summary(claims=len(claims), checked=checked, by_verdict=dict(sorted(by_verdict.items())),
                        llm=llm, internal_errors=sum(1 for _, f in results if f.internal) + len(tables.failures)),
        findings=findings,
    ).with_source(document)
    return apply_waivers(report, list(waivers)) if waivers else report


class _RuleRun(NamedTuple):
    """A document read and checked by the rules alone (the first half of check_file)."""

    document: Document
    found: Extraction
    tables: Tables
    narrative: list[Claim]
    claims: list[object]
    ctx: Context
    results: list[tuple[int, Finding]]

    def settled(self) -> list[Claim]:
        """The narrative claims a rule checked (the LLM is asked only about the rest)."""
        done = {i for i, f in self.results if i >= 0 and f.verdict != "unverifiable"}
        return [c for i, c in enumerate(self.narrative) if i in done]


def _rules(path: str | Path, settings: Settings, accounts: Sequence[AccountFact]) -> _RuleRun:
    """Read the document and run the rules on it, within settings.timeout."""
    with time_limit(str(path), settings.timeout):
        document = structure(read_document(path, max_bytes=settings.max_bytes))
        tables = read_tables(document)
        found = extract(document, tables.score)
        narrative, stated = list(found.claims), found.statements
        claims: list[object] = [*narrative, *tables.items(), stated]
        # the document's own 附表, then the given ones
        official = [*read_accounts(document, own=True, parts=tables.fragments), *accounts]
        if official:
            claims.append(Accounts(tuple(official), stated))
        ctx = Context(lang=settings.lang, score_tables=tuple(tables.score), grade_bands=settings.bands(found.bands),
                      bands_stated=settings.grade_bands is not None or found.bands is not None,
                      band_gaps=found.band_gaps if settings.grade_bands is None else (),
                      execution_score=settings.execution_score,
                      execution_stated=settings.own_tiers(found.execution_rule), claims=tuple(narrative),
                      budget_tables=tuple(tables.budget), statements=stated,
                      amounts=frozenset((m.quantity.value, m.quantity.unit) for u in found.units for m in u.mentions
                                        if m.quantity.is_money),
                      paragraphs=_paragraph_starts(document))
        results = run_checks(claims, settings.select, settings.ignore, settings.lang, ctx)
    return _RuleRun(document, found, tables, narrative, claims, ctx, results)


def _paragraph_starts(document: Document) -> tuple[tuple[int, int], ...]:
    """Where each text block starts, (page or 0, line), in document order (Context.block_of)."""
    return tuple((loc.page or 0, loc.line or 0) for b in document.blocks
                 if b.kind != "table" and b.textmap.lines and (loc := b.location()))


def prefill_llm(paths: Sequence[str | Path], settings: Settings,
                accounts: Sequence[AccountFact] = ()) -> Prefill | None:
    """The residue of several files asked about in shared batches, so that a run over many short documents
    does not send the whole prompt once per document: the rules run on each file, each file's chunks are
    collected, and batches of several files' chunks are asked at once (llm.prefill). Pass the result to
    check_file. A file that cannot be read is left out here (its own check says why). The LLM's time for the
    batches is the files' time budgets pooled.
    """
    from narrcheck.llm import endpoint_from, plan, prefill

    if not all(endpoint_from(settings)):
        return None  # (each file's own check says so)
    todo: list[tuple[int, tuple[str, ...], str]] = []
    for i, path in enumerate(paths):
        try:
            run = _rules(path, settings, accounts)
            todo.extend((i, section, text) for section, text in plan(run.found.units, run.narrative, run.settled()))
        except Exception:  # (said by the file's own check, which meets it again)
            continue
    return prefill(settings, todo, time.monotonic() + settings.llm_time_budget * max(len(paths), 1))


def tune_gc_for_batch() -> None:
    """Collect garbage less often while checking many files (a run allocates many short-lived objects).

    The same trade mypy makes: young objects are still collected, every 50,000 allocations instead of 700.
    """
    gc.set_threshold(50_000, 20, 20)


def _listed(index: int, finding: Finding, show_all: bool) -> bool:
    """One wrong figure, one finding: the figure's own (index -1) by default, the claims it explains with --all."""
    explained = finding.diagnosis is not None and finding.diagnosis.code == "figure_typo"
    return not explained or (index < 0) != show_all


def _order(f: Finding) -> tuple[int, int, str]:
    loc = f.evidence[0].location
    return (loc.line or 0, loc.column or 0, f.rule)
