from __future__ import annotations

import httpx
import pytest
from dlrkit import InvalidFieldError, sentdm

from overlay.sentdm.fakes import (
    KEY,
    MESSAGE_ID,
    PROFILE,
    envelope,
    json_response,
    message,
    mock_client,
)


def _recorder(seen: list[httpx.Request], status: int = 200) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(status, envelope(message()))

    return httpx.MockTransport(handler)


def test_key_and_profile_go_in_headers() -> None:
    """The key goes in x-api-key (no prefix) and the profile in x-profile-id."""
    seen: list[httpx.Request] = []
    api = sentdm.client(KEY, PROFILE, transport=_recorder(seen))
    sentdm.get_message_status(api, MESSAGE_ID)
    assert seen[0].headers["x-api-key"] == KEY
    assert seen[0].headers["x-profile-id"] == PROFILE
    assert "authorization" not in seen[0].headers
    assert seen[0].url == f"https://api.sent.dm/v3/messages/{MESSAGE_ID}"


def test_no_profile_header_without_a_profile() -> None:
    """Without profile_id no x-profile-id header is sent."""
    seen: list[httpx.Request] = []
    sentdm.get_message_status(sentdm.client(KEY, transport=_recorder(seen)), MESSAGE_ID)
    assert "x-profile-id" not in seen[0].headers


def test_per_call_profile_overrides_the_client_profile() -> None:
    """profile_id on a call replaces the client's x-profile-id for that call."""
    seen: list[httpx.Request] = []
    other = "11111111-2222-4333-8444-555555555555"
    api = sentdm.client(KEY, PROFILE, transport=_recorder(seen))
    sentdm.get_message_status(api, MESSAGE_ID, profile_id=other)
    assert seen[0].headers.get_list("x-profile-id") == [other]


@pytest.mark.parametrize("bad", ["", "nope", "0b5c8d1e7a4f4c2b9e1d5f6a7b8c9d0e", 42])
def test_profile_id_must_be_a_uuid(bad: object) -> None:
    """A profile id that is not a hyphenated UUID is refused, naming profile_id."""
    with pytest.raises(InvalidFieldError, match="profile_id: must be a profile UUID") as info:
        sentdm.client(KEY, bad)  # type: ignore[arg-type]
    assert KEY not in str(info.value)


def test_base_url_override() -> None:
    """base_url replaces https://api.sent.dm."""
    seen: list[httpx.Request] = []
    api = sentdm.client(KEY, base_url="https://api-dev.sent.dm", transport=_recorder(seen))
    sentdm.get_message_status(api, MESSAGE_ID)
    assert seen[0].url.host == "api-dev.sent.dm"


def test_repr_hides_the_key() -> None:
    """The repr and str of the client never show the API key."""
    api = sentdm.client(KEY, PROFILE)
    assert KEY not in repr(api)
    assert KEY not in str(api)
    assert "token='***'" in repr(api)


def test_bad_key_is_refused_without_showing_it() -> None:
    """A key with surrounding spaces is refused and the message hides it."""
    with pytest.raises(InvalidFieldError) as info:
        sentdm.client(f" {KEY} ")
    assert KEY not in str(info.value)


@pytest.mark.parametrize(("max_retries", "calls"), [(0, 1), (2, 3)])
def test_max_retries_bounds_attempts(max_retries: int, calls: int) -> None:
    """GETs answered 503 are retried max_retries times (0 turns retrying off)."""
    seen: list[httpx.Request] = []
    api = sentdm.client(KEY, transport=_recorder(seen, 503), max_retries=max_retries)
    with pytest.raises(Exception, match="HTTP 503"):
        sentdm.get_message_status(api, MESSAGE_ID)
    assert len(seen) == calls


def test_timeout_is_configurable() -> None:
    """A float timeout reaches the httpx client."""
    api = mock_client(lambda request: json_response(200, {}), timeout=2.5)
    assert api.get_httpx_client().timeout == httpx.Timeout(2.5)
