"""Auth hooks: decide whether a request may run; :class:`ErrorShapes` words the refusal.

A hook returns ``None`` to let the request through, or an :data:`AuthFailure` (``"missing"``
or ``"invalid"``) that the core turns into ``ErrorShapes.unauthorized``. A hook that needs
another status (a 403, say) raises ``Abort(response)``. Hooks see ``call.route`` and
``call.method``, so one hook can treat a token endpoint differently from the rest.
Secrets are compared in constant time and never appear in messages or reprs.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Callable

from dlrkit_servers._call import Call
from dlrkit_servers._errors import AuthFailure

__all__ = [
    "AuthHook",
    "basic_credentials",
    "header_auth",
    "no_auth",
    "scheme_auth",
    "scheme_credentials",
    "secret_matches",
]

AuthHook = Callable[[Call], AuthFailure | None]


def secret_matches(given: str, expected: str) -> bool:
    """Compare a header value with a secret in constant time (any characters)."""
    # Header values arrive latin-1 decoded; encoding back gives the bytes actually sent.
    return hmac.compare_digest(given.encode("latin-1", "replace"), expected.encode())


def scheme_credentials(call: Call, scheme: str) -> str | None:
    """Return the credentials of ``Authorization: <scheme> <credentials>`` (any scheme case)."""
    header = call.headers.get("authorization")
    if header is None:
        return None
    name, _, credentials = header.strip().partition(" ")
    if name.lower() != scheme.lower():
        return None
    return credentials.strip()


def basic_credentials(call: Call) -> tuple[str, str] | None:
    """``(user, password)`` from ``Authorization: Basic``, or None if absent or malformed."""
    encoded = scheme_credentials(call, "Basic")
    if not encoded:
        return None
    try:
        decoded = base64.b64decode(encoded, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, colon, password = decoded.partition(":")
    return (user, password) if colon else None


def no_auth(call: Call) -> AuthFailure | None:
    """Let every request through (for servers or routes without auth)."""
    return None


def scheme_auth(scheme: str, secret: str) -> AuthHook:
    """Require ``Authorization: <scheme> <secret>`` (e.g. ``Bearer``, Infobip's ``App``)."""
    _check_secret(secret)

    def check(call: Call) -> AuthFailure | None:
        if "authorization" not in call.headers:
            return "missing"
        given = scheme_credentials(call, scheme)
        return None if given is not None and secret_matches(given, secret) else "invalid"

    return check


def header_auth(header: str, secret: str) -> AuthHook:
    """Require header ``header`` to equal ``secret`` (e.g. sent.dm's ``x-api-key``)."""
    _check_secret(secret)
    name = header.lower()

    def check(call: Call) -> AuthFailure | None:
        given = call.headers.get(name)
        if given is None:
            return "missing"
        return None if secret_matches(given, secret) else "invalid"

    return check


def _check_secret(secret: str) -> None:
    if not secret or secret != secret.strip() or not secret.isprintable():
        # The value is a secret: say what is wrong, never what it is.
        raise ValueError("the secret must be non-empty printable text without surrounding spaces")
