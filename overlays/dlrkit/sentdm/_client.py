"""`client()`: a sent.dm v3 client with the ``x-api-key`` header and an optional profile."""

from __future__ import annotations

import re
from typing import Unpack

from dlrkit_sentdm_api.client import AuthenticatedClient

from dlrkit._client import ClientOptions, build_client, check_headers
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
    **options: Unpack[ClientOptions],
) -> AuthenticatedClient:
    """Return a sent.dm client: ``x-api-key: <api_key>``, default timeout and retries.

    ``profile_id`` (a UUID; organization keys only) is sent as ``x-profile-id`` on every
    request, scoping it to that child profile. ``options`` are the core's connection
    settings (`dlrkit._client.ClientOptions`): ``max_retries=0`` turns retries off; ``app``
    serves a reference server in-process.

    Raises `InvalidFieldError` for a bad setting; no message or ``repr`` shows the key.
    """
    if profile_id is not None:
        check_headers(options.get("headers"))  # before it is merged below
        profile = {PROFILE_HEADER: check_profile_id(profile_id)}
        options["headers"] = {**(options.get("headers") or {}), **profile}
    return build_client(
        AuthenticatedClient,
        base_url=base_url,
        token=api_key,
        prefix="",
        auth_header_name="x-api-key",
        **options,
    )
