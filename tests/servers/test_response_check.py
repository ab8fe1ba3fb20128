"""The shared response check (openapi_support.check_response) catches what it must."""

from __future__ import annotations

import httpx
import pytest
from openapi_support import check_response

URL = "http://ms.test/v1/sms-activity"
QUOTA = {"x-apiquota-remaining": "99", "x-apiquota-reset": "2026-12-05T00:00:00Z"}
PAGE = {
    "data": [],
    "links": {"first": f"{URL}?page=1", "last": None, "prev": None, "next": None},
    "meta": {"current_page": 1, "from": None, "path": URL, "per_page": 25, "to": None},
}


def _response(status: int, body: object, headers: dict[str, str]) -> httpx.Response:
    request = httpx.Request("GET", URL, headers={"Authorization": "Bearer t"})
    return httpx.Response(status, json=body, headers=headers, request=request)


def test_a_documented_response_passes() -> None:
    """Status, body and the required headers as the spec documents them: no error."""
    check_response("mailersend", "list_sms_activity", _response(200, PAGE, QUOTA))


@pytest.mark.parametrize(
    ("status", "body", "headers", "names"),
    [
        (200, PAGE, {"x-apiquota-remaining": "99"}, "x-apiquota-reset"),  # required, missing
        (200, PAGE, {**QUOTA, "x-apiquota-remaining": "many"}, "x-apiquota-remaining"),
        (200, PAGE, {**QUOTA, "x-apiquota-reset": "tomorrow"}, "x-apiquota-reset"),
        (200, {**PAGE, "data": "none"}, QUOTA, "data"),  # body breaks the schema
        (418, PAGE, QUOTA, "418"),  # status not documented
    ],
)
def test_an_undocumented_response_fails_naming_what(
    status: int, body: object, headers: dict[str, str], names: str
) -> None:
    """A missing required header, a bad header value, a bad body, an unknown status: all fail."""
    with pytest.raises(AssertionError, match="list_sms_activity") as info:
        check_response("mailersend", "list_sms_activity", _response(status, body, headers))
    assert names in str(info.value) or names in repr(info.value.__cause__)


def test_an_optional_header_may_be_absent_but_not_wrong() -> None:
    """A documented optional header (429's Retry-After) may be absent; present, it is checked."""
    error = {"message": "Too Many Attempts."}
    check_response("mailersend", "list_sms_activity", _response(429, error, {}))
    with pytest.raises(AssertionError):
        check_response(
            "mailersend", "list_sms_activity", _response(429, error, {"Retry-After": "soon"})
        )
