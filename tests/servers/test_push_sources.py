"""The callback sources of the sent.dm, Infobip and Routee servers (``server.state["push"]``).

What is checked, for the default data set of each provider: every body the source makes
validates against the spec's ``webhooks:`` entry (the schema reached through the webhook's
POST requestBody, formats on), parses through ``dlrkit.<provider>.parse_callback`` into events
with the same statuses, and agrees with the API: asked in-process, the API shows each
message (Routee: each part) in the status of its last callback, and every earlier callback
is a status it passed through. sent.dm's signatures verify with the overlay and with the
``standardwebhooks`` library, and fail on a tampered body. The sender (timing, HTTP, retries)
is not exercised here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import dlrkit.infobip
import dlrkit.routee
import dlrkit.sentdm
import pytest
import standardwebhooks
from dlrkit import InvalidFieldError, SignatureError
from dlrkit_servers import create_app
from dlrkit_servers._push import Endpoint, PushEvent, PushSource
from dlrkit_servers.infobip import create_server as create_infobip
from dlrkit_servers.infobip._app import InfobipServer
from dlrkit_servers.infobip._catalogue import STATUS_GROUPS
from dlrkit_servers.infobip._data import ReportStore
from dlrkit_servers.infobip._push import InfobipPush
from dlrkit_servers.routee._app import RouteeServer
from dlrkit_servers.routee._data import build_data as build_routee
from dlrkit_servers.routee._push import RouteePush
from dlrkit_servers.sentdm._data import build_data as build_sentdm
from dlrkit_servers.sentdm._push import SentDmPush
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from openapi_support import load_spec, schema_validator

from servers.asgi_client import AppClient

NOW = datetime(2026, 5, 21, 12, 0, tzinfo=UTC)
SEED = 11
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # noqa: S105 -- the public spec vector
OTHER_SECRET = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"
ENDPOINT = Endpoint(id="cb-1", url="http://127.0.0.1:9/callbacks")
TOKEN = "push-test-token"  # noqa: S105 -- a test credential
APP_ID, APP_SECRET = "push-app", "push-app-secret"
PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Statuses a message passes through before its API status (Routee / Infobip keep no history).
ROUTEE_BEFORE = {"Queued": 0, "Sent": 1}
ROUTEE_FINAL = {"Queued", "Sent", "Delivered", "Undelivered", "Failed", "Unsent"}


def webhook_validator(provider: str, name: str) -> Draft202012Validator:
    """Validate against the body schema of the spec's ``webhooks: name`` POST, however written."""
    return schema_validator(
        provider, f"#/webhooks/{name}/post/requestBody/content/application~1json/schema"
    )


def errors_of(validator: Draft202012Validator, body: Any) -> list[str]:
    """Return every validation error of ``body``, as path and message."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(body)
    ]


def batches(source: PushSource, events: Sequence[PushEvent]) -> Iterator[list[PushEvent]]:
    """Group events in replay order into POSTs of at most ``batch_max``, as the sender would."""
    for start in range(0, len(events), source.batch_max):
        yield list(events[start : start + source.batch_max])


def push_of(server: object) -> PushSource:
    """Return the server's push source, checked to be one of the three classes."""
    source = getattr(server, "state", {}).get("push")
    assert isinstance(source, SentDmPush | InfobipPush | RouteePush), source
    return source


def by_message(events: Sequence[PushEvent], key: str | None = None) -> dict[str, list[PushEvent]]:
    """Group events by message id, or by ``item[key]`` (Routee parts: ``smsId``)."""
    grouped: dict[str, list[PushEvent]] = defaultdict(list)
    for event in events:
        grouped[event.message_id if key is None else str(event.item[key])].append(event)
    return grouped


def check_order(events: Sequence[PushEvent]) -> None:
    """Assert replay order, unique keys, and no event after the data set's ``now``."""
    assert events, "the default data set has events"
    assert [(e.at, e.key) for e in events] == sorted((e.at, e.key) for e in events)
    assert len({e.key for e in events}) == len(events)
    assert all(e.at.utcoffset() == timedelta(0) and e.at <= NOW for e in events)


