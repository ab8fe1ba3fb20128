"""Keep secrets out of messages, reprs and logs.

Every text dlrkit builds from what a server or caller sent passes through `redact` before it
reaches an exception message. `secrets_in_headers` collects the credentials a request carried,
so they are masked even when a server echoes them back in an error body.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Mapping

import httpx

from dlrkit._constants import CREDENTIALS_EXTENSION

REDACTED = "[REDACTED]"
# Shorter "secrets" would shred ordinary words; real API keys are far longer.
MIN_SECRET_LENGTH = 4
_SENSITIVE_WORDS = ("auth", "key", "token", "secret", "password", "signature", "cookie")


def is_sensitive_name(name: str) -> bool:
    """Whether a header or query parameter called ``name`` may carry a credential."""
    lowered = name.lower()
    return any(word in lowered for word in _SENSITIVE_WORDS)


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Return ``text`` with every occurrence of each secret replaced by ``[REDACTED]``."""
    wanted = {secret for secret in secrets if secret and len(secret) >= MIN_SECRET_LENGTH}
    if not wanted:
        return text
    # One pass, longest first: "Bearer <token>" goes whole, not as "Bearer [REDACTED]".
    pattern = "|".join(re.escape(secret) for secret in sorted(wanted, key=len, reverse=True))
    return re.sub(pattern, REDACTED, text)


def secrets_in_headers(headers: Mapping[str, str] | httpx.Headers) -> list[str]:
    """Return the credentials in ``headers``: whole values and the part after a scheme."""
    found: list[str] = []
    for name, value in headers.items():
        if not is_sensitive_name(name):
            continue
        found.append(value)
        scheme, _, credential = value.partition(" ")
        if credential:
            found.append(credential.strip())
        if scheme.lower() == "basic" and credential:
            found.extend(_basic_secrets(credential.strip()))
    return found


def request_secrets(response: httpx.Response) -> list[str]:
    """Return the credentials the request behind ``response`` carried (none if unknown).

    Besides its headers, that includes the headers an auth flow listed in the request's
    ``extensions["dlrkit.credentials"]``: credentials used to get the request's token.
    """
    try:
        request = response.request
    except RuntimeError:  # a Response built by hand has no request
        return []
    behind = request.extensions.get(CREDENTIALS_EXTENSION) or {}
    return [*secrets_in_headers(request.headers), *secrets_in_headers(behind)]


def _basic_secrets(encoded: str) -> list[str]:
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return []
    _, _, password = decoded.partition(":")
    return [decoded, password]


def redact_url(url: httpx.URL | str) -> str:
    """Return ``url`` as text, with its password and sensitive query values masked."""
    parsed = httpx.URL(url)
    if parsed.password:
        parsed = parsed.copy_with(username=parsed.username, password=REDACTED)
    items = parsed.params.multi_items()
    if any(is_sensitive_name(key) for key, _ in items):
        masked = [(key, REDACTED if is_sensitive_name(key) else value) for key, value in items]
        parsed = parsed.copy_with(params=masked)
    # The marker is percent-encoded inside a URL; show it plainly.
    return str(parsed).replace("%5BREDACTED%5D", REDACTED)


def shorten(text: str, limit: int = 300) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters with a trailing ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def safe_repr(value: object, limit: int = 80) -> str:
    """Return a short ``repr`` of a rejected value, for error messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
