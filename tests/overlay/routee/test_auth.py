from __future__ import annotations

import asyncio
import base64
import logging
import threading
from datetime import timedelta
from urllib.parse import parse_qs

import httpx
import pytest
from dlrkit import (
    AuthenticationError,
    InternalServerError,
    InvalidFieldError,
    PermissionDeniedError,
    ResponseValidationError,
    routee,
)
from dlrkit_servers.routee import create_server

from overlay.routee.conftest import NOW
from overlay.routee.fakes import APP_ID, APP_SECRET, BASE, TOKEN_PREFIX, Clock, FakeRoutee


def _basic(request: httpx.Request) -> str:
    scheme, _, encoded = request.headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    return base64.b64decode(encoded).decode()


def test_many_calls_fetch_one_token() -> None:
    """Twenty calls share one cached token: exactly one token request."""
    fake = FakeRoutee()
    api = fake.client()
    for _ in range(20):
        routee.get_sms_tracking(api, "m-1")
    assert len(fake.token_requests) == 1
    assert fake.api_tokens == [f"{TOKEN_PREFIX}-1"] * 20


def test_sync_and_async_share_the_token() -> None:
    """A token fetched by the sync client is reused by the async one."""
    fake = FakeRoutee()
    api = fake.client()
    routee.get_sms_tracking(api, "m-1")
    asyncio.run(routee.aget_sms_tracking(api, "m-1"))
    assert len(fake.token_requests) == 1


def test_token_request_shape() -> None:
    """The token request is Basic app_id:app_secret with grant_type (and scope) as a form."""
    fake = FakeRoutee()
    routee.get_sms_tracking(fake.client(scope="sms report"), "m-1")
    (request,) = fake.token_requests
    assert request.method == "POST"
    assert str(request.url) == f"{BASE}/oauth/token"
    assert _basic(request) == f"{APP_ID}:{APP_SECRET}"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = parse_qs(request.content.decode())
    assert form == {"grant_type": ["client_credentials"], "scope": ["sms report"]}


def test_default_urls_are_routees() -> None:
    """Without overrides the API is connect.routee.net and tokens come from auth.routee.net."""
    fake = FakeRoutee()
    api = routee.client(APP_ID, APP_SECRET, transport=httpx.MockTransport(fake.handler))
    routee.get_sms_tracking(api, "m-1")
    assert str(fake.token_requests[0].url) == "https://auth.routee.net/oauth/token"
    assert fake.api_requests[0].url.host == "connect.routee.net"


def test_explicit_auth_url_wins() -> None:
    """An explicit auth_url is used even when base_url is overridden."""
    fake = FakeRoutee()
    routee.get_sms_tracking(fake.client(auth_url="https://login.test/base/"), "m-1")
    assert str(fake.token_requests[0].url) == "https://login.test/base/oauth/token"


@pytest.mark.parametrize("status", [401, 403])
def test_refresh_once_then_success(status: int) -> None:
    """A 401/403 on a cached token triggers exactly one refresh, and the retry succeeds."""
    fake = FakeRoutee()
    fake.reject_status = status
    api = fake.client()
    routee.get_sms_tracking(api, "m-1")
    fake.valid.clear()  # the server expired the token early
    assert routee.get_sms_tracking(api, "m-1") == []
    assert len(fake.token_requests) == 2
    assert fake.api_tokens == [f"{TOKEN_PREFIX}-1", f"{TOKEN_PREFIX}-1", f"{TOKEN_PREFIX}-2"]
    routee.get_sms_tracking(api, "m-1")
    assert len(fake.token_requests) == 2  # the new token is cached


@pytest.mark.parametrize(
    ("status", "error"), [(401, AuthenticationError), (403, PermissionDeniedError)]
)
def test_no_refresh_loop(status: int, error: type[Exception]) -> None:
    """A second 401/403 is returned as is: a typed error after at most two token fetches."""
    fake = FakeRoutee()
    fake.reject_status = status
    fake.valid = _NeverValid()
    with pytest.raises(error, match=f"{status}000001"):
        routee.get_sms_tracking(fake.client(), "m-1")
    assert len(fake.token_requests) == 2
    assert len(fake.api_requests) == 2


def test_no_refresh_loop_async() -> None:
    """The async flow also stops after one refresh."""
    fake = FakeRoutee()
    fake.valid = _NeverValid()
    with pytest.raises(AuthenticationError):
        asyncio.run(routee.aget_sms_tracking(fake.client(), "m-1"))
    assert len(fake.token_requests) == 2
    assert len(fake.api_requests) == 2


class _NeverValid(set[str]):
    """A token set that accepts nothing, whatever is added."""

    def __contains__(self, item: object) -> bool:
        return False


