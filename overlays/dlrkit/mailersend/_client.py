"""`client`: a generated MailerSend client with dlrkit's auth, timeout and retries."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any

import httpx
from dlrkit_mailersend_api.client import AuthenticatedClient

from dlrkit._asgi import ASGIApp
from dlrkit._client import build_client
from dlrkit._constants import DEFAULT_MAX_RETRIES, DEFAULT_RETRY_AFTER_CAP, DEFAULT_TIMEOUT

__all__ = ["DEFAULT_BASE_URL", "client"]

DEFAULT_BASE_URL = "https://api.mailersend.com/v1"


def client(
    token: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    retry_after_cap: float = DEFAULT_RETRY_AFTER_CAP,
    headers: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    app: ASGIApp | None = None,
    verify: ssl.SSLContext | str | bool = True,
    httpx_args: Mapping[str, Any] | None = None,
) -> AuthenticatedClient:
    """Return a MailerSend client sending ``Authorization: Bearer <token>``.

    Retries GET and PUT (idempotent) on 429/5xx up to ``max_retries`` times (0 = off),
    honouring ``Retry-After`` up to ``retry_after_cap`` seconds. ``app`` serves a reference
    server in-process (``dlrkit_servers.create_app("mailersend", ...).app``); ``transport`` /
    ``async_transport`` replace the connection pools. ``repr`` never shows the token, and a
    bad setting raises `InvalidFieldError` naming it.
    """
    return build_client(
        AuthenticatedClient,
        base_url=base_url,
        token=token,
        prefix="Bearer",
        headers=headers,
        timeout=timeout,
        max_retries=max_retries,
        retry_after_cap=retry_after_cap,
        transport=transport,
        async_transport=async_transport,
        app=app,
        verify=verify,
        httpx_args=httpx_args,
    )
