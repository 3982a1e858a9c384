import pytest

from narrcheck.llm.client import Breaker, Formats


@pytest.fixture(autouse=True)
def _fresh_breaker():
    """Each test starts with no endpoint counted as failing or as refusing the schema (each lasts a run, a
    test is one).
    """
    Breaker.reset()
    Formats.plain.clear()
    yield
    Breaker.reset()
    Formats.plain.clear()
