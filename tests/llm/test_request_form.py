"""What a request carries, as a local endpoint written for this test receives it: told the server decodes within
the answer's schema (constrained), the prompt is narrcheck's own messages and the schema rides in
response_format only; asked for plain JSON, the schema is written into the system message (the model has nothing
else to go by); in auto mode, both.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from narrcheck.llm.client import Client, Endpoint

MESSAGES = [{"role": "system", "content": "摘出数字陈述。"},
            {"role": "user", "content": "本年会议费12.50万元，增长25.00%。"}]


@pytest.fixture
def endpoint():
    """(base URL, bodies received): a chat endpoint that answers every request with no claims."""
    bodies: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            bodies.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            answer = {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                      "choices": [{"index": 0, "finish_reason": "stop",
                                   "message": {"role": "assistant", "content": '{"claims": []}'}}],
                      "usage": {"prompt_tokens": 40, "completion_tokens": 5, "total_tokens": 45}}
            data = json.dumps(answer).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", bodies
    server.shutdown()


def test_a_constrained_request_carries_the_schema_once_outside_the_prompt(endpoint):
    base, bodies = endpoint
    answer, tokens_in, _ = Client(Endpoint(base_url=base, model="m", constrained=True)).extract(MESSAGES)
    assert answer.claims == [] and tokens_in == 40
    [body] = bodies
    assert body["messages"] == MESSAGES  # the prompt as narrcheck wrote it
    assert body["response_format"]["type"] == "json_object" and "claims" in body["response_format"]["schema"][
        "properties"]


def test_a_plain_json_request_writes_the_schema_into_the_system_message(endpoint):
    base, bodies = endpoint
    Client(Endpoint(base_url=base, model="m", constrained=False)).extract(MESSAGES)
    [body] = bodies
    system = body["messages"][0]["content"]
    assert system.startswith(MESSAGES[0]["content"]) and '"claims"' in system and len(system) > 1000
    assert body["response_format"] == {"type": "json_object"}


def test_asked_whether_the_server_takes_the_schema_it_goes_in_both_places(endpoint):
    """(auto: a server may accept the schema and ignore it, so the model also reads it in the prompt)"""
    base, bodies = endpoint
    Client(Endpoint(base_url=base, model="m", constrained=None)).extract(MESSAGES)
    [body] = bodies
    assert '"claims"' in body["messages"][0]["content"] and "claims" in body["response_format"]["schema"]["properties"]
