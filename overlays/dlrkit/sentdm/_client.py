"""`client()`: a sent.dm v3 client with the ``x-api-key`` header and an optional profile."""

from __future__ import annotations

import re

import httpx
from dlrkit_sentdm_api.client import AuthenticatedClient

from dlrkit._asgi import ASGIApp
from dlrkit._client import build_client
from dlrkit._constants import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from dlrkit._errors import InvalidFieldError

DEFAULT_BASE_URL = "https://api.sent.dm"
PROFILE_HEADER = "x-profile-id"
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def check_profile_id(profile_id: object, *, field: str = "profile_id") -> str:
    """Return ``profile_id`` if it is a hyphenated UUID string, else raise `InvalidFieldError`."""
    if not isinstance(profile_id, str) or not _UUID.fullmatch(profile_id):
        reason = "must be a profile UUID like 123e4567-e89b-12d3-a456-426614174000"
        raise InvalidFieldError(field, profile_id, reason)
    return profile_id


def client(
    api_key: str,
    profile_id: str | None = None,
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    app: ASGIApp | None = None,
) -> AuthenticatedClient:
    """Return a sent.dm client: ``x-api-key: <api_key>``, default timeout and retries.

    ``profile_id`` (a UUID; organization keys only) is sent as ``x-profile-id`` on every
    request, scoping it to that child profile. ``max_retries=0`` turns retries off;
    ``app`` serves a reference server in-process (see `dlrkit._client.build_client`).

    Raises `InvalidFieldError` for a bad setting; no message or ``repr`` shows the key.
    """
    headers = {} if profile_id is None else {PROFILE_HEADER: check_profile_id(profile_id)}
    return build_client(
        AuthenticatedClient,
        base_url=base_url,
        token=api_key,
        prefix="",
        auth_header_name="x-api-key",
        headers=headers,
        timeout=timeout,
        max_retries=max_retries,
        transport=transport,
        async_transport=async_transport,
        app=app,
    )
