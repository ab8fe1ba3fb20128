"""`client()`: an Infobip client with ``Authorization: App <api_key>`` on the account's host."""

from __future__ import annotations

from typing import Unpack

import httpx
from dlrkit_infobip_api.client import AuthenticatedClient

from dlrkit._client import ClientOptions, build_client
from dlrkit._errors import InvalidFieldError

#: Infobip's shared host. Each account also has a personal one (``xxxxx.api.infobip.com``,
#: shown in the portal), which Infobip recommends.
DEFAULT_BASE_URL = "https://api.infobip.com"


def _base_url(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidFieldError("base_url", value, "must be a URL or host name")
    # The portal shows a bare host; Infobip's SDKs add the scheme too.
    url = value.strip() if "://" in value else f"https://{value.strip()}"
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL:
        host = ""
    if not host:
        raise InvalidFieldError("base_url", value, "must be a URL or host name")
    return url


def client(
    api_key: str, *, base_url: str = DEFAULT_BASE_URL, **options: Unpack[ClientOptions]
) -> AuthenticatedClient:
    """Return an Infobip client: ``Authorization: App <api_key>``, default timeout and retries.

    ``base_url`` should be the account's personal base URL (``https://xxxxx.api.infobip.com``
    or the bare host); the default is the shared `DEFAULT_BASE_URL`. ``options`` are the
    core's connection settings (`dlrkit._client.ClientOptions`): ``max_retries=0`` turns
    retries off; ``app`` serves a reference server in-process.

    Raises `InvalidFieldError` for a bad setting; no message or ``repr`` shows the key.
    """
    return build_client(
        AuthenticatedClient, base_url=_base_url(base_url), token=api_key, prefix="App", **options
    )
