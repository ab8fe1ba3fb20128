from __future__ import annotations

import asyncio
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
    infobip,
)
from dlrkit.infobip._errors import CALLER
from dlrkit_infobip_api.api.delivery_reports import get_sms_delivery_reports
from dlrkit_infobip_api.models import SmsReportsResponse

from overlay.infobip.fakes import KEY, json_response, mock_client, service_exception


def _answer(status: int, body: Any) -> Any:
    return mock_client(lambda request: json_response(status, body), max_retries=0)


def _drain(api: Any) -> None:
    list(infobip.iter_delivery_reports(api))


def test_wrong_key_is_an_authentication_error(server: Any) -> None:
    """The server's 401 UNAUTHORIZED becomes AuthenticationError; the key stays hidden."""
    wrong = "0000aaaa-wrong-key"
    with pytest.raises(AuthenticationError) as info:
        _drain(infobip.client(wrong, app=server.app))
    error = info.value
    assert (error.status_code, error.code, error.message) == (
        401,
        "UNAUTHORIZED",
        "Invalid login details",
    )
    assert wrong not in str(error)
    assert wrong not in repr(error)


def test_server_validation_errors_become_details(api: Any) -> None:
    """The server's 400 BAD_REQUEST keeps validationErrors as per-field details."""
    with pytest.raises(BadRequestError) as info:
        CALLER.call(
            get_sms_delivery_reports.sync_detailed, SmsReportsResponse, client=api, limit=5000
        )
    assert info.value.code == "BAD_REQUEST"
    assert list(info.value.details) == ["limit"]


def test_fact_sheet_bad_request() -> None:
    """The documented 400 body gives BadRequestError with both messages for content.text."""
    messages = ["size must be between 1 and 4096", "must not be blank"]
    body = service_exception("BAD_REQUEST", "Bad request", {"content.text": messages})
    with pytest.raises(BadRequestError) as info:
        _drain(_answer(400, body))
    assert info.value.details == {"content.text": messages}
    assert "content.text: size must be between 1 and 4096, must not be blank" in str(info.value)


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (401, "UNAUTHORIZED", AuthenticationError),
        (403, "FORBIDDEN", PermissionDeniedError),
        (404, "NOT_FOUND", NotFoundError),
        (429, "TOO_MANY_REQUESTS", RateLimitError),
        (500, "GENERAL_ERROR", InternalServerError),
        (405, "METHOD_NOT_ALLOWED", APIStatusError),
        (400, "0f8b2c1e-4a7d-4e59-9c3b-2d6e8f1a0b7c", BadRequestError),
    ],
)
def test_each_status_gets_its_class(status: int, code: str, cls: type[APIStatusError]) -> None:
    """Each status maps to its typed error with messageId as the code (a UUID too)."""
    with pytest.raises(cls) as info:
        _drain(_answer(status, service_exception(code, "Something")))
    assert (info.value.status_code, info.value.code, info.value.message) == (
        status,
        code,
        "Something",
    )


def test_non_json_error_is_still_typed() -> None:
    """A 502 with an HTML body is an InternalServerError, not a parse failure."""
    html = httpx.Response(502, text="<html>Bad gateway</html>")
    with pytest.raises(InternalServerError, match="Bad gateway"):
        _drain(mock_client(lambda request: html, max_retries=0))


def test_echoed_key_is_redacted() -> None:
    """A server echoing the key in its error text cannot leak it into the error."""
    body = service_exception("UNAUTHORIZED", f"Key App {KEY} is invalid", {"key": [KEY]})
    with pytest.raises(AuthenticationError) as info:
        _drain(_answer(401, body))
    assert KEY not in str(info.value)
    assert KEY not in repr(info.value)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"limit": "50"}, "limit"),
        ({"bulk_id": ""}, "bulk_id"),
        ({"message_id": 12}, "message_id"),
        ({"application_id": "a" * 256}, "application_id"),
        ({"entity_id": "e" * 256}, "entity_id"),
        ({"campaign_reference_id": ["x"]}, "campaign_reference_id"),
        ({"max_pages": 0}, "max_pages"),
    ],
)
def test_bad_arguments_fail_before_any_request(options: dict[str, Any], field: str) -> None:
    """Bad arguments raise InvalidFieldError naming the argument, without a request."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    with pytest.raises(InvalidFieldError) as info:
        infobip.iter_delivery_reports(mock_client(handler), **options)
    assert info.value.field == field


def test_async_raises_the_same_error(server: Any) -> None:
    """The async iterator raises the same typed error as the sync one."""
    api = infobip.client("0000aaaa-wrong-key", app=server.app)

    async def run() -> str | None:
        with pytest.raises(AuthenticationError) as info:
            [r async for r in infobip.aiter_delivery_reports(api)]
        return info.value.code

    assert asyncio.run(run()) == "UNAUTHORIZED"
