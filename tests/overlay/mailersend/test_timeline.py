from __future__ import annotations

import asyncio
import json
import random
from pathlib import Path
from typing import Any

import httpx
import pytest
from dlrkit import DeliveryStatus, NotFoundError, mailersend
from dlrkit_servers import ReferenceServer
from hypothesis import given
from hypothesis import strategies as st

from overlay.mailersend.support import TOKEN, close, mock_client

SEEDS = Path(__file__).parents[2] / "fixtures" / "seeds" / "mailersend"
SEED_MESSAGE = SEEDS / "sms_message_get_200.json"
LIFE = ["processed", "queued", "sent", "delivered"]


def _serve(body: dict[str, Any]) -> Any:
    return mock_client(lambda _: httpx.Response(200, json=body))


def test_docs_example_is_put_in_time_order() -> None:
    """The docs' unsorted activity (delivered, processed, queued, sent) comes back in order."""
    body = json.loads(SEED_MESSAGE.read_text())
    events = mailersend.timeline(_serve(body), "62134a2d7de3253bf10d6642")
    assert [e.raw_status for e in events] == LIFE
    assert [e.occurred_at for e in events] == sorted(e.occurred_at for e in events)


@given(order=st.permutations(LIFE), seed=st.integers(0, 2**16))
def test_same_instant_ties_follow_the_lifecycle(order: list[str], seed: int) -> None:
    """Rows sharing one timestamp are ordered processed, queued, sent, delivered, whatever order."""
    body = json.loads(SEED_MESSAGE.read_text())
    rows = body["data"]["sms_activity"]
    for row, status in zip(rows, order, strict=True):
        row.update(status=status, created_at="2022-02-21T08:15:46.627000Z")
    random.Random(seed).shuffle(rows)  # noqa: S311 -- test data, not security
    events = mailersend.in_time_order(mailersend.normalize_payload(body))
    assert [e.raw_status for e in events] == LIFE


def test_timeline_is_ordered_for_every_sample_message(server: ReferenceServer) -> None:
    """Against the reference server, each sample message's timeline is time-ordered and sane."""
    client = mailersend.client(TOKEN, app=server.app)
    try:
        for message_id in server.sample_ids["get_sms_message"]:
            events = mailersend.timeline(client, message_id)
            keys = [(e.occurred_at, mailersend.STATUS_MAP[e.raw_status]) for e in events]
            assert events
            assert [k[0] for k in keys] == sorted(k[0] for k in keys)
            assert {e.message_id for e in events} == {message_id}
            for recipient in {e.recipient for e in events}:
                own = [e.status for e in events if e.recipient == recipient]
                assert own[0] is DeliveryStatus.ACCEPTED
    finally:
        close(client)


def test_atimeline_equals_timeline(server: ReferenceServer) -> None:
    """The async atimeline returns the same events as timeline."""
    message_id = server.sample_ids["get_sms_message"][0]
    client = mailersend.client(TOKEN, app=server.app)
    try:
        sync = mailersend.timeline(client, message_id)
    finally:
        close(client)

    async def run() -> Any:
        async with client:
            return await mailersend.atimeline(client, message_id)

    assert asyncio.run(run()) == sync


def test_timeline_of_an_unknown_message_is_not_found(ms: Any) -> None:
    """A timeline for an id MailerSend does not know raises NotFoundError."""
    with pytest.raises(NotFoundError):
        mailersend.timeline(ms, "ffffffffffffffffffffffff")
