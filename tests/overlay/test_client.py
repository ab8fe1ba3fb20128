from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Awaitable, Callable, Generator, MutableMapping
from typing import Any

import httpx
import pytest
from dlrkit import InvalidFieldError
from dlrkit._asgi import SyncASGITransport
from dlrkit._client import build_client
from dlrkit._constants import DEFAULT_TIMEOUT

from overlay.fakes import TOKEN

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


async def echo_app(scope: Message, receive: Receive, send: Send) -> None:
    """Answer with the method, path and headers it saw."""
    body = {
        "method": scope["method"],
        "path": scope["path"],
        "headers": {k.decode(): v.decode() for k, v in scope["headers"]},
    }
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": json.dumps(body).encode()})


async def gzip_app(scope: Message, receive: Receive, send: Send) -> None:
    """Answer with a gzip-encoded body."""
    headers = [(b"content-encoding", b"gzip")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": gzip.compress(b"hello")})


def _recorder() -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503 if len(seen) == 1 else 200, json={})

    return httpx.MockTransport(handler), seen


def test_repr_hides_the_token(client_cls: type[Any]) -> None:
    """Repr and str of a built client, and of its copies, never show the token."""
    client = build_client(client_cls, base_url="https://api.test/v1", token=TOKEN)
    for text in (repr(client), str(client), repr(client.with_headers({"X-A": "b"}))):
        assert TOKEN not in text
        assert "https://api.test/v1" in text
    assert isinstance(client, client_cls)


def test_token_is_sent_with_prefix(client_cls: type[Any]) -> None:
    """The token goes in the configured header with the configured prefix."""
    transport, seen = _recorder()
    client = build_client(
        client_cls, base_url="https://api.test", token=TOKEN, prefix="App", transport=transport
    )
    client.get_httpx_client().get("/x")
    assert seen[-1].headers["Authorization"] == f"App {TOKEN}"


def test_header_without_prefix(client_cls: type[Any]) -> None:
    """An empty prefix sends the bare token in a custom header."""
    transport, seen = _recorder()
    client = build_client(
        client_cls,
        base_url="https://api.test",
        token=TOKEN,
        prefix="",
        auth_header_name="x-api-key",
        transport=transport,
    )
    client.get_httpx_client().get("/x")
    assert seen[-1].headers["x-api-key"] == TOKEN
    assert "Authorization" not in seen[-1].headers


class _StaticBearer(httpx.Auth):
    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = "Bearer from-flow"
        yield request


def test_auth_flow_without_token(client_cls: type[Any]) -> None:
    """With an auth flow and no token, only the flow's credentials are sent."""
    transport, seen = _recorder()
    client = build_client(
        client_cls,
        base_url="https://api.test",
        token=None,
        auth_header_name="X-Token",
        auth=_StaticBearer(),
        transport=transport,
    )
    client.get_httpx_client().get("/x")
    assert seen[-1].headers["Authorization"] == "Bearer from-flow"
    assert "X-Token" not in seen[-1].headers


def test_default_and_custom_timeouts(client_cls: type[Any]) -> None:
    """The default timeout applies unless overridden, and a number becomes an httpx.Timeout."""
    default = build_client(client_cls, base_url="https://api.test", token=TOKEN)
    custom = build_client(client_cls, base_url="https://api.test", token=TOKEN, timeout=2.5)
    assert default.get_httpx_client().timeout == DEFAULT_TIMEOUT
    assert custom.get_async_httpx_client().timeout == httpx.Timeout(2.5)


def test_retries_are_on_by_default(client_cls: type[Any]) -> None:
    """A built client retries a 503 on GET."""
    transport, seen = _recorder()
    client = build_client(client_cls, base_url="https://api.test", token=TOKEN, transport=transport)
    assert client.get_httpx_client().get("/x").status_code == 200
    assert len(seen) == 2


def test_safe_post_paths_are_relative_to_base_url(client_cls: type[Any]) -> None:
    """A whitelisted POST path is matched under the base URL's own path."""
    transport, seen = _recorder()
    client = build_client(
        client_cls,
        base_url="https://api.test/v1/",
        token=TOKEN,
        safe_post_paths=["/sms/tracking"],
        transport=transport,
    )
    assert client.get_httpx_client().post("/sms/tracking", json={}).status_code == 200
    assert [r.url.path for r in seen] == ["/v1/sms/tracking"] * 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"token": None}, "token"),
        ({"token": ""}, "token"),
        ({"token": f"{TOKEN}\r\nX-Evil: 1"}, "token"),
        ({"token": f" {TOKEN}"}, "token"),
        ({"token": TOKEN, "max_retries": -1}, "max_retries"),
        ({"token": TOKEN, "app": echo_app, "transport": httpx.BaseTransport()}, "app"),
    ],
)
def test_bad_settings_are_clear_and_hide_the_token(
    client_cls: type[Any], kwargs: dict[str, Any], field: str
) -> None:
    """Bad settings raise InvalidFieldError naming the setting, never showing the token."""
    with pytest.raises(InvalidFieldError) as info:
        build_client(client_cls, base_url="https://api.test", **kwargs)
    assert info.value.field == field
    assert TOKEN not in str(info.value)
    assert TOKEN not in repr(info.value.value)


def test_app_serves_sync_and_async_in_process(client_cls: type[Any]) -> None:
    """app= runs an ASGI app in-process for both the sync and the async client."""
    client = build_client(client_cls, base_url="http://test/v1", token=TOKEN, app=echo_app)
    with client:
        sync_body = client.get_httpx_client().get("/ping").json()

    async def run() -> Any:
        async with client:
            return (await client.get_async_httpx_client().put("/ping")).json()

    async_body = asyncio.run(run())
    assert (sync_body["method"], async_body["method"]) == ("GET", "PUT")
    assert sync_body["path"] == async_body["path"] == "/v1/ping"
    assert sync_body["headers"]["authorization"] == f"Bearer {TOKEN}"


def test_sync_asgi_transport_passes_raw_encoded_body() -> None:
    """A gzip-encoded app response is decoded once, by the client."""
    with httpx.Client(transport=SyncASGITransport(gzip_app), base_url="http://test") as client:
        assert client.get("/").text == "hello"


def test_sync_asgi_transport_times_out_instead_of_hanging() -> None:
    """An app that never answers raises httpx.ReadTimeout after the read timeout."""

    async def hanging_app(scope: Message, receive: Receive, send: Send) -> None:
        await asyncio.Event().wait()

    transport = SyncASGITransport(hanging_app)
    with (
        httpx.Client(transport=transport, base_url="http://test", timeout=0.05) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.get("/")


def test_sync_asgi_transport_restarts_after_close() -> None:
    """A closed SyncASGITransport starts a fresh loop on the next request."""
    transport = SyncASGITransport(echo_app)
    client = httpx.Client(transport=transport, base_url="http://test")
    assert client.get("/a").status_code == 200
    transport.close()
    assert client.get("/b").json()["path"] == "/b"
    client.close()


def test_repr_masks_base_url_password(client_cls: type[Any]) -> None:
    """Credentials in the base URL are masked in the client's repr."""
    client = build_client(client_cls, base_url="https://user:hunter22@api.test", token=TOKEN)
    assert "hunter22" not in repr(client)
