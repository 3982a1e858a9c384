"""Write the synthetic cassettes: requests rendered exactly as narrcheck sends them for the fixture
tests/fixtures/llm_free_text.txt, answers written by hand to exercise one path each.

These were NOT recorded from a live server; their file names start with `synthetic_` and cassettes/README.md
lists them. Re-run after changing the prompt or the fixture: python scripts/make_synthetic_cassettes.py
"""

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "llm"))

from narrcheck.extract import extract  # noqa: E402
from narrcheck.llm.pipeline import KINDS, PROMPT, chunks  # noqa: E402
from narrcheck.llm.prompts import load  # noqa: E402
from narrcheck.readers import read_document  # noqa: E402
from narrcheck.structure import structure  # noqa: E402

URL = "http://llm.invalid/v1/chat/completions"
MODEL = "synthetic"
QUOTE = "本年度会议费为12.50万元，上一年度是10.00万元，多出2.50万元，增幅达30.00%"
GOOD = {"claims": [
    {"kind": "change", "quote": QUOTE, "subject": "会议费", "value": "12.50", "unit": "万元", "prior": "10.00",
     "delta": "2.50", "rate": "30.00", "direction": "up"},
    {"kind": "change", "quote": QUOTE, "subject": "会议费", "value": "13.50", "unit": "万元", "delta": "2.50"},
    {"kind": "score", "quote": "阅读推广项目自评得95分", "subject": "阅读推广项目", "value": "95", "unit": "分"},
]}
MALFORMED = {"claims": [{"kind": "guess", "quote": QUOTE}]}
# tests/fixtures/llm_base_elsewhere.txt: the change's base stands in the sentence before its quote
BASE_QUOTE = "本年培训费6.00万元，较上年下降20.00%"
BASE_ANSWER = {"claims": [
    {"kind": "change", "quote": BASE_QUOTE, "subject": "培训费", "value": "6.00", "unit": "万元", "prior": "8.00",
     "rate": "20.00", "direction": "down"},  # right: 8.00 is printed once, in the sentence before
    {"kind": "share", "quote": "培训费占总支出的1.67%", "subject": "培训费", "value": "6.00", "rate": "1.67"},
]}  # the second quote is nowhere in the text: dropped


def request_body(fixture: str = "llm_free_text.txt") -> str:
    doc = structure(read_document(ROOT / "tests" / "fixtures" / fixture))
    found = extract(doc)
    [chunk] = chunks(found.units, found.claims)
    messages = load(*PROMPT).messages(section=" / ".join(chunk.section), text=chunk.text, kinds=list(KINDS))
    return json.dumps({"messages": messages, "model": MODEL, "temperature": 0,
                       "response_format": {"type": "json_object"}}, ensure_ascii=False)


def ok(answer: dict, tokens_in: int = 812, tokens_out: int = 164) -> dict:
    body = {"id": "chatcmpl-synthetic", "object": "chat.completion", "created": 0, "model": MODEL,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": json.dumps(answer, ensure_ascii=False)}}],
            "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out,
                      "total_tokens": tokens_in + tokens_out}}
    return {"status": {"code": 200, "message": "OK"}, "headers": {"Content-Type": ["application/json"]},
            "body": {"string": json.dumps(body, ensure_ascii=False)}}


def status(code: int, message: str) -> dict:
    error = {"error": {"message": message, "type": "synthetic", "code": code}}
    return {"status": {"code": code, "message": message},
            "headers": {"Content-Type": ["application/json"], "Retry-After": ["0"]},
            "body": {"string": json.dumps(error)}}


def cassette(name: str, responses: list[dict], fixture: str = "llm_free_text.txt") -> None:
    body = request_body(fixture)
    interactions = [{"request": {"method": "POST", "uri": URL, "body": body,
                                 "headers": {"Content-Type": ["application/json"]}},
                     "response": response} for response in responses]
    path = ROOT / "cassettes" / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"interactions": interactions, "version": 1}, allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    print("wrote", path)


if __name__ == "__main__":
    cassette("synthetic_grounding", [ok(GOOD)])
    cassette("synthetic_429_then_ok", [status(429, "Too Many Requests"), ok(GOOD)])
    cassette("synthetic_malformed_then_ok", [ok(MALFORMED, 812, 20), ok(GOOD)])
    cassette("synthetic_base_elsewhere", [ok(BASE_ANSWER, 520, 120)], "llm_base_elsewhere.txt")
    cassette("synthetic_schema_refused", [status(400, "response_format with a schema is not supported"), ok(GOOD)])
