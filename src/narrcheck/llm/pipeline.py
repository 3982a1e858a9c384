"""The LLM path: choose what to send, send it (cached, bounded, concurrent), ground what comes back, merge.

What is sent: a paragraph (or a table cell of running text) that states an amount, a percent, a count or a
score (a year alone is not a figure) and either stands in a
free-text section (主要原因, 绩效自评综述, 评价结论, 项目实施情况, 存在问题 …) or has no figure that a rule claim
already covers. Consecutive chosen paragraphs of one section form a chunk of at most CHUNK_CHARS characters,
cut at sentence ends; each chunk goes with its section path. Never the whole document.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from narrcheck.extract.rules import Unit
from narrcheck.extract.scores import bind_clause
from narrcheck.extract.words import position
from narrcheck.llm.cache import AnswerCache
from narrcheck.llm.client import LATE, OPEN, Client, LLMError, Usage
from narrcheck.llm.ground import ground
from narrcheck.llm.prompts import load
from narrcheck.model.claims import ChangeClaim, Claim, ReasonClaim
from narrcheck.model.llm import LLMAnswer
from narrcheck.tables.model import ScoreTable

PROMPT = ("extract_claims", 1)
KINDS = ("change", "share", "score", "reason", "completion", "count")
CHUNK_CHARS = 1200
FREE_TEXT = re.compile(r"原因|综述|结论|实施情况|完成情况|存在问题|绩效分析|绩效情况|自评")
_SENTENCE_END = re.compile(r"(?<=[。；;！？])")
_POINTS = re.compile(r"\d+(?:\.\d+)?\s*分")


@dataclass(frozen=True)
class Chunk:
    section: tuple[str, ...]
    units: tuple[Unit, ...]
    text: str


@dataclass
class LLMResult:
    """What the LLM added, and what it cost."""

    claims: list[Claim] = field(default_factory=list)
    proposed: int = 0
    grounded: int = 0
    duplicates: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    usage: Usage = field(default_factory=Usage)
    warnings: list[str] = field(default_factory=list)
    chunks: int = 0
    refused: int = 0  # chunks the endpoint refused (too long for its context, say)
    invalid: int = 0  # chunks whose answers never validated, after the re-asks


def chunks(units: Sequence[Unit], rule_claims: Sequence[Claim]) -> list[Chunk]:
    """The parts of the document worth an LLM's reading (see the module docstring), in document order."""
    covered = {c.location.line for c in rule_claims}
    chosen = [u for u in units if (u.mentions or _POINTS.search(u.text))
              and (u.table is None or len(u.original) >= 30)
              and (FREE_TEXT.search(" ".join(u.section)) or u.locate(0).line not in covered)]
    out: list[Chunk] = []
    group: list[Unit] = []
    for unit in chosen:
        if group and (unit.section != group[0].section or unit.order != group[-1].order + 1
                      or sum(len(u.original) for u in group) + len(unit.original) > CHUNK_CHARS):
            out.extend(_cut(group))
            group = []
        group.append(unit)
    if group:
        out.extend(_cut(group))
    return out


def _cut(group: list[Unit]) -> list[Chunk]:
    """One chunk, or several cut at sentence ends when a paragraph alone is longer than CHUNK_CHARS."""
    text = "\n".join(u.original for u in group)  # the model reads what the document prints
    if len(text) <= CHUNK_CHARS:
        return [Chunk(group[0].section, tuple(group), text)]
    out, piece = [], ""
    for sentence in (s for u in group for s in _SENTENCE_END.split(u.original) if s):
        if piece and len(piece) + len(sentence) > CHUNK_CHARS:
            out.append(Chunk(group[0].section, tuple(group), piece))
            piece = ""
        piece += sentence
    if piece:
        out.append(Chunk(group[0].section, tuple(group), piece))
    return out


