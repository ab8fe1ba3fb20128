"""Deliberately broken callback receivers, for the receiver self-test.

Each variant wraps **any** ASGI receiver app in middleware that breaks one promise a
receiver makes to its provider; the receiver itself is not edited, so the same variants
wrap `dlrkit.callbacks.receiver` (in tests and the CLI layer, which may import `dlrkit`) or
any other app. `dlrkit contract PROVIDER --receiver URL` must catch each one by one of the
checks listed in ``expected``, and pass the unwrapped receiver.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from dlrkit_contract._middleware import App, Reply, Rewrite
from dlrkit_contract._webhooks import webhook_entries

__all__ = ["RECEIVER_VARIANTS", "ReceiverVariant", "declared_paths"]

_Message = MutableMapping[str, Any]


@dataclass(frozen=True, slots=True)
class ReceiverVariant:
    """One broken receiver: what it breaks, which checks should catch it, and its wrapper."""

    name: str
    breaks: str
    expected: frozenset[str]
    #: ``wrap(provider, app)`` returns the broken app.
    wrap: Callable[[str, App], App]
    #: The providers the breakage can show on (all four unless said otherwise).
    providers: frozenset[str] = frozenset({"mailersend", "sentdm", "infobip", "routee"})


# -- buffering a request ----------------------------------------------------------------------


async def _read_body(receive: Callable[[], Any]) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes) -> Callable[[], Any]:
    sent = False

    async def receive() -> _Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _answer(send: Callable[[_Message], Any], status: int, text: str) -> None:
    payload = json.dumps({"error": text}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(payload))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


# -- accepts everything -----------------------------------------------------------------------


def _accept_everything(provider: str, app: App) -> App:
    def response(reply: Reply) -> None:
        if not 200 <= reply.status < 300:
            reply.status = 200
            reply.body = b'{"received": 0}'

    return Rewrite(app, response=response)


# -- 500 on a field the schema does not name --------------------------------------------------


def _paths(schema: dict[str, Any], path: tuple[str, ...], found: set[tuple[str, ...]]) -> None:
    properties = schema.get("properties") or {}
    if not properties and isinstance(schema.get("additionalProperties"), dict):
        found.add((*path, "**"))  # a map: any key is declared (Routee messageStatuses)
    for key, value in properties.items():
        found.add((*path, key))
        _paths(value, (*path, key), found)
    if isinstance(schema.get("items"), dict):
        _paths(schema["items"], (*path, "*"), found)
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key) or ():
            _paths(branch, path, found)


@functools.cache
def declared_paths(provider: str) -> frozenset[tuple[str, ...]]:
    """Every property path any of ``provider``'s webhook schemas names (``*``: array items)."""
    found: set[tuple[str, ...]] = set()
    for entry in webhook_entries(provider):
        _paths(dict(entry.schema), (), found)
    return frozenset(found)


def _unknown_field(provider: str, node: Any, path: tuple[str, ...] = ()) -> str | None:
    declared = declared_paths(provider)
    if any((*path[:i], "**") in declared for i in range(len(path) + 1)):
        return None
    if isinstance(node, dict):
        for key, value in node.items():
            if (*path, key) not in declared:
                return ".".join((*path, key))
            found = _unknown_field(provider, value, (*path, key))
            if found:
                return found
    elif isinstance(node, list):
        for item in node:
            found = _unknown_field(provider, item, (*path, "*"))
            if found:
                return found
    return None


def _fail_on_unknown_field(provider: str, app: App) -> App:
    async def broken(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        body = await _read_body(receive)
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        unknown = _unknown_field(provider, payload)
        if unknown is not None:  # the bug: a strict model that crashes on an added field
            await _answer(send, 500, f"unexpected field {unknown}")
            return
        await app(scope, _replaying(body), send)

    return broken


# -- 500 on a duplicate -----------------------------------------------------------------------


def _fail_on_duplicate(provider: str, app: App) -> App:
    accepted: set[str] = set()

    async def broken(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        body = await _read_body(receive)
        digest = hashlib.sha256(body).hexdigest()
        status = 0

        async def watch(message: _Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                # The bug: a unique-key insert that fails on the second delivery of an event.
                if 200 <= status < 300 and digest in accepted:
                    await _answer(send, 500, "duplicate key value violates unique constraint")
                    return
            if not (200 <= status < 300 and digest in accepted):
                await send(message)

        await app(scope, _replaying(body), watch)
        if 200 <= status < 300:
            accepted.add(digest)

    return broken


RECEIVER_VARIANTS: tuple[ReceiverVariant, ...] = (
    ReceiverVariant(
        "accepts_everything",
        "answers 200 to every POST: forged, unsigned and malformed callbacks included",
        frozenset(
            {
                "rejects_forged",
                "rejects_tampered",
                "rejects_wrong_secret",
                "rejects_stale",
                "rejects_unsigned",
                "rejects_test_secret",
                "rejects_malformed",
            }
        ),
        _accept_everything,
    ),
    ReceiverVariant(
        "fails_on_unknown_field",
        "500 when a body has a field the spec does not name (providers add fields)",
        frozenset({"accepts_unknown_fields"}),
        _fail_on_unknown_field,
    ),
    ReceiverVariant(
        "fails_on_duplicate",
        "500 when the same callback comes again (providers retry)",
        frozenset({"accepts_duplicate"}),
        _fail_on_duplicate,
    ),
)
