"""A synchronous test client for an ASGI app: ``httpx.ASGITransport`` on a private event loop."""

from __future__ import annotations

import asyncio
from typing import Any, Self

import httpx
from starlette.types import ASGIApp


class AppClient:
    """Send requests to ``app`` in-process, one event loop for the client's lifetime."""

    def __init__(self, app: ASGIApp, base_url: str = "http://testserver") -> None:
        self._runner = asyncio.Runner()
        transport = httpx.ASGITransport(app=app)
        self._http = httpx.AsyncClient(transport=transport, base_url=base_url)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client and its event loop."""
        self._runner.run(self._http.aclose())
        self._runner.close()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send one request and return the whole response."""
        return self._runner.run(self._http.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        """Send a GET."""
        return self.request("GET", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        """Send a PUT."""
        return self.request("PUT", url, **kwargs)
