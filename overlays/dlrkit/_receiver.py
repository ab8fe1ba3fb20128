"""`receiver`: an ASGI app that takes a provider's callbacks and hands over their events.

Plain ASGI, so it mounts in Starlette, FastAPI, Django or anything else that speaks it, and
needs none of them. Answers:

=====  ==========================================================================
200    verified and parsed; ``on_events`` returned, or had already taken every
       event (what every provider counts as delivered; Routee accepts nothing else)
400    a malformed body, headers or JSON (`InvalidFieldError`)
401    a signature check failed (`SignatureError`)
405    not a POST
413    a body over ``max_body`` bytes
500    ``on_events`` (or the ``seen`` store) raised, so the provider retries later
=====  ==========================================================================

Deduplication: an event whose key (`dedupe_key`) reached ``on_events`` is not handed over
again when the provider retries it, alone or inside another batch; see `Deduper`.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping, MutableSet
from typing import Any

import anyio.to_thread

from dlrkit._callbacks import parser_for, reject_secret, require_secret
from dlrkit._dedupe import DedupeKey, Deduper, SeenStore, as_seen_store
from dlrkit._errors import DlrkitError, InvalidFieldError, SignatureError
from dlrkit._event import DeliveryEvent
from dlrkit._signatures import SCHEMES, check_secret, check_tolerance

__all__ = ["DEFAULT_MAX_BODY", "CallbackReceiver", "OnEvents", "receiver"]

_log = logging.getLogger("dlrkit.callbacks")

#: Infobip's largest batch (2,000 reports) is about 1.5 MB; 4 MiB leaves room.
DEFAULT_MAX_BODY = 4 * 1024 * 1024

OnEvents = Callable[[list[DeliveryEvent]], object]
_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]


class _BodyTooLargeError(Exception):
    """The body passed the size limit."""


def receiver(
    provider: str,
    on_events: OnEvents,
    *,
    secret: str | None = None,
    tolerance: float = 300,
    max_body: int = DEFAULT_MAX_BODY,
    seen: SeenStore | MutableSet[DedupeKey] | None = None,
) -> CallbackReceiver:
    """Return an ASGI app that verifies, parses and passes ``provider``'s callbacks on.

    ``on_events(events)`` (a plain or an ``async`` function) gets each request's events,
    a ``list[DeliveryEvent]``; a request with none (MailerSend's ``webhook.test``, an
    ignored sent.dm family) does not call it. A plain function runs in a worker thread, so
    it may block. MailerSend and sent.dm need ``secret``; Infobip and Routee sign nothing
    and refuse one. Both mistakes, a ``whsec_`` secret that is not base64, an unknown
    provider and a bad ``on_events``, ``tolerance``, ``max_body`` or ``seen`` raise
    `InvalidFieldError` here, when the app is built, not on the first request.

    Retries are deduplicated: each event's `dedupe_key` reaches ``on_events`` once, even
    when the provider re-sends it after a 2xx or two copies arrive at once; if
    ``on_events`` raises, the keys are forgotten so the retry is processed. ``seen`` is
    where keys live: None for a new `MemorySeen` (per process, the last
    `DEFAULT_SEEN_CAPACITY` keys), a `MutableSet` of keys, or any `SeenStore` (shared by
    several processes, e.g. Redis).
    """
    parser_for(provider)  # an unknown provider fails here
    scheme = SCHEMES[provider]
    if scheme.signed:
        check_secret(scheme, require_secret(provider, secret))
    else:
        reject_secret(provider, secret)
    check_tolerance(tolerance)
    if not callable(on_events):
        raise InvalidFieldError("on_events", on_events, "must be callable")
    if not _positive_int(max_body):
        raise InvalidFieldError("max_body", max_body, "must be a positive number of bytes")
    store = as_seen_store(seen)
    return CallbackReceiver(
        provider, on_events, secret=secret, tolerance=tolerance, max_body=max_body, seen=store
    )


class CallbackReceiver:
    """The ASGI app `receiver` builds.

    An object rather than a function, so that Starlette's ``Route`` serves it as an ASGI app
    at an exact path (``Mount`` would redirect ``/hooks`` to ``/hooks/``).
    """

    def __init__(
        self,
        provider: str,
        on_events: OnEvents,
        *,
        secret: str | None,
        tolerance: float,
        max_body: int,
        seen: SeenStore,
    ) -> None:
        self.provider = provider
        #: The deduplication state; ``dedupe.store`` is the `SeenStore` in use.
        self.dedupe = Deduper(seen)
        self._parse = parser_for(provider)
        self._deliver = _deliverer(on_events)
        self._secret = secret
        self._tolerance = tolerance
        self._max_body = max_body

    def __repr__(self) -> str:
        return f"<CallbackReceiver {self.provider}>"  # never the secret

    async def __call__(self, scope: _Message, receive: _Receive, send: _Send) -> None:
        """Answer one ASGI request (or a lifespan); see the module docstring."""
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # websockets: not ours; closing without accepting refuses them
        if scope["method"] != "POST":
            await _answer(send, 405, {"error": "callbacks are POSTed"}, allow=True)
            return
        try:
            body = await _read(scope, receive, self._max_body)
        except _BodyTooLargeError:
            await _answer(send, 413, {"error": f"body over {self._max_body} bytes"})
            return
        if body is None:
            return  # the client went away
        try:
            events = self._parse(
                body, scope["headers"], secret=self._secret, tolerance=self._tolerance
            )
        except SignatureError as exc:
            await _answer(send, 401, {"error": str(exc), "check": exc.check})
            return
        except DlrkitError as exc:
            await _answer(send, 400, {"error": str(exc)})
            return
        if events and not await self._hand_over(events):
            await _answer(send, 500, {"error": "on_events failed"})
            return
        await _answer(send, 200, {"received": len(events)})

    async def _hand_over(self, events: list[DeliveryEvent]) -> bool:
        """Give ``on_events`` the events not seen before; False if it (or the store) failed."""
        try:
            fresh, claim = await self.dedupe.claim(events)
        except Exception:
            _log.exception("%s seen store failed; answering 500 so it retries", self.provider)
            return False
        delivered = False
        try:
            if fresh:
                await self._deliver(fresh)
            delivered = True
        except Exception:
            _log.exception("%s on_events failed; answering 500 so it retries", self.provider)
        finally:
            try:
                await self.dedupe.settle(claim, delivered=delivered)
            except Exception:
                # Only reached when on_events failed (a success forgets nothing): the keys
                # stay marked, so the provider's retry of these events will be skipped.
                # Nothing here can undo that; say so loudly, with the count.
                _log.exception(
                    "%s seen store failed to forget %d keys: their retries will be skipped",
                    self.provider,
                    len(claim.keys),
                )
        return delivered


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _deliverer(on_events: OnEvents) -> Callable[[list[DeliveryEvent]], Awaitable[None]]:
    """Wrap ``on_events`` so the app can await it, sync or async."""
    is_async = inspect.iscoroutinefunction(on_events) or inspect.iscoroutinefunction(
        getattr(on_events, "__call__", None)  # noqa: B004 -- an object with async __call__
    )

    async def deliver(events: list[DeliveryEvent]) -> None:
        if is_async:
            result = on_events(events)
        else:
            result = await anyio.to_thread.run_sync(on_events, events)
        if inspect.isawaitable(result):  # a plain function that returned a coroutine
            await result

    return deliver


async def _read(scope: _Message, receive: _Receive, limit: int) -> bytes | None:
    """Return the whole body, or None if the client disconnected first."""
    for name, value in scope["headers"]:
        if name.lower() == b"content-length" and value.isdigit() and int(value) > limit:
            raise _BodyTooLargeError
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _BodyTooLargeError
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _answer(send: _Send, status: int, body: object, *, allow: bool = False) -> None:
    payload = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(payload))]
    if allow:
        headers.append((b"allow", b"POST"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


async def _lifespan(receive: _Receive, send: _Send) -> None:
    """Acknowledge startup and shutdown when served on its own (``uvicorn module:app``)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