class Runner:
    """Runs the LLM over a document's chunks within a token budget."""

    def __init__(self, client: Client, cache: AnswerCache, budget: int, concurrency: int = 2,
                 deadline: float | None = None) -> None:
        self.client, self.cache, self.budget, self.concurrency = client, cache, budget, max(1, concurrency)
        self.deadline = deadline  # time.monotonic() by which this document's LLM work ends (cached answers too)
        self.prompt = load(*PROMPT)

    def run(self, units: Sequence[Unit], rule_claims: Sequence[Claim], tables: Sequence[ScoreTable]) -> LLMResult:
        result = LLMResult()
        todo = chunks(units, rule_claims)
        result.chunks = len(todo)
        lock = threading.Lock()
        reserved = [0]
        stopped: list[str] = []

        def ask(chunk: Chunk) -> LLMAnswer | None:
            messages = self.prompt.messages(section=" / ".join(chunk.section), text=chunk.text, kinds=list(KINDS))
            key = self.cache.key(self.client.endpoint.model, self.prompt.sha256, chunk.text)
            cached = self.cache.get(key)
            if cached is not None:
                with lock:
                    result.usage.cache_hits += 1
                return LLMAnswer.model_validate(cached)
            estimate = sum(len(m["content"]) for m in messages) + 400
            with lock:
                if self.deadline is not None and time.monotonic() >= self.deadline and not stopped:
                    stopped.append(LATE)
                if stopped or reserved[0] + estimate > self.budget:
                    if not stopped:
                        stopped.append("budget")
                    return None
                reserved[0] += estimate
            try:
                answer, tokens_in, tokens_out = self.client.extract(messages, self.deadline)
            except LLMError as exc:
                with lock:
                    if exc.chunk == "refused":  # this chunk only (too long for the model, say)
                        result.refused += 1
                    elif exc.chunk == "invalid":  # this chunk's answers never took the form asked for
                        result.invalid += 1
                    else:
                        stopped.append(str(exc))
                    result.usage.calls += exc.calls
                    result.usage.tokens_in += exc.tokens_in
                    result.usage.tokens_out += exc.tokens_out
                    reserved[0] += exc.tokens_in + exc.tokens_out - estimate  # failed tries cost too
                return None
            with lock:
                result.usage.calls += 1
                result.usage.tokens_in += tokens_in
                result.usage.tokens_out += tokens_out
                reserved[0] += tokens_in + tokens_out - estimate
            self.cache.put(key, answer.model_dump())
            return answer

        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            answers = list(pool.map(ask, todo))
        seen: dict[int, ScoreTable | None] = {}

        def bind(text: str, unit: Unit) -> tuple[int | None, str]:
            return bind_clause(text, unit, tables, list(units), seen)

        for chunk, answer in zip(todo, answers, strict=True):
            for proposed in answer.claims if answer else ():
                result.proposed += 1
                outcome = ground(proposed, chunk.units, bind)
                if outcome.claim is None:
                    result.dropped[outcome.reason] += 1
                    continue
                result.grounded += 1
                result.claims.append(outcome.claim)
        result.claims = _merge(result, rule_claims, units)
        # one line for why sending stopped: an endpoint given up on says it all (with its last failure, if seen)
        given_up = sorted((s for s in stopped if s.startswith(OPEN)), key=len, reverse=True)
        result.warnings.extend(given_up[:1] or stopped[:1])
        if result.invalid:
            result.warnings.append(f"no valid answer for {result.invalid} of {result.chunks} chunks")
        return result


def _place(claim: Claim) -> tuple[str, int | None, int | None] | None:
    """Where a claim's main figure stands: the same place means the same claim."""
    fig = getattr(claim, "current", None) or getattr(claim, "percent", None) or getattr(claim, "score", None)
    return (claim.kind, fig.location.line, fig.location.column) if fig is not None else None


def _merge(result: LLMResult, rule_claims: Sequence[Claim], units: Sequence[Unit] = ()) -> list[Claim]:
    """LLM claims the rules did not make; a reason is tied to the change it follows in its paragraph."""
    taken = {_place(c) for c in rule_claims} - {None}
    changes = [c for c in (*rule_claims, *result.claims) if isinstance(c, ChangeClaim) and c.current is not None]
    starts = sorted(position(u.locate(0)) for u in units if u.table is None)
    out: list[Claim] = []
    for claim in result.claims:
        if isinstance(claim, ReasonClaim):
            here = position(claim.location)
            opening = max((p for p in starts if p <= here), default=(here[0], here[1], 1))  # its paragraph's
            before = [c for c in changes if opening <= position(c.location) < here]
            if not before:
                result.dropped["reason-without-change"] += 1
                continue
            claim = claim.model_copy(update={"change": before[-1]})
        elif _place(claim) in taken:
            result.duplicates += 1
            continue
        out.append(claim)
    return out
