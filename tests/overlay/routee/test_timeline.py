from __future__ import annotations

import asyncio

import httpx
import pytest
from dlrkit import InvalidFieldError, NotFoundError, routee
from dlrkit_routee_api.client import AuthenticatedClient
from dlrkit_servers.routee import RouteeServer

from overlay.routee.fakes import FakeRoutee
from overlay.routee.strategies import tracking_item


def test_timeline_of_a_multipart_message(api: AuthenticatedClient, server: RouteeServer) -> None:
    """One event per part, oldest first, for a message of the reference server."""
    message_id = server.sample_ids["get_sms_tracking"][0]
    events = routee.timeline(api, message_id)
    parts = server.data.by_message[message_id]
    assert len(events) == len(parts) > 1
    assert {event.part_id for event in events} == {p.multi["smsId"] for p in parts}
    assert all(event.message_id == message_id for event in events)
    times = [event.occurred_at for event in events]
    assert times == sorted(times)


def test_async_timeline_equals_sync(api: AuthenticatedClient, server: RouteeServer) -> None:
    """Atimeline returns the same events as timeline."""
    for message_id in server.sample_ids["get_sms_tracking"]:
        assert asyncio.run(routee.atimeline(api, message_id)) == routee.timeline(api, message_id)


def test_timeline_sorts_out_of_order_parts() -> None:
    """Parts listed out of time order come back sorted; equal times keep part order."""
    parts = [
        tracking_item(1, date="2016-08-19T15:02Z", messageId="m"),
        tracking_item(2, date="2016-08-19T15:00Z", messageId="m"),
        tracking_item(3, date="2016-08-19T15:02Z", messageId="m"),
    ]
    fake = FakeRoutee()
    fake.api_response = lambda _: httpx.Response(200, json=parts)
    events = routee.timeline(fake.client(), "m")
    assert [event.part_id for event in events] == ["sms-2", "sms-1", "sms-3"]


def test_timeline_of_unknown_message(api: AuthenticatedClient) -> None:
    """An unknown message id raises NotFoundError."""
    with pytest.raises(NotFoundError):
        routee.timeline(api, "no-such-message")


def test_message_id_is_checked() -> None:
    """An empty message id is refused before any request."""
    fake = FakeRoutee()
    with pytest.raises(InvalidFieldError, match="message_id"):
        routee.timeline(fake.client(), "")
    assert fake.api_requests == []


def test_message_id_is_escaped() -> None:
    """A message id with a slash stays one path segment."""
    fake = FakeRoutee()
    routee.get_sms_tracking(fake.client(), "a/b")
    assert fake.api_requests[0].url.raw_path == b"/sms/tracking/single/a%2Fb"
