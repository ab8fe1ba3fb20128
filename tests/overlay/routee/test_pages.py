from __future__ import annotations

import asyncio
import re
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from dlrkit import InvalidFieldError, PaginationError, parse_timestamp, routee
from dlrkit._pagination import AsyncPager
from dlrkit.routee._params import format_date
from dlrkit_routee_api.client import AuthenticatedClient
from dlrkit_routee_api.models import SmsTracking, SmsTrackingPage, TrackingFilter
from dlrkit_servers.routee import RouteeServer
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openapi_support import load_spec

from overlay.routee.conftest import NOW
from overlay.routee.fakes import FakeRoutee, json_body
from overlay.routee.strategies import spring_pages

WEEK: dict[str, Any] = {"date_start": NOW - timedelta(days=7), "date_end": NOW}


async def _collect(pager: AsyncPager[SmsTrackingPage, SmsTracking]) -> list[SmsTracking]:
    return [item async for item in pager]


@pytest.mark.parametrize("size", [7, 100, 2000])
def test_every_part_exactly_once(api: AuthenticatedClient, server: RouteeServer, size: int) -> None:
    """Iterating a week yields every part of the reference server exactly once."""
    seen = Counter(item.sms_id for item in routee.iter_sms_tracking(api, **WEEK, size=size))
    assert set(seen.values()) == {1}
    assert set(seen) == {part.multi["smsId"] for part in server.data.parts}


def test_async_equals_sync(api: AuthenticatedClient) -> None:
    """The async iterator yields the same items in the same order as the sync one."""
    sync = [item.sms_id for item in routee.iter_sms_tracking(api, **WEEK, size=50)]
    items = asyncio.run(_collect(routee.aiter_sms_tracking(api, **WEEK, size=50)))
    assert [item.sms_id for item in items] == sync


def test_pages_are_numbered_from_zero(api: AuthenticatedClient, server: RouteeServer) -> None:
    """iter_pages yields pages 0..n-1; the last says last and first_page is page 0."""
    pager = routee.iter_sms_tracking(api, **WEEK, size=100)
    pages = list(pager.iter_pages())
    assert [page.number for page in pages] == list(range(len(pages)))
    assert pages[-1].last
    assert not any(page.last for page in pages[:-1])
    assert pager.first_page().number == 0
    assert sum(page.number_of_elements for page in pages) == len(server.data.parts)


def test_start_page_skips_earlier_pages(api: AuthenticatedClient) -> None:
    """page= starts iteration at that 0-based page."""
    everything = [item.sms_id for item in routee.iter_sms_tracking(api, **WEEK, size=40)]
    rest = [item.sms_id for item in routee.iter_sms_tracking(api, **WEEK, size=40, page=2)]
    assert rest == everything[80:]


def test_filters_narrow_the_search(api: AuthenticatedClient, server: RouteeServer) -> None:
    """A status filter is applied by the server; the iterator yields exactly the matches."""
    delivered = routee.Filter("status.status", "Delivered")
    found = {item.sms_id for item in routee.iter_sms_tracking(api, **WEEK, filters=[delivered])}
    expected = {
        p.multi["smsId"] for p in server.data.parts if p.multi["status"]["status"] == "Delivered"
    }
    assert found == expected


def test_campaign_iteration(api: AuthenticatedClient, server: RouteeServer) -> None:
    """iter_campaign_tracking yields every part of one campaign once, sync and async alike."""
    campaign = server.sample_ids["track_campaign_sms"][0]
    expected = [p.multi["smsId"] for p in server.data.by_campaign[campaign]]
    sync = [item.sms_id for item in routee.iter_campaign_tracking(api, campaign, size=9)]
    items = asyncio.run(_collect(routee.aiter_campaign_tracking(api, campaign, size=9)))
    assert sync == expected
    assert [item.sms_id for item in items] == expected


def test_every_filter_reaches_the_request() -> None:
    """Dates, filters, sort, tracking id, campaign, page and size all reach the request."""
    fake = FakeRoutee()
    fake.api_response = spring_pages(0)
    pager = routee.iter_sms_tracking(
        fake.client(),
        date_start=datetime(2016, 8, 19, 15, 0, tzinfo=UTC),
        date_end=datetime(2016, 8, 19, 18, 30, 5, tzinfo=timezone(timedelta(hours=2))),
        filters=[
            routee.Filter("to", "+30694", operator="starts_with"),
            TrackingFilter.from_dict({"fieldName": "label", "searchTerm": "otp"}),
        ],
        sort="operator",
        tracking_id="campaign-1",
        campaign=True,
        size=2000,
        page=3,
    )
    assert list(pager) == []
    (request,) = fake.api_requests
    assert (request.method, request.url.path) == ("POST", "/sms/tracking")
    assert dict(request.url.params) == {
        "dateStart": "2016-08-19T15:00Z",
        "dateEnd": "2016-08-19T16:30:05Z",
        "page": "3",
        "size": "2000",
        "sort": "operator",
        "trackingId": "campaign-1",
        "campaign": "true",
    }
    assert json_body(request) == [
        {"fieldName": "to", "searchTerm": "+30694", "searchOperator": "starts_with"},
        {"fieldName": "label", "searchTerm": "otp"},
    ]


def test_no_filters_send_an_empty_array() -> None:
    """Without filters the body is ``[]`` and optional parameters are left out."""
    fake = FakeRoutee()
    fake.api_response = spring_pages(0)
    list(routee.iter_sms_tracking(fake.client(), **WEEK))
    (request,) = fake.api_requests
    assert json_body(request) == []
    assert set(request.url.params) == {"dateStart", "dateEnd", "page", "size"}
    assert request.url.params["size"] == "100"


