from __future__ import annotations

import httpx
import pytest
from dlrkit import InvalidFieldError, infobip

from overlay.infobip.fakes import KEY, json_response


def _recorder(seen: list[httpx.Request], status: int = 200) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(status, {"results": []})

    return httpx.MockTransport(handler)


def test_key_goes_in_an_app_authorization_header() -> None:
    """The key is sent as ``Authorization: App <key>`` to the default host."""
    seen: list[httpx.Request] = []
    list(infobip.iter_delivery_reports(infobip.client(KEY, transport=_recorder(seen))))
    assert seen[0].headers["authorization"] == f"App {KEY}"
    assert str(seen[0].url) == "https://api.infobip.com/sms/1/reports?limit=1000"


@pytest.mark.parametrize(
    ("base_url", "host"),
    [
        ("https://xyz12.api.infobip.com", "xyz12.api.infobip.com"),
        ("xyz12.api.infobip.com", "xyz12.api.infobip.com"),
        ("http://localhost:8080", "localhost"),
    ],
)
def test_personal_base_url(base_url: str, host: str) -> None:
    """The account's base URL is used, with https added to a bare host."""
    seen: list[httpx.Request] = []
    api = infobip.client(KEY, base_url=base_url, transport=_recorder(seen))
    list(infobip.iter_delivery_reports(api))
    assert seen[0].url.host == host


@pytest.mark.parametrize("bad", ["", "   ", "https://", 5])
def test_bad_base_url_is_refused(bad: object) -> None:
    """A base URL without a host raises InvalidFieldError naming base_url."""
    with pytest.raises(InvalidFieldError, match="base_url"):
        infobip.client(KEY, base_url=bad)  # type: ignore[arg-type]


def test_repr_hides_the_key() -> None:
    """The repr and str of the client never show the API key."""
    api = infobip.client(KEY)
    assert KEY not in repr(api)
    assert KEY not in str(api)


def test_bad_key_is_refused_without_showing_it() -> None:
    """A key with a newline is refused and the message hides it."""
    with pytest.raises(InvalidFieldError) as info:
        infobip.client(KEY + "\n")
    assert KEY not in str(info.value)


@pytest.mark.parametrize(("max_retries", "calls"), [(0, 1), (3, 4)])
def test_max_retries_bounds_attempts(max_retries: int, calls: int) -> None:
    """GETs answered 500 are retried max_retries times (0 turns retrying off)."""
    seen: list[httpx.Request] = []
    api = infobip.client(KEY, transport=_recorder(seen, 500), max_retries=max_retries)
    with pytest.raises(Exception, match="HTTP 500"):
        list(infobip.iter_delivery_reports(api))
    assert len(seen) == calls
