"""`ReferenceServer`: a route table, an auth hook and error shapes served as one ASGI app.

Each HTTP request goes through these steps, in this order::

    unknown path                -> ErrorShapes.not_found                       (404)
    method not declared         -> ErrorShapes.method_not_allowed + Allow      (405)
    auth hook refuses           -> ErrorShapes.unauthorized                    (401)
    body over max_body          -> ErrorShapes.invalid_input, "body_too_large" (4xx)
    handler(call) -> Response   -> sent as is
      raises InputError         -> ErrorShapes.invalid_input                   (4xx)
      raises Abort(response)    -> response
      raises anything else      -> logged, ErrorShapes.internal_error          (500)

HEAD and OPTIONS are ordinary methods: allowed only where declared. The router is ours rather
than Starlette's because Starlette adds HEAD to every GET route and runs synchronous endpoints
in a thread pool; here handlers are synchronous and run on the event loop, so each request
reads and writes the server's state without any other request interleaving (no locks needed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from dlrkit_servers._auth import AuthHook
from dlrkit_servers._call import Call
from dlrkit_servers._errors import Abort, ErrorShapes, InputError
from dlrkit_servers._routing import Routes, RouteTable

if TYPE_CHECKING:
    from dlrkit_servers._sender import CallbackSender

__all__ = ["DEFAULT_MAX_BODY", "ReferenceServer"]

logger = logging.getLogger("dlrkit_servers")

#: Largest request body read, in bytes; larger ones are refused with ``body_too_large``.
DEFAULT_MAX_BODY = 1 << 20
_BARE_500 = b'{"message":"Internal error in the dlrkit reference server."}'


class _DisconnectedError(Exception):
    """The client went away before its body was read."""


class ReferenceServer:
    """One provider's reference server.

    ``app`` is the ASGI application (use it with ``httpx.ASGITransport`` or uvicorn).
    ``sample_ids`` maps each get-by-id operationId to ids that exist in the data set.
    ``base_path`` is prefixed to every route (MailerSend ``"/v1"``; ``""`` for none).
    ``state`` holds provider objects that tests and in-process tools reach without HTTP
    (MailerSend: ``"sms_webhooks"``, whose signing secrets the API never returns).
    ``callbacks`` is the callback sender when ``create_app(callback_url=...)`` made one: it
    runs between :meth:`start` and :meth:`stop`, which the ASGI lifespan calls under uvicorn
    (``dlrkit serve``); in-process, call them or use ``with server: ...``.
    """

    def __init__(
        self,
        *,
        name: str,
        routes: Routes,
        auth: AuthHook,
        errors: ErrorShapes | None = None,
        base_path: str = "",
        sample_ids: Mapping[str, Sequence[str]] | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        state: Mapping[str, object] | None = None,
    ) -> None:
        self.name = name
        self.state: dict[str, object] = dict(state or {})
        self.base_path = base_path
        self.sample_ids: dict[str, list[str]] = {
            key: list(ids) for key, ids in (sample_ids or {}).items()
        }
        self.callbacks: CallbackSender | None = None
        self.app = _App(
            RouteTable(base_path, routes),
            auth,
            errors or ErrorShapes(),
            base_path,
            max_body,
            (self.start, self.stop),
        )

    def __repr__(self) -> str:
        return f"<ReferenceServer {self.name} base_path={self.base_path!r}>"

    def start(self) -> None:
        """Start the background work (the callback sender, if any); idempotent."""
        if self.callbacks is not None:
            self.callbacks.start()

    def stop(self) -> None:
        """Stop the background work, waiting for it with a deadline; idempotent."""
        if self.callbacks is not None:
            self.callbacks.stop()

    def __enter__(self) -> ReferenceServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def describe(self, origin: str) -> str:
        """Return what ``dlrkit serve`` prints: the base URL, then sample ids per operation."""
        lines = [f"dlrkit {self.name} reference server on {origin}{self.base_path}"]
        lines += [f"  {key}: {', '.join(ids)}" for key, ids in self.sample_ids.items()]
        return "\n".join(lines)


class _App:
    """The ASGI callable behind ``ReferenceServer.app``."""

    def __init__(
        self,
        table: RouteTable,
        auth: AuthHook,
        errors: ErrorShapes,
        base_path: str,
        max_body: int,
        lifespan: tuple[Callable[[], None], Callable[[], None]],
    ) -> None:
        self._lifespan = lifespan
        self._table = table
        self._auth = auth
        self._errors = errors
        self._base_path = base_path
        self._max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            call = Call(scope, self._base_path)
            try:
                response = await self._respond(call, receive)
            except _DisconnectedError:
                return
            await response(scope, receive, send)
        elif kind == "lifespan":
            await _lifespan(receive, send, *self._lifespan)
        elif kind == "websocket":
            await send({"type": "websocket.close", "code": 1008})

    async def _respond(self, call: Call, receive: Receive) -> Response:
        try:
            try:
                return await self._handle(call, receive)
            except InputError as error:
                return self._errors.invalid_input(call, error)
            except Abort as abort:
                return abort.response
        except _DisconnectedError:
            raise
        except Exception:
            logger.exception(
                "bug in the reference server while handling %s %s", call.method, call.path
            )
            return self._internal_error(call)

    async def _handle(self, call: Call, receive: Receive) -> Response:
        found = self._table.match(call.path)
        if found is None:
            return self._errors.not_found(call)
        route, call.path_params = found
        call.route = route.template
        handler = route.handlers.get(call.method)
        if handler is None:
            response = self._errors.method_not_allowed(call, route.allowed)
            response.headers["Allow"] = ", ".join(route.allowed)
            return response
        failure = self._auth(call)
        if failure is not None:
            return self._errors.unauthorized(call, failure)
        call.body = await self._read_body(call, receive)
        response = handler(call)
        if not isinstance(response, Response):
            raise TypeError(
                f"handler for {call.method} {route.template} returned {type(response)!r}"
            )
        return response

    async def _read_body(self, call: Call, receive: Receive) -> bytes:
        declared = call.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_body:
            raise _too_large(self._max_body)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _DisconnectedError
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self._max_body:
                raise _too_large(self._max_body)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _internal_error(self, call: Call) -> Response:
        try:
            return self._errors.internal_error(call)
        except Exception:
            logger.exception("ErrorShapes.internal_error failed")
            return Response(_BARE_500, status_code=500, media_type="application/json")


def _too_large(limit: int) -> InputError:
    return InputError.of("body", "body_too_large", f"the request body is larger than {limit} bytes")


async def _lifespan(
    receive: Receive, send: Send, start: Callable[[], None], stop: Callable[[], None]
) -> None:
    # start() and stop() block for at most their own deadlines (a thread starting or joining),
    # and only while nothing is being served.
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            try:
                start()
            except Exception as error:
                logger.exception("the reference server's background work did not start")
                await send({"type": "lifespan.startup.failed", "message": str(error)})
                return
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            try:
                stop()
            except Exception as error:
                logger.exception("the reference server's background work did not stop")
                await send({"type": "lifespan.shutdown.failed", "message": str(error)})
                return
            await send({"type": "lifespan.shutdown.complete"})
            return