# ---- sent.dm ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sentdm() -> Any:
    """Build the sent.dm server (default data set) the tests share."""
    return create_app("sentdm", token=TOKEN, seed=SEED, now=NOW)


def test_sentdm_source_shape(sentdm: Any) -> None:
    """sent.dm: one signed event per POST, 3 attempts of 30 s, any 2xx; events in replay order."""
    source = push_of(sentdm)
    assert (source.provider, source.batch_max, source.signed) == ("sentdm", 1, True)
    assert (source.attempts, source.timeout) == (3, 30.0)
    assert "retry_count" in source.schedule
    assert [source.success(s) for s in (199, 200, 204, 299, 300, 500)] == [
        False, True, True, True, False, False,
    ]  # fmt: skip
    events = source.events()
    check_order(events)
    assert {e.kind for e in events} == {f"message.{e.status.lower()}" for e in events}


def test_sentdm_bodies_fit_the_webhook_schema(sentdm: Any) -> None:
    """Every sent.dm body fits the ``message-status`` webhook and names its event's status."""
    source, validator = push_of(sentdm), webhook_validator("sentdm", "message-status")
    for event in source.events():
        body = json.loads(source.body([event], endpoint=ENDPOINT))
        assert errors_of(validator, body) == [], event.key
        assert body["event"] == event.kind
        assert body["payload"]["message_status"] == event.status
        assert body["payload"]["message_id"] == event.message_id


def test_sentdm_bodies_are_signed_and_parse(sentdm: Any) -> None:
    """Every body verifies (overlay, standardwebhooks, both header sets) and parses back."""
    source = push_of(sentdm)
    now = datetime.now(UTC)  # standardwebhooks checks the wall clock
    for index, event in enumerate(source.events()):
        body = source.body([event], endpoint=ENDPOINT)
        headers = source.headers(body, delivery_id=f"d{index}", secret=SECRET, now=now)
        parsed = dlrkit.sentdm.parse_callback(body, headers, secret=SECRET, now=now)
        assert [(p.message_id, p.raw_status) for p in parsed] == [(event.message_id, event.status)]
        # The Standard Webhooks headers verify with the library itself; so do sent.dm's own,
        # renamed, which proves both signatures are over the same bytes.
        hook = standardwebhooks.Webhook(SECRET)
        assert hook.verify(body, headers) == json.loads(body)
        renamed = {
            f"webhook-{part}": headers[f"X-Webhook-{name}"]
            for part, name in (("id", "ID"), ("timestamp", "Timestamp"), ("signature", "Signature"))
        }
        hook.verify(body, renamed)


def test_sentdm_headers(sentdm: Any) -> None:
    """Both header sets; the webhook id is fixed, the timestamp fresh per attempt; no secret."""
    source = push_of(sentdm)
    assert isinstance(source, SentDmPush)
    body = source.body([source.events()[0]], endpoint=ENDPOINT)
    first = source.headers(body, delivery_id="abc", secret=SECRET, now=NOW)
    later = source.headers(body, delivery_id="abc", secret=SECRET, now=NOW + timedelta(seconds=7))
    assert first["Content-Type"] == "application/json"
    assert first["X-Webhook-ID"] == later["X-Webhook-ID"] == source.webhook_id
    assert first["webhook-id"] == "abc"
    assert first["X-Webhook-Timestamp"] == first["webhook-timestamp"] == str(int(NOW.timestamp()))
    # A fresh timestamp per attempt, hence a fresh signature.
    assert int(later["webhook-timestamp"]) - int(first["webhook-timestamp"]) == 7
    assert later["X-Webhook-Signature"] != first["X-Webhook-Signature"]
    assert "X-Webhook-Event-ID" not in first
    assert SECRET.removeprefix("whsec_") not in repr(first)


