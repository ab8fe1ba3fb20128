from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
import pytest
from dlrkit import (
    APIStatusError,
    AuthenticationError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
    mailersend,
)
from dlrkit_servers import ReferenceServer

from overlay.mailersend.support import TOKEN, close, mock_client

QUOTA = {"x-apiquota-remaining": "752", "x-apiquota-reset": "2025-07-30T00:00:00Z"}


def _answer(status: int, body: object, headers: dict[str, str] | None = None) -> httpx.Response:
    text = body if isinstance(body, str) else json.dumps(body)
    return httpx.Response(status, content=text.encode(), headers=headers or {})


def test_wrong_token_is_an_authentication_error(server: ReferenceServer) -> None:
    """A token the server refuses raises AuthenticationError with MailerSend's message."""
    client = mailersend.client("wrong-token-1234", app=server.app)
    try:
        with pytest.raises(AuthenticationError, match=r"HTTP 401: Unauthenticated\.$"):
            list(mailersend.iter_sms_activity(client))
    finally:
        close(client)


def test_unknown_message_is_not_found_sync_and_async(server: ReferenceServer) -> None:
    """get_sms_message and aget_sms_message raise NotFoundError for an unknown id."""
    client = mailersend.client(TOKEN, app=server.app)
    try:
        with pytest.raises(NotFoundError):
            mailersend.get_sms_message(client, "test-sms-message-id")
    finally:
        close(client)

    async def run() -> None:
        async with client:
            await mailersend.aget_sms_recipient(client, "test-sms-recipient-id")

    with pytest.raises(NotFoundError, match="Resource not found"):
        asyncio.run(run())


def test_rate_limit_carries_retry_after_and_quota() -> None:
    """A 429 raises RateLimitError with retry_after; api_quota reads every quota header."""
    headers = {
        "Retry-After": "7",
        "X-RateLimit-Limit": "10",
        "X-RateLimit-Remaining": "0",
        **QUOTA,
    }
    body = {"message": "Too Many Attempts."}
    client = mock_client(lambda _: _answer(429, body, headers), max_retries=0)
    with pytest.raises(RateLimitError) as caught:
        mailersend.get_sms_message(client, "62134a2d7de3253bf10d6642")
    assert caught.value.retry_after == 7.0
    assert mailersend.api_quota(caught.value) == mailersend.ApiQuota(
        remaining=752,
        reset=datetime(2025, 7, 30, tzinfo=UTC),
        rate_limit=10,
        rate_limit_remaining=0,
        retry_after=7.0,
    )


def test_rate_limit_is_retried_after_the_wait() -> None:
    """A 429 with a short Retry-After is retried, and the call then succeeds."""
    answers = [_answer(429, {"message": "Too Many Attempts."}, {"Retry-After": "1"})]
    ok = {
        "data": [],
        "links": {"first": "x", "last": None, "prev": None, "next": None},
        "meta": {"current_page": 1, "from": None, "path": "x", "per_page": 10, "to": None},
    }

    def handler(request: httpx.Request) -> httpx.Response:
        return answers.pop() if answers else _answer(200, ok)

    assert list(mailersend.iter_sms_activity(mock_client(handler, max_retries=2))) == []


def test_update_is_retried_on_503_as_an_idempotent_put() -> None:
    """update_sms_recipient repeats a PUT that met a 503 and returns the updated recipient."""
    calls: list[bytes] = []
    updated = {
        "data": {
            "id": "62347d2be979fd275c0afd34",
            "number": "+1234567890",
            "status": "opt_out",
            "created_at": "2022-01-01T12:00:00.000000Z",
        }
    }

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.content)
        return _answer(503, "<html>busy</html>") if len(calls) == 1 else _answer(200, updated)

    recipient = mailersend.update_sms_recipient(
        mock_client(handler, max_retries=1), "62347d2be979fd275c0afd34", "opt_out"
    )
    assert str(recipient.status) == "opt_out"
    # Decoded: httpx 0.27 and 0.28 serialize JSON with different spacing.
    assert [json.loads(call) for call in calls] == [{"status": "opt_out"}] * 2


def test_validation_errors_keep_every_field_and_the_ms_code() -> None:
    """A multi-field 422 keeps each field's messages, and a trailing #MS code becomes .code."""
    body = {
        "message": "The limit must be at least 10. (and 1 more error) #MS42209",
        "errors": {
            "limit": ["The limit must be at least 10."],
            "date_to": ["The date to must be greater than 5."],
        },
    }
    client = mock_client(lambda _: _answer(422, body, QUOTA))
    with pytest.raises(UnprocessableEntityError) as caught:
        list(mailersend.iter_sms_activity(client))
    error = caught.value
    assert error.code == "MS42209"
    assert error.details == body["errors"]
    assert "[limit: The limit must be at least 10.; date_to: " in str(error)


def test_a_gateway_page_that_is_not_json_is_still_typed() -> None:
    """A Cloudflare HTML 502 raises InternalServerError with a short text of the page."""
    page = "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>"
    client = mock_client(lambda _: _answer(502, page), max_retries=0)
    with pytest.raises(InternalServerError, match="502 Bad Gateway"):
        mailersend.get_sms_recipient(client, "62347d2be979fd275c0afd34")


def test_a_server_echoing_the_token_cannot_leak_it() -> None:
    """A 401 body that echoes the token shows neither it nor 'Bearer <token>' in str or repr."""
    body = {"message": f"Token Bearer {TOKEN} is invalid", "errors": {"token": [TOKEN]}}
    client = mock_client(lambda _: _answer(401, body))
    with pytest.raises(APIStatusError) as caught:
        mailersend.get_sms_message(client, "x1")
    for text in (str(caught.value), repr(caught.value), str(caught.value.details)):
        assert TOKEN not in text
        assert "[REDACTED]" in str(caught.value)


def test_api_quota_ignores_unreadable_headers() -> None:
    """api_quota gives None for absent or malformed headers instead of raising."""
    quota = mailersend.api_quota({"x-apiquota-remaining": "lots", "x-apiquota-reset": "soon"})
    assert quota == mailersend.ApiQuota()
    assert not quota.unlimited
    response = httpx.Response(404, headers={"x-apiquota-remaining": "-1"})
    assert mailersend.api_quota(response).unlimited
