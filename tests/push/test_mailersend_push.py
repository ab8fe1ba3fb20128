"""MailerSend's reference server pushing callbacks to a real local receiver, end to end.

Bodies are checked against the spec's ``webhooks:`` entry named by their ``type``, signatures
with the client's own ``dlrkit.mailersend.parse_callback``, statuses against the API.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter, defaultdict
from datetime import UTC, datetime

import httpx
import pytest
from callback_support import body_errors
from dlrkit import SignatureError
from dlrkit.mailersend import parse_callback
from dlrkit_contract._serving import served
from dlrkit_servers import ReferenceServer, create_app
from dlrkit_servers.mailersend import webhook_store
from waiting import wait_until

from push.receiver import Recorder

TOKEN = "ms-push-token"  # noqa: S105 -- a test credential
SECRET = "dlrkit_test_secret_0123456789abcdef"  # noqa: S105 -- a test secret
NOW = datetime(2026, 3, 1, tzinfo=UTC)
SETTLE = 60.0


def _server(url: str, **kwargs: object) -> ReferenceServer:
    options: dict[str, object] = {"callback_rate": 300.0, "callback_retry_delay": 0.0}
    options.update(kwargs)
    return create_app(
        "mailersend",
        token=TOKEN,
        seed=3,
        now=NOW,
        size=6,
        callback_url=url,
        callback_secret=SECRET,
        **options,  # type: ignore[arg-type]
    )


def test_every_event_arrives_once_schema_valid_and_signed() -> None:
    """Each event reaches --callback-url once, fits the spec's webhook body and verifies."""
    recorder = Recorder()
    with served(recorder) as origin:
        server = _server(origin + "/hook")
        sender = server.callbacks
        assert sender is not None
        with server:
            assert sender.wait_settled(SETTLE)
    requests = recorder.requests
    assert len(requests) == len(sender.events) > 0
    keys = set()
    for request in requests:
        assert b"\\/" in request.body  # PHP's json_encode escaping, as the real bodies have
        body = json.loads(request.body)
        assert body_errors("mailersend", body["type"], body) == []
        (event,) = parse_callback(request.body, request.headers, secret=SECRET)
        assert event.raw_status == body["type"]
        keys.add((body["type"], body["data"]["sms"]["id"]))
        assert body["url"] == origin + "/hook"
    assert len(keys) == len(requests)  # no event twice
    with pytest.raises(SignatureError):
        parse_callback(requests[0].body, requests[0].headers, secret=SECRET + "x")


def test_callback_webhooks_are_real_registrations() -> None:
    """--callback-url is one webhook per sending number; bodies name it, the API lists it."""
    recorder = Recorder()
    with served(recorder) as origin:
        server = _server(origin + "/hook")
        store = webhook_store(server)
        ours = {hook.id: hook for hook in store if hook.url == origin + "/hook"}
        assert {hook.number.id for hook in ours.values()} == set(store.numbers)
        assert all(store.signing_secret(hook_id) == SECRET for hook_id in ours)
        with server:
            assert server.callbacks is not None
            assert server.callbacks.wait_settled(SETTLE)
    for request in recorder.requests:
        body = json.loads(request.body)
        assert ours[body["sms_webhook_id"]].number.id == body["sms_number_id"]


def test_every_callback_status_is_one_the_api_shows() -> None:
    """Each callback's status is in the message's API history; the last one is its status."""
    recorder = Recorder()
    with served(recorder) as origin:
        server = _server(origin + "/hook")
        with server:
            assert server.callbacks is not None
            assert server.callbacks.wait_settled(SETTLE)
    transport = httpx.ASGITransport(app=server.app)
    last: dict[str, tuple[str, str]] = {}
    history: dict[str, set[str]] = defaultdict(set)
    messages: dict[str, dict[str, object]] = {}

    async def fetch() -> None:
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://mailersend.test/v1",
            headers={"Authorization": f"Bearer {TOKEN}"},
        ) as client:
            for message_id in {
                json.loads(r.body)["data"]["sms_message_id"] for r in recorder.requests
            }:
                response = await client.get(f"/sms-messages/{message_id}")
                assert response.status_code == 200
                messages[message_id] = response.json()["data"]

    asyncio.run(fetch())
    for request in recorder.requests:
        data = json.loads(request.body)["data"]
        message = messages[data["sms_message_id"]]
        sms_ids = {sms["id"]: sms for sms in message["sms"]}  # type: ignore[attr-defined]
        assert data["sms"]["id"] in sms_ids
        passed = {
            row["status"]
            for row in message["sms_activity"]  # type: ignore[attr-defined]
            if row["to"] == data["to"]
        }
        assert data["status"] in passed
        history[data["sms"]["id"]].add(data["status"])
        previous = last.get(data["sms"]["id"])
        if previous is None or data["created_at"] >= previous[0]:
            last[data["sms"]["id"]] = (data["created_at"], data["status"])
    for message in messages.values():
        for sms in message["sms"]:  # type: ignore[attr-defined]
            if sms["id"] in last:
                assert last[sms["id"]][1] == sms["status"]


