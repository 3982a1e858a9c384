"""Several documents' residue asked about in shared batches (one prompt for several documents), each claim going
back to the document whose text it quotes, and each document's summary carrying its share of the cost.
The endpoint is a stand-in written for this test (it answers what the test says), not a model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrcheck.api import check_file, prefill_llm
from narrcheck.cli import app
from narrcheck.config import Settings
from narrcheck.llm.client import Client
from narrcheck.model.llm import LLMAnswer, LLMClaim

STATION = ("2024年度示例乡文化站部门决算\n一、支出情况说明\n"
           "上年会议费支出5.00万元，今年从严控制会议规模。本年会议费4.00万元，较上年下降25.00%。\n")
CLINIC = ("2024年度示例镇卫生院部门决算\n一、支出情况说明\n"
          "上年差旅费支出10.00万元，今年下乡出差有所减少。本年差旅费9.00万元，较上年下降10.00%。\n")
ANSWER = LLMAnswer(claims=[
    LLMClaim(kind="change", quote="本年会议费4.00万元，较上年下降25.00%", value="4.00", unit="万元", prior="5.00",
             rate="25.00", direction="down"),
    LLMClaim(kind="change", quote="本年差旅费９.００万元，较上年下降１０.００%", value="9.00", unit="万元",
             prior="10.00", rate="10.00", direction="down"),  # (full-width digits: looked up as grounding does)
    LLMClaim(kind="change", quote="本年印刷费3.00万元，较上年下降40.00%", value="3.00", unit="万元", rate="40.00"),
])


@pytest.fixture
def endpoint(monkeypatch):
    """Every request the stand-in endpoint gets, as the text of its messages; it answers ANSWER to each."""
    asked: list[str] = []

    def extract(self, messages, deadline=None):
        asked.append("".join(m["content"] for m in messages))
        return ANSWER, 700, 90

    monkeypatch.setattr(Client, "extract", extract)
    return asked


@pytest.fixture
def documents(tmp_path) -> list[Path]:
    out = []
    for name, text in (("station.txt", STATION), ("clinic.txt", CLINIC)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        out.append(tmp_path / name)
    return out


def settings(tmp_path: Path) -> Settings:
    return Settings(llm=True, llm_base_url="http://llm.invalid/v1", llm_model="stand-in",
                    llm_cache_dir=str(tmp_path / "cache"))


def test_two_documents_residue_goes_in_one_call_and_each_claim_to_its_own_document(tmp_path, endpoint, documents):
    s = settings(tmp_path)
    prefilled = prefill_llm(documents, s)
    assert len(endpoint) == 1 and "会议费4.00万元" in endpoint[0] and "差旅费9.00万元" in endpoint[0]
    station, clinic = (check_file(d, s, show_all=True, prefilled=prefilled) for d in documents)
    assert len(endpoint) == 1  # the documents' own runs read the batch's answers
    rate = next(f for f in station.findings if f.rule == "NC101" and f.source == "llm")
    assert (rate.verdict, rate.claimed, rate.expected) == ("mismatch", "25.00", "20.00")  # 1.00 / 5.00
    assert [f.verdict for f in clinic.findings if f.source == "llm" and f.rule == "NC101"] == ["ok"]
    assert (station.summary.llm.grounded, clinic.summary.llm.grounded) == (1, 1)
    assert station.summary.llm.dropped == {"quote-not-found": 1}  # a quote in neither goes with the first chunk
    # the call counted once, its characters and tokens shared by the documents' text, adding up to what was sent
    assert (station.summary.llm.calls, clinic.summary.llm.calls) == (1, 0)
    assert station.summary.llm.prompt_chars + clinic.summary.llm.prompt_chars == len(endpoint[0])
    assert station.summary.llm.tokens_in + clinic.summary.llm.tokens_in == 700
    assert station.summary.llm.cache_hits == clinic.summary.llm.cache_hits == 0


def test_a_second_run_of_the_batch_costs_no_call(tmp_path, endpoint, documents):
    s = settings(tmp_path)
    prefill_llm(documents, s)
    assert prefill_llm(documents, s) is not None and len(endpoint) == 1  # every chunk answered in the cache
    again = [check_file(d, s, prefilled=None) for d in documents]
    assert len(endpoint) == 1 and [r.summary.llm.cache_hits for r in again] == [1, 1]


def test_the_command_batches_the_files_it_is_given(tmp_path, endpoint, documents, monkeypatch):
    monkeypatch.setenv("NARRCHECK_LLM_BASE_URL", "http://llm.invalid/v1")
    monkeypatch.setenv("NARRCHECK_LLM_MODEL", "stand-in")
    monkeypatch.setenv("NARRCHECK_CACHE", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["check", *map(str, documents), "--llm", "--format", "json"])
    reports = json.loads(result.stdout)
    assert result.exit_code == 1 and len(endpoint) == 1
    assert [r["summary"]["llm"]["calls"] for r in reports] == [1, 0]
    assert [f["claimed"] for f in reports[0]["findings"] if f["source"] == "llm"] == ["25.00"]


def test_a_batch_never_answered_in_form_leaves_each_document_to_ask_for_itself(tmp_path, monkeypatch, documents):
    from narrcheck.llm.client import LLMError

    asked: list[str] = []

    def extract(self, messages, deadline=None):
        asked.append("".join(m["content"] for m in messages))
        if len(asked) == 1:  # the batch of both documents: no valid answer after the re-asks
            raise LLMError("no valid answer", calls=3, tokens_in=2100, tokens_out=300, chunk="invalid")
        return ANSWER, 400, 60

    monkeypatch.setattr(Client, "extract", extract)
    s = settings(tmp_path)
    prefilled = prefill_llm(documents, s)
    station, clinic = (check_file(d, s, show_all=True, prefilled=prefilled) for d in documents)
    assert len(asked) == 3 and "会议费" in asked[1] and "差旅费" not in asked[1]  # then one call per document
    assert (station.summary.llm.calls, clinic.summary.llm.calls) == (3 + 1, 1)  # the failed tries counted too
    assert [f.claimed for f in station.findings if f.source == "llm" and f.verdict == "mismatch"] == ["25.00"]


def test_an_endpoint_that_fails_the_batch_is_not_called_again_by_the_documents(tmp_path, monkeypatch, documents):
    from narrcheck.llm.client import LLMError

    asked: list[str] = []

    def extract(self, messages, deadline=None):
        asked.append("".join(m["content"] for m in messages))
        raise LLMError("the endpoint did not answer in time", calls=1)

    monkeypatch.setattr(Client, "extract", extract)
    s = settings(tmp_path)
    prefilled = prefill_llm(documents, s)
    reports = [check_file(d, s, prefilled=prefilled) for d in documents]
    assert len(asked) == 1  # one wait for the whole run, not one per document
    assert all(r.summary.llm.warnings == ["the endpoint did not answer in time"] for r in reports)
    assert [r.summary.llm.calls for r in reports] == [1, 0]
