"""The LLM path: choose what to send, send it (cached, bounded, concurrent), ground what comes back, merge.

What is sent is the residue the rules left, never the whole document: the sentences (of paragraphs, or table
cells of running text) that hold a percent no rule turned into a checked claim (a ×100% in a formula is
notation, not a percent; a 0% no operand a model binds would make wrong), or a figure of a rule claim that could
not be checked for want of an operand, other than a change of 0 by 0% (`settled` are the claims that were
checked). An amount alone is no claim: it goes only as the context of one. Only running text goes: a table's
row flattened into a line, cells apart, is the table rules' to read; and only text that states the two amounts
a percent is checked with (a rate without them is a claim no one could check). A short paragraph goes whole, as
the context that may hold the missing operand; of a longer one, each residue sentence goes alone when it
states both amounts, else with the sentence before it (of a run-on sentence, the clause of the figure and the
two before it). Pieces, in document order, form chunks of at most CHUNK_CHARS characters (each call carries
the whole prompt: the fewer calls, the fewer tokens); each chunk goes with the section path of its first
piece. Several documents' chunks may share a call (Runner.prefill): a run over many short documents then does
not pay the prompt once per document.
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
from narrcheck.extract.scores import Seen, bind_clause
from narrcheck.extract.words import position
from narrcheck.llm.cache import AnswerCache
from narrcheck.llm.client import LATE, OPEN, Client, LLMError, Usage
from narrcheck.llm.ground import folded, ground
from narrcheck.llm.prompts import load
from narrcheck.model.claims import ChangeClaim, Claim, ReasonClaim, figures
from narrcheck.model.llm import LLMAnswer, LLMClaim
from narrcheck.tables.model import ScoreTable

PROMPT = ("extract_claims", 3)  # the residue question, short enough for a 4k-token model; batches of documents
KINDS = ("change", "share", "score", "reason", "completion", "count")
CHUNK_CHARS = 1000  # one request's text: with the v2 prompt and a 1,024-token answer, inside a 4k-token context
CONTEXT_CHARS = 150  # a paragraph this short goes whole; of a longer one, the residue sentences and their leads
SENTENCE_CHARS = 200  # a longer sentence goes as the clauses around its figure
CLAUSES_BEFORE = 2  # (the clause that holds the figure, and the two before it: where its operands are named)
PROSE_CJK = 6  # a residue sentence names what its figure is of in words
CELLS = 5  # more runs set apart by spaces than this: a table's row flattened into a line
OPERANDS = 2  # amounts a piece must state for a claim read from it to be checkable
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END = re.compile(r"[，,；;。！？\n]")
_MULTIPLIER = re.compile(r"[×xX*＊]\s*\(?\s*$|乘以\s*$")  # ×100%: arithmetic notation, not a stated percent


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
    sent_chars: int = 0  # of the chunks chosen
    prompt_chars: int = 0  # of every message of the calls made
    refused: int = 0  # chunks the endpoint refused (too long for its context, say)
    invalid: int = 0  # chunks whose answers never validated, after the re-asks


def chunks(units: Sequence[Unit], settled: Sequence[Claim], unsettled: Sequence[Claim] = ()) -> list[Chunk]:
    """The residue of the document (see the module docstring), in document order: sentences with a percent
    that no claim of `settled` holds, or a figure of an `unsettled` claim (one the rules could not check).
    """
    checked = {(f.location.line, f.location.column) for c in settled for f in figures(c)}
    wanting = {(f.location.line, f.location.column) for c in unsettled if any(f.decimal for f in figures(c))
               for f in figures(c)} - checked  # (a change of 0 by 0%: no operand a model finds makes it wrong)
    pieces: list[tuple[Unit, str]] = []
    for unit in units:
        if unit.table is not None and len(unit.original) < 30:
            continue  # a cell of figures: the table rules' to read
        spans = sorted({span for m in unit.mentions
                        if ((m.family == "percent" and m.quantity.value != 0 and _at(unit, m.start) not in checked
                             and not _MULTIPLIER.search(unit.text, max(0, m.start - 3), m.start))
                            or _at(unit, m.start) in wanting) and (span := _span(unit, m.start)) is not None})
        short = len(unit.text) <= CONTEXT_CHARS  # then the whole paragraph: the missing operand is likely in it
        keep: list[tuple[int, int]] = []
        for start, end in spans:  # each residue sentence (its end mark too), with the one before if it lacks one
            end = min(end + 1, len(unit.text))
            whole = unit.sentence_span(start)[0] == start
            before = unit.sentence_span(start - 1)[0] if start > 0 and whole else start
            if short:
                keep += [(start, end)] if _operands(unit, 0, len(unit.text)) else []
            elif _operands(unit, start, end):
                keep.append((start, end))
            elif _operands(unit, before, end):
                keep.append((before, end))
        if not keep:
            continue
        pieces.append((unit, unit.original if short else "".join(unit.raw[a:b] for a, b in _union(keep)).strip()))
    out: list[Chunk] = []
    group: list[tuple[Unit, str]] = []
    for unit, text in pieces:
        # pieces of any sections share a chunk: each call carries the whole prompt, so the fewer the better
        if group and sum(len(t) + 1 for _, t in group) + len(text) > CHUNK_CHARS:
            out.append(_chunk(group))
            group = []
        group.append((unit, text[:CHUNK_CHARS]))
    if group:
        out.append(_chunk(group))
    return out


def _span(unit: Unit, offset: int) -> tuple[int, int] | None:
    """What goes of the sentence holding `offset`: the sentence, or of a longer one (a run-on, a table flattened
    into a line) the clause holding the figure and the CLAUSES_BEFORE before it; None when it is no running text.
    """
    start, end = unit.sentence_span(offset)
    if not _prose(unit.raw[start:end]):
        return None
    if end - start <= SENTENCE_CHARS:
        return start, end
    ends = [m.start() for m in _CLAUSE_END.finditer(unit.text, start, end)]
    before = [e for e in ends if e < offset][-CLAUSES_BEFORE - 1:]
    after = next((e for e in ends if e >= offset), end)
    return (before[0] + 1 if len(before) > CLAUSES_BEFORE else start), after


def _operands(unit: Unit, start: int, end: int) -> bool:
    """The text from `start` to `end` states the two amounts a percent is checked with (a change and its base, a
    part and its whole): without them no claim a model reads there could be checked.
    """
    return sum(1 for m in unit.mentions if start <= m.start < end and m.family != "percent") >= OPERANDS


def _prose(sentence: str) -> bool:
    """Running text a model can read a claim from: words around the figures (PROSE_CJK characters or more), not
    a table's row of cells (flattened with a closing '|', or set apart by spaces).
    """
    body = sentence.strip()
    return not body.endswith("|") and len(_CJK.findall(body)) >= PROSE_CJK and len(body.split()) <= CELLS


def _shares(total: int, sizes: Sequence[int]) -> list[int]:
    """`total` split in proportion to `sizes`, in whole units that add up to it (the rest to the first)."""
    whole = sum(sizes) or 1
    out = [total * size // whole for size in sizes]
    out[0] += total - sum(out)
    return out


def _at(unit: Unit, offset: int) -> tuple[int | None, int | None]:
    where = unit.locate(offset)
    return where.line, where.column


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _chunk(group: list[tuple[Unit, str]]) -> Chunk:
    return Chunk(group[0][0].section, tuple(u for u, _ in group), "\n".join(t for _, t in group))


@dataclass
class Cost:
    """A share of what batched calls cost: the first chunk of a batch carries the call, each chunk its part of
    the characters and tokens (by its length), so the documents' shares add up to what was spent.
    """

    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    prompt_chars: int = 0


@dataclass
class Prefill:
    """Answers asked for in batches that hold chunks of several documents, by chunk key (the key a document's own
    run looks its chunks up by), with each chunk's share of the cost, taken once by the run that reads it.
    """

    answers: dict[str, dict[str, object]] = field(default_factory=dict)  # as cached: claims, or {"failed": …}
    costs: dict[str, Cost] = field(default_factory=dict)
    stopped: str = ""  # why the endpoint was given up on (then no document's run calls it either)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def take(self, key: str) -> Cost | None:
        with self._lock:
            return self.costs.pop(key, None)


class Runner:
    """Runs the LLM over a document's chunks within a token budget."""

    def __init__(self, client: Client, cache: AnswerCache, budget: int, concurrency: int = 2,
                 deadline: float | None = None) -> None:
        self.client, self.cache, self.budget, self.concurrency = client, cache, budget, max(1, concurrency)
        self.deadline = deadline  # time.monotonic() by which this document's LLM work ends (cached answers too)
        self.prompt = load(*PROMPT)

    @staticmethod
    def plan(units: Sequence[Unit], rule_claims: Sequence[Claim],
             settled: Sequence[Claim] | None = None) -> list[Chunk]:
        """The document's chunks: its residue once `settled` (default: all of `rule_claims`) were checked."""
        done = list(rule_claims if settled is None else settled)
        checked = {id(c) for c in done}
        return chunks(units, done, [c for c in rule_claims if id(c) not in checked])

    def key(self, text: str) -> str:
        return self.cache.key(self.client.endpoint.model, self.prompt.sha256, text)

    def prefill(self, todo: Sequence[tuple[int, tuple[str, ...], str]], seconds: float | None = None) -> Prefill:
        """Asks about the (document, section, text) chunks of several documents in batches of at most
        CHUNK_CHARS characters (one prompt for several documents' residue), chunks already answered left out.
        Each chunk's answer holds the claims whose quote is in its text (a claim quoting none goes with the
        batch's first chunk, whose document's grounding drops it). No document spends more than the budget
        here (its further chunks are left to its own run). A batch the endpoint refuses or never answers in
        form leaves its chunks to their documents' own runs (a chunk alone: its failure is kept, as a run keeps
        it); a failing endpoint ends the pre-fill, and the documents' runs then send nothing either (each warns
        why: the endpoint costs the whole run one wait). No batch starts after the runner's deadline, and each
        ends within `seconds` of its start (one document's time budget).
        """
        out = Prefill()
        pending: dict[str, tuple[int, tuple[str, ...], str]] = {}
        for doc, section, text in todo:
            pending.setdefault(self.key(text), (doc, section, text))
        pending = {k: v for k, v in pending.items() if self.cache.get(k) is None}
        batches: list[list[tuple[str, int, tuple[str, ...], str]]] = []
        for key, (doc, section, text) in pending.items():
            if not batches or sum(len(t) + 2 for *_, t in batches[-1]) + len(text) > CHUNK_CHARS:
                batches.append([])
            batches[-1].append((key, doc, section, text))
        overhead = sum(len(m["content"]) for m in self.prompt.messages(section="", text="", kinds=list(KINDS))) + 400
        spent: Counter[int] = Counter()  # tokens reserved or spent, by document (characters stand for tokens)
        stopped: list[str] = []

        def ask(batch: list[tuple[str, int, tuple[str, ...], str]]) -> None:
            now = time.monotonic()
            if stopped or (self.deadline is not None and now >= self.deadline):
                return
            limits = [d for d in (self.deadline, now + seconds if seconds else None) if d is not None]
            ends = min(limits) if limits else None  # this batch's calls end by then
            with out._lock:  # each document within its budget: what would pass it is left to its own run
                guess = {key: len(t) + overhead // len(batch) for key, _, _, t in batch}
                batch = [c for c in batch if spent[c[1]] + guess[c[0]] <= self.budget]
                for key, doc, _, _ in batch:
                    spent[doc] += guess[key]
            if not batch:
                return
            text = "\n\n".join(t for *_, t in batch)
            messages = self.prompt.messages(section=" / ".join(batch[0][2]), text=text, kinds=list(KINDS))
            chars = sum(len(m["content"]) for m in messages)
            sizes = [len(t) for *_, t in batch]
            try:
                answer, tokens_in, tokens_out = self.client.extract(messages, ends)
            except LLMError as exc:
                with out._lock:
                    out.costs[batch[0][0]] = Cost(exc.calls, exc.tokens_in, exc.tokens_out, chars)
                    for (key, doc, *_), share in zip(batch, _shares(exc.tokens_in + exc.tokens_out, sizes),
                                                     strict=True):
                        spent[doc] += share - guess[key]
                    if not exc.chunk:
                        stopped.append(str(exc))
                    elif len(batch) == 1:  # alone, the same text would get the same answer
                        out.answers[batch[0][0]] = {"failed": exc.chunk}
                        self.cache.put(batch[0][0], out.answers[batch[0][0]])
                return
            claims: dict[str, list[LLMClaim]] = {key: [] for key, *_ in batch}
            texts = [(key, folded(t)) for key, *_, t in batch]  # (a quote is looked up as grounding looks it up)
            for claim in answer.claims:
                quote = folded(claim.quote)
                owners = [key for key, t in texts if quote and quote in t] or [batch[0][0]]
                for key in owners:  # (a sentence two documents share is each one's)
                    if claim not in claims[key]:
                        claims[key].append(claim)
            shares = zip(_shares(tokens_in, sizes), _shares(tokens_out, sizes), _shares(chars, sizes), strict=True)
            with out._lock:
                for i, ((key, doc, *_), (t_in, t_out, c)) in enumerate(zip(batch, shares, strict=True)):
                    out.costs[key] = Cost(int(i == 0), t_in, t_out, c)
                    spent[doc] += t_in + t_out - guess[key]
                    out.answers[key] = LLMAnswer(claims=claims[key]).model_dump()
                    self.cache.put(key, out.answers[key])

        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            list(pool.map(ask, batches))
        out.stopped = stopped[0] if stopped else ""
        return out

    def run(self, units: Sequence[Unit], rule_claims: Sequence[Claim], tables: Sequence[ScoreTable],
            settled: Sequence[Claim] | None = None, prefilled: Prefill | None = None) -> LLMResult:
        """`settled`: the rule claims that were checked (default: all of `rule_claims`); `prefilled`: answers
        (and their cost) asked for in batches with other documents' chunks.
        """
        result = LLMResult()
        todo = self.plan(units, rule_claims, settled)
        result.chunks = len(todo)
        result.sent_chars = sum(len(c.text) for c in todo)
        lock = threading.Lock()
        reserved = [0]
        stopped: list[str] = [prefilled.stopped] if prefilled is not None and prefilled.stopped else []
        # what the batches spent on this document's chunks counts before any chunk is asked alone (were it counted
        # by each chunk's own thread, a chunk the batches left could be asked first and pass the budget)
        if prefilled is not None:
            for chunk in todo:
                if (cost := prefilled.take(self.key(chunk.text))) is not None:
                    result.usage.calls += cost.calls
                    result.usage.tokens_in += cost.tokens_in
                    result.usage.tokens_out += cost.tokens_out
                    result.prompt_chars += cost.prompt_chars
                    reserved[0] += cost.tokens_in + cost.tokens_out  # (spent from this document's budget)

        def ask(chunk: Chunk) -> LLMAnswer | None:
            messages = self.prompt.messages(section=" / ".join(chunk.section), text=chunk.text, kinds=list(KINDS))
            key = self.key(chunk.text)
            known = prefilled.answers.get(key) if prefilled is not None else None  # asked in a batch: its answer
            if known is None and (known := self.cache.get(key)) is not None:
                with lock:
                    result.usage.cache_hits += 1
            if known is not None:
                if known.get("failed") in ("refused", "invalid"):  # the same text gets the same answer
                    with lock:
                        result.refused += known["failed"] == "refused"
                        result.invalid += known["failed"] == "invalid"
                    return None
                return LLMAnswer.model_validate(known)
            chars = sum(len(m["content"]) for m in messages)
            estimate = chars + 400  # (an answer's worth of tokens on top)
            with lock:
                if self.deadline is not None and time.monotonic() >= self.deadline and not stopped:
                    stopped.append(LATE)
                if stopped or reserved[0] + estimate > self.budget:
                    if not stopped:
                        stopped.append("budget")
                    return None
                reserved[0] += estimate
                result.prompt_chars += chars
            try:
                answer, tokens_in, tokens_out = self.client.extract(messages, self.deadline)
            except LLMError as exc:
                with lock:
                    if exc.chunk == "refused":  # this chunk only (too long for the model, say)
                        result.refused += 1
                    elif exc.chunk == "invalid":  # this chunk's answers never took the form asked for
                        result.invalid += 1
                    if exc.chunk:  # an answer about this text, not the endpoint's state: kept, as answers are
                        self.cache.put(key, {"failed": exc.chunk})
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
        seen: Seen = {}

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
