"""The one place narrcheck talks to an LLM: an OpenAI-compatible endpoint through instructor.

Transient failures (timeouts, connection errors, 429, 5xx) are retried with exponential backoff, a bounded
number of times (tenacity); an answer that does not validate against the response model is re-asked a bounded
number of times (instructor's max_retries). Anything else is an LLMError for the caller to degrade on.

Bounded in time: a connection must open within CONNECT_SECONDS; no request, retry or backoff runs past the
caller's deadline (the document's LLM time budget); and a circuit breaker per endpoint: once the endpoint has
failed BREAKER_FAILURES times by timeout or refused connection, no more calls go to it in this run.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import instructor
import openai
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from narrcheck.model.llm import LLMAnswer

TRANSIENT = (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)
UNREACHABLE = (openai.APITimeoutError, openai.APIConnectionError)  # what the breaker counts
CONNECT_SECONDS = 5.0
BREAKER_FAILURES = 2


REFUSED = (openai.BadRequestError, openai.UnprocessableEntityError)  # what an endpoint says to a field it lacks


class Formats:
    """Endpoints that refused the schema-constrained request in this run: asked for plain JSON instead."""

    plain: set[str] = set()


class Breaker:
    """Failures by timeout or connection, per endpoint, for the whole run; open at BREAKER_FAILURES."""

    _failures: dict[str, int] = {}
    _lock = threading.Lock()

    @classmethod
    def record(cls, base_url: str) -> None:
        with cls._lock:
            cls._failures[base_url] = cls._failures.get(base_url, 0) + 1

    @classmethod
    def is_open(cls, base_url: str) -> bool:
        with cls._lock:
            return cls._failures.get(base_url, 0) >= BREAKER_FAILURES

    @classmethod
    def reset(cls) -> None:
        with cls._lock:
            cls._failures.clear()


class LLMError(Exception):
    """The endpoint could not give an answer: unreachable, key rejected, or still failing after retries.

    `calls` and the token counts say what the failed attempts cost (answers that never validated cost too).
    """

    def __init__(self, message: str, calls: int = 0, tokens_in: int = 0, tokens_out: int = 0,
                 chunk: str = "") -> None:
        super().__init__(message)
        self.calls, self.tokens_in, self.tokens_out = calls, tokens_in, tokens_out
        # "refused" (too long, say) or "invalid" (never answered in form): this chunk only, others may succeed;
        # "" : the endpoint itself failed, so nothing more is sent
        self.chunk = chunk


@dataclass
class Usage:
    """What the LLM cost for one document."""

    calls: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0

    @property
    def tokens(self) -> int:
        return self.tokens_in + self.tokens_out


@dataclass(frozen=True)
class Endpoint:
    """Where to send requests. The key comes from the environment and is never written anywhere."""

    base_url: str
    model: str
    api_key: str = "not-needed"
    timeout: float = 60.0
    transient_attempts: int = 4  # tries in all, for a timeout, a 429 or a 5xx
    reasks: int = 2  # asks again when the answer does not validate: 3 tries in all
    backoff_max: float = 20.0
    max_tokens: int = 1024  # an answer longer than this is not a list of claims (small models run on)
    # decode within the answer's JSON Schema (llama.cpp's server); None: ask for it, and fall back to plain JSON
    # for the rest of the run when the endpoint refuses the request that carries it
    constrained: bool | None = None


class Client:
    """Sends one chunk's messages and returns the validated answer with its token counts."""

    def __init__(self, endpoint: Endpoint, http_client: Any = None) -> None:
        self.endpoint = endpoint
        raw = openai.OpenAI(base_url=endpoint.base_url, api_key=endpoint.api_key,
                            timeout=openai.Timeout(endpoint.timeout, connect=CONNECT_SECONDS),
                            max_retries=0, http_client=http_client)  # tenacity retries, not the SDK
        # instructor writes the answer's JSON Schema into the system message; told the server decodes within it
        # (constrained = true), the schema rides in response_format only, so the prompt does not carry it twice
        # (auto keeps both: a server may accept the schema and silently ignore it)
        self._client = instructor.from_openai(raw, mode=instructor.Mode.JSON)
        self._constrained = instructor.from_openai(raw, mode=instructor.Mode.JSON_SCHEMA)

    def _ask(self, messages: list[dict[str, str]], deadline: float | None) -> tuple[LLMAnswer, Any]:
        """One instructor call within the deadline; a transient HTTP failure it wrapped is raised as itself,
        for tenacity, and a timeout or refused connection is counted by the breaker.
        """
        if Breaker.is_open(self.endpoint.base_url):
            raise LLMError(OPEN)
        extra: dict[str, Any] = {}
        schema = self.endpoint.constrained or (self.endpoint.constrained is None
                                                and self.endpoint.base_url not in Formats.plain)
        if schema:  # llama.cpp's server turns a schema here into a decoding grammar
            extra["extra_body"] = {"response_format": {"type": "json_object", "schema": LLMAnswer.model_json_schema()}}
        read = self.endpoint.timeout
        if deadline is not None:
            read = min(read, deadline - time.monotonic())
            if read <= 0:
                raise LLMError(LATE)
        try:
            # instructor types `messages` as openai's ChatCompletionMessageParam union; our plain role/content
            # dicts are what that union accepts at run time
            client = self._constrained if self.endpoint.constrained else self._client
            return client.chat.completions.create_with_completion(
                model=self.endpoint.model, messages=messages,  # type: ignore[arg-type]
                response_model=LLMAnswer, max_retries=self.endpoint.reasks, temperature=0,
                max_tokens=self.endpoint.max_tokens, timeout=openai.Timeout(read, connect=min(read, CONNECT_SECONDS)),
                **extra)
        except Exception as exc:
            cause = _http_cause(exc)
            if isinstance(cause or exc, UNREACHABLE):
                Breaker.record(self.endpoint.base_url)
            if schema and self.endpoint.constrained is None and isinstance(cause or exc, REFUSED):
                Formats.plain.add(self.endpoint.base_url)  # it does not take the schema: plain JSON from now on
                return self._ask(messages, deadline)
            if cause is not None and cause is not exc:
                raise cause from None
            raise

    def extract(self, messages: list[dict[str, str]], deadline: float | None = None) -> tuple[LLMAnswer, int, int]:
        """(answer, prompt tokens, completion tokens), by `deadline` (time.monotonic()) when one is given.
        Raises LLMError when no valid answer came.
        """
        def stop(state: RetryCallState) -> bool:
            late = deadline is not None and time.monotonic() >= deadline
            return late or Breaker.is_open(self.endpoint.base_url) or \
                stop_after_attempt(self.endpoint.transient_attempts)(state)

        retrying = Retrying(retry=retry_if_exception_type(TRANSIENT), reraise=True, stop=stop,
                            wait=wait_exponential(multiplier=0.5, max=self.endpoint.backoff_max))
        try:
            answer, completion = retrying(self._ask, messages, deadline)
        except LLMError:
            raise
        except TRANSIENT as exc:
            if Breaker.is_open(self.endpoint.base_url):
                raise LLMError(f"{OPEN} (the last: {type(exc).__name__})") from None
            if deadline is not None and time.monotonic() >= deadline:
                raise LLMError(LATE) from None
            raise LLMError(f"endpoint still failing after {self.endpoint.transient_attempts} tries: "
                           f"{type(exc).__name__}") from None
        except openai.APIStatusError as exc:
            raise LLMError(f"endpoint refused the request: HTTP {exc.status_code}",
                           chunk="refused" if exc.status_code in (400, 413, 422) else "") from None
        except Exception as exc:  # instructor gives up: answers that never validate, or one cut off at max_tokens
            usage = getattr(exc, "total_usage", None) or getattr(getattr(exc, "last_completion", None), "usage", None)
            tries = int(getattr(exc, "n_attempts", 0) or 1)  # an answer came back, so at least one call was made
            raise LLMError(f"no valid answer after {tries} tries ({type(exc).__name__})", calls=tries,
                           tokens_in=int(getattr(usage, "prompt_tokens", 0) or 0),
                           tokens_out=int(getattr(usage, "completion_tokens", 0) or 0), chunk="invalid") from None
        usage = getattr(completion, "usage", None)
        return answer, int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0)


OPEN = (f"the endpoint failed {BREAKER_FAILURES} times (timed out or could not connect): no more LLM "
        "calls in this run")
LATE = "the LLM time budget for this document ran out"


def _http_cause(exc: BaseException, depth: int = 0) -> openai.APIError | None:
    """The HTTP error behind an exception instructor raised after its own attempts, if there is one."""
    if isinstance(exc, openai.APIError):
        return exc
    if depth > 4:
        return None
    attempts = getattr(exc, "failed_attempts", None) or []
    inner = [getattr(a, "exception", None) for a in attempts[-1:]] + [exc.__cause__, exc.__context__]
    for candidate in inner:
        if isinstance(candidate, BaseException):
            found = _http_cause(candidate, depth + 1)
            if found is not None:
                return found
    return None
