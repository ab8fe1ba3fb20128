from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx
import pytest
from dlrkit import InvalidFieldError, PaginationError, sentdm
from dlrkit_sentdm_api.models import Contact, ContactListEnvelope
from hypothesis import given, settings

from overlay import strategies
from overlay.sentdm.fakes import (
    ContactsServer,
    contact,
    envelope,
    json_response,
    mock_client,
)


def _ids(contacts: list[Contact]) -> list[str]:
    return [str(c.id) for c in contacts]


@pytest.mark.parametrize("page_size", [7, 20, 100, 1000])
def test_every_contact_exactly_once(api: Any, page_size: int) -> None:
    """iter_contacts yields each of the server's contacts exactly once, any page size."""
    first = sentdm.iter_contacts(api, page_size=page_size).first_page()
    ids = _ids(list(sentdm.iter_contacts(api, page_size=page_size)))
    assert len(ids) == len(set(ids)) == first.data.pagination.total_count


def test_pages_are_envelopes_in_order(api: Any) -> None:
    """iter_pages yields envelopes for pages 1..total_pages, the last without has_more."""
    pages = list(sentdm.iter_contacts(api, page_size=50).iter_pages())
    assert all(isinstance(page, ContactListEnvelope) for page in pages)
    assert [p.data.pagination.page for p in pages] == list(range(1, len(pages) + 1))
    assert len(pages) == pages[0].data.pagination.total_pages
    assert [p.data.pagination.has_more for p in pages][-1] is False


def test_async_iteration_equals_sync(api: Any, server: Any) -> None:
    """aiter_contacts yields the same contacts in the same order as iter_contacts."""
    aapi = sentdm.client("6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70", app=server.app)

    async def collect() -> tuple[list[Contact], ContactListEnvelope]:
        pager = sentdm.aiter_contacts(aapi, page_size=30, channel="sms")
        return [c async for c in pager], await pager

    items, first = asyncio.run(collect())
    assert items == list(sentdm.iter_contacts(api, page_size=30, channel="sms"))
    assert first.data == sentdm.iter_contacts(api, page_size=30, channel="sms").first_page().data


def test_channel_and_search_filter(api: Any) -> None:
    """The channel and search filters reach the server and narrow the listing."""
    everyone = list(sentdm.iter_contacts(api, page_size=100))
    whatsapp = list(sentdm.iter_contacts(api, page_size=100, channel="whatsapp"))
    assert 0 < len(whatsapp) < len(everyone)
    assert all("whatsapp" in str(c.available_channels).split(",") for c in whatsapp)
    found = list(sentdm.iter_contacts(api, search=str(everyone[0].format_national)))
    assert everyone[0] in found


def test_phone_filter_finds_one_contact(api: Any) -> None:
    """The phone filter selects the one contact with that number."""
    target = next(iter(sentdm.iter_contacts(api)))
    assert list(sentdm.iter_contacts(api, phone=target.phone_number)) == [target]


def test_every_filter_reaches_the_query() -> None:
    """Each filter and the profile are sent on every page request."""
    server = ContactsServer(5)
    profile = "0b5c8d1e-7a4f-4c2b-9e1d-5f6a7b8c9d0e"
    pager = sentdm.iter_contacts(
        mock_client(server), page=1, page_size=2, search="ann", channel="sms", phone="+1",
        profile_id=profile,
    )  # fmt: skip
    assert len(list(pager)) == 5
    for number, request in enumerate(server.requests, start=1):
        assert dict(request.url.params) == {
            "page": str(number), "page_size": "2", "search": "ann", "channel": "sms", "phone": "+1",
        }  # fmt: skip
        assert request.headers["x-profile-id"] == profile


@settings(max_examples=25, deadline=None)
@given(total=strategies.totals, page_size=strategies.page_sizes)
def test_any_total_and_page_size(total: int, page_size: int) -> None:
    """For any total and page size every contact comes once, in one request per page."""
    server = ContactsServer(total)
    ids = _ids(list(sentdm.iter_contacts(mock_client(server), page_size=page_size)))
    assert ids == [row["id"] for row in server.rows]
    assert len(server.requests) == max(1, math.ceil(total / page_size))


def test_starting_page_skips_earlier_pages() -> None:
    """page= starts the listing at that page."""
    server = ContactsServer(10)
    ids = _ids(list(sentdm.iter_contacts(mock_client(server), page=2, page_size=4)))
    assert ids == [row["id"] for row in server.rows[4:]]


def test_server_ignoring_page_is_stopped() -> None:
    """A server that repeats page 1 while claiming more raises PaginationError."""
    pagination = {"page": 1, "page_size": 2, "total_count": 9, "total_pages": 5, "has_more": True}
    body = envelope({"contacts": [contact(0), contact(1)], "pagination": pagination})
    with pytest.raises(PaginationError, match="repeats"):
        list(sentdm.iter_contacts(mock_client(lambda request: json_response(200, body))))


def test_empty_page_claiming_more_ends_the_listing() -> None:
    """An empty page with has_more true ends iteration instead of looping."""
    pagination = {"page": 1, "page_size": 2, "total_count": 9, "total_pages": 5, "has_more": True}
    body = envelope({"contacts": [], "pagination": pagination})
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, body)

    assert list(sentdm.iter_contacts(mock_client(handler))) == []
    assert len(seen) == 1


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"page_size": 0}, "page_size"),
        ({"page_size": True}, "page_size"),
        ({"page": -1}, "page"),
        ({"page": 2**31}, "page"),
        ({"channel": 3}, "channel"),
        ({"profile_id": "x"}, "profile_id"),
        ({"max_pages": 0}, "max_pages"),
    ],
)
def test_bad_arguments_fail_before_any_request(options: dict[str, Any], field: str) -> None:
    """Bad arguments raise InvalidFieldError naming the argument, without a request."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    with pytest.raises(InvalidFieldError) as info:
        sentdm.iter_contacts(mock_client(handler), **options)
    assert info.value.field == field
