from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx
import pytest
from dlrkit import PaginationError, infobip
from dlrkit_infobip_api.models import SmsReport, SmsReportsResponse
from hypothesis import given, settings

from overlay import strategies as core_strategies
from overlay.infobip import strategies
from overlay.infobip.fakes import KEY, DrainServer, json_response, mock_client, report


def test_drain_yields_every_report_once(api: Any, server: Any) -> None:
    """Draining the server yields each of its reports exactly once."""
    ids = [r.message_id for r in infobip.iter_delivery_reports(api, limit=128)]
    assert len(ids) == len(set(ids)) == len(server.store.reports)
    assert set(ids) == {r.message_id for r in server.store.reports}


def test_reading_consumes(api: Any) -> None:
    """A second drain finds nothing: Infobip hands each report out only once."""
    assert len(list(infobip.iter_delivery_reports(api))) > 0
    assert list(infobip.iter_delivery_reports(api)) == []


def test_batches_end_with_an_empty_one(api: Any, server: Any) -> None:
    """iter_pages yields full batches, then the remainder, then the empty batch that stops it."""
    batches = list(infobip.iter_delivery_reports(api, limit=200).iter_pages())
    total = len(server.store.reports)
    assert all(isinstance(batch, SmsReportsResponse) for batch in batches)
    assert [len(b.results) for b in batches][-1] == 0
    assert len(batches) == math.ceil(total / 200) + 1
    assert sum(len(b.results) for b in batches) == total


def test_async_drain_equals_sync(api: Any, server: Any) -> None:
    """aiter_delivery_reports yields what iter_delivery_reports yields, in order."""
    sync = list(infobip.iter_delivery_reports(api, limit=300))
    server.refill()

    async def collect() -> list[SmsReport]:
        return [r async for r in infobip.aiter_delivery_reports(api, limit=300)]

    assert asyncio.run(collect()) == sync


def test_first_page_is_one_batch(api: Any) -> None:
    """Awaiting the async pager fetches (and consumes) one batch."""
    batch = asyncio.run(infobip.aiter_delivery_reports(api, limit=7).first_page())
    assert len(batch.results) == 7


def test_filters_select_reports(api: Any, server: Any) -> None:
    """bulk_id and message_id reach the server and select its reports."""
    bulk = server.sample_ids["bulkId"][0]
    reports = list(infobip.iter_delivery_reports(api, bulk_id=bulk))
    assert reports
    assert {r.bulk_id for r in reports} == {bulk}
    message_id = server.sample_ids["messageId"][0]
    server.refill()
    assert [r.message_id for r in infobip.iter_delivery_reports(api, message_id=message_id)] == [
        message_id
    ]


def test_every_filter_reaches_the_query() -> None:
    """Each filter is sent on every batch request, and the private counter never is."""
    drain = DrainServer(0)
    pager = infobip.iter_delivery_reports(
        mock_client(drain),
        bulk_id="B",
        message_id="M",
        limit=10,
        application_id="A",
        entity_id="E",
        campaign_reference_id="C",
    )
    assert list(pager) == []
    assert dict(drain.requests[0].url.params) == {
        "bulkId": "B",
        "messageId": "M",
        "limit": "10",
        "applicationId": "A",
        "entityId": "E",
        "campaignReferenceId": "C",
    }


@settings(max_examples=30, deadline=None)
@given(total=core_strategies.totals, limit=strategies.limits)
def test_any_total_and_limit(total: int, limit: int) -> None:
    """For any queue size and limit each report comes once; one request per batch plus one."""
    drain = DrainServer(total)
    ids = [r.message_id for r in infobip.iter_delivery_reports(mock_client(drain), limit=limit)]
    assert ids == [r["messageId"] for r in drain.reports]
    assert len(drain.requests) == math.ceil(total / limit) + 1
    assert drain.pending == []


def test_reports_arriving_during_the_drain_are_read(server: Any, api: Any) -> None:
    """Reports that arrive mid-drain come in a later batch, before the empty one."""
    total = len(server.store.reports)
    pager = infobip.iter_delivery_reports(api, limit=1000)
    seen = 0
    for batch in pager.iter_pages():
        if seen == 0:
            server.add_reports(5)
        seen += len(batch.results)
    assert seen == total + 5


def test_server_that_does_not_drain_is_stopped() -> None:
    """A server repeating the same batch forever raises PaginationError, not a hang."""
    body = {"results": [report(0), report(1)]}
    api = mock_client(lambda request: json_response(200, body))
    with pytest.raises(PaginationError, match="repeats"):
        list(infobip.iter_delivery_reports(api))


def test_max_pages_bounds_the_drain() -> None:
    """max_pages stops a queue that never empties."""
    counter = iter(range(10**6))

    def endless(request: httpx.Request) -> httpx.Response:
        return json_response(200, {"results": [report(next(counter))]})

    with pytest.raises(PaginationError, match="max_pages=3"):
        list(infobip.iter_delivery_reports(mock_client(endless), max_pages=3))


def test_pager_repr_hides_nothing_secret() -> None:
    """The pager's repr shows the filters, never the key."""
    pager = infobip.iter_delivery_reports(infobip.client(KEY), bulk_id="B")
    assert KEY not in repr(pager)
    assert "'bulk_id': 'B'" in repr(pager)
