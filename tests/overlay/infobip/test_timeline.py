from __future__ import annotations

import asyncio
from typing import Any

from dlrkit import infobip

from overlay.infobip.fakes import DrainServer, mock_client, report


def test_reports_timeline_reads_the_message_reports(api: Any, server: Any) -> None:
    """source="reports" gives the message's report as an event, then nothing: it consumed it."""
    for message_id in server.sample_ids["messageId"]:
        [event] = infobip.timeline(api, message_id, source="reports")
        assert event.message_id == message_id
        assert infobip.timeline(api, message_id, source="reports") == []


def test_async_reports_timeline_equals_sync(api: Any, server: Any) -> None:
    """The async reports timeline equals the sync one on the same (refilled) queue."""
    message_id = server.sample_ids["messageId"][1]
    sync = infobip.timeline(api, message_id, source="reports")
    server.refill()
    assert asyncio.run(infobip.atimeline(api, message_id, source="reports")) == sync


def test_timeline_is_oldest_first_and_filtered() -> None:
    """Reports of one message come back oldest first; the query names the message."""
    drain = DrainServer(0)
    enroute = {"groupId": 1, "groupName": "PENDING", "id": 7, "name": "PENDING_ENROUTE"}
    enroute["description"] = "Message sent to next instance"
    drain.pending = [
        report(messageId="M", doneAt="2019-11-09T16:05:00.000+0000"),
        report(messageId="M", doneAt="2019-11-09T16:00:00.000+0000", status=enroute),
    ]
    events = infobip.timeline(mock_client(drain), "M", source="reports")
    assert [e.raw_status for e in events] == ["PENDING_ENROUTE", "DELIVERED_TO_HANDSET"]
    assert drain.requests[0].url.params["messageId"] == "M"
