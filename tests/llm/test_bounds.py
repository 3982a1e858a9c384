"""The LLM path is bounded in time: a dead or silent endpoint costs seconds, then the rules' result stands.

A never-answering endpoint is a local socket that accepts connections and says nothing; a closed port is one
nothing listens on. The bounds asserted here are hang detectors with the budget set small; the default
budget's whole run (60 s) is measured in benchmarks/llm_bounds.py.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from narrcheck.api import check_file
from narrcheck.config import Settings
from narrcheck.llm.client import BREAKER_FAILURES, Breaker

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "llm_free_text.txt"


@pytest.fixture
def silent():
    """(base URL, connections accepted so far) of an endpoint that accepts and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            accepted.append(conn)  # held open, never read from or written to

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/v1", accepted
    server.close()
    for conn in accepted:
        conn.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def llm(tmp_path: Path, base: str, **extra: object) -> Settings:
    return Settings(llm=True, llm_base_url=base, llm_model="m", llm_cache=False, llm_cache_dir=str(tmp_path),
                    **extra)


def test_a_silent_endpoint_ends_at_the_budget_with_the_rules_result_and_one_warning(tmp_path, silent):
    base, accepted = silent
    rules_only = check_file(FIXTURE, Settings(), show_all=True)
    started = time.monotonic()
    report = check_file(FIXTURE, llm(tmp_path, base, llm_time_budget=3, llm_timeout=120), show_all=True)
    took = time.monotonic() - started
    assert took < 10, took  # the budget (3 s), not the read timeout (120 s) nor four tries with backoff
    assert report.summary.by_verdict == rules_only.summary.by_verdict
    assert len(report.summary.llm.warnings) == 1 and report.summary.llm.added == 0
    assert 1 <= len(accepted) <= 2  # the requests in flight (concurrency 2), and no retry after the budget


def test_a_closed_port_fails_fast_and_opens_the_breaker_for_the_run(tmp_path):
    base = f"http://127.0.0.1:{closed_port()}/v1"
    started = time.monotonic()
    report = check_file(FIXTURE, llm(tmp_path, base), show_all=True)
    assert time.monotonic() - started < 5
    warning, = report.summary.llm.warnings
    assert f"failed {BREAKER_FAILURES} times" in warning and "APIConnectionError" in warning
    assert Breaker.is_open(base)
    again = check_file(FIXTURE, llm(tmp_path, base), show_all=True)  # the next document: no call at all
    assert again.summary.llm.calls == 0 and again.summary.llm.warnings


def test_the_breaker_opens_at_its_count_and_not_before():
    base = "http://127.0.0.1:9/v1"
    for _ in range(BREAKER_FAILURES - 1):
        Breaker.record(base)
    assert not Breaker.is_open(base)
    Breaker.record(base)
    assert Breaker.is_open(base) and not Breaker.is_open("http://elsewhere/v1")
