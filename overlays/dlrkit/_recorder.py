"""`ResponseRecorder`: a per-client httpx response hook that keeps the latest response.

A generated ``sync_detailed`` parses the body before it returns, and a parser that fails
takes the response down with it. `build_client` puts a recorder in each httpx client's
``event_hooks["response"]``; `Caller` finds it there and reads the response the failed
call got, to build an error with the evidence. The value lives in a context variable per
recorder, so threads and tasks sharing one client each see their own latest response.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar

import httpx


class ResponseRecorder:
    """The hook for an `httpx.Client`: remembers each response it sees in this context."""

    def __init__(self) -> None:
        self._last: ContextVar[httpx.Response | None] = ContextVar(
            "dlrkit_last_response", default=None
        )

    def __call__(self, response: httpx.Response) -> None:
        self._last.set(response)

    @contextlib.contextmanager
    def recording(self) -> Iterator[Callable[[], httpx.Response | None]]:
        """Within the block, the yielded function returns the latest response (None first)."""
        token = self._last.set(None)
        try:
            yield self._last.get
        finally:
            self._last.reset(token)


class AsyncResponseRecorder(ResponseRecorder):
    """The same hook for an `httpx.AsyncClient`, whose hooks are awaited."""

    async def __call__(self, response: httpx.Response) -> None:  # type: ignore[override]
        self._last.set(response)


def install(client: httpx.Client | httpx.AsyncClient) -> None:
    """Add a recorder to ``client``'s response hooks, once."""
    hooks = client.event_hooks["response"]
    if not any(isinstance(hook, ResponseRecorder) for hook in hooks):
        kind = AsyncResponseRecorder if isinstance(client, httpx.AsyncClient) else ResponseRecorder
        client.event_hooks = {**client.event_hooks, "response": [*hooks, kind()]}


def recorder_of(client: object, *, asynchronous: bool) -> ResponseRecorder | None:
    """Return the recorder of a generated client's httpx client, or None if it has none."""
    getter = getattr(client, "get_async_httpx_client" if asynchronous else "get_httpx_client", None)
    if getter is None:
        return None
    http = getter()
    if not isinstance(http, httpx.Client | httpx.AsyncClient):
        return None
    for hook in http.event_hooks["response"]:
        if isinstance(hook, ResponseRecorder):
            return hook
    return None
