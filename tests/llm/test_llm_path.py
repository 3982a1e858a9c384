"""The LLM path, offline: replayed from cassettes (see cassettes/README.md for how each was made)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from cassette_config import make_vcr

from narrcheck.api import check_file
from narrcheck.config import Settings
from narrcheck.extract import extract
from narrcheck.llm.cache import AnswerCache
from narrcheck.llm.client import Client, Endpoint
from narrcheck.llm.pipeline import Runner
from narrcheck.readers import read_document
from narrcheck.structure import structure

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "llm_free_text.txt"
SYNTHETIC = "http://llm.invalid/v1"


def settings(tmp_path: Path, **extra: object) -> Settings:
    return Settings(llm=True, llm_base_url=SYNTHETIC, llm_model="synthetic", llm_cache_dir=str(tmp_path / "cache"),
                    **extra)


def test_grounded_claim_is_checked_and_ungrounded_ones_are_dropped(tmp_path):
    with make_vcr().use_cassette("synthetic_grounding.yaml") as cassette:
        report = check_file(FIXTURE, settings(tmp_path), show_all=True)
    assert cassette.play_count == 1
    llm = report.summary.llm
    assert (llm.calls, llm.proposed, llm.grounded, llm.added) == (1, 3, 1, 1)
    assert llm.dropped == {"number-not-in-quote": 1, "quote-not-found": 1}
    assert (llm.tokens_in, llm.tokens_out) == (812, 164)
    text = FIXTURE.read_text(encoding="utf-8")  # only the paragraph whose percent no rule read was sent
    assert llm.sent_chars == len(text.splitlines()[5]) and llm.document_chars > 3 * llm.sent_chars
    assert llm.prompt_chars > llm.sent_chars  # the prompt rides with every call
    rate = next(f for f in report.findings if f.rule == "NC101" and f.source == "llm")
    assert (rate.verdict, rate.claimed, rate.expected) == ("mismatch", "30.00", "25.00")
    assert rate.evidence[0].location.line == 6
    assert all(f.source == "rule" for f in report.findings if f.evidence[0].location.line != 6)


def test_429_is_retried_then_answered(tmp_path):
    with make_vcr().use_cassette("synthetic_429_then_ok.yaml") as cassette:
        report = check_file(FIXTURE, settings(tmp_path), show_all=True)
    assert cassette.play_count == 2 and report.summary.llm.calls == 1 and report.summary.llm.added == 1


def test_malformed_answer_is_reasked_then_accepted(tmp_path):
    with make_vcr().use_cassette("synthetic_malformed_then_ok.yaml") as cassette:
        report = check_file(FIXTURE, settings(tmp_path), show_all=True)
    assert cassette.play_count == 2
    assert report.summary.llm.added == 1 and not report.summary.llm.warnings


def test_second_run_is_served_from_cache(tmp_path):
    with make_vcr().use_cassette("synthetic_grounding.yaml"):
        first = check_file(FIXTURE, settings(tmp_path), show_all=True)
    with make_vcr().use_cassette("synthetic_grounding.yaml") as cassette:
        second = check_file(FIXTURE, settings(tmp_path), show_all=True)
    assert cassette.play_count == 0
    assert (second.summary.llm.calls, second.summary.llm.cache_hits) == (0, 1)
    assert [f.model_dump() for f in second.findings] == [f.model_dump() for f in first.findings]
    with make_vcr().use_cassette("synthetic_grounding.yaml") as cassette:  # --no-cache asks again
        check_file(FIXTURE, settings(tmp_path, llm_cache=False), show_all=True)
    assert cassette.play_count == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dead_endpoint_degrades_to_rules_with_a_warning(tmp_path):
    rules_only = check_file(FIXTURE, Settings(), show_all=True)
    document = structure(read_document(FIXTURE))
    found = extract(document)
    endpoint = Endpoint(base_url=f"http://127.0.0.1:{_closed_port()}/v1", model="m", transient_attempts=2,
                        backoff_max=0.01, timeout=2)
    result = Runner(Client(endpoint), AnswerCache(tmp_path, enabled=False), budget=10_000).run(
        found.units, found.claims, [])
    assert result.claims == [] and result.usage.calls == 0
    assert result.warnings and "APIConnectionError" in result.warnings[0]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NARRCHECK_LLM")}
    env.update(OPENAI_BASE_URL=f"http://127.0.0.1:{_closed_port()}/v1", OPENAI_MODEL="m",
               NARRCHECK_CACHE=str(tmp_path / "c"))
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", str(FIXTURE), "--llm", "--format", "json"],
                         capture_output=True, text=True, env=env, timeout=120)
    report = json.loads(out.stdout)
    assert out.returncode == 0  # the rules found no error; the LLM's failure does not change that
    assert report["summary"]["llm"]["warnings"]
    assert report["summary"]["by_verdict"] == rules_only.summary.by_verdict


def test_budget_stops_sending(tmp_path):
    with make_vcr().use_cassette("synthetic_grounding.yaml") as cassette:
        report = check_file(FIXTURE, settings(tmp_path, llm_budget=100), show_all=True)
    assert cassette.play_count == 0
    assert report.summary.llm.calls == 0 and report.summary.llm.warnings == ["budget"]


def test_without_llm_nothing_is_sent_and_the_contract_is_unchanged(tmp_path):
    with make_vcr().use_cassette("synthetic_grounding.yaml") as cassette:
        report = check_file(FIXTURE, Settings(), show_all=True)
    assert cassette.play_count == 0 and report.summary.llm is None


@pytest.mark.live
def test_live_endpoint_whole_path(tmp_path):
    """Opt-in: NARRCHECK_LLM_BASE_URL and NARRCHECK_LLM_MODEL name a running OpenAI-compatible server."""
    base, model = os.environ.get("NARRCHECK_LLM_BASE_URL"), os.environ.get("NARRCHECK_LLM_MODEL")
    if not base or not model:
        pytest.skip("live LLM test: set NARRCHECK_LLM_BASE_URL and NARRCHECK_LLM_MODEL to run it")
    s = Settings(llm=True, llm_base_url=base, llm_model=model, llm_cache_dir=str(tmp_path))
    report = check_file(FIXTURE, s, show_all=True)
    llm = report.summary.llm
    assert llm.calls >= 1  # a tiny model may never answer in form: then a warning, and the rules' result
    assert llm.proposed == llm.grounded + sum(v for k, v in llm.dropped.items() if k != "reason-without-change")
    text = FIXTURE.read_text(encoding="utf-8")
    assert all(f.evidence[0].quote in text for f in report.findings if f.source == "llm")


def test_a_tiny_models_real_answers_are_not_trusted(tmp_path):
    """Recorded from SmolLM2-135M (cassettes/README.md): its answers never validate, so after the bounded
    re-asks the result is the rules' own, with a warning and the tokens the attempts cost.
    """
    rules_only = check_file(FIXTURE, Settings(), show_all=True)
    s = Settings(llm=True, llm_base_url="http://127.0.0.1:8766/v1", llm_model="smollm2-135m",
                 llm_cache_dir=str(tmp_path), llm_constrained=False)  # (recorded without the schema)
    with make_vcr().use_cassette("smollm2_fixture.yaml") as cassette:
        report = check_file(FIXTURE, s, show_all=True)
    llm = report.summary.llm
    assert cassette.play_count == 3 and llm.calls == 3 and llm.tokens_in > 0
    assert llm.added == 0 and llm.invalid == 1 and llm.warnings == ["no valid answer for 1 of 1 chunks"]
    assert [f.model_dump() for f in report.findings] == [f.model_dump() for f in rules_only.findings]
    with make_vcr().use_cassette("smollm2_fixture.yaml") as cassette:  # the same text again: from the cache
        again = check_file(FIXTURE, s, show_all=True).summary.llm
    assert cassette.play_count == 0 and (again.calls, again.cache_hits, again.invalid) == (0, 1, 1)
    assert again.warnings == llm.warnings


def test_a_tiny_models_constrained_answers_are_grounded_or_dropped(tmp_path):
    """Recorded from SmolLM2-135M decoding within the answer's schema: whatever arrives is grounded against the
    text or dropped and counted (with prompt v2 its answer ran to the 1,024-token cap and never validated: a
    warning, nothing added); what it invented never reaches a check.
    """
    s = Settings(llm=True, llm_base_url="http://127.0.0.1:8766/v1", llm_model="smollm2-135m",
                 llm_cache_dir=str(tmp_path), llm_constrained=True)
    with make_vcr().use_cassette("smollm2_constrained_fixture.yaml") as cassette:
        report = check_file(FIXTURE, s, show_all=True)
    llm = report.summary.llm
    assert cassette.play_count == llm.calls == 1
    assert llm.proposed == llm.grounded + sum(llm.dropped.values())
    assert llm.proposed or llm.warnings == ["no valid answer for 1 of 1 chunks"]
    text = FIXTURE.read_text(encoding="utf-8")
    assert all(f.evidence[0].quote in text for f in report.findings if f.source == "llm")


def test_a_corpus_document_against_the_tiny_model(tmp_path):
    """Recorded from SmolLM2-135M on corpus document 004 (cassettes/README.md): every call is counted, the
    budget stops the run, nothing ungrounded is added, and the rules' findings stand unchanged.
    """
    corpus = Path(os.environ.get("NARRCHECK_CORPUS", ROOT.parent / "shared" / "corpus"))
    document = next(iter(sorted(corpus.glob("004_*.txt"))), None)
    if document is None:
        pytest.skip(f"corpus not found at {corpus} (set NARRCHECK_CORPUS)")
    rules_only = check_file(document, Settings(), show_all=True)
    s = Settings(llm=True, llm_base_url="http://127.0.0.1:8766/v1", llm_model="smollm2-135m",
                 llm_cache_dir=str(tmp_path), llm_concurrency=1, llm_constrained=True)
    with make_vcr().use_cassette("smollm2_corpus_004.yaml") as cassette:
        report = check_file(document, s, show_all=True)
    llm = report.summary.llm
    assert llm.calls == cassette.play_count > 0 and llm.tokens_in + llm.tokens_out > 0
    assert llm.proposed == llm.grounded + sum(v for k, v in llm.dropped.items() if k != "reason-without-change")
    text = document.read_text(encoding="utf-8")
    assert all(f.evidence[0].quote in text for f in report.findings if f.source == "llm")
    assert [f.model_dump() for f in report.findings if f.source == "rule"] == [
        f.model_dump() for f in rules_only.findings]


def test_no_cassette_holds_a_key_or_an_auth_header():
    for cassette in (ROOT / "cassettes").glob("*.yaml"):
        text = cassette.read_text(encoding="utf-8").lower()
        assert "authorization" not in text and "bearer " not in text and "api-key" not in text, cassette.name
        assert "set-cookie" not in text and "openai-organization" not in text, cassette.name


def test_a_right_binding_becomes_a_found_error_and_a_wrong_quote_nothing(tmp_path):
    """The test double synthetic_base_elsewhere.yaml (hand-written, not a model: cassettes/README.md) answers the
    residue of a disclosure written for this test: the change's base printed in the sentence before its quote is
    bound, and the rules' own check finds the rate wrong; the claim whose quote is not in the text is dropped.
    """
    document = ROOT / "tests" / "fixtures" / "llm_base_elsewhere.txt"
    rules_only = check_file(document, Settings(), show_all=True)
    assert not [f for f in rules_only.findings if f.severity.value == "error"]  # the rules cannot bind 8.00
    with make_vcr().use_cassette("synthetic_base_elsewhere.yaml") as cassette:
        report = check_file(document, settings(tmp_path), show_all=True)
    llm = report.summary.llm
    assert cassette.play_count == 1 and (llm.proposed, llm.grounded, llm.added) == (2, 1, 1)
    assert llm.dropped == {"quote-not-found": 1}
    rate = next(f for f in report.findings if f.rule == "NC101" and f.source == "llm")
    assert (rate.verdict, rate.severity.value, rate.claimed, rate.expected) == ("mismatch", "error", "20.00", "25.00")
    assert "8.00" in rate.formula and rate.evidence[0].location.line == 5


def test_an_endpoint_that_refuses_the_schema_is_asked_for_plain_json(tmp_path):
    """synthetic_schema_refused.yaml (hand-written): the request with the answer's JSON Schema gets HTTP 400,
    the same request without it the answer; the endpoint is then asked for plain JSON for the rest of the run.
    """
    from narrcheck.llm.client import Formats

    with make_vcr().use_cassette("synthetic_schema_refused.yaml") as cassette:
        report = check_file(FIXTURE, settings(tmp_path), show_all=True)
    assert cassette.play_count == 2 and report.summary.llm.added == 1 and not report.summary.llm.warnings
    assert SYNTHETIC in Formats.plain  # (the client asks for the schema only of endpoints not in it)
