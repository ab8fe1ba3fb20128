from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from dlrkit import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    ResponseValidationError,
    routee,
)
from dlrkit_routee_api.client import AuthenticatedClient
from dlrkit_servers.routee import RouteeServer

from overlay.routee.conftest import NOW
from overlay.routee.fakes import APP_ID, APP_SECRET, BASE, FakeRoutee

TRACKING_NOT_FOUND = {"code": "404005000", "developerMessage": "Tracking not found."}


def _answer(status: int, body: Any = None, **kwargs: Any) -> FakeRoutee:
    fake = FakeRoutee()
    fake.api_response = lambda _: httpx.Response(status, json=body, **kwargs)
    return fake


@pytest.mark.parametrize(
    ("status", "body", "error", "code"),
    [
        (400, {"code": "400005000", "developerMessage": "Bad."}, BadRequestError, "400005000"),
        (404, TRACKING_NOT_FOUND, NotFoundError, "404005000"),
        (409, {"code": "409009003", "developerMessage": "Dup."}, ConflictError, "409009003"),
        (418, {"code": "418000000", "developerMessage": "Tea."}, APIStatusError, "418000000"),
        (500, {"code": "500000000", "developerMessage": "Oops."}, InternalServerError, "500000000"),
    ],
)
def test_routee_bodies_become_typed_errors(
    status: int, body: dict[str, Any], error: type[APIStatusError], code: str
) -> None:
    """Routee's {code, developerMessage} gives the status's error with code and message."""
    fake = _answer(status, body)
    with pytest.raises(error) as info:
        routee.get_sms_tracking(fake.client(max_retries=0), "m-1")
    assert type(info.value) is error
    assert (info.value.status_code, info.value.code) == (status, code)
    assert info.value.message == body["developerMessage"]


def test_properties_become_details() -> None:
    """A 400's properties map becomes the error's per-field details."""
    body = {
        "code": "400005003",
        "developerMessage": "dateStart must be within the latest 7 days",
        "properties": {"dateStart": "too old", "size": "must be <= 2000"},
    }
    fake = _answer(400, body, headers={"X-Request-Id": "req-42"})
    with pytest.raises(BadRequestError) as info:
        list(routee.iter_sms_tracking(fake.client(), date_start=NOW, date_end=NOW))
    assert info.value.details == {"dateStart": ["too old"], "size": ["must be <= 2000"]}
    assert info.value.request_id == "req-42"
    assert "dateStart: too old" in str(info.value)


def test_oauth_error_body_on_the_api() -> None:
    """An RFC 6749 body on an API 401 is read too (error code, description)."""
    body = {"error": "invalid_token", "error_description": "Token expired."}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 60})
        return httpx.Response(401, json=body)

    api = routee.client(APP_ID, APP_SECRET, base_url=BASE, transport=httpx.MockTransport(handler))
    with pytest.raises(AuthenticationError) as info:
        routee.get_sms_tracking(api, "m-1")
    assert (info.value.code, info.value.message) == ("invalid_token", "Token expired.")


def test_non_json_error_body() -> None:
    """A non-JSON 502 still becomes InternalServerError with a short text."""
    fake = FakeRoutee()
    fake.api_response = lambda _: httpx.Response(502, text="<html>Bad gateway</html>")
    with pytest.raises(InternalServerError, match="Bad gateway"):
        routee.get_sms_tracking(fake.client(max_retries=0), "m-1")


def test_unexpected_success_body() -> None:
    """A 200 that is not a list of parts raises ResponseValidationError, not a TypeError."""
    fake = _answer(200, {"smsId": "x"})
    with pytest.raises(ResponseValidationError, match="get_sms_tracking"):
        routee.get_sms_tracking(fake.client(), "m-1")


def test_async_errors_match_sync() -> None:
    """The async call raises the same typed error as the sync one."""
    fake = _answer(404, TRACKING_NOT_FOUND)
    with pytest.raises(NotFoundError, match="404005000"):
        asyncio.run(routee.aget_sms_tracking(fake.client(), "m-1"))


def test_reference_server_not_found(api: AuthenticatedClient) -> None:
    """The reference server's unknown message id is NotFoundError 404005000."""
    with pytest.raises(NotFoundError) as info:
        routee.get_sms_tracking(api, "no-such-message")
    assert info.value.code == "404005000"


def test_reference_server_unknown_campaign(api: AuthenticatedClient) -> None:
    """An unknown campaign is NotFoundError 404009001."""
    with pytest.raises(NotFoundError, match="404009001"):
        list(routee.iter_campaign_tracking(api, "no-such-campaign"))


def test_reference_server_window(api: AuthenticatedClient) -> None:
    """A start older than 7 days is the server's 400, with the field in details."""
    start = NOW - timedelta(days=8)
    with pytest.raises(BadRequestError) as info:
        list(routee.iter_sms_tracking(api, date_start=start, date_end=NOW))
    assert info.value.code == "400005003"
    assert "dateStart" in info.value.details


def test_reference_server_unknown_tracking_id(api: AuthenticatedClient) -> None:
    """Routee's 404-coded campaign error on a 400 stays a BadRequestError with its code."""
    start = NOW - timedelta(days=1)
    with pytest.raises(BadRequestError) as info:
        list(routee.iter_sms_tracking(api, date_start=start, date_end=NOW, tracking_id="nope"))
    assert info.value.code == "404009001"


def test_reference_server_missing_scope(server: RouteeServer) -> None:
    """A token without the sms scope gets 403 twice (one refresh), then PermissionDeniedError."""
    api = routee.client(APP_ID, APP_SECRET, base_url=BASE, app=server.app, scope="report")
    before = len(server.tokens)
    with pytest.raises(PermissionDeniedError, match="403000000"):
        routee.get_sms_tracking(api, server.sample_ids["get_sms_tracking"][0])
    assert len(server.tokens) - before == 2
