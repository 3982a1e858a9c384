"""Several documents' residue asked about in shared batches (one prompt for several documents), each claim going
back to the document whose text it quotes, and each document's summary carrying its share of the cost.
The endpoint is a stand-in written for this test (it answers what the test says), not a model.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrcheck.api import check_file, prefill_llm
from narrcheck.cli import app
from narrcheck.config import Settings
from narrcheck.llm.client import Client
from narrcheck.llm.pipeline import Prefill
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


def test_no_file_spends_more_than_its_budget_in_the_batches(tmp_path, endpoint, documents):
    s = settings(tmp_path).model_copy(update={"llm_budget": 500})  # less than the prompt and one chunk
    prefilled = prefill_llm(documents, s)
    reports = [check_file(d, s, prefilled=prefilled) for d in documents]
    assert endpoint == []  # asked neither in a batch nor alone
    assert all(r.summary.llm.warnings == ["budget"] for r in reports)


def test_a_sentence_two_files_share_is_each_ones(tmp_path, monkeypatch):
    quote = "本年会议费4.00万元，较上年下降25.00%"
    answer = LLMAnswer(claims=[LLMClaim(kind="change", quote=quote, value="4.00", unit="万元", prior="5.00",
                                        rate="25.00", direction="down")])
    monkeypatch.setattr(Client, "extract", lambda self, messages, deadline=None: (answer, 500, 40))
    paths = []
    for name, lead in (("a.txt", "上年会议费支出5.00万元。"), ("b.txt", "上年会议费支出5.00万元，本年从严控制。")):
        (tmp_path / name).write_text(f"一、支出情况说明\n{lead}{quote}。\n", encoding="utf-8")
        paths.append(tmp_path / name)
    s = settings(tmp_path)
    prefilled = prefill_llm(paths, s)
    for report in (check_file(p, s, prefilled=prefilled) for p in paths):
        assert [f.claimed for f in report.findings if f.source == "llm"] == ["25.00"]


def test_with_the_cache_off_a_chunk_asked_alone_is_not_asked_again(tmp_path, monkeypatch, documents):
    from narrcheck.llm.client import LLMError

    asked: list[int] = []

    def extract(self, messages, deadline=None):
        asked.append(1)
        raise LLMError("no valid answer", calls=3, tokens_in=900, tokens_out=90, chunk="invalid")

    monkeypatch.setattr(Client, "extract", extract)
    quiet = tmp_path / "quiet.txt"  # nothing to ask about: the batch holds the other file's chunk alone
    quiet.write_text("一、收入情况\n本年收入合计100.00万元。\n", encoding="utf-8")
    s = settings(tmp_path).model_copy(update={"llm_cache": False})
    files = [documents[0], quiet]
    prefilled = prefill_llm(files, s)
    station, _ = (check_file(d, s, prefilled=prefilled) for d in files)
    assert len(asked) == 1 and station.summary.llm.invalid == 1 and station.summary.llm.calls == 3


def test_a_failure_of_the_batch_phase_costs_no_file_its_check(tmp_path, endpoint, documents, monkeypatch):
    import narrcheck.llm.pipeline as pipeline

    def broken(*args, **kwargs):
        raise IndexError("a narrcheck bug in choosing the residue")

    monkeypatch.setattr(pipeline, "chunks", broken)
    monkeypatch.setenv("NARRCHECK_LLM_BASE_URL", "http://llm.invalid/v1")
    monkeypatch.setenv("NARRCHECK_LLM_MODEL", "stand-in")
    monkeypatch.setenv("NARRCHECK_CACHE", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["check", *map(str, documents), "--llm", "--format", "json"])
    reports = json.loads(result.stdout)
    assert len(reports) == 2 and endpoint == []
    assert all(r["summary"]["llm"]["warnings"] == ["LLM path failed (IndexError): rules only"] for r in reports)


def _two_batch_file(tmp_path: Path) -> Path:
    """A file whose residue is two chunks, the first filling a batch alone (961 and 213 characters)."""
    items = ["会议费", "培训费", "差旅费", "印刷费", "邮电费", "租赁费", "物业费", "维修费", "水电费", "办公费",
             "咨询费", "劳务费", "宣传费", "取暖费", "福利费", "手续费", "专用材料费", "委托业务费", "公务接待费",
             "公务用车运行费", "其他交通费", "工会经费", "税金及附加", "其他商品和服务支出"]
    long = tmp_path / "long.txt"  # a base printed the sentence before each rate: the rules leave them all
    long.write_text("一、支出情况说明\n" + "".join(
        f"上年{item}支出{i + 5}.00万元，今年继续压缩。本年{item}{i + 4}.00万元，较上年下降{i + 3}.00%。\n\n"
        for i, item in enumerate(items)), encoding="utf-8")
    return long


def test_a_file_whose_residue_fills_two_batches_stays_within_its_budget(tmp_path, monkeypatch, documents):
    monkeypatch.setattr(Client, "extract", lambda self, messages, deadline=None: (LLMAnswer(claims=[]), 1800, 90))
    long = _two_batch_file(tmp_path)
    s = settings(tmp_path).model_copy(update={"llm_budget": 2500})
    prefilled = prefill_llm([long, documents[1]], s)
    report = check_file(long, s, prefilled=prefilled)
    llm = report.summary.llm  # the second chunk would pass the file's budget: asked neither in a batch nor alone
    assert llm.chunks == 2 and llm.calls == 1 and llm.tokens_in + llm.tokens_out <= 2500
    assert llm.warnings == ["budget"]


def test_what_the_batches_spent_counts_before_a_file_asks_alone_whatever_its_threads_order(tmp_path, monkeypatch,
                                                                                           documents):
    """The file's own run asks its two chunks in two threads: the one whose chunk a batch answered is held, in
    the run, until a call goes out (or 5 s), as a loaded machine may hold it; the batch's cost must still stop
    the other chunk from being asked alone past the budget (it once went out: 2 calls, 3,780 tokens of 2,500).
    """
    calls = threading.Event()

    def extract(self, messages, deadline=None):
        calls.set()
        return LLMAnswer(claims=[]), 1800, 90

    monkeypatch.setattr(Client, "extract", extract)
    long = _two_batch_file(tmp_path)
    s = settings(tmp_path).model_copy(update={"llm_budget": 2500})
    prefilled = prefill_llm([long, documents[1]], s)
    assert prefilled is not None and len(prefilled.costs) == 2  # one of the long file's chunks, and clinic's
    calls.clear()
    take = Prefill.take

    def held(self, key):
        if key in self.costs and threading.current_thread() is not threading.main_thread():
            calls.wait(5)
        return take(self, key)

    monkeypatch.setattr(Prefill, "take", held)
    llm = check_file(long, s, prefilled=prefilled).summary.llm
    assert llm.chunks == 2 and llm.calls == 1 and llm.tokens_in + llm.tokens_out <= 2500
    assert llm.warnings == ["budget"]
