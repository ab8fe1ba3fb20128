"""`build_client`: a generated ``AuthenticatedClient`` with dlrkit's transport settings.

The generated class is never edited: `build_client` instantiates a thin subclass whose only
change is a ``repr`` without the token, and passes timeout, auth and a `RetryTransport`
through the generated ``httpx_args``, which the generated code hands to both
``httpx.Client`` and ``httpx.AsyncClient``.
"""

from __future__ import annotations

import functools
import math
import ssl
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypedDict, TypeVar, cast

import httpx

from dlrkit import _constants as c
from dlrkit._asgi import ASGIApp, SyncASGITransport
from dlrkit._errors import InvalidFieldError
from dlrkit._recorder import install
from dlrkit._redact import redact_url
from dlrkit._transport import RetryPolicy, RetryTransport


class GeneratedClient(Protocol):
    """What dlrkit uses of a generated ``AuthenticatedClient``."""

    token: str
    prefix: str
    auth_header_name: str

    def get_httpx_client(self) -> httpx.Client: ...
    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


ClientT = TypeVar("ClientT", bound=GeneratedClient)


class ClientOptions(TypedDict, total=False):
    """The connection settings every provider's ``client()`` accepts, as in `build_client`.

    ``timeout`` (default 30 s, 5 s to connect), ``max_retries`` (default 3, 0 = off),
    ``retry_after_cap`` (longest ``Retry-After`` waited for, default 60 s), extra
    ``headers``, ``transport`` / ``async_transport`` (replace the connection pools), ``app``
    (an ASGI app served in-process), ``verify`` (TLS) and raw ``httpx_args``.
    """

    timeout: httpx.Timeout | float | None
    max_retries: int
    retry_after_cap: float
    headers: Mapping[str, str] | None
    transport: httpx.BaseTransport | None
    async_transport: httpx.AsyncBaseTransport | None
    app: ASGIApp | None
    verify: ssl.SSLContext | str | bool
    httpx_args: Mapping[str, Any] | None


def build_client(
    client_cls: type[ClientT],
    *,
    base_url: str,
    token: str | None,
    prefix: str = "Bearer",
    auth_header_name: str = "Authorization",
    auth: httpx.Auth | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | float | None = c.DEFAULT_TIMEOUT,
    max_retries: int = c.DEFAULT_MAX_RETRIES,
    retry_after_cap: float = c.DEFAULT_RETRY_AFTER_CAP,
    safe_post_paths: Iterable[str] = (),
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    app: ASGIApp | None = None,
    verify: ssl.SSLContext | str | bool = True,
    httpx_args: Mapping[str, Any] | None = None,
) -> ClientT:
    """Return a ``client_cls`` instance that retries, times out and hides its token.

    Credentials: ``token`` is sent as ``{auth_header_name}: {prefix} {token}`` (no prefix
    when ``prefix`` is empty). ``auth`` is an `httpx.Auth` flow (OAuth, Basic...) that runs
    on every request; with it ``token`` may be None and no static header is sent.

    Transport: ``max_retries`` (0 = off), ``retry_after_cap`` and ``safe_post_paths``
    (paths under ``base_url`` whose POST only reads, e.g. ``"/sms/tracking"``) set the
    `RetryPolicy`. ``transport`` / ``async_transport`` replace the real connection pools
    (e.g. `httpx.MockTransport`, `httpx.ASGITransport`). ``app`` serves an ASGI app
    in-process for both: `httpx.ASGITransport` for async, `SyncASGITransport` for sync.

    Raises `InvalidFieldError` for a bad setting, here and not at the first request; its
    message never shows the token.
    """
    check_options(
        base_url=base_url,
        headers=headers,
        timeout=timeout,
        transport=transport,
        async_transport=async_transport,
        app=app,
        verify=verify,
        httpx_args=httpx_args,
    )
    if token is None and auth is None:
        raise InvalidFieldError("token", None, "give a token or an auth flow")
    if token is not None:
        _check_token(token)
    if app is not None:
        if transport is not None or async_transport is not None:
            raise InvalidFieldError("app", app, "give app or transport/async_transport, not both")
        transport, async_transport = SyncASGITransport(app), httpx.ASGITransport(app=app)
    policy = RetryPolicy(
        max_retries=max_retries,
        retry_after_cap=retry_after_cap,
        safe_post_paths=[_full_path(base_url, path) for path in safe_post_paths],
    )
    args = {
        **(httpx_args or {}),
        "transport": RetryTransport(
            policy, transport=transport, async_transport=async_transport, verify=verify
        ),
    }
    if auth is not None:
        args["auth"] = auth
    cls = cast(Any, _redacting_subclass(client_cls))
    client = cls(
        base_url=base_url,
        token="" if token is None else token,
        prefix="" if token is None else prefix,
        auth_header_name=auth_header_name,
        headers=dict(headers or {}),
        timeout=timeout if isinstance(timeout, httpx.Timeout | None) else httpx.Timeout(timeout),
        verify_ssl=verify,
        httpx_args=args,
    )
    return cast(ClientT, client)


