"""Run an ASGI app in-process for a *sync* httpx client.

`httpx.ASGITransport` is async-only. `SyncASGITransport` gives a sync client the same
in-process server: each request runs on the transport's private event loop, in a daemon
thread started on first use and stopped by `close` (or when the transport is collected).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import weakref
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import httpx

_Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [_Message, Callable[[], Awaitable[_Message]], Callable[[_Message], Awaitable[None]]],
    Awaitable[None],
]


class SyncASGITransport(httpx.BaseTransport):
    """Serve sync httpx requests from ``app`` (a Starlette app, say) without a socket.

    The read timeout in the request's timeout settings bounds each call
    (`httpx.ReadTimeout`), so a hung app cannot hang the caller. App exceptions propagate,
    as with `httpx.ASGITransport`.
    """

    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=app)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: weakref.finalize[Any, Any] | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Run ``request`` through the app on the private loop and wait for the response."""
        body = request.read()
        future = asyncio.run_coroutine_threadsafe(self._send(request, body), self._running_loop())
        timeout = request.extensions.get("timeout", {}).get("read")
        try:
            return future.result(timeout=timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            msg = "the in-process app did not answer in time"
            raise httpx.ReadTimeout(msg, request=request) from None

    async def _send(self, request: httpx.Request, body: bytes) -> httpx.Response:
        copy = httpx.Request(
            request.method,
            request.url,
            headers=request.headers,
            content=body,
            extensions=request.extensions,
        )
        response = await self._inner.handle_async_request(copy)
        # Raw bytes: the client decodes any Content-Encoding itself.
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=httpx.ByteStream(raw),
            extensions=response.extensions,
        )

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="dlrkit-asgi", daemon=True)
                thread.start()
                # Stops the thread even if nobody calls close(); runs at most once.
                self._stop = weakref.finalize(self, _stop, loop, thread)
                self._loop = loop
            return self._loop

    def close(self) -> None:
        """Stop the private loop and its thread; a later request starts them again."""
        with self._lock:
            stop, self._stop, self._loop = self._stop, None, None
        if stop is not None:
            stop()


def _stop(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    loop.close()