def test_expired_token_is_refetched() -> None:
    """A token is reused until expires_in minus the margin has passed, then refetched."""
    fake = FakeRoutee(expires_in=3600)
    clock = Clock()
    api = fake.client(clock=clock)
    routee.get_sms_tracking(api, "m-1")
    clock.now += 3600 - 60 - 0.001  # just inside the margin
    routee.get_sms_tracking(api, "m-1")
    assert len(fake.token_requests) == 1
    clock.now += 0.001
    routee.get_sms_tracking(api, "m-1")
    assert len(fake.token_requests) == 2
    assert fake.api_tokens[-1] == f"{TOKEN_PREFIX}-2"


def test_short_lifetime_uses_a_tenth_as_margin() -> None:
    """A 10-second token is renewed after 9 seconds, not treated as already expired."""
    fake = FakeRoutee(expires_in=10)
    clock = Clock()
    api = fake.client(clock=clock)
    routee.get_sms_tracking(api, "m-1")
    clock.now += 8.9
    routee.get_sms_tracking(api, "m-1")
    assert len(fake.token_requests) == 1
    clock.now += 0.1
    routee.get_sms_tracking(api, "m-1")
    assert len(fake.token_requests) == 2


def test_threads_share_one_token_fetch() -> None:
    """Eight threads starting together cause a single token request."""
    fake = FakeRoutee()
    fake.token_delay = 0.05
    api = fake.client()
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work() -> None:
        barrier.wait()
        try:
            routee.get_sms_tracking(api, "m-1")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(fake.token_requests) == 1
    assert len(fake.api_requests) == 8


def test_tasks_share_one_token_fetch() -> None:
    """Ten concurrent tasks cause a single token request."""
    fake = FakeRoutee()
    api = fake.client()

    async def main() -> None:
        await asyncio.gather(*(routee.aget_sms_tracking(api, "m-1") for _ in range(10)))

    asyncio.run(main())
    assert len(fake.token_requests) == 1
    assert len(fake.api_requests) == 10


def test_client_survives_several_event_loops() -> None:
    """One client works across successive asyncio.run calls (no loop-bound lock)."""
    fake = FakeRoutee(expires_in=0)  # every call fetches, so the lock is used each time
    api = fake.client()
    for _ in range(3):
        asyncio.run(routee.aget_sms_tracking(api, "m-1"))
    assert len(fake.token_requests) == 3


def test_bad_credentials_raise_authentication_error() -> None:
    """A refused token request raises AuthenticationError from the OAuth2 body."""
    fake = FakeRoutee()
    body = {"error": "invalid_client", "error_description": "Bad application credentials."}
    fake.token_response = lambda _: httpx.Response(401, json=body)
    with pytest.raises(AuthenticationError) as info:
        routee.get_sms_tracking(fake.client(), "m-1")
    assert info.value.status_code == 401
    assert info.value.code == "invalid_client"
    assert "token request failed: Bad application credentials." in str(info.value)
    assert fake.api_requests == []


def test_refused_grant_is_an_authentication_error() -> None:
    """A 400 from the token endpoint (bad scope...) is still an AuthenticationError."""
    fake = FakeRoutee()
    body = {"error": "invalid_scope", "error_description": "scope must be ..."}
    fake.token_response = lambda _: httpx.Response(400, json=body)
    with pytest.raises(AuthenticationError) as info:
        asyncio.run(routee.aget_sms_tracking(fake.client(), "m-1"))
    assert (info.value.status_code, info.value.code) == (400, "invalid_scope")


def test_token_endpoint_failure_keeps_its_class() -> None:
    """A 500 from the token endpoint is retried, then raised as InternalServerError."""
    fake = FakeRoutee()
    body = {"code": "500000000", "developerMessage": "Internal error."}
    fake.token_response = lambda _: httpx.Response(500, json=body)
    with pytest.raises(InternalServerError, match="500000000"):
        routee.get_sms_tracking(fake.client(max_retries=2), "m-1")
    assert len(fake.token_requests) == 3  # the token POST is retried like a read


def test_token_fetch_is_retried_on_503() -> None:
    """A transient 503 from the token endpoint is retried and then succeeds."""
    fake = FakeRoutee()
    fake.token_script = [httpx.Response(503)]
    assert routee.get_sms_tracking(fake.client(), "m-1") == []
    assert len(fake.token_requests) == 2


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"token_type": "Bearer", "expires_in": 3600}, "access_token is missing"),
        ({"access_token": "a b", "expires_in": 3600}, "not a usable bearer token"),
        ({"access_token": f"{TOKEN_PREFIX}-x"}, "expires_in must be a number"),
        ({"access_token": f"{TOKEN_PREFIX}-x", "expires_in": -1}, "expires_in must be >= 0"),
        ([f"{TOKEN_PREFIX}-x"], "not a JSON object"),
    ],
)
def test_unusable_token_response(body: object, reason: str) -> None:
    """A 2xx token body without a usable token raises ResponseValidationError, token-free."""
    fake = FakeRoutee()
    fake.token_response = lambda _: httpx.Response(200, json=body)
    with pytest.raises(ResponseValidationError, match=reason) as info:
        routee.get_sms_tracking(fake.client(), "m-1")
    assert info.value.operation == "get_access_token"
    assert TOKEN_PREFIX not in str(info.value)


