"""`RouteeAuth`: Routee's OAuth2 client-credentials grant as an `httpx.Auth` flow.

The flow yields the token request to the client that is sending the API request, so the token
call uses the same transport (retries, timeouts, an in-process ``app=``). One token is cached
per `RouteeAuth` and shared by the sync and async clients built on it.
"""

from __future__ import annotations

import base64
import logging
import math
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator

import anyio
import attrs
import httpx

from dlrkit._call import default_error_parser
from dlrkit._constants import CREDENTIALS_EXTENSION
from dlrkit._errors import (
    AuthenticationError,
    InvalidFieldError,
    ResponseValidationError,
    make_status_error,
)
from dlrkit._redact import redact_url
from dlrkit.routee._errors import PROVIDER, parse_error

__all__ = ["DEFAULT_AUTH_URL", "EXPIRY_MARGIN", "TOKEN_PATH", "RouteeAuth"]

DEFAULT_AUTH_URL = "https://auth.routee.net"
TOKEN_PATH = "/oauth/token"  # noqa: S105 -- a path, not a secret
# Renew a token this many seconds before it expires (at most a tenth of its lifetime).
EXPIRY_MARGIN = 60.0
# Routee's docs: on a 401 or 403 from any resource, issue a new token and repeat the request.
_REFRESH_STATUSES = frozenset({401, 403})
# Token fetches and refreshes, at DEBUG: the path only, never a credential or a token.
_LOG = logging.getLogger("dlrkit.auth")
_OPERATION = "get_access_token"


@attrs.frozen
class _Token:
    value: str
    expires_at: float  # on the auth's clock


def _check_credential(field: str, value: object) -> str:
    # Messages never include the value: it may be the secret.
    if not isinstance(value, str) or not value:
        raise InvalidFieldError(field, "<hidden>", "must be a non-empty string")
    if value != value.strip() or not value.isprintable():
        raise InvalidFieldError(field, "<hidden>", "has spaces at an end or unprintable characters")
    return value


def _token_url(auth_url: object) -> httpx.URL:
    if not isinstance(auth_url, str | httpx.URL):
        raise InvalidFieldError("auth_url", auth_url, "must be a URL string")
    try:
        url = httpx.URL(str(auth_url).rstrip("/") + TOKEN_PATH)
    except httpx.InvalidURL as exc:
        raise InvalidFieldError("auth_url", redact_url(str(auth_url)), str(exc)) from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidFieldError("auth_url", redact_url(url), "must be an http(s) URL with a host")
    return url


def _scope(value: object) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidFieldError("scope", value, "must be None or space-separated scope names")
    return value


