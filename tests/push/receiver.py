"""A callback receiver for the push tests: records every request, answers as scripted.

Served on a real 127.0.0.1 port by ``dlrkit_contract._serving.served`` (uvicorn in a thread).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Received", "Recorder"]


@dataclass(frozen=True, slots=True)
class Received:
    """One request as it arrived: path, lower-case headers, raw body."""

    path: str
    headers: dict[str, str]
    body: bytes


#: Given the request and how many came before it with the same body, return
#: ``(seconds to wait before answering, status)``.
Script = Callable[[Received, int], tuple[float, int]]


def _ok(request: Received, seen: int) -> tuple[float, int]:
    return 0.0, 200


class Recorder:
    """An ASGI app that records requests; ``script`` decides each answer (default 200)."""

    def __init__(self, script: Script = _ok) -> None:
        self.script = script
        self._lock = threading.Lock()
        self._requests: list[Received] = []

    @property
    def requests(self) -> list[Received]:
        """Every request so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._requests)

    def at(self, path: str) -> list[Received]:
        """Return the requests to ``path``."""
        return [request for request in self.requests if request.path == path]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Record one request, then answer as the script says."""
        if scope["type"] != "http":
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        headers = {
            key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]
        }
        request = Received(scope["path"], headers, b"".join(chunks))
        with self._lock:
            seen = sum(1 for old in self._requests if old.body == request.body)
            self._requests.append(request)
        delay, status = self.script(request, seen)
        if delay:
            await asyncio.sleep(delay)
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})