def _busiest_number(server: ReferenceServer) -> str:
    assert server.callbacks is not None
    counts = Counter(str(event.item["sms_number_id"]) for event in server.callbacks.events)
    return counts.most_common(1)[0][0]


def test_a_webhook_registered_over_http_gets_its_events() -> None:
    """POST /v1/sms-webhooks: that URL gets its number's subscribed events, signed with its secret.

    A disabled webhook gets nothing; deleting a webhook stops its callbacks.
    """
    recorder = Recorder()
    with served(recorder) as origin:
        server = _server(origin + "/hook")
        store = webhook_store(server)
        number = _busiest_number(server)
        with served(server.app) as api, server:
            headers = {"Authorization": f"Bearer {TOKEN}"}

            def register(path: str, events: list[str], enabled: bool) -> str:
                payload = {
                    "sms_number_id": number,
                    "name": path,
                    "url": origin + path,
                    "events": events,
                    "enabled": enabled,
                }
                answer = httpx.post(
                    f"{api}/v1/sms-webhooks", json=payload, headers=headers, timeout=10
                )
                assert answer.status_code == 201, answer.text
                webhook_id: str = answer.json()["data"]["id"]
                return webhook_id

            delivered = register("/delivered", ["sms.delivered"], True)
            register("/disabled", ["sms.sent", "sms.delivered", "sms.failed"], False)
            assert server.callbacks is not None
            assert server.callbacks.wait_settled(SETTLE)
    expected = [
        event
        for event in server.callbacks.events
        if event.kind == "sms.delivered" and event.item["sms_number_id"] == number
    ]
    got = recorder.at("/delivered")
    assert len(got) == len(expected) > 0
    secret = store.signing_secret(delivered)
    assert secret != SECRET
    for request in got:
        body = json.loads(request.body)
        assert body["type"] == "sms.delivered"
        assert body["sms_number_id"] == number
        assert body["sms_webhook_id"] == delivered
        parse_callback(request.body, request.headers, secret=secret)
    assert recorder.at("/disabled") == []


def test_deleting_a_webhook_stops_its_callbacks() -> None:
    """A webhook deleted while its events are being sent gets no more of them."""
    recorder = Recorder()
    with served(recorder) as origin:
        server = _server(origin + "/hook", callback_rate=40.0)
        number = _busiest_number(server)
        with served(server.app) as api, server:
            headers = {"Authorization": f"Bearer {TOKEN}"}
            payload = {
                "sms_number_id": number,
                "name": "doomed",
                "url": origin + "/doomed",
                "events": ["sms.sent", "sms.delivered", "sms.failed"],
            }
            answer = httpx.post(f"{api}/v1/sms-webhooks", json=payload, headers=headers, timeout=10)
            webhook_id = answer.json()["data"]["id"]
            wait_until(lambda: recorder.at("/doomed"), timeout=SETTLE, what="a first callback")
            gone = httpx.delete(f"{api}/v1/sms-webhooks/{webhook_id}", headers=headers, timeout=10)
            assert gone.status_code == 204
            arrived = len(recorder.at("/doomed"))
            assert server.callbacks is not None
            assert server.callbacks.wait_settled(SETTLE)
    total = sum(1 for e in server.callbacks.events if e.item["sms_number_id"] == number)
    # At most the POSTs already in flight when it was deleted arrive after the DELETE.
    assert len(recorder.at("/doomed")) < total
    assert len(recorder.at("/doomed")) <= arrived + 64


def test_events_follow_the_data_set() -> None:
    """Only sent, delivered and failed are pushed, one per SMS and status, in time order."""
    server = create_app(
        "mailersend", token=TOKEN, seed=3, now=NOW, size=6, callback_url="http://127.0.0.1:9/x"
    )
    assert server.callbacks is not None
    events = server.callbacks.events
    assert {event.status for event in events} <= {"sent", "delivered", "failed"}
    assert len({event.key for event in events}) == len(events)
    assert [(e.at, e.key) for e in events] == sorted((e.at, e.key) for e in events)
    assert server.callbacks.secret is not None
