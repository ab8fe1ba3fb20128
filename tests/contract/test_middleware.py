from __future__ import annotations

import asyncio
import json
from typing import Any

from dlrkit_contract._middleware import Reply, Rewrite, json_body, query_of, with_query


async def _echo(scope: Any, receive: Any, send: Any) -> None:
    body = json.dumps({"query": scope["query_string"].decode()}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _call(app: Any, query: bytes = b"a=1") -> tuple[int, dict[bytes, bytes], bytes]:
    sent: list[dict[str, Any]] = []
    scope = {"type": "http", "method": "GET", "path": "/x", "query_string": query, "headers": []}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


def test_response_edits_reach_the_client() -> None:
    """Status, headers and body edits are sent, with a content-length that fits the body."""

    def edit(reply: Reply) -> None:
        reply.status = 418
        reply.set_header("content-type", "text/plain")
        reply.body = b"short"

    status, headers, body = _call(Rewrite(_echo, response=edit))
    assert (status, headers[b"content-type"], body) == (418, b"text/plain", b"short")
    assert headers[b"content-length"] == b"5"


def test_request_edits_reach_the_app() -> None:
    """A rewritten query string is what the wrapped app sees."""

    def edit(scope: Any) -> Any:
        return with_query(scope, [*query_of(scope), ("b", "2")])

    _, _, body = _call(Rewrite(_echo, request=edit))
    assert json.loads(body) == {"query": "a=1&b=2"}


def test_json_body_of_non_json_is_none() -> None:
    """A body that is not JSON reads as None."""
    reply = Reply(scope={}, status=200, headers=[], body=b"<html>")
    assert json_body(reply) is None
