"""An async request must not retry a failed import: why ``sniffio`` is a dependency.

httpcore asks ``import sniffio`` on every async connection operation and falls back to asyncio
when it is missing; a failed import is not cached, so each request searched ``sys.path`` again
(anyio 4.11+ stopped bringing sniffio; encode/httpcore#1103). That made every
``httpx.AsyncClient`` request, the overlay's async clients and the servers' callback sender
cost about 50 % more CPU. This test sees the searches themselves, not a timing.
"""

from __future__ import annotations

import asyncio
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import httpx
from dlrkit_contract._serving import served


class _Spy(importlib.abc.MetaPathFinder):
    """Records every module name the import system has to search for."""

    def __init__(self) -> None:
        self.searched: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        self.searched.append(fullname)
        return None


async def _ok(scope: dict[str, Any], receive: Any, send: Any) -> None:
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def test_async_requests_search_for_no_module() -> None:
    """Ten async POSTs over loopback, after a warm-up one: not one module is searched for."""

    async def post(origin: str, spy: _Spy) -> None:
        async with httpx.AsyncClient(trust_env=False) as client:
            assert (await client.post(origin + "/x", content=b"{}")).status_code == 200
            sys.meta_path.insert(0, spy)
            try:
                for _ in range(10):
                    assert (await client.post(origin + "/x", content=b"{}")).status_code == 200
            finally:
                sys.meta_path.remove(spy)

    spy = _Spy()
    with served(_ok) as origin:
        asyncio.run(post(origin, spy))
    assert spy.searched == []
