"""`client`: a generated MailerSend client with dlrkit's auth, timeout and retries."""

from __future__ import annotations

from typing import Unpack

from dlrkit_mailersend_api.client import AuthenticatedClient

from dlrkit._client import ClientOptions, build_client

__all__ = ["DEFAULT_BASE_URL", "client"]

DEFAULT_BASE_URL = "https://api.mailersend.com/v1"


def client(
    token: str, *, base_url: str = DEFAULT_BASE_URL, **options: Unpack[ClientOptions]
) -> AuthenticatedClient:
    """Return a MailerSend client sending ``Authorization: Bearer <token>``.

    ``options`` are the core's connection settings (`dlrkit._client.ClientOptions`): GET and
    PUT are retried on 429/5xx up to ``max_retries`` times (0 = off), honouring
    ``Retry-After`` up to ``retry_after_cap`` seconds; ``app`` serves a reference server
    in-process (``dlrkit_servers.create_app("mailersend", ...).app``). ``repr`` never shows
    the token, and a bad setting raises `InvalidFieldError` naming it.
    """
    return build_client(
        AuthenticatedClient, base_url=base_url, token=token, prefix="Bearer", **options
    )