def _seconds(field: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidFieldError(field, value, "must be a number of seconds >= 0")
    return float(value)


class RouteeAuth(httpx.Auth):
    """Bearer tokens from ``POST {auth_url}/oauth/token``, cached until shortly before expiry.

    The token request sends ``Authorization: Basic base64(app_id:app_secret)`` and the form
    ``grant_type=client_credentials`` (plus ``scope`` when given). A token is reused until
    ``expires_in`` minus a margin (``margin`` seconds, at most a tenth of the lifetime) has
    passed on ``clock`` (seconds, monotonic by default).

    On a 401 or 403 the flow fetches a new token once and resends the request; a second 401
    or 403 is returned as is (the caller raises `AuthenticationError`), never refreshed in a
    loop. Concurrent sync threads share one token fetch, and so do concurrent async tasks.

    A failed token request raises `AuthenticationError` (for 4xx other than 429, whatever
    the status) or the status's own error (429, 5xx), built from the error body; a 2xx body
    without a usable token raises `ResponseValidationError`. Neither the secret nor a token
    appears in a ``repr``, an error message or a log line.
    """

    def __init__(
        self,
        app_id: str,
        app_secret: str,
        *,
        auth_url: str = DEFAULT_AUTH_URL,
        scope: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        margin: float = EXPIRY_MARGIN,
    ) -> None:
        if ":" in _check_credential("app_id", app_id):
            raise InvalidFieldError("app_id", app_id, "must not contain ':' (HTTP Basic)")
        _check_credential("app_secret", app_secret)
        if not callable(clock):
            raise InvalidFieldError("clock", clock, "must be a callable returning seconds")
        self.app_id = app_id
        self.token_url = _token_url(auth_url)
        self.scope = _scope(scope)
        credentials = base64.b64encode(f"{app_id}:{app_secret}".encode()).decode("ascii")
        self._basic = f"Basic {credentials}"
        self._secret = app_secret
        self._clock = clock
        self._margin = _seconds("margin", margin)
        self._token: _Token | None = None
        self._state_lock = threading.Lock()  # guards _token; never held across I/O
        self._sync_lock = threading.Lock()  # one token fetch at a time among threads
        self._async_lock = anyio.Lock()  # ... and among tasks

    def __repr__(self) -> str:
        url = redact_url(self.token_url)
        return f"RouteeAuth(app_id={self.app_id!r}, token_url={url!r}, app_secret='***')"

    def invalidate(self) -> None:
        """Forget the cached token; the next request fetches a new one."""
        with self._state_lock:
            self._token = None

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Authorize ``request``; fetch a token first if none is cached or it is stale."""
        stale: str | None = None
        for attempt in range(2):
            token = self._usable(stale)
            if token is None:
                with self._sync_lock:
                    token = self._usable(stale)  # another thread may have just fetched one
                    if token is None:
                        _LOG.debug("fetching a token: POST %s", self.token_url.path)
                        answer = yield self._token_request(request)
                        answer.read()
                        token = self._store(answer)
            response = yield self._authorize(request, token)
            if attempt or response.status_code not in _REFRESH_STATUSES:
                return
            _LOG.debug(
                "HTTP %d with a cached token: fetching a new one, once", response.status_code
            )
            stale = token

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Authorize ``request`` like `sync_auth_flow`, for async clients."""
        stale: str | None = None
        for attempt in range(2):
            token = self._usable(stale)
            if token is None:
                async with self._async_lock:
                    token = self._usable(stale)
                    if token is None:
                        _LOG.debug("fetching a token: POST %s", self.token_url.path)
                        answer = yield self._token_request(request)
                        await answer.aread()
                        token = self._store(answer)
            response = yield self._authorize(request, token)
            if attempt or response.status_code not in _REFRESH_STATUSES:
                return
            _LOG.debug(
                "HTTP %d with a cached token: fetching a new one, once", response.status_code
            )
            stale = token

    def _usable(self, stale: str | None) -> str | None:
        """Return the cached token unless it is missing, expired or the one that just failed."""
        with self._state_lock:
            token = self._token
        if token is None or token.value == stale or self._clock() >= token.expires_at:
            return None
        return token.value

    def _cached_value(self) -> str | None:
        with self._state_lock:
            return None if self._token is None else self._token.value

    def _authorize(self, request: httpx.Request, token: str) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token}"
        # A server that echoes the app secret in an API error must not get it into a message.
        request.extensions[CREDENTIALS_EXTENSION] = {"Authorization": self._basic}
        return request

    def _token_request(self, template: httpx.Request) -> httpx.Request:
        form = {"grant_type": "client_credentials"}
        if self.scope is not None:
            form["scope"] = self.scope
        # The API request's timeouts; a hand-built request would otherwise have none.
        extensions = {k: v for k, v in template.extensions.items() if k == "timeout"}
        return httpx.Request(
            "POST",
            self.token_url,
            headers={"Authorization": self._basic, "Accept": "application/json"},
            data=form,
            extensions=extensions,
        )

    def _store(self, response: httpx.Response) -> str:
        """Cache the token in a successful token response and return it; raise otherwise."""
        if not response.is_success:
            raise self._token_error(response)
        value, lifetime = _read_token(response)
        expires_at = self._clock() + lifetime - min(self._margin, lifetime / 10)
        with self._state_lock:
            self._token = _Token(value, expires_at)
        return value

    def _token_error(self, response: httpx.Response) -> Exception:
        try:
            body = parse_error(response)
        except Exception:  # not JSON, or an unexpected shape: the core's generic reading
            body = default_error_parser(response)
        error = make_status_error(
            PROVIDER,
            response,
            code=body.code,
            message=f"token request failed: {body.message or response.reason_phrase}",
            details=body.details,
            request_id=body.request_id,
            secrets=[self._secret, self._cached_value()],
        )
        status = response.status_code
        if 400 <= status < 500 and status != 429 and not isinstance(error, AuthenticationError):
            # The credentials or the grant were refused: for the caller that is an auth failure.
            error = AuthenticationError(
                error.message,
                provider=PROVIDER,
                status_code=status,
                code=error.code,
                details=error.details,
                request_id=error.request_id,
                response=response,
            )
        return error


def _read_token(response: httpx.Response) -> tuple[str, float]:
    """Return the token and its lifetime in seconds from a token response.

    Reasons name the problem, never the body: it holds the token.
    """

    def invalid(reason: str) -> ResponseValidationError:
        return ResponseValidationError(
            provider=PROVIDER,
            operation=_OPERATION,
            reason=reason,
            status_code=response.status_code,
        )

    try:
        body = response.json()
    except ValueError:
        raise invalid("token response is not JSON") from None
    if not isinstance(body, dict):
        raise invalid("token response is not a JSON object")
    value, lifetime = body.get("access_token"), body.get("expires_in")
    if not isinstance(value, str) or not value or not value.isprintable() or " " in value:
        raise invalid("access_token is missing or not a usable bearer token")
    if isinstance(lifetime, bool) or not isinstance(lifetime, int | float):
        raise invalid(f"expires_in must be a number of seconds, got {type(lifetime).__name__}")
    if not math.isfinite(lifetime) or lifetime < 0:
        raise invalid(f"expires_in must be >= 0 seconds, got {lifetime!r}")
    return value, float(lifetime)
