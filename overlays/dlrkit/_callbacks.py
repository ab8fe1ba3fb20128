"""The shared half of reading a delivery callback, the same for every provider.

A provider's ``parse_callback`` (``dlrkit.<provider>._callback``) says only what is its own:
which headers, which signing scheme (`dlrkit._signatures`) and how its body becomes events.
Everything else lives here: the raw body as bytes, case-insensitive headers, JSON decoding
that fails with `InvalidFieldError`, the secret checks, and the guard that turns a reader's
stray ``KeyError`` into an error naming the payload.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, Protocol, cast

from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent
from dlrkit._normalize import PROVIDERS, read_events
from dlrkit._redact import REDACTED, redact

__all__ = [
    "Body",
    "CallbackParser",
    "HeaderSource",
    "conform",
    "decode_json",
    "lower_headers",
    "parse_callback",
    "parse_unsigned",
    "parser_for",
    "raw_body",
    "reject_secret",
    "require_secret",
    "scrubbed",
]

Body = bytes | bytearray | memoryview | str
HeaderSource = Mapping[str, str] | Iterable[tuple[str | bytes, str | bytes]] | None

#: What stands in for a secret in error values.
_HIDDEN = REDACTED


class CallbackParser(Protocol):
    """The signature every provider's ``parse_callback`` has."""

    def __call__(
        self,
        body: Body,
        headers: HeaderSource = None,
        *,
        secret: str | None = None,
        tolerance: float = 300,
        now: datetime | float | None = None,
    ) -> list[DeliveryEvent]: ...


def raw_body(body: object) -> bytes:
    """Return the request body as the exact bytes to verify; a ``str`` is taken as UTF-8."""
    if isinstance(body, bytes):
        return body
    if isinstance(body, bytearray | memoryview):
        return bytes(body)
    if isinstance(body, str):
        try:
            return body.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates cannot be what was sent
            raise InvalidFieldError("body", _type_name(body), "not encodable as UTF-8") from None
    raise InvalidFieldError("body", _type_name(body), "must be the raw request body, bytes or str")


def _type_name(value: object) -> str:
    return f"<{type(value).__name__}>"


def _text(value: object) -> str:
    # ASGI hands headers over as latin-1 bytes (RFC 9110 field values are octets).
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if not isinstance(value, str):
        raise TypeError(type(value).__name__)
    return value


def lower_headers(headers: object) -> dict[str, str]:
    """Return ``headers`` keyed by lower-case name: a mapping, ASGI pairs or ``None``.

    A name sent twice with different values (``Signature`` and ``signature`` in a plain
    dict) is ambiguous, so it raises `InvalidFieldError` rather than picking one.
    """
    if headers is None:
        return {}
    if isinstance(headers, str | bytes):
        raise InvalidFieldError("headers", _type_name(headers), "must be a mapping or pairs")
    items = cast(
        Iterable[tuple[object, object]],
        headers.items() if isinstance(headers, Mapping) else headers,
    )
    found: dict[str, str] = {}
    twice = None
    try:
        for name, value in items:
            key, text = _text(name).lower(), _text(value)
            if found.setdefault(key, text) != text:
                twice = key
    except (TypeError, ValueError):
        raise InvalidFieldError("headers", _type_name(headers), "must hold text pairs") from None
    if twice is not None:
        raise InvalidFieldError(f"headers[{twice!r}]", _HIDDEN, "sent twice, differently")
    return found


