from __future__ import annotations

import httpx
import pytest
from dlrkit import (
    APITimeoutError,
    InternalServerError,
    InvalidFieldError,
    NotFoundError,
    mailersend,
)

from overlay.mailersend.support import TOKEN, mock_client


def test_client_sends_the_token_as_bearer_to_the_base_url() -> None:
    """Requests carry Authorization: Bearer <token> and go under the given base_url."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404, json={"message": "Resource not found."})

    client = mock_client(handler, base_url="https://eu.mailersend.test/v1")
    with pytest.raises(NotFoundError):
        mailersend.get_sms_message(client, "abc/def")
    assert seen[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert str(seen[0].url) == "https://eu.mailersend.test/v1/sms-messages/abc%2Fdef"


def test_default_base_url_is_mailersend_v1() -> None:
    """Without base_url the client talks to https://api.mailersend.com/v1."""
    assert mailersend.DEFAULT_BASE_URL == "https://api.mailersend.com/v1"
    assert "https://api.mailersend.com/v1" in repr(mailersend.client(TOKEN))


def test_repr_never_shows_the_token() -> None:
    """repr(client) masks the token."""
    text = repr(mailersend.client(TOKEN))
    assert TOKEN not in text
    assert "token='***'" in text


@pytest.mark.parametrize("token", ["", " lead", "trail ", "new\nline"])
def test_bad_tokens_are_refused_without_echoing_them(token: str) -> None:
    """A blank or padded token raises InvalidFieldError whose message hides the value."""
    with pytest.raises(InvalidFieldError) as caught:
        mailersend.client(token)
    assert caught.value.field == "token"
    assert token.strip() == "" or token.strip() not in str(caught.value)


def test_max_retries_zero_turns_retries_off() -> None:
    """With max_retries=0 a 503 is raised after one request."""
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503, json={"message": "Service Unavailable"})

    with pytest.raises(InternalServerError):
        mailersend.get_sms_message(mock_client(handler, max_retries=0), "x1")
    assert len(calls) == 1


def test_timeouts_become_api_timeout_errors() -> None:
    """A read timeout raises APITimeoutError, never a raw httpx exception."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(APITimeoutError, match="timed out"):
        mailersend.get_sms_message(mock_client(handler, max_retries=0, timeout=0.5), "x1")