def test_sentdm_headers_fit_the_webhook_parameters(sentdm: Any) -> None:
    """Required webhook header parameters are sent; every declared one sent fits its schema."""
    source = push_of(sentdm)
    spec = load_spec("sentdm")
    declared = [
        spec["components"]["parameters"][ref["$ref"].rsplit("/", 1)[1]]
        for ref in spec["webhooks"]["message-status"]["post"]["parameters"]
    ]
    body = source.body([source.events()[0]], endpoint=ENDPOINT)
    sent = {
        k.lower(): v
        for k, v in source.headers(body, delivery_id="d", secret=SECRET, now=NOW).items()
    }
    checked = 0
    for parameter in declared:
        assert parameter["in"] == "header"
        value = sent.get(parameter["name"].lower())
        if value is None:
            assert not parameter.get("required", False), parameter["name"]
            continue
        Draft202012Validator(parameter["schema"], format_checker=FormatChecker()).validate(value)
        checked += 1
    assert checked == 3


def test_sentdm_tampered_or_wrong_secret_fails(sentdm: Any) -> None:
    """A tampered body, another secret or a stale timestamp fails verification."""
    source = push_of(sentdm)
    now = datetime.now(UTC)
    event = next(e for e in source.events() if e.status == "DELIVERED")
    body = source.body([event], endpoint=ENDPOINT)
    headers = source.headers(body, delivery_id="d", secret=SECRET, now=now)
    tampered = body.replace(b"DELIVERED", b"FAILED")
    assert tampered != body
    with pytest.raises(SignatureError):
        dlrkit.sentdm.parse_callback(tampered, headers, secret=SECRET, now=now)
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(SECRET).verify(tampered, headers)
    with pytest.raises(SignatureError):
        dlrkit.sentdm.parse_callback(body, headers, secret=OTHER_SECRET, now=now)
    stale = source.headers(body, delivery_id="d", secret=SECRET, now=now - timedelta(minutes=10))
    with pytest.raises(SignatureError):
        dlrkit.sentdm.parse_callback(body, stale, secret=SECRET, now=now)