def decode_json(raw: bytes) -> object:
    """Return the JSON value of ``raw``; anything else raises `InvalidFieldError` on ``body``."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        reason = f"not JSON ({type(exc).__name__}: {str(exc)[:80]})"
        # The whole body, not a slice: `scrubbed` must see a secret whole to hide it.
        raise InvalidFieldError("body", raw, reason) from None


def require_secret(provider: str, secret: object) -> str:
    """Return ``secret`` if it is a non-empty string; signing providers cannot do without."""
    if secret is None:
        reason = f"{provider} signs its callbacks: pass the webhook's signing secret"
        raise InvalidFieldError("secret", None, reason)
    if not isinstance(secret, str) or not secret.strip():
        raise InvalidFieldError("secret", _HIDDEN, "must be a non-empty string")
    return secret


def reject_secret(provider: str, secret: object) -> None:
    """Refuse a secret for an unsigned provider: accepting it would suggest a check we skip."""
    if secret is not None:
        reason = f"{provider} does not sign its callbacks, so there is nothing to check it with"
        raise InvalidFieldError("secret", _HIDDEN, reason)


class _Shown:
    """A stand-in value whose ``repr`` is already-redacted text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def scrubbed(error: InvalidFieldError, secrets: Iterable[str | None]) -> InvalidFieldError:
    """Return ``error``, or a copy of it without ``secrets`` if its text showed one.

    The whole ``repr`` of the value is redacted before the message cuts it short, so not
    even the start of a secret echoed in a body survives.
    """
    hidden = [s for s in secrets if s]
    shown = repr(error.value)
    field, reason, value = (redact(t, hidden) for t in (error.field, error.reason, shown))
    if (field, reason, value) == (error.field, error.reason, shown):
        return error
    return type(error)(field, _Shown(value), reason)


def guarded(
    provider: str,
    read: Callable[[object], Iterable[DeliveryEvent]],
    payload: object,
    secrets: Iterable[str | None] = (),
) -> list[DeliveryEvent]:
    """Run ``read(payload)`` under `read_events`' guard, with ``secrets`` kept out of errors."""
    try:
        return read_events(provider, read, payload)
    except InvalidFieldError as exc:
        raise scrubbed(exc, secrets) from None


def parse_unsigned(
    provider: str,
    body: object,
    headers: object,
    secret: object,
    events_of: Callable[[object], Iterable[DeliveryEvent]],
) -> list[DeliveryEvent]:
    """Run the steps every unsigned provider's ``parse_callback`` shares, in one place.

    Refuse a ``secret`` (nothing to check it with), take the exact body bytes, read the
    headers only to reject malformed ones, then decode the JSON and call ``events_of`` on it
    under `guarded`, so any error names the field, never a bare exception.
    """
    reject_secret(provider, secret)
    raw = raw_body(body)
    lower_headers(headers)
    return guarded(provider, lambda _: events_of(decode_json(raw)), raw)


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any], /) -> Any: ...


def conform(model: type[_Model], payload: object) -> None:
    """Check that ``payload`` reads as the generated callback ``model`` (the spec's schema).

    Run after the provider's reader, whose errors name the exact path of what it reads;
    this catches the rest (a required field the events do not use, a bad date).
    """
    name = model.__name__
    if not isinstance(payload, Mapping):
        raise InvalidFieldError("body", _type_name(payload), f"{name} is a JSON object")
    try:
        model.from_dict(payload)
    except KeyError as exc:  # the generated from_dict reads d["field"]; nested ones too
        field = str(exc.args[0]) if exc.args else "body"
        raise InvalidFieldError(field, None, f"missing, and required by {name}") from None
    except (TypeError, ValueError, AttributeError, IndexError, OverflowError) as exc:
        reason = f"does not fit {name} ({type(exc).__name__}: {str(exc)[:80]})"
        raise InvalidFieldError("body", _type_name(payload), reason) from None


def parser_for(provider: object) -> CallbackParser:
    """Return ``dlrkit.<provider>.parse_callback``; an unknown provider is `InvalidFieldError`."""
    if provider not in PROVIDERS:
        valid = ", ".join(PROVIDERS)
        raise InvalidFieldError("provider", provider, f"unknown provider; valid: {valid}")
    parse: CallbackParser = importlib.import_module(f"dlrkit.{provider}").parse_callback
    return parse


def parse_callback(
    provider: str,
    body: Body,
    headers: HeaderSource = None,
    *,
    secret: str | None = None,
    tolerance: float = 300,
    now: datetime | float | None = None,
) -> list[DeliveryEvent]:
    """Verify and parse one callback from ``provider``: ``dlrkit.<provider>.parse_callback``."""
    return parser_for(provider)(body, headers, secret=secret, tolerance=tolerance, now=now)
