from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any, TypeVar

import httpx
import pytest
from dlrkit import InvalidFieldError, PaginationError, UnprocessableEntityError, mailersend
from dlrkit_mailersend_api.api.sms_webhooks import create_sms_webhook
from dlrkit_mailersend_api.client import AuthenticatedClient
from dlrkit_mailersend_api.models.sms_activity import SmsActivity
from dlrkit_mailersend_api.models.sms_webhook_create import SmsWebhookCreate
from dlrkit_mailersend_api.models.sms_webhook_event_name import SmsWebhookEventName
from dlrkit_servers import ReferenceServer
from dlrkit_servers.mailersend import sms_number_ids
from hypothesis import HealthCheck, given, settings

from overlay.mailersend import strategies
from overlay.mailersend.support import SEED, TOKEN, FakeListing, close, mock_client, raw_pages

T = TypeVar("T")
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _key(row: SmsActivity) -> tuple[str, str, str, datetime]:
    return (row.sms_message_id, row.to, str(row.status), row.created_at)


def _raw_key(row: dict[str, Any]) -> tuple[str, str, str, datetime]:
    created = datetime.fromisoformat(row["created_at"])
    return (row["sms_message_id"], row["to"], row["status"], created)


async def _collect(items: AsyncIterator[T]) -> list[T]:
    return [item async for item in items]


def _run_async(client: AuthenticatedClient, items: Any) -> list[Any]:
    async def run() -> list[Any]:
        async with client:
            return await _collect(items)

    return asyncio.run(run())


def test_activity_yields_every_row_once_like_a_plain_loop(
    server: ReferenceServer, ms: AuthenticatedClient
) -> None:
    """iter_sms_activity yields the same rows, in the same order, as a plain httpx page loop."""
    rows = [_key(row) for row in mailersend.iter_sms_activity(ms)]
    expected = [_raw_key(row) for row in raw_pages(server, "/sms-activity", limit=100)]
    assert rows == expected
    assert len(set(rows)) == len(rows) > 100


def test_page_size_does_not_change_the_rows(ms: AuthenticatedClient) -> None:
    """Pages of 10 and of 100 give the same rows: page numbers advance, no row repeats."""
    number = sms_number_ids(SEED)[0]
    small = [_key(r) for r in mailersend.iter_sms_activity(ms, sms_number_id=number, limit=10)]
    large = [_key(r) for r in mailersend.iter_sms_activity(ms, sms_number_id=number, limit=100)]
    assert small == large


