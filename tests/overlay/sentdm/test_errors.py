from __future__ import annotations

import asyncio
import re
from typing import Any

import httpx
import pytest
from dlrkit import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    InvalidFieldError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    sentdm,
)

from overlay.sentdm.fakes import KEY, MESSAGE_ID, error_envelope, json_response, mock_client

REQUEST_ID = re.compile(r"req_[0-9A-Za-z]{10}")
UNKNOWN_ID = "123e4567-e89b-42d3-a456-426614174000"


def _answer(status: int, body: Any, headers: dict[str, str] | None = None) -> Any:
    return mock_client(lambda request: json_response(status, body, headers), max_retries=0)


def test_unknown_message_is_not_found(api: Any) -> None:
    """The server's 404 RESOURCE_003 becomes NotFoundError with code and request id."""
    with pytest.raises(NotFoundError) as info:
        sentdm.get_message_status(api, UNKNOWN_ID)
    error = info.value
    assert (error.status_code, error.code, error.message) == (
        404,
        "RESOURCE_003",
        "Message not found",
    )
    assert error.request_id is not None
    assert REQUEST_ID.fullmatch(error.request_id)
    assert error.response is not None
    assert error.request_id == error.response.headers["x-request-id"]


def test_activities_of_unknown_message_are_not_found(api: Any) -> None:
    """list_message_activities raises the same typed 404."""
    with pytest.raises(NotFoundError, match="RESOURCE_003"):
        sentdm.list_message_activities(api, UNKNOWN_ID)


def test_wrong_key_is_an_authentication_error(server: Any) -> None:
    """A wrong key gives AuthenticationError AUTH_002 and the message hides the key."""
    wrong = "00000000-dead-4bee-8fee-000000000000"
    api = sentdm.client(wrong, app=server.app)
    with pytest.raises(AuthenticationError) as info:
        sentdm.get_message_status(api, UNKNOWN_ID)
    assert info.value.code == "AUTH_002"
    assert wrong not in str(info.value)
    assert wrong not in repr(info.value)


def test_foreign_profile_is_permission_denied(server: Any) -> None:
    """A profile the key cannot reach gives PermissionDeniedError AUTH_004."""
    api = sentdm.client(KEY, UNKNOWN_ID, app=server.app)
    with pytest.raises(PermissionDeniedError) as info:
        list(sentdm.iter_contacts(api))
    assert info.value.code == "AUTH_004"


def test_unknown_phone_filter_carries_details(api: Any) -> None:
    """The phone filter's 404 RESOURCE_001 keeps the per-field details."""
    with pytest.raises(NotFoundError) as info:
        list(sentdm.iter_contacts(api, phone="+19999999999"))
    assert info.value.code == "RESOURCE_001"
    assert list(info.value.details) == ["phone"]


def test_validation_error_body_from_the_catalog() -> None:
    """A 400 VALIDATION_005 envelope gives BadRequestError with details and meta.request_id."""
    body = error_envelope(
        "VALIDATION_005", "Page must be greater than 0", {"page": ["Page must be greater than 0"]}
    )
    with pytest.raises(BadRequestError) as info:
        list(sentdm.iter_contacts(_answer(400, body)))
    error = info.value
    assert (error.code, error.request_id) == ("VALIDATION_005", "req_7X9zKp2jDw")
    assert error.details == {"page": ["Page must be greater than 0"]}
    assert "VALIDATION_005" in str(error)
    assert "page: Page must be greater than 0" in str(error)


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (401, "AUTH_001", AuthenticationError),
        (403, "AUTH_006", PermissionDeniedError),
        (422, "BUSINESS_003", UnprocessableEntityError),
        (500, "INTERNAL_001", InternalServerError),
        (503, "SERVICE_001", InternalServerError),
        (409, "CONFLICT_001", APIStatusError),
    ],
)
def test_each_status_gets_its_class(status: int, code: str, cls: type[APIStatusError]) -> None:
    """Every documented error status maps to its typed error, carrying sent.dm's code."""
    with pytest.raises(cls) as info:
        sentdm.get_message_status(_answer(status, error_envelope(code, "Nope")), MESSAGE_ID)
    assert (info.value.status_code, info.value.code) == (status, code)


def test_rate_limit_keeps_retry_after() -> None:
    """429 BUSINESS_002 with Retry-After gives RateLimitError.retry_after in seconds."""
    body = error_envelope("BUSINESS_002", "Rate limit exceeded")
    api = _answer(429, body, {"Retry-After": "120"})
    with pytest.raises(RateLimitError) as info:
        sentdm.get_message_status(api, MESSAGE_ID)
    assert (info.value.code, info.value.retry_after) == ("BUSINESS_002", 120.0)


def test_empty_401_body_still_types_the_error() -> None:
    """A 401 with the documented empty body is still an AuthenticationError."""
    api = mock_client(lambda request: httpx.Response(401, headers={"X-Request-Id": "req_1"}))
    with pytest.raises(AuthenticationError) as info:
        sentdm.get_message_status(api, MESSAGE_ID)
    assert info.value.request_id == "req_1"


def test_request_id_falls_back_to_the_header() -> None:
    """Without meta.request_id the X-Request-Id header is used."""
    body = error_envelope("RESOURCE_003", "Message not found")
    del body["meta"]
    api = _answer(404, body, {"X-Request-Id": "req_fromheader"})
    with pytest.raises(NotFoundError) as info:
        sentdm.get_message_status(api, MESSAGE_ID)
    assert info.value.request_id == "req_fromheader"


def test_echoed_key_is_redacted() -> None:
    """A server echoing the API key in its message cannot leak it into the error."""
    body = error_envelope("AUTH_002", f"Key {KEY} is invalid", {"x-api-key": [KEY]})
    with pytest.raises(AuthenticationError) as info:
        sentdm.get_message_status(_answer(401, body), MESSAGE_ID)
    assert KEY not in str(info.value)
    assert KEY not in repr(info.value)


@pytest.mark.parametrize("bad", ["nope", "", 7, "8ba7b830-9dad-11d1-80b4"])
def test_bad_message_id_fails_before_any_request(bad: object) -> None:
    """A message id that is not a UUID raises InvalidFieldError naming message_id."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    with pytest.raises(InvalidFieldError, match="message_id"):
        sentdm.get_message_status(mock_client(handler), bad)  # type: ignore[arg-type]


def test_async_calls_raise_the_same_errors(server: Any) -> None:
    """The async twins raise the same typed error as the sync calls."""
    api = sentdm.client(KEY, app=server.app)

    async def run() -> list[str | None]:
        codes = []
        for call in (sentdm.aget_message_status, sentdm.alist_message_activities):
            with pytest.raises(NotFoundError) as info:
                await call(api, UNKNOWN_ID)
            codes.append(info.value.code)
        return codes

    assert asyncio.run(run()) == ["RESOURCE_003", "RESOURCE_003"]
