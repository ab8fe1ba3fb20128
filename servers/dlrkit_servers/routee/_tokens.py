"""Routee's OAuth2 client-credentials server: ``POST /oauth/token`` and Bearer checks.

Tokens are random UUIDs (not drawn from the seed: they are secrets), stored only as SHA-256
digests, and expire ``ttl`` seconds after issue by the server's clock. The token endpoint
answers with RFC 6749 bodies (``invalid_client``, ``invalid_request``,
``unsupported_grant_type``, ``invalid_scope``), one of the two shapes the spec's ``AuthError``
allows; the tracking resources answer with Routee's ``{code, developerMessage}``.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from dlrkit_servers._core import (
    Abort,
    AuthFailure,
    AuthHook,
    Call,
    Response,
    basic_credentials,
    json_response,
    scheme_credentials,
    secret_matches,
    show,
)
from dlrkit_servers.routee._errors import TOKEN_PATH, oauth_error, routee_error

__all__ = [
    "PERMISSIONS",
    "TRACKING_SCOPE",
    "Grant",
    "TokenStore",
    "api_auth",
    "token_endpoint",
]

#: The application's scopes and the permission each one grants (names modelled on Routee's).
PERMISSIONS = {
    "account": "MT_ROLE_ACCOUNT_FINANCE",
    "contact": "MT_ROLE_CONTACT",
    "report": "MT_ROLE_REPORT",
    "sms": "MT_ROLE_SMS",
    "2step": "MT_ROLE_2STEP",
    "voice": "MT_ROLE_VOICE",
}
#: The scope the tracking resources need; a token without it gets a 403.
TRACKING_SCOPE = "sms"
_FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True, slots=True)
class Grant:
    """What one token allows, and until when."""

    expires: datetime
    scopes: tuple[str, ...]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class TokenStore:
    """Issued tokens by digest. Expired ones are dropped only when a new token is issued."""

    def __init__(self, clock: Callable[[], datetime], ttl: float) -> None:
        self._clock = clock
        self.ttl = ttl
        self._grants: dict[str, Grant] = {}

    def __len__(self) -> int:
        return len(self._grants)

    def __repr__(self) -> str:
        return f"<TokenStore {len(self)} tokens, ttl={self.ttl}s>"

    def issue(self, scopes: tuple[str, ...]) -> str:
        """Issue a new token for ``scopes``, valid for ``ttl`` seconds from now."""
        now = self._clock()
        self._grants = {k: g for k, g in self._grants.items() if g.expires > now}
        token = str(uuid.uuid4())
        self._grants[_digest(token)] = Grant(now + timedelta(seconds=self.ttl), scopes)
        return token

    def lookup(self, token: str) -> Grant | Literal["expired"] | None:
        """Return the token's grant, ``"expired"`` once its time is up, None if never issued."""
        grant = self._grants.get(_digest(token))
        if grant is None:
            return None
        return grant if self._clock() < grant.expires else "expired"


def api_auth(
    app_id: str,
    app_secret: str,
    tokens: TokenStore,
) -> AuthHook:
    """Check Basic app credentials on the token endpoint, issued Bearer tokens elsewhere.

    An expired token (401) and a token without the ``sms`` scope (403) get their own Routee
    errors, raised as :class:`Abort`.
    """

    def check(call: Call) -> AuthFailure | None:
        if "authorization" not in call.headers:
            return "missing"
        if call.route == TOKEN_PATH:
            given = basic_credentials(call)
            if given is None:
                return "invalid"
            # Both comparisons always run: no early exit that times which one failed.
            id_ok = secret_matches(given[0], app_id)
            secret_ok = secret_matches(given[1], app_secret)
            return None if id_ok and secret_ok else "invalid"
        token = scheme_credentials(call, "Bearer")
        grant = tokens.lookup(token) if token else None
        if grant is None:
            return "invalid"
        if grant == "expired":
            raise Abort(routee_error(401, "401000002", "Access token expired; issue a new token."))
        if TRACKING_SCOPE not in grant.scopes:
            message = f"Access is denied: the token lacks the {TRACKING_SCOPE!r} scope."
            raise Abort(routee_error(403, "403000000", message))
        return None

    return check


def token_endpoint(tokens: TokenStore) -> Callable[[Call], Response]:
    """Build the ``POST /oauth/token`` handler (the hook has checked the client)."""

    def issue(call: Call) -> Response:
        if call.content_type not in ("", _FORM):
            message = f"the body must be {_FORM}, got {show(call.content_type)}"
            raise Abort(oauth_error(400, "invalid_request", message))
        form = call.form()  # RFC 6749 3.2: unrecognized parameters are ignored
        grant_type = form.get_str("grant_type")  # repeated -> InputError -> invalid_request
        if grant_type is None:
            raise Abort(oauth_error(400, "invalid_request", "grant_type is required"))
        if grant_type != "client_credentials":
            message = f"grant_type must be client_credentials, got {show(grant_type)}"
            raise Abort(oauth_error(400, "unsupported_grant_type", message))
        scope = form.get_str("scope")
        scopes = tuple(PERMISSIONS) if scope is None else tuple(dict.fromkeys(scope.split()))
        unknown = [name for name in scopes if name not in PERMISSIONS]
        if not scopes or unknown:
            message = (
                f"scope must be space-separated names among {', '.join(PERMISSIONS)}, "
                f"got {show(scope or '')}"
            )
            raise Abort(oauth_error(400, "invalid_scope", message))
        token = tokens.issue(scopes)
        body = {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": math.floor(tokens.ttl),
            "scope": " ".join(scopes),
            "permissions": [PERMISSIONS[name] for name in scopes],
        }
        # RFC 6749 §5.1: token responses must not be cached.
        return json_response(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})

    return issue