def test_activity_filters_reach_the_server(
    server: ReferenceServer, ms: AuthenticatedClient
) -> None:
    """Number, status and date filters select exactly what the server selects for them."""
    number = sms_number_ids(SEED)[1]
    all_rows = list(mailersend.iter_sms_activity(ms, sms_number_id=number))
    middle = sorted(row.created_at for row in all_rows)[len(all_rows) // 2]
    rows = list(
        mailersend.iter_sms_activity(
            ms, sms_number_id=number, status=["failed", "sent"], date_from=middle, limit=10
        )
    )
    raw = raw_pages(
        server,
        "/sms-activity",
        sms_number_id=number,
        **{"status[]": ["failed", "sent"]},
        date_from=math.floor(middle.timestamp()),
    )
    assert [_key(r) for r in rows] == [_raw_key(r) for r in raw]
    assert rows
    assert {str(r.status) for r in rows} <= {"failed", "sent"}
    assert all(r.created_at.timestamp() >= math.floor(middle.timestamp()) for r in rows)


def test_recipients_filter_by_status_and_number(
    server: ReferenceServer, ms: AuthenticatedClient
) -> None:
    """iter_sms_recipients passes status and sms_number_id and yields every match once."""
    number = sms_number_ids(SEED)[0]
    rows = list(
        mailersend.iter_sms_recipients(ms, status="opt_out", sms_number_id=number, limit=10)
    )
    raw = raw_pages(server, "/sms-recipients", status="opt_out", sms_number_id=number, limit=10)
    assert [r.id for r in rows] == [r["id"] for r in raw]
    assert rows
    assert {str(r.status) for r in rows} == {"opt_out"}


def test_messages_follow_the_length_aware_paginator(
    server: ReferenceServer, ms: AuthenticatedClient
) -> None:
    """iter_sms_messages walks the length-aware paginator to its last page."""
    ids = [m.id for m in mailersend.iter_sms_messages(ms, limit=30)]
    assert ids == [m["id"] for m in raw_pages(server, "/sms-messages", limit=100)]
    assert len(set(ids)) == len(ids)


def test_async_iterators_equal_sync(server: ReferenceServer) -> None:
    """Each aiter_* yields exactly what its iter_* twin yields."""
    number = sms_number_ids(SEED)[2]
    client = mailersend.client(TOKEN, app=server.app)
    try:
        sync = (
            [_key(r) for r in mailersend.iter_sms_activity(client, status="delivered", limit=50)],
            [r.id for r in mailersend.iter_sms_recipients(client, sms_number_id=number)],
            [m.id for m in mailersend.iter_sms_messages(client, limit=60)],
        )
    finally:
        close(client)

    async def run() -> tuple[list[Any], ...]:
        async with client:
            activity = mailersend.aiter_sms_activity(client, status="delivered", limit=50)
            recipients = mailersend.aiter_sms_recipients(client, sms_number_id=number)
            messages = mailersend.aiter_sms_messages(client, limit=60)
            return (
                [_key(r) async for r in activity],
                [r.id async for r in recipients],
                [m.id async for m in messages],
            )

    assert asyncio.run(run()) == sync


@FAST
@given(total=strategies.totals, limit=strategies.limits)
def test_any_total_and_page_size_yields_each_row_once(total: int, limit: int) -> None:
    """For any listing size and page size, every row comes once, in ceil(total/limit) calls."""
    listing = FakeListing(total)
    client = mock_client(listing)
    rows = [row.sms_message_id for row in mailersend.iter_sms_activity(client, limit=limit)]
    assert rows == [row["sms_message_id"] for row in listing.rows]
    assert len(listing.requests) == max(1, math.ceil(total / limit))


@FAST
@given(total=strategies.totals, limit=strategies.limits)
def test_async_pages_match_the_fake_listing(total: int, limit: int) -> None:
    """The async iterator yields every row of any listing once, as the sync one does."""
    listing = FakeListing(total)
    client = mock_client(listing)
    rows = _run_async(client, mailersend.aiter_sms_activity(client, limit=limit))
    assert [row.sms_message_id for row in rows] == [row["sms_message_id"] for row in listing.rows]


def test_iteration_is_lazy_and_pages_are_reachable() -> None:
    """The first row costs one request; iter_pages yields whole pages; first_page fetches one."""
    listing = FakeListing(35)
    client = mock_client(listing)
    pager = mailersend.iter_sms_activity(client, limit=10)
    first = next(iter(pager))
    assert (first.sms_message_id, len(listing.requests)) == (listing.rows[0]["sms_message_id"], 1)
    assert [len(page.data) for page in pager.iter_pages()] == [10, 10, 10, 5]
    assert pager.first_page().meta.current_page == 1


def test_requests_keep_filters_and_limit_on_every_page() -> None:
    """Every page request repeats the filters and limit (MailerSend's links drop them)."""
    listing = FakeListing(25)
    client = mock_client(listing)
    pager = mailersend.iter_sms_activity(
        client,
        sms_number_id="7z3m5jgrogdpyo6n",
        status=["sent", "failed"],
        date_from=1_600_000_000,
        date_to=1_700_000_000,
        limit=10,
    )
    list(pager)
    queries = [request.url.params for request in listing.requests]
    assert [q["page"] for q in queries] == ["1", "2", "3"]
    for query in queries:
        assert query.get_list("status[]") == ["sent", "failed"]
        assert (query["limit"], query["sms_number_id"]) == ("10", "7z3m5jgrogdpyo6n")
        assert (query["date_from"], query["date_to"]) == ("1600000000", "1700000000")


def test_a_server_ignoring_page_cannot_loop_forever() -> None:
    """A server that returns page 1 with a next link forever ends in PaginationError."""

    def stuck(request: httpx.Request) -> httpx.Response:
        response = FakeListing(50)(
            httpx.Request("GET", "https://x/v1/sms-activity?page=1&limit=10")
        )
        return httpx.Response(200, content=response.content)

    client = mock_client(stuck)
    with pytest.raises(PaginationError, match="repeats"):
        list(mailersend.iter_sms_activity(client, limit=10))


def test_max_pages_bounds_an_endless_listing() -> None:
    """max_pages stops a listing that never ends."""
    listing = FakeListing(10_000)
    client = mock_client(listing)
    with pytest.raises(PaginationError, match="max_pages=3"):
        list(mailersend.iter_sms_activity(client, limit=10, max_pages=3))
    assert len(listing.requests) == 3


def test_api_error_mid_iteration_is_typed(ms: AuthenticatedClient) -> None:
    """An unknown sms_number_id raises UnprocessableEntityError with the field's message."""
    with pytest.raises(UnprocessableEntityError) as caught:
        list(mailersend.iter_sms_recipients(ms, sms_number_id="nope"))
    assert caught.value.details == {"sms_number_id": ["The selected sms number id is invalid."]}


def test_webhooks_of_a_number_page_by_number(fresh_server: ReferenceServer) -> None:
    """iter_sms_webhooks yields a number's webhooks once each, in the server's order."""
    number = sms_number_ids(SEED)[-1]
    client = mailersend.client(TOKEN, app=fresh_server.app)
    try:
        for index in range(23):
            body = SmsWebhookCreate(
                url="https://a.example/h",
                name=f"hook-{index}",
                events=[SmsWebhookEventName.SMS_DELIVERED],
                sms_number_id=number,
            )
            created = create_sms_webhook.sync_detailed(client=client, body=body)
            assert created.status_code == 201
        names = [hook.name for hook in mailersend.iter_sms_webhooks(client, number, limit=10)]
        numbers = {hook.sms_number.id for hook in mailersend.iter_sms_webhooks(client, number)}
    finally:
        close(client)
    assert names == [f"hook-{index}" for index in range(23)]
    assert numbers == {number}


def test_async_webhooks_equal_sync(server: ReferenceServer) -> None:
    """aiter_sms_webhooks yields what iter_sms_webhooks yields."""
    number = sms_number_ids(SEED)[0]
    client = mailersend.client(TOKEN, app=server.app)
    try:
        sync = [hook.id for hook in mailersend.iter_sms_webhooks(client, number)]
    finally:
        close(client)
    assert sync
    hooks = _run_async(client, mailersend.aiter_sms_webhooks(client, number))
    assert [hook.id for hook in hooks] == sync


@pytest.mark.parametrize("number", ["", "  ", None, 7])
def test_webhooks_need_a_number(ms: AuthenticatedClient, number: Any) -> None:
    """A blank or missing sms_number_id is refused before any request, naming the field."""
    with pytest.raises(InvalidFieldError, match="sms_number_id"):
        mailersend.iter_sms_webhooks(ms, number)


def test_unknown_number_is_unprocessable(ms: AuthenticatedClient) -> None:
    """A number the account lacks raises the typed 422 with MailerSend's code."""
    with pytest.raises(UnprocessableEntityError) as caught:
        list(mailersend.iter_sms_webhooks(ms, "0p7kx4xd7el9yjre"))
    assert caught.value.code == "MS42209"


def test_an_empty_page_with_a_next_link_ends_the_listing() -> None:
    """An empty page ends it after one request, as for every provider, next link or not."""
    requests: list[httpx.Request] = []

    def empty_forever(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        page = int(request.url.params["page"])
        body = FakeListing(0)(request).json()
        body["links"]["next"] = f"https://api.mailersend.com/v1/sms-activity?page={page + 1}"
        return httpx.Response(200, json=body)

    client = mock_client(empty_forever)
    assert list(mailersend.iter_sms_activity(client, max_pages=10_000)) == []
    assert len(requests) == 1
    assert _run_async(client, mailersend.aiter_sms_activity(client, max_pages=10_000)) == []
    assert len(requests) == 2
