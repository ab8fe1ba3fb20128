from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from dlrkit import DeliveryStatus, InvalidFieldError, NotFoundError, sentdm

from overlay.sentdm.fakes import (
    KEY,
    MESSAGE_ID,
    activities,
    envelope,
    json_response,
    message,
    mock_client,
)


def test_timeline_is_oldest_first(api: Any, server: Any) -> None:
    """The timeline gives the activities as events, oldest first, ending at the current status."""
    for message_id in server.sample_ids["list_message_activities"]:
        events = sentdm.timeline(api, message_id)
        status = sentdm.get_message_status(api, message_id)
        log = sentdm.list_message_activities(api, message_id)
        assert [e.occurred_at for e in events] == sorted(e.occurred_at for e in events)
        assert [e.raw_status for e in events] == [str(a.status) for a in log.activities][::-1]
        assert events[-1].status is sentdm.STATUS_MAP[str(status.status)]
        assert {e.recipient for e in events} == {status.phone}


def test_async_timeline_equals_sync(api: Any, server: Any) -> None:
    """The async timeline equals the sync one."""
    aapi = sentdm.client(KEY, app=server.app)
    for message_id in server.sample_ids["get_message_status"]:
        assert asyncio.run(sentdm.atimeline(aapi, message_id)) == sentdm.timeline(api, message_id)


def _serve(log: dict[str, Any]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/activities"):
            return json_response(200, envelope(log))
        return json_response(200, envelope(message()))

    return mock_client(handler)


def test_same_instant_rows_keep_their_order() -> None:
    """Activities at the same instant stay in chronological (reversed newest-first) order."""
    log = activities()
    stamp = log["activities"][-1]["timestamp"]
    for row in log["activities"]:
        row["timestamp"] = stamp
    events = sentdm.timeline(_serve(log), MESSAGE_ID)
    assert [e.raw_status for e in events] == ["ACCEPTED", "PROCESSED", "SENT", "DELIVERED"]


def test_unsorted_log_is_sorted() -> None:
    """A log out of order still gives an oldest-first timeline."""
    log = activities()
    log["activities"] = log["activities"][1:] + log["activities"][:1]
    events = sentdm.timeline(_serve(log), MESSAGE_ID)
    assert [e.raw_status for e in events] == ["ACCEPTED", "PROCESSED", "SENT", "DELIVERED"]


def test_empty_log_falls_back_on_status_events() -> None:
    """With no activities yet the timeline comes from the message's status events."""
    events = sentdm.timeline(_serve({"message_id": MESSAGE_ID, "activities": []}), MESSAGE_ID)
    assert [e.status for e in events] == [
        DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
    ]  # fmt: skip


def test_unknown_message_raises(api: Any) -> None:
    """A message that does not exist raises NotFoundError, an invalid id InvalidFieldError."""
    with pytest.raises(NotFoundError):
        sentdm.timeline(api, "123e4567-e89b-42d3-a456-426614174000")
    with pytest.raises(InvalidFieldError):
        sentdm.timeline(api, "not-a-uuid")