def test_secrets_never_leak(caplog: pytest.LogCaptureFixture) -> None:
    """Secret and tokens stay out of reprs, error texts and logs, even when echoed back."""
    caplog.set_level(logging.DEBUG)
    fake = FakeRoutee()
    api = fake.client()
    routee.get_sms_tracking(api, "m-1")
    token = fake.api_tokens[0]

    def echo(request: httpx.Request) -> httpx.Response:
        text = f"{request.headers['Authorization']} / {APP_SECRET} / {token}"
        return httpx.Response(401, json={"error": "invalid_client", "error_description": text})

    fake.valid.clear()
    fake.token_response = echo
    with pytest.raises(AuthenticationError) as info:
        routee.get_sms_tracking(api, "m-1")
    auth = routee.RouteeAuth(APP_ID, APP_SECRET)
    texts = [repr(api), str(api), repr(auth), str(info.value), repr(info.value), caplog.text]
    assert "[REDACTED]" in str(info.value)
    encoded = base64.b64encode(f"{APP_ID}:{APP_SECRET}".encode()).decode()
    for text in texts:
        assert APP_SECRET not in text
        assert TOKEN_PREFIX not in text
        assert encoded not in text


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"app_id": ""}, "app_id"),
        ({"app_id": "a:b"}, "app_id"),
        ({"app_secret": ""}, "app_secret"),
        ({"app_secret": f" {APP_SECRET}"}, "app_secret"),
        ({"app_secret": f"{APP_SECRET}\n"}, "app_secret"),
        ({"scope": " "}, "scope"),
        ({"auth_url": "ftp://auth.test"}, "auth_url"),
        ({"auth_url": "https://"}, "auth_url"),
        ({"margin": -1}, "margin"),
    ],
)
def test_bad_settings_are_named_without_the_secret(kwargs: dict[str, object], field: str) -> None:
    """Bad credentials or settings raise InvalidFieldError naming the field, not the secret."""
    args: dict[str, object] = {"app_id": APP_ID, "app_secret": APP_SECRET, **kwargs}
    with pytest.raises(InvalidFieldError) as info:
        routee.client(**args)  # type: ignore[arg-type]
    assert info.value.field == field
    assert APP_SECRET not in str(info.value)


def test_in_process_server_serves_tokens_and_api() -> None:
    """With app=, the token and API calls both reach the in-process reference server."""
    server = create_server(app_id=APP_ID, app_secret=APP_SECRET, now=NOW, messages=20)
    api = routee.client(APP_ID, APP_SECRET, base_url=BASE, app=server.app)
    message_id = server.sample_ids["get_sms_tracking"][0]
    assert routee.get_sms_tracking(api, message_id)
    assert asyncio.run(routee.aget_sms_tracking(api, message_id))
    assert len(server.tokens) == 1


def test_server_side_expiry_refreshes_once() -> None:
    """When the reference server expires a token the client still holds, one refresh fixes it."""
    server_now = [NOW]
    server = create_server(
        app_id=APP_ID,
        app_secret=APP_SECRET,
        now=NOW,
        messages=20,
        token_ttl=60,
        clock=lambda: server_now[0],
    )
    api = routee.client(APP_ID, APP_SECRET, base_url=BASE, app=server.app, clock=Clock())
    message_id = server.sample_ids["get_sms_tracking"][0]
    routee.get_sms_tracking(api, message_id)
    server_now[0] = NOW + timedelta(seconds=61)  # the client's clock has not moved
    assert routee.get_sms_tracking(api, message_id)
    assert len(server.tokens) == 1  # the expired one was dropped when the new one was issued


def test_wrong_secret_against_the_server() -> None:
    """The reference server's refusal of bad credentials is an AuthenticationError."""
    server = create_server(app_id=APP_ID, app_secret=APP_SECRET, now=NOW, messages=5)
    api = routee.client(APP_ID, "not-the-secret", base_url=BASE, app=server.app)
    with pytest.raises(AuthenticationError, match="invalid_client"):
        routee.get_sms_tracking(api, "m-1")


def test_invalidate_forces_a_new_token() -> None:
    """RouteeAuth.invalidate drops the cached token."""
    fake = FakeRoutee()
    auth = routee.RouteeAuth(APP_ID, APP_SECRET, auth_url=BASE)
    http = httpx.Client(auth=auth, transport=httpx.MockTransport(fake.handler))
    http.get(f"{BASE}/sms/tracking/single/m-1")
    auth.invalidate()
    http.get(f"{BASE}/sms/tracking/single/m-1")
    assert len(fake.token_requests) == 2
