"""The optional LLM path: it only proposes claims; grounding and the deterministic checks decide.

With no endpoint configured nothing is sent anywhere; any failure of the endpoint leaves the rules' result
and a warning, never a changed exit code.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from narrcheck.config import Settings
from narrcheck.extract.rules import Unit
from narrcheck.model.claims import Claim
from narrcheck.model.findings import LLMSummary
from narrcheck.tables.model import ScoreTable

if TYPE_CHECKING:
    from narrcheck.llm.pipeline import Prefill, Runner


def endpoint_from(settings: Settings) -> tuple[str | None, str | None]:
    """(base URL, model) from the settings, else the environment."""
    base = settings.llm_base_url or os.environ.get("NARRCHECK_LLM_BASE_URL") or os.environ.get("OPENAI_BASE_URL")
    model = settings.llm_model or os.environ.get("NARRCHECK_LLM_MODEL") or os.environ.get("OPENAI_MODEL")
    return base, model


def run_llm(settings: Settings, units: Sequence[Unit], rule_claims: Sequence[Claim],
            tables: Sequence[ScoreTable], deadline: float | None = None,
            settled: Sequence[Claim] | None = None,
            prefilled: Prefill | None = None) -> tuple[list[Claim], LLMSummary]:
    """Claims the LLM adds (grounded, not duplicating the rules') and what it cost; it is asked only about
    figures that no claim of `settled` (the rule claims that were checked; default all) holds, and no call runs
    past `deadline` (time.monotonic()). `prefilled`: answers asked for in batches with other documents (prefill).
    """
    base, model = endpoint_from(settings)
    if not base or not model:
        return [], LLMSummary(warnings=["no LLM endpoint configured (llm_base_url / OPENAI_BASE_URL and "
                                        "llm_model / OPENAI_MODEL): rules only"])
    try:
        result = _runner(settings, base, model, deadline).run(units, rule_claims, tables, settled, prefilled)
    except Exception as exc:  # the LLM is optional: its failure must not cost the rules' result
        return [], LLMSummary(model=model, warnings=[f"LLM path failed ({type(exc).__name__}): rules only"])
    summary = LLMSummary(model=model, chunks=result.chunks, sent_chars=result.sent_chars,
                         document_chars=sum(len(u.raw) for u in units), prompt_chars=result.prompt_chars,
                         refused=result.refused, invalid=result.invalid,
                         calls=result.usage.calls,
                         cache_hits=result.usage.cache_hits, tokens_in=result.usage.tokens_in,
                         tokens_out=result.usage.tokens_out, proposed=result.proposed, grounded=result.grounded,
                         dropped=dict(sorted(result.dropped.items())), duplicates=result.duplicates,
                         added=len(result.claims), warnings=result.warnings)
    return result.claims, summary


def plan(units: Sequence[Unit], rule_claims: Sequence[Claim],
         settled: Sequence[Claim] | None = None) -> list[tuple[tuple[str, ...], str]]:
    """A document's chunks, as (section, text): what run_llm would ask about (for prefill)."""
    from narrcheck.llm.pipeline import Runner

    return [(c.section, c.text) for c in Runner.plan(units, rule_claims, settled)]


def prefill(settings: Settings, todo: Sequence[tuple[int, tuple[str, ...], str]],
            deadline: float | None = None) -> Prefill | None:
    """The (document, section, text) chunks of several documents asked about in shared batches
    (Runner.prefill), for their documents' run_llm to read; None without an endpoint, or on a failure of the
    path itself (each document then asks for itself).
    """
    base, model = endpoint_from(settings)
    if not base or not model or not todo:
        return None
    try:
        return _runner(settings, base, model, deadline).prefill(todo, settings.llm_time_budget)
    except Exception:  # the LLM is optional: each document's own run says what failed
        return None


def _runner(settings: Settings, base: str, model: str, deadline: float | None) -> Runner:
    from narrcheck.llm.cache import AnswerCache
    from narrcheck.llm.client import Client, Endpoint
    from narrcheck.llm.pipeline import Runner

    key = os.environ.get("NARRCHECK_LLM_API_KEY") or os.environ.get("OPENAI_API_KEY") or "not-needed"
    client = Client(Endpoint(base_url=base, model=model, api_key=key, timeout=settings.llm_timeout,
                             constrained=settings.llm_constrained))
    cache = AnswerCache(Path(settings.llm_cache_dir) if settings.llm_cache_dir else None, enabled=settings.llm_cache)
    return Runner(client, cache, settings.llm_budget, settings.llm_concurrency, deadline)
