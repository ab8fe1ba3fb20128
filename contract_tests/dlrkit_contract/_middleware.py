"""ASGI middleware that rewrites requests or responses of an app it wraps (no server edits)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

__all__ = ["Reply", "Rewrite", "json_body", "query_of", "with_query"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(slots=True)
class Reply:
    """A buffered response, editable before it is sent: status, headers and body."""

    scope: Scope
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def method(self) -> str:
        """The request method."""
        return str(self.scope["method"])

    @property
    def path(self) -> str:
        """The request path."""
        return str(self.scope["path"])

    def header(self, name: str) -> str | None:
        """Return a response header's value, or ``None``."""
        wanted = name.lower().encode()
        return next((v.decode("latin-1") for k, v in self.headers if k.lower() == wanted), None)

    def set_header(self, name: str, value: str | None) -> None:
        """Replace (or with ``None`` remove) a response header."""
        wanted = name.lower().encode()
        self.headers = [(k, v) for k, v in self.headers if k.lower() != wanted]
        if value is not None:
            self.headers.append((wanted, value.encode("latin-1")))


def json_body(reply: Reply) -> Any:
    """Return the response body as JSON, or ``None`` if it is not JSON."""
    try:
        return json.loads(reply.body)
    except ValueError:
        return None


def query_of(scope: Scope) -> list[tuple[str, str]]:
    """Return the request's query parameters, in order."""
    return parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)


def with_query(scope: Scope, pairs: list[tuple[str, str]]) -> Scope:
    """Return a copy of ``scope`` with another query string."""
    return {**scope, "query_string": urlencode(pairs).encode("latin-1")}


class Rewrite:
    """Wrap ``app``: ``request`` may replace the scope, ``response`` may edit the buffered reply."""

    def __init__(
        self,
        app: App,
        *,
        request: Callable[[Scope], Scope] | None = None,
        response: Callable[[Reply], None] | None = None,
    ) -> None:
        self.app = app
        self.request = request
        self.response = response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.request is not None:
            scope = self.request(scope)
        if self.response is None:
            await self.app(scope, receive, send)
            return
        started: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        reply = Reply(scope, started["status"], list(started.get("headers", [])), b"".join(chunks))
        self.response(reply)
        reply.set_header("content-length", str(len(reply.body)))
        await send(
            {"type": "http.response.start", "status": reply.status, "headers": reply.headers}
        )
        await send({"type": "http.response.body", "body": reply.body})