@settings(max_examples=40, deadline=None)
@given(total=st.integers(0, 60), size=st.integers(1, 25), never_last=st.booleans())
def test_any_total_and_size(total: int, size: int, never_last: bool) -> None:
    """For any total and page size every item comes once, even if `last` is never true."""
    fake = FakeRoutee()
    fake.api_response = spring_pages(total, never_last=never_last)
    items = [item.sms_id for item in routee.iter_sms_tracking(fake.client(), **WEEK, size=size)]
    assert items == [f"sms-{i}" for i in range(total)]
    pages = -(-total // size)
    assert len(fake.api_requests) == max(pages, 1) + (never_last and total > 0)


def test_server_ignoring_page_is_stopped() -> None:
    """A server that serves page 0 for every page number raises PaginationError, no loop."""
    fake = FakeRoutee()
    serve = spring_pages(10, never_last=True)
    fake.api_response = lambda r: serve(httpx.Request("POST", r.url.copy_with(params={"size": 5})))
    with pytest.raises(PaginationError, match="repeats"):
        list(routee.iter_sms_tracking(fake.client(), **WEEK, size=5))
    assert len(fake.api_requests) == 2


def test_max_pages_bounds_the_iteration() -> None:
    """max_pages stops an endless listing with PaginationError."""
    fake = FakeRoutee()
    fake.api_response = spring_pages(1000, never_last=True)
    with pytest.raises(PaginationError, match="max_pages=3"):
        list(routee.iter_sms_tracking(fake.client(), **WEEK, size=1, max_pages=3))
    assert len(fake.api_requests) == 3


def test_tracking_post_is_retried_as_a_read() -> None:
    """POST /sms/tracking is a safe path: a 503 is retried and the listing completes."""
    fake = FakeRoutee()
    serve = spring_pages(3)
    answers: list[httpx.Response] = [httpx.Response(503)]
    fake.api_response = lambda request: answers.pop() if answers else serve(request)
    items = list(routee.iter_sms_tracking(fake.client(), **WEEK))
    assert len(items) == 3
    assert len(fake.api_requests) == 2
    assert len(fake.token_requests) == 1


def _call(**changes: Any) -> None:
    kwargs: dict[str, Any] = {**WEEK, **changes}
    routee.iter_sms_tracking(FakeRoutee().client(), **kwargs)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date_start": datetime(2026, 1, 10, 12, 0)}, "date_start"),
        ({"date_start": "2026-01-10T12:00Z"}, "date_start"),
        ({"date_end": NOW.date()}, "date_end"),
        ({"date_end": NOW - timedelta(days=8)}, "date_end"),
        ({"size": 0}, "size"),
        ({"size": 2001}, "size"),
        ({"size": True}, "size"),
        ({"page": -1}, "page"),
        ({"sort": ""}, "sort"),
        ({"tracking_id": " "}, "tracking_id"),
        ({"campaign": "yes"}, "campaign"),
        ({"filters": routee.Filter("to", "x")}, "filters"),
        ({"filters": [{"fieldName": "to", "searchTerm": "x"}]}, "filters[0]"),
        ({"max_pages": 0}, "max_pages"),
    ],
)
def test_bad_arguments_are_named(changes: dict[str, Any], field: str) -> None:
    """Bad arguments raise InvalidFieldError naming the argument, before any request."""
    with pytest.raises(InvalidFieldError) as info:
        _call(**changes)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("smsid", "x"), "Filter.field"),
        (("to", 5), "Filter.term"),
        (("to", "x", "equals"), "Filter.operator"),
    ],
)
def test_bad_filters_are_named(args: tuple[Any, ...], field: str) -> None:
    """A Filter with an unknown field, operator or a non-text term names what is wrong."""
    with pytest.raises(InvalidFieldError) as info:
        routee.Filter(*args)
    assert info.value.field == field


def test_bad_campaign_id_is_named() -> None:
    """An empty campaign tracking id is refused before any request."""
    with pytest.raises(InvalidFieldError, match="campaign_tracking_id"):
        routee.iter_campaign_tracking(FakeRoutee().client(), "")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime(2016, 8, 19, 15, 0, tzinfo=UTC), "2016-08-19T15:00Z"),
        (datetime(2016, 8, 19, 15, 0, 7, tzinfo=UTC), "2016-08-19T15:00:07Z"),
        (datetime(2016, 8, 19, 15, 0, 7, 500, tzinfo=UTC), "2016-08-19T15:00:07.000500Z"),
        (datetime(2016, 8, 19, 17, 0, tzinfo=timezone(timedelta(hours=2))), "2016-08-19T15:00Z"),
        (datetime(5, 1, 2, 3, 4, tzinfo=UTC), "0005-01-02T03:04Z"),
    ],
)
def test_date_format(value: datetime, text: str) -> None:
    """Dates go out in UTC, at minute precision when the seconds are zero."""
    assert format_date(value, field="date_start") == text


@settings(deadline=None, max_examples=50)
@given(st.datetimes(timezones=st.timezones()))
def test_dates_match_the_spec_pattern(value: datetime) -> None:
    """Every formatted date matches the spec's pattern and stands for the same instant."""
    pattern = load_spec("routee")["components"]["schemas"]["IsoDateTimeWithOffset"]["pattern"]
    assume(datetime.min.replace(tzinfo=UTC) + timedelta(days=1) < value)
    assume(value < datetime.max.replace(tzinfo=UTC) - timedelta(days=1))
    text = format_date(value, field="date_start")
    assert re.fullmatch(pattern, text)
    # astimezone, not ==: PEP 495 makes == false across zones for times in a DST gap or fold.
    assert parse_timestamp(text, field="t") == value.astimezone(UTC)
