import pytest

from narrcheck.llm.client import Breaker


@pytest.fixture(autouse=True)
def _fresh_breaker():
    """Each test starts with no endpoint counted as failing (the breaker lasts a run, a test is one)."""
    Breaker.reset()
    yield
    Breaker.reset()
