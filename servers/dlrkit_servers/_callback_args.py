"""Checks of the ``callback_*`` arguments of ``create_app`` and ``dlrkit serve``, and secrets.

Every error names the argument and shows its value, except a secret's: only what is wrong
with it. The secret rules are per provider because the providers sign differently:

* sent.dm: ``whsec_`` + base64 (Standard Webhooks keys: the part after ``whsec_`` is
  base64-decoded into the HMAC key);
* MailerSend: any non-empty printable text (the dashboard's secret is used as UTF-8 bytes);
* Infobip, Routee: no secret at all (their per-request callbacks are not signed).
"""

from __future__ import annotations

import base64
import binascii
import math
import secrets
import string
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_RATE",
    "DEFAULT_RETRY_DELAY",
    "MAX_RATE",
    "MAX_RETRY_DELAY",
    "check_rate",
    "check_retry_delay",
    "check_secret",
    "check_url",
    "new_secret",
]

#: Callbacks (POST attempts) per second, all destinations together.
DEFAULT_RATE = 20.0
#: Seconds before a failed POST is tried again (the providers wait longer: see each schedule).
DEFAULT_RETRY_DELAY = 5.0
MAX_RATE = 10_000.0
MAX_RETRY_DELAY = 3_600.0
_SECRET_ALPHABET = string.ascii_letters + string.digits


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return number


def check_rate(value: object, name: str = "callback_rate") -> float:
    """Return the rate if it is > 0 and at most :data:`MAX_RATE` callbacks per second."""
    rate = _number(name, value)
    if not 0 < rate <= MAX_RATE:
        raise ValueError(f"{name} must be > 0 and <= {MAX_RATE:g} per second, got {value!r}")
    return rate


def check_retry_delay(value: object, name: str = "callback_retry_delay") -> float:
    """Return the delay if it is from 0 to :data:`MAX_RETRY_DELAY` seconds."""
    delay = _number(name, value)
    if not 0 <= delay <= MAX_RETRY_DELAY:
        raise ValueError(f"{name} must be from 0 to {MAX_RETRY_DELAY:g} seconds, got {value!r}")
    return delay


def check_url(value: object, name: str = "callback_url") -> str:
    """Return ``value`` if it is an absolute http(s) URL with a host."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {value!r}")
    shown = value if len(value) <= 200 else value[:200] + "..."
    if not value.isprintable() or any(char.isspace() for char in value):
        raise ValueError(
            f"{name} must be a URL without spaces or control characters, got {shown!r}"
        )
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise ValueError(f"{name} is not a valid URL: {shown!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{name} must be an absolute http:// or https:// URL, got {shown!r}")
    if port == 0:
        raise ValueError(f"{name} must name a port from 1 to 65535, got {shown!r}")
    return value


def check_secret(provider: str, signed: bool, value: object, name: str = "callback_secret") -> str:
    """Return ``value`` if it suits ``provider``'s signing; errors never show the value."""
    if not signed:
        raise ValueError(f"{name} is not taken by {provider}: it does not sign its callbacks")
    if not isinstance(value, str) or not value or not value.isprintable():
        raise ValueError(f"{name} must be non-empty printable text")
    if value != value.strip():
        raise ValueError(f"{name} must not start or end with spaces")
    if provider == "sentdm":
        key = value.removeprefix("whsec_")
        try:
            decoded = base64.b64decode(key, validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if key == value or not decoded:
            raise ValueError(f"{name} for sentdm must be whsec_ followed by base64 (a key's bytes)")
    return value


def new_secret(provider: str) -> str:
    """Return a fresh random secret in the form ``provider`` uses."""
    if provider == "sentdm":
        return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode("ascii")
    return "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(32))