def check_base_url(base_url: object) -> str:
    """Return ``base_url`` if it is an ``http(s)://host...`` URL; else raise `InvalidFieldError`."""
    if isinstance(base_url, str):
        try:
            url = httpx.URL(base_url)
        except httpx.InvalidURL:
            url = None
        if url is not None and url.scheme in ("http", "https") and url.host:
            return base_url
    shown = _redacted_url(base_url) if isinstance(base_url, str) else base_url
    raise InvalidFieldError("base_url", shown, "must be an http:// or https:// URL")


def _redacted_url(text: str) -> str:
    try:
        return redact_url(text)
    except (httpx.InvalidURL, TypeError):
        return "<not a URL>"


def check_headers(headers: object) -> None:
    """Raise `InvalidFieldError` unless ``headers`` is None or a mapping of str to str."""
    # Header values may be credentials: messages show a key and a type, never a value.
    if headers is None:
        return
    if not isinstance(headers, Mapping):
        raise InvalidFieldError("headers", _kind(headers), "must be a mapping of str to str")
    for key, value in headers.items():
        if not isinstance(key, str) or not isinstance(value, str):
            field = f"headers[{key!r}]" if isinstance(key, str) else "headers"
            raise InvalidFieldError(field, _kind(value), "must be a mapping of str to str")


def check_options(
    *,
    base_url: object,
    headers: object,
    timeout: object,
    transport: object,
    async_transport: object,
    app: object,
    verify: object,
    httpx_args: object,
) -> None:
    """Raise `InvalidFieldError` for the first `ClientOptions` value of the wrong kind.

    httpx checks none of these until the first request (a string timeout fails deep inside
    ``socket``), so every ``client()`` checks them here, when the client is built.
    """
    check_base_url(base_url)
    if timeout is not None and not isinstance(timeout, httpx.Timeout) and not _seconds(timeout):
        raise InvalidFieldError("timeout", timeout, "must be seconds > 0, an httpx.Timeout or None")
    check_headers(headers)
    if transport is not None and not isinstance(transport, httpx.BaseTransport):
        raise InvalidFieldError("transport", transport, "must be an httpx.BaseTransport")
    if async_transport is not None and not isinstance(async_transport, httpx.AsyncBaseTransport):
        raise InvalidFieldError(
            "async_transport", async_transport, "must be an httpx.AsyncBaseTransport"
        )
    if app is not None and not callable(app):
        raise InvalidFieldError("app", app, "must be an ASGI app (a callable)")
    if not isinstance(verify, bool | str | ssl.SSLContext):
        raise InvalidFieldError(
            "verify", verify, "must be a bool, a CA bundle path or an SSLContext"
        )
    if httpx_args is not None and not isinstance(httpx_args, Mapping):
        raise InvalidFieldError("httpx_args", _kind(httpx_args), "must be a mapping")


def _seconds(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


class _Kind:
    """Stands for a rejected value that may hold a secret: its repr is only its type."""

    def __init__(self, value: object) -> None:
        self.name = type(value).__name__

    def __repr__(self) -> str:
        return f"<a {self.name}>"


def _kind(value: object) -> _Kind:
    return _Kind(value)


def _check_token(token: object) -> None:
    # Messages here never include the value: it is the secret.
    if not isinstance(token, str) or not token.strip():
        raise InvalidFieldError("token", "<hidden>", "must be a non-empty string")
    if not token.isprintable() or token != token.strip():
        raise InvalidFieldError(
            "token", "<hidden>", "has spaces at an end or unprintable characters"
        )


def _full_path(base_url: str, path: str) -> str:
    """Join a path under ``base_url`` the way httpx does (``/v1`` + ``/x`` = ``/v1/x``)."""
    return httpx.URL(base_url).path.rstrip("/") + "/" + path.lstrip("/")


def _client_repr(self: GeneratedClient) -> str:
    base_url = getattr(self, "_base_url", "?")
    return f"{type(self).__name__}(base_url={redact_url(base_url)!r}, token='***')"


def _drop_empty_auth_header(self: GeneratedClient, headers: httpx.Headers) -> None:
    # Without a token the generated code still sets the header, empty; `auth` supplies it.
    if not self.token and headers.get(self.auth_header_name) == "":
        del headers[self.auth_header_name]


@functools.cache
def _redacting_subclass(client_cls: type[Any]) -> type[Any]:
    """Return a subclass of a generated client whose ``repr`` hides the token."""

    def get_httpx_client(self: GeneratedClient) -> httpx.Client:
        client: httpx.Client = client_cls.get_httpx_client(self)
        _drop_empty_auth_header(self, client.headers)
        install(client)
        return client

    def get_async_httpx_client(self: GeneratedClient) -> httpx.AsyncClient:
        client: httpx.AsyncClient = client_cls.get_async_httpx_client(self)
        _drop_empty_auth_header(self, client.headers)
        install(client)
        return client

    return type(
        client_cls.__name__,
        (client_cls,),
        {
            "__slots__": (),
            "__module__": __name__,
            "__qualname__": client_cls.__qualname__,
            "__doc__": client_cls.__doc__,
            "__repr__": _client_repr,
            "get_httpx_client": get_httpx_client,
            "get_async_httpx_client": get_async_httpx_client,
        },
    )