@pytest.mark.parametrize(
    "secret",
    [None, "", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not*base64!", "whsec_=="],
)
def test_sentdm_refuses_bad_secrets_without_quoting_them(sentdm: Any, secret: str | None) -> None:
    """A missing or malformed secret is refused, and the message does not quote it."""
    source = push_of(sentdm)
    with pytest.raises(ValueError, match="secret") as caught:
        source.headers(b"{}", delivery_id="d", secret=secret, now=NOW)
    if secret and secret.removeprefix("whsec_"):
        assert secret.removeprefix("whsec_") not in str(caught.value)


def test_sentdm_sends_one_event_per_post(sentdm: Any) -> None:
    """sent.dm bodies carry exactly one event."""
    source = push_of(sentdm)
    two = list(source.events()[:2])
    for wrong in ([], two):
        with pytest.raises(ValueError, match="one event per POST"):
            source.body(wrong, endpoint=ENDPOINT)


def test_sentdm_agrees_with_the_api(sentdm: Any) -> None:
    """The callbacks of each message are its API history in order (less ACCEPTED/PROCESSED)."""
    source = push_of(sentdm)
    grouped = by_message(source.events())
    silent = {"ACCEPTED", "PROCESSED", "RECEIVED"}  # no event type (see the source)
    expected = {
        message_id
        for profile in sentdm_data().profiles.values()
        for message_id, message in profile.messages.items()
        if message["direction"] == "outbound"
        and any(step["status"] not in silent for step in message["events"])
    }
    assert grouped.keys() == expected
    last_equal = 0
    with AppClient(sentdm.app, base_url="https://api.sent.dm") as client:
        for message_id, events in grouped.items():
            account = events[0].item["payload"]["account_id"]
            response = client.get(
                f"/v3/messages/{message_id}", headers={"x-api-key": TOKEN, "x-profile-id": account}
            )
            assert response.status_code == 200, response.text
            data = response.json()["data"]
            history = [step["status"] for step in data["events"]]
            sent = [event.status for event in events]
            # The callbacks are the history in order, less the steps without an event type.
            assert sent == [s for s in history if s not in ("ACCEPTED", "PROCESSED")]
            if data["status"] not in ("ACCEPTED", "PROCESSED"):
                assert sent[-1] == data["status"]
                last_equal += 1
    assert last_equal > len(grouped) * 0.8


def sentdm_data() -> Any:
    """Return the sent.dm data set the shared server was built from (same seed and now)."""
    return build_sentdm(SEED, NOW)


def test_sentdm_events_are_a_function_of_seed_and_now() -> None:
    """Same seed and now, same events and bytes; another seed, others."""

    def replay(seed: int) -> list[tuple[str, datetime, bytes]]:
        source = SentDmPush(build_sentdm(seed, NOW, contacts=20, messages=40), seed=seed)
        return [(e.key, e.at, source.body([e], endpoint=ENDPOINT)) for e in source.events()]

    assert replay(5) == replay(5)
    assert replay(5) != replay(6)


@PROPERTY
@given(seed=st.integers(0, 2**32), messages=st.integers(0, 80))
def test_sentdm_property_bodies_fit_and_end_at_the_api_status(seed: int, messages: int) -> None:
    """For any seed and size, bodies fit and the last event is the message's status."""
    data = build_sentdm(seed, NOW, contacts=5, messages=messages)
    source = SentDmPush(data, seed=seed)
    validator = webhook_validator("sentdm", "message-status")
    statuses = {m_id: m for p in data.profiles.values() for m_id, m in p.messages.items()}
    for message_id, events in by_message(source.events()).items():
        for event in events:
            assert errors_of(validator, json.loads(source.body([event], endpoint=ENDPOINT))) == []
        status = statuses[message_id]["status"]
        history = [step["status"] for step in statuses[message_id]["events"]]
        assert all(event.status in history for event in events)
        assert status in ("ACCEPTED", "PROCESSED") or events[-1].status == status


# ---- Infobip ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def infobip() -> InfobipServer:
    """Build the Infobip server (default data set) the tests share."""
    server = create_app("infobip", token=TOKEN, seed=SEED, now=NOW)
    assert isinstance(server, InfobipServer)
    return server


def test_infobip_source_shape(infobip: InfobipServer) -> None:
    """Infobip: unsigned batches of up to 100, 6 attempts of 10 s, any 2xx; replay order."""
    source = push_of(infobip)
    assert (source.provider, source.batch_max, source.signed) == ("infobip", 100, False)
    assert (source.attempts, source.timeout) == (6, 10.0)
    assert "1 min + n^2 min" in source.schedule
    assert [source.success(s) for s in (200, 204, 301, 500)] == [True, True, False, False]
    check_order(source.events())
    with pytest.raises(ValueError, match="unsigned"):
        source.headers(b"{}", delivery_id="d", secret=SECRET, now=NOW)
    assert source.headers(b"{}", delivery_id="d", secret=None, now=NOW) == {
        "Content-Type": "application/json"
    }


@pytest.mark.parametrize(
    ("version", "webhook"), [(1, "sms-delivery-report"), (3, "sms-delivery-report-v3")]
)
def test_infobip_batches_fit_the_webhook_schema_and_parse(
    infobip: InfobipServer, version: int, webhook: str
) -> None:
    """v1 and v3 batches fit their webhook, hold N results for N events, parse back."""
    source = InfobipPush(infobip.store, version=1 if version == 1 else 3)
    validator = webhook_validator("infobip", webhook)
    events = source.events()
    sizes = []
    for batch in batches(source, events):
        body = source.body(batch, endpoint=ENDPOINT)
        decoded = json.loads(body)
        assert errors_of(validator, decoded) == []
        assert len(decoded["results"]) == len(batch) <= 100
        parsed = dlrkit.infobip.parse_callback(body)
        assert [(p.message_id, p.raw_status) for p in parsed] == [
            (e.message_id, e.status) for e in batch
        ]
        sizes.append(len(batch))
    assert sum(sizes) == len(events)
    assert max(sizes) == 100
    rows = [event.item for event in events]
    assert all(row["sentAt"].endswith("+0000") and row["doneAt"].endswith("+0000") for row in rows)
    spellings = {row["error"]["groupName"] for row in rows if row["error"]["id"] == 0}
    assert spellings == ({"Ok", "OK"} if version == 1 else {"OK"})
    assert all(("smsCount" in row) == (version == 1) for row in rows)


def test_infobip_body_refuses_empty_and_oversized_batches(infobip: InfobipServer) -> None:
    """A batch of 0 or 101 events is refused."""
    source = push_of(infobip)
    events = list(source.events())
    for wrong in ([], events[:101]):
        with pytest.raises(ValueError, match="1 to 100"):
            source.body(wrong, endpoint=ENDPOINT)


def test_infobip_replays_pending_then_final(infobip: InfobipServer) -> None:
    """Routed messages send PENDING then the final row the API serves; others one report."""
    source = push_of(infobip)
    grouped = by_message(source.events())
    reports = {report.message_id: report.body for report in infobip.store.reports}
    # Every message but the ACCEPTED/PENDING ones sends its final report; those send theirs
    # as an intermediate report, so every message has events.
    assert grouped.keys() == reports.keys()
    two_step = 0
    for message_id, events in grouped.items():
        final = reports[message_id]
        assert events[-1].item == final  # byte for byte the row /sms/1/reports serves
        assert all(e.item["status"]["groupName"] == "PENDING" for e in events[:-1])
        assert len(events) <= 2
        if len(events) == 2:
            two_step += 1
            assert events[0].at <= events[1].at
            assert final["status"]["groupId"] in (2, 3, 4)
            assert events[0].item["doneAt"] == final["sentAt"]
    assert two_step > len(grouped) // 2


def test_infobip_finals_only_without_intermediate_reports(infobip: InfobipServer) -> None:
    """Without intermediate reports, only final statuses are pushed, one per message."""
    source = InfobipPush(infobip.store, intermediate=False)
    events = source.events()
    groups = {STATUS_GROUPS[e.item["status"]["groupId"]] for e in events}
    assert groups
    assert not groups & {"ACCEPTED", "PENDING"}
    assert len(by_message(events)) == len(events)


def test_infobip_agrees_with_the_api_and_pushing_consumes_nothing(infobip: InfobipServer) -> None:
    """Last callbacks equal the logs' statuses; building every body leaves every report to pull."""
    source = push_of(infobip)
    pending = infobip.store.pending
    for batch in batches(source, source.events()):
        source.body(batch, endpoint=ENDPOINT)
    assert infobip.store.pending == pending == len(infobip.store.reports)
    grouped = by_message(source.events())
    served: dict[str, dict[str, Any]] = {}
    ids = list(grouped)
    with AppClient(infobip.app, base_url="https://api.infobip.com") as client:
        auth = {"Authorization": f"App {TOKEN}"}
        # Logs are read without being consumed; reports are drained (and refilled after).
        for start in range(0, len(ids), 50):
            chunk = ids[start : start + 50]
            response = client.get(
                "/sms/1/logs", params={"messageId": ",".join(chunk), "limit": 1000}, headers=auth
            )
            assert response.status_code == 200, response.text
            served |= {row["messageId"]: row for row in response.json()["results"]}
        drained: list[dict[str, Any]] = []
        while batch := client.get("/sms/1/reports", params={"limit": 1000}, headers=auth).json()[
            "results"
        ]:
            drained += batch
    infobip.refill()
    assert served.keys() == grouped.keys()
    assert len(drained) == pending  # pushing left every report to pull
    for message_id, events in grouped.items():
        assert events[-1].status == served[message_id]["status"]["name"]
        assert events[-1].item["status"] == served[message_id]["status"]


def test_infobip_events_follow_reports_added_later() -> None:
    """Reports added to the store are pushed too."""
    server = create_infobip(token=TOKEN, seed=1, now=NOW, reports=30)
    source = push_of(server)
    before = len(by_message(source.events()))
    new = server.add_reports(5)
    after = by_message(source.events())
    assert len(after) == before + 5
    assert set(new) <= after.keys()


def test_infobip_events_are_a_function_of_seed_and_now() -> None:
    """Same seed and now, same events and bytes; another seed, others."""

    def replay(seed: int) -> list[tuple[str, datetime, bytes]]:
        source = InfobipPush(ReportStore(seed=seed, now=NOW, count=120))
        return [(e.key, e.at, source.body([e], endpoint=ENDPOINT)) for e in source.events()]

    assert replay(2) == replay(2)
    assert replay(2) != replay(3)


@PROPERTY
@given(seed=st.integers(0, 2**32), count=st.integers(0, 250), version=st.sampled_from([1, 3]))
def test_infobip_property_batches_fit(seed: int, count: int, version: int) -> None:
    """For any seed and size, every batch fits and each message ends at its report's status."""
    store = ReportStore(seed=seed, now=NOW, count=count)
    source = InfobipPush(store, version=1 if version == 1 else 3)
    webhook = "sms-delivery-report" if version == 1 else "sms-delivery-report-v3"
    validator = webhook_validator("infobip", webhook)
    events = source.events()
    for batch in batches(source, events):
        assert errors_of(validator, json.loads(source.body(batch, endpoint=ENDPOINT))) == []
    finals = {report.message_id: report.body["status"]["name"] for report in store.reports}
    assert {m: e[-1].status for m, e in by_message(events).items()} == finals


# ---- Routee -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def routee() -> RouteeServer:
    """Build the Routee server (default data set) the tests share."""
    server = create_app("routee", app_id=APP_ID, app_secret=APP_SECRET, seed=SEED, now=NOW)
    assert isinstance(server, RouteeServer)
    return server


def test_routee_source_shape(routee: RouteeServer) -> None:
    """Routee: unsigned, one part per POST, 13 attempts of 2 s, only 200 counts."""
    source = push_of(routee)
    assert (source.provider, source.batch_max, source.signed) == ("routee", 1, False)
    assert (source.attempts, source.timeout) == (13, 2.0)
    assert "24 h" in source.schedule
    assert [source.success(s) for s in (200, 201, 202, 204, 299, 500)] == [
        True, False, False, False, False, False,
    ]  # fmt: skip
    check_order(source.events())
    with pytest.raises(ValueError, match="unsigned"):
        source.headers(b"{}", delivery_id="d", secret=SECRET, now=NOW)


def test_routee_bodies_fit_the_webhook_schema_and_parse(routee: RouteeServer) -> None:
    """Every body fits ``sms-status``, has an 8-decimal price and parses back."""
    source = push_of(routee)
    validator = webhook_validator("routee", "sms-status")
    for event in source.events():
        body = source.body([event], endpoint=ENDPOINT)
        decoded = json.loads(body)
        assert errors_of(validator, decoded) == [], event.key
        price = body.split(b'"price":')[1].split(b",")[0]
        assert len(price.split(b".")[1]) == 8, price  # Routee's 0.00600000
        parsed = dlrkit.routee.parse_callback(body)
        assert [(p.message_id, p.part_id, p.raw_status) for p in parsed] == [
            (event.message_id, decoded["smsId"], event.status)
        ]


def test_routee_agrees_with_the_api(routee: RouteeServer) -> None:
    """Each part's last callback is its tracking status; earlier ones are Queued then Sent."""
    source = push_of(routee)
    parts = by_message(source.events(), key="smsId")
    outbound = [p for p in routee.data.parts if p.multi["direction"] == "Outbound"]
    assert parts.keys() == {p.multi["smsId"] for p in outbound}
    with AppClient(routee.app, base_url="https://connect.routee.net") as client:
        response = client.request(
            "POST", "/oauth/token", data={"grant_type": "client_credentials"},
            auth=(APP_ID, APP_SECRET),
        )  # fmt: skip
        auth = {"Authorization": f"Bearer {response.json()['access_token']}"}
        for message_id, events in by_message(source.events()).items():
            response = client.get(f"/sms/tracking/single/{message_id}", headers=auth)
            assert response.status_code == 200, response.text
            shown = {row["smsId"]: row["status"]["status"] for row in response.json()}
            for sms_id, steps in by_message(events, key="smsId").items():
                statuses = [step.status for step in steps]
                assert statuses[-1] == shown[sms_id]
                before = statuses[:-1]
                assert before == sorted(before, key=ROUTEE_BEFORE.__getitem__)
                assert all(s in ROUTEE_BEFORE for s in before)
                assert [s.at for s in steps] == sorted(s.at for s in steps)


def test_routee_on_completion_sends_final_statuses_only(routee: RouteeServer) -> None:
    """``OnCompletion`` sends one final status per part; a bad strategy is refused."""
    source = RouteePush(routee.data, strategy="OnCompletion")
    statuses = {event.status for event in source.events()}
    assert statuses == {"Delivered", "Undelivered", "Failed", "Unsent"}
    assert len(by_message(source.events(), key="smsId")) == len(source.events())
    with pytest.raises(ValueError, match="strategy"):
        RouteePush(routee.data, strategy="Always")  # type: ignore[arg-type]


def test_routee_one_post_per_part(routee: RouteeServer) -> None:
    """One part per POST, and every part of a multipart message gets its callback."""
    source = push_of(routee)
    with pytest.raises(ValueError, match="one SMS part per POST"):
        source.body(list(source.events()[:2]), endpoint=ENDPOINT)
    multipart = [e for e in source.events() if e.item["parts"] > 1 and e.status == "Delivered"]
    assert multipart
    message = multipart[0].message_id
    parts = {e.item["part"] for e in multipart if e.message_id == message}
    assert parts == set(range(1, multipart[0].item["parts"] + 1))


def test_routee_events_are_a_function_of_seed_and_now() -> None:
    """Same seed and now, same events and bytes; another seed, others."""

    def replay(seed: int) -> list[tuple[str, datetime, bytes]]:
        source = RouteePush(build_routee(seed=seed, now=NOW, messages=60))
        return [(e.key, e.at, source.body([e], endpoint=ENDPOINT)) for e in source.events()]

    assert replay(4) == replay(4)
    assert replay(4) != replay(5)


@PROPERTY
@given(seed=st.integers(0, 2**32), messages=st.integers(0, 120))
def test_routee_property_bodies_fit_and_end_at_the_api_status(seed: int, messages: int) -> None:
    """For any seed and size, bodies fit and each part ends at its tracking status."""
    data = build_routee(seed=seed, now=NOW, messages=messages)
    source = RouteePush(data)
    validator = webhook_validator("routee", "sms-status")
    for event in source.events():
        assert errors_of(validator, json.loads(source.body([event], endpoint=ENDPOINT))) == []
    shown = {p.multi["smsId"]: p.multi["status"]["status"] for p in data.parts}
    last = {sms: events[-1].status for sms, events in by_message(source.events(), "smsId").items()}
    assert all(shown[sms] == status for sms, status in last.items())
    assert set(last.values()) <= ROUTEE_FINAL


# ---- shared -------------------------------------------------------------------------------


def test_parse_errors_name_the_field() -> None:
    """The parsers the tests lean on reject broken bodies, so their agreement means something."""
    with pytest.raises(InvalidFieldError):
        dlrkit.routee.parse_callback(b'{"messageId": "m", "to": "+301"}')
    with pytest.raises(InvalidFieldError):
        dlrkit.infobip.parse_callback(b'{"reports": []}')
