"""Callback receivers for the push tests: record every request, answer as scripted.

Served on a real 127.0.0.1 port by ``dlrkit_contract._serving.served`` (uvicorn in a thread).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Gate", "GateScript", "Received", "Recorder"]


@dataclass(frozen=True, slots=True)
class Received:
    """One request as it arrived: path, lower-case headers, raw body, client ``host:port``."""

    path: str
    headers: dict[str, str]
    body: bytes
    #: The sending socket's address: one per TCP connection (keep-alive reuses it).
    client: str = ""


#: Given the request and how many came before it with the same body, return
#: ``(seconds to wait before answering, status)``.
Script = Callable[[Received, int], tuple[float, int]]


def _ok(request: Received, seen: int) -> tuple[float, int]:
    return 0.0, 200


class _Log:
    """The requests an app saw, safe to read from the test thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[Received] = []

    @property
    def requests(self) -> list[Received]:
        """Every request so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._requests)

    def _record(self, request: Received) -> int:
        """Keep ``request``; return how many earlier requests had the same body."""
        with self._lock:
            seen = sum(1 for old in self._requests if old.body == request.body)
            self._requests.append(request)
        return seen


async def _read(scope: dict[str, Any], receive: Any) -> Received:
    """Read one HTTP request whole: path, lower-case headers, body."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
    host, port = scope.get("client") or ("", 0)
    return Received(scope["path"], headers, b"".join(chunks), f"{host}:{port}")


async def _answer(send: Any, status: int) -> None:
    await send({"type": "http.response.start", "status": status, "headers": []})
    await send({"type": "http.response.body", "body": b""})


class Recorder(_Log):
    """An ASGI app that records requests; ``script`` decides each answer (default 200)."""

    def __init__(self, script: Script = _ok) -> None:
        super().__init__()
        self.script = script

    def at(self, path: str) -> list[Received]:
        """Return the requests to ``path``."""
        return [request for request in self.requests if request.path == path]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Record one request, then answer as the script says."""
        if scope["type"] != "http":
            return
        request = await _read(scope, receive)
        delay, status = self.script(request, self._record(request))
        if delay:
            await asyncio.sleep(delay)
        await _answer(send, status)


#: Given a request and how many requests with the same body came before it: a status to
#: answer in the inner app's place, or None to pass the request on to it.
GateScript = Callable[[Received, int], int | None]


def _pass(request: Received, seen: int) -> int | None:
    return None


class Gate(_Log):
    """An ASGI app in front of another: records each raw request, answers as scripted."""

    def __init__(self, inner: Any, script: GateScript = _pass) -> None:
        super().__init__()
        self.inner = inner
        self.script = script

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Record one request; answer it here or hand it, body and all, to the inner app."""
        if scope["type"] != "http":
            await self.inner(scope, receive, send)
            return
        request = await _read(scope, receive)
        status = self.script(request, self._record(request))
        if status is not None:
            await _answer(send, status)
            return
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                later: dict[str, Any] = await receive()  # after the body: the disconnect
                return later
            replayed = True
            return {"type": "http.request", "body": request.body, "more_body": False}

        await self.inner(scope, replay, send)
