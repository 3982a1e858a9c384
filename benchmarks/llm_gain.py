"""What the LLM adds: the dev set (and the corpus) checked with and without `--llm` against one endpoint.

usage: python benchmarks/llm_gain.py --base-url URL --model M [--constrained] [--set DIR] [--corpus DIR]
       [--budget SECONDS]

Prints, for each set: recall and false alarms by ../shared/eval/score_set.py with the rules alone and with the
LLM; calls, tokens, and the characters sent (every message of every call, prompt included) as a share of the
documents' characters, and the tokens sent as a share of the documents' tokens by the server's own tokenizer
(where it has llama-cpp-python's /extras/tokenize/count); seconds. The LLM run (all the set's files in one
command, so their residue shares batches) comes first, answers cached in a fresh folder; the scored run with
`--llm` then replays them from the cache, so its figures are those of the same answers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

parser = argparse.ArgumentParser()
parser.add_argument("--base-url", required=True)
parser.add_argument("--model", required=True)
parser.add_argument("--constrained", action="store_true", help="decode within the answer's JSON Schema")
parser.add_argument("--set", default=str(SHARED / "devset"), help="a labelled set: docs/ and answers/")
parser.add_argument("--corpus", default=str(SHARED / "corpus"), help="the corpus (its own scorer); '' for none")
parser.add_argument("--budget", type=float, default=600, help="llm_time_budget per document, seconds")
parser.add_argument("--limit", type=int, default=0, help="only the set's first N documents (a slow local model)")
args = parser.parse_args()

work = Path(tempfile.mkdtemp(prefix="llm_gain_"))
(work / "narrcheck.toml").write_text(
    f"llm_time_budget = {args.budget}\nllm_timeout = {args.budget}\nllm_concurrency = 1\n"
    f"llm_constrained = {'true' if args.constrained else 'false'}\n", encoding="utf-8")
env = {k: v for k, v in os.environ.items() if not k.startswith(("NARRCHECK_LLM", "OPENAI_"))}
env.update(OPENAI_BASE_URL=args.base_url, OPENAI_MODEL=args.model, NARRCHECK_CACHE=str(work / "cache"))
wrapper = work / "narrcheck-llm"  # the scorers run a command: this one is narrcheck with --llm
wrapper.write_text(f"#!/bin/sh\nexec {sys.executable} -m narrcheck \"$@\" --llm\n", encoding="utf-8")
wrapper.chmod(0o755)
if args.limit:  # a set of the first N documents, with their answers, for the scorer
    subset = work / "set"
    for kind, suffix in (("docs", ".txt"), ("answers", ".jsonl")):
        (subset / kind).mkdir(parents=True)
        for doc in sorted(Path(args.set, "docs").glob("*.txt"))[:args.limit]:
            source = Path(args.set, kind, doc.stem + suffix)
            if source.exists():
                (subset / kind / source.name).symlink_to(source.resolve())
    args.set = str(subset)


def llm_run(docs: list[Path]) -> dict[str, float]:
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", *map(str, docs), "--llm", "--format", "json"],
                         capture_output=True, text=True, env=env, cwd=work)
    reports = json.loads(out.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    totals = {"calls": 0, "tokens_in": 0, "tokens_out": 0, "prompt_chars": 0, "document_chars": 0, "added": 0}
    for report in reports:
        llm = report.get("summary", {}).get("llm") or {}
        for key in totals:
            totals[key] += llm.get(key, 0)
    totals["seconds"] = time.monotonic() - started
    return totals


def document_tokens(docs: list[Path]) -> int | None:
    """The documents' tokens by the server's own tokenizer (llama-cpp-python's /extras/tokenize/count), or None
    where the server has no such route.
    """
    url = args.base_url.rstrip("/").removesuffix("/v1") + "/extras/tokenize/count"
    total = 0
    for doc in docs:
        body = json.dumps({"input": doc.read_text(encoding="utf-8"), "model": args.model}).encode("utf-8")
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                total += json.loads(answer.read())["count"]
        except (OSError, ValueError, KeyError):
            return None
    return total


def scored(command: str, folder: str) -> str:
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score_set.py"), folder, command],
                         capture_output=True, text=True, env=env, cwd=work)
    return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr.strip()[-200:]


def corpus_scored(command: str) -> str:
    out = subprocess.run([str(SHARED / "eval" / "run.sh"), command], capture_output=True, text=True, env=env,
                         cwd=work)
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    found = sum(r["detected"] for r in rows)
    wanted = sum(r["hard_positives"] for r in rows)
    false = sum(r["confirmed_false_positives"] for r in rows)
    return f"recall {found}/{wanted} confirmed_false_positives {false}"


for name, folder in (("dev set", args.set), ("corpus", args.corpus)):
    if not folder:
        continue
    docs = sorted(Path(folder, "docs").glob("*.txt")) if name == "dev set" else sorted(Path(folder).glob("*.txt"))
    if not docs:
        print(f"{name}: no documents at {folder}")
        continue
    totals = llm_run(docs)
    if name == "dev set":
        rules, with_llm = scored(str(Path(sys.executable).parent / "narrcheck"), folder), scored(str(wrapper), folder)
    else:
        rules, with_llm = corpus_scored(str(Path(sys.executable).parent / "narrcheck")), corpus_scored(str(wrapper))
    share = totals["prompt_chars"] / max(totals["document_chars"], 1)
    tokens = document_tokens(docs)
    token_share = f"{totals['tokens_in'] / tokens:.1%} of the documents' {tokens} tokens" if tokens else \
        "the server counts no tokens"
    print(f"{name} ({len(docs)} documents), {args.model} at {args.base_url}:")
    print(f"  rules alone: {rules}")
    print(f"  with --llm:  {with_llm}")
    print(f"  calls {totals['calls']}, tokens {totals['tokens_in']}+{totals['tokens_out']}, claims added "
          f"{totals['added']}, sent {totals['prompt_chars']} of {totals['document_chars']} characters "
          f"({share:.1%}, prompts included); tokens in: {token_share}; {totals['seconds']:.0f} s")
    rerun = llm_run(docs)
    print(f"  re-run: {rerun['calls']} calls (answers from the cache), {rerun['seconds']:.0f} s")
print(f"(work folder, with the cached answers: {work})")
