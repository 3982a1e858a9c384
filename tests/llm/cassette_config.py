"""How cassettes are recorded and matched (shared by the tests and scripts/record_cassettes.py).

Matching survives harmless changes: a request matches a recorded one when its method, path and the chunk of
document text it carries are the same (a reworded prompt does not break the cassettes; different text does).
Authorization and key headers are never written; cookies and organisation headers are stripped; bodies are
stored decompressed.
"""

from __future__ import annotations

import json
from pathlib import Path

import vcr

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes"
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-api-key", "cookie", "openai-organization",
                  "openai-project"]
DROPPED_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "x-request-id"}


def document_text(body: bytes | str | None) -> str:
    """The document text a chat request carries: its first user message (re-asks append later ones)."""
    if not body:
        return ""
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    users = [m.get("content", "") for m in data.get("messages", []) if m.get("role") == "user"]
    return users[0] if users else ""


def _same_text(r1, r2) -> None:  # vcrpy matcher: raise AssertionError when different
    assert document_text(r1.body) == document_text(r2.body)


def _strip_response(response: dict) -> dict:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in DROPPED_RESPONSE_HEADERS:
            del headers[name]
    return response


def make_vcr(record_mode: str = "none") -> vcr.VCR:
    v = vcr.VCR(cassette_library_dir=str(CASSETTES), record_mode=record_mode, decode_compressed_response=True,
                filter_headers=SECRET_HEADERS, before_record_response=_strip_response,
                match_on=["method", "path", "document_text"])
    v.register_matcher("document_text", _same_text)
    return v
