"""`normalize`: turn any provider's report payload into `DeliveryEvent` objects.

Each provider module registers one normalizer with `register_normalizer` when it is
imported; `normalize` imports a known provider's module on first use, so callers never
need to.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable

from dlrkit._errors import DlrkitError, InvalidFieldError
from dlrkit._event import DeliveryEvent
from dlrkit._redact import shorten

Normalizer = Callable[[object], Iterable[DeliveryEvent]]

# The providers dlrkit ships, each in module ``dlrkit.<name>``.
PROVIDERS = ("infobip", "mailersend", "routee", "sentdm")

_REGISTRY: dict[str, Normalizer] = {}


def register_normalizer(provider: str, normalizer: Normalizer) -> None:
    """Make ``normalize(provider, ...)`` call ``normalizer``; re-registering replaces it."""
    if not provider or not provider.isidentifier() or provider != provider.lower():
        raise InvalidFieldError("provider", provider, "must be a lower-case identifier")
    _REGISTRY[provider] = normalizer


def registered_providers() -> tuple[str, ...]:
    """Return the providers `normalize` accepts, sorted: shipped ones that import, and any added."""
    for name in PROVIDERS:
        _load(name)
    return tuple(sorted(_REGISTRY))


def normalize(provider: str, payload: object) -> list[DeliveryEvent]:
    """Return the delivery events in ``payload``, a report or webhook body from ``provider``.

    ``payload`` is decoded JSON (dict or list) or JSON text/bytes. An unknown provider, bad
    JSON or a payload the provider's normalizer cannot read raises `InvalidFieldError`
    (a ``ValueError``) naming what was wrong, never a bare ``KeyError`` from deep inside.
    """
    normalizer = _REGISTRY.get(provider) or _load(provider)
    if normalizer is None:
        valid = ", ".join(registered_providers()) or "none installed"
        raise InvalidFieldError("provider", provider, f"unknown provider; valid: {valid}")
    if isinstance(payload, str | bytes | bytearray):
        try:
            payload = json.loads(payload)
        except ValueError as exc:
            raise InvalidFieldError("payload", payload, f"not JSON ({exc})") from None
    return read_events(provider, normalizer, payload)


def read_events(provider: str, reader: Normalizer, payload: object) -> list[DeliveryEvent]:
    """Return ``list(reader(payload))``, with every failure as a `DlrkitError`.

    A stray ``KeyError``, ``TypeError``... from inside ``reader`` becomes `InvalidFieldError`
    on ``payload``, naming the provider and the exception.
    """
    try:
        return list(reader(payload))
    except DlrkitError:
        raise
    except (KeyError, IndexError, TypeError, AttributeError, ValueError) as exc:
        reason = (
            f"{provider} payload not understood: {type(exc).__name__}: {shorten(str(exc), 120)}"
        )
        raise InvalidFieldError("payload", payload, reason) from exc


def _load(provider: object) -> Normalizer | None:
    """Import ``dlrkit.<provider>`` if it is a shipped provider; return its normalizer."""
    if provider not in PROVIDERS:
        return None
    if provider not in _REGISTRY:
        try:
            importlib.import_module(f"dlrkit.{provider}")
        except ModuleNotFoundError as exc:
            if exc.name != f"dlrkit.{provider}":  # the module exists but is broken
                raise
    return _REGISTRY.get(str(provider))
