"""`client()`: a generated Routee client with OAuth2 auth, timeouts and retries."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Unpack

import httpx
from dlrkit_routee_api.client import AuthenticatedClient

from dlrkit._client import ClientOptions, build_client, check_base_url
from dlrkit.routee._auth import DEFAULT_AUTH_URL, EXPIRY_MARGIN, RouteeAuth

__all__ = ["DEFAULT_BASE_URL", "client"]

DEFAULT_BASE_URL = "https://connect.routee.net"
# POST /sms/tracking only reads, so it may be resent like a GET.
_TRACKING_PATH = "/sms/tracking"


def client(
    app_id: str,
    app_secret: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    auth_url: str | None = None,
    scope: str | None = None,
    clock: Callable[[], float] = time.monotonic,
    margin: float = EXPIRY_MARGIN,
    **options: Unpack[ClientOptions],
) -> AuthenticatedClient:
    """Return a Routee client that fetches, caches and refreshes its OAuth2 token.

    ``app_id`` / ``app_secret`` are the Routee application's credentials; ``scope`` narrows
    the token's permissions. Tokens come from ``{auth_url}/oauth/token``: by default
    ``https://auth.routee.net``, or ``base_url`` itself when ``base_url`` is overridden (a
    reference server or sandbox serves both on one host). See `RouteeAuth` for caching
    (``clock``, ``margin``) and the refresh-once rule.

    ``options`` are the core's connection settings (`dlrkit._client.ClientOptions`);
    ``app`` (an in-process ASGI app) serves the API and token calls alike.
    ``POST /sms/tracking`` and the token request are retried like reads. ``repr`` never
    shows the secret or a token.
    """
    check_base_url(base_url)  # before it is read below
    if auth_url is None:
        auth_url = DEFAULT_AUTH_URL if _same_url(base_url, DEFAULT_BASE_URL) else base_url
    auth = RouteeAuth(
        app_id, app_secret, auth_url=auth_url, scope=scope, clock=clock, margin=margin
    )
    return build_client(
        AuthenticatedClient,
        base_url=base_url,
        token=None,
        auth=auth,
        safe_post_paths=_safe_paths(base_url, auth.token_url),
        **options,
    )


def _same_url(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


def _safe_paths(base_url: str, token_url: httpx.URL) -> list[str]:
    """Return the POST paths to retry, relative to ``base_url`` as the core expects them."""
    paths = [_TRACKING_PATH]
    # A token request has no effect beyond issuing a token, so resending it is harmless.
    # The core matches paths under base_url only; a token path elsewhere is left out.
    base_path = httpx.URL(base_url).path.rstrip("/")
    if token_url.path.startswith(base_path + "/"):
        paths.append(token_url.path[len(base_path) :])
    return paths
