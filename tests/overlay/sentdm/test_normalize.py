from __future__ import annotations

import json
from copy import deepcopy
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from dlrkit import DeliveryStatus, InvalidFieldError, TimestampError, normalize, sentdm
from dlrkit.sentdm import STATUS_MAP, normalize_activities
from dlrkit_sentdm_api.models import (
    KnownMessageStatus,
    Message,
    MessageActivities,
    MessageActivitiesEnvelope,
    MessageEnvelope,
)
from hypothesis import given

from overlay import strategies as core_strategies
from overlay.sentdm import strategies
from overlay.sentdm.fakes import MESSAGE_ID, activities, envelope, error_envelope, message

# The fact sheet's vocabulary (SDK docstrings, docs examples), and the older lower-case build.
FACT_SHEET = [
    "QUEUED", "ACCEPTED", "PROCESSED", "ROUTED", "SCHEDULED", "SENT", "DELIVERED", "READ",
    "FAILED", "FILTERED", "BLOCKED", "CANCELLED", "RECEIVED",
]  # fmt: skip
RECIPIENT = "+14155551234"


def test_mapping_covers_the_spec_enum() -> None:
    """Every KnownMessageStatus of the spec has a mapping other than UNKNOWN."""
    for known in KnownMessageStatus:
        assert STATUS_MAP[known.value] is not DeliveryStatus.UNKNOWN


def test_mapping_covers_the_fact_sheet() -> None:
    """Every status in the fact sheet is in STATUS_MAP, and nothing else is."""
    assert set(STATUS_MAP) == set(FACT_SHEET)


@pytest.mark.parametrize("status", FACT_SHEET)
def test_lower_case_statuses_map_the_same(status: str) -> None:
    """The older docs' lower-case statuses map like their upper-case twins."""
    upper, lower = (message(s) for s in (status, status.lower()))
    assert normalize("sentdm", lower)[-1].status is normalize("sentdm", upper)[-1].status
    assert normalize("sentdm", lower)[-1].raw_status == status.lower()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("RECEIVED", DeliveryStatus.DELIVERED),
        ("FILTERED", DeliveryStatus.REJECTED),
        ("BLOCKED", DeliveryStatus.REJECTED),
        ("PROCESSED", DeliveryStatus.QUEUED),
        ("ROUTED", DeliveryStatus.QUEUED),
        ("ACCEPTED", DeliveryStatus.ACCEPTED),
    ],
)
def test_documented_decisions(status: str, expected: DeliveryStatus) -> None:
    """The README's mapping decisions hold."""
    assert STATUS_MAP[status] is expected


@given(status=strategies.statuses)
def test_any_status_maps_and_never_raises(status: str) -> None:
    """Any status text gives a DeliveryStatus (UNKNOWN if unknown) and keeps the raw text."""
    body = message(status)
    body["events"][0]["status"] = status
    events = normalize("sentdm", body)
    for event in (events[0], events[-1]):
        assert event.raw_status == status
        assert event.status is STATUS_MAP.get(status.strip().upper(), DeliveryStatus.UNKNOWN)


def test_unknown_status_is_unknown() -> None:
    """An undocumented status maps to UNKNOWN, raw text kept."""
    [event] = normalize("sentdm", message("TELEPORTED", events=[]))
    assert (event.status, event.raw_status) == (DeliveryStatus.UNKNOWN, "TELEPORTED")


def test_message_status_gives_one_event_per_event() -> None:
    """Each status event becomes one event, in order, for the message's recipient."""
    events = normalize("sentdm", message())
    assert [e.raw_status for e in events] == ["QUEUED", "SENT", "DELIVERED"]
    assert {(e.provider, e.message_id, e.recipient) for e in events} == {
        ("sentdm", MESSAGE_ID, RECIPIENT)
    }
    assert events[-1].reason == "Message delivered to recipient"


def test_number_price_goes_on_the_current_status_event() -> None:
    """The message's numeric price becomes Decimal(str(x)) on its latest current-status event."""
    events = normalize("sentdm", message())
    assert [e.price for e in events] == [None, None, Decimal("0.0055")]
    assert events[-1].currency is None


def test_failure_reason_goes_on_the_failed_event() -> None:
    """A FAILED message's reason_code and reason become the event's error fields."""
    body = message("FAILED", reason_code="DELIVERY_007", reason="Carrier rejected the message")
    last = normalize("sentdm", body)[-1]
    assert (last.status, last.error_code, last.error_description) == (
        DeliveryStatus.FAILED,
        "DELIVERY_007",
        "Carrier rejected the message",
    )


def test_message_without_events_gives_its_current_status() -> None:
    """A message without events gives one event at created_at."""
    [event] = normalize("sentdm", message("QUEUED", events=[], price=None))
    assert (event.raw_status, event.price) == ("QUEUED", None)
    assert event.occurred_at.isoformat() == "2026-03-11T21:18:50.171730+00:00"


def test_recipient_falls_back_to_the_international_form() -> None:
    """Without phone, phone_international gives the E.164 recipient."""
    body = message()
    del body["phone"]
    body["phone_international"] = "+1 415-555-1234"
    assert normalize("sentdm", body)[0].recipient == RECIPIENT


def test_models_envelopes_and_text_normalize_alike() -> None:
    """The generated models, the envelope and JSON text give the same events as the dict."""
    body = message()
    expected = normalize("sentdm", body)
    assert normalize("sentdm", Message.from_dict(deepcopy(body))) == expected
    assert normalize("sentdm", MessageEnvelope.from_dict(deepcopy(envelope(body)))) == expected
    assert normalize("sentdm", envelope(body)) == expected
    assert normalize("sentdm", json.dumps(envelope(body))) == expected
    assert normalize("sentdm", [body, body]) == expected * 2


@given(stamp=core_strategies.sentdm_timestamps())
def test_net_timestamps_parse_exactly(stamp: tuple[str, datetime]) -> None:
    """Timestamps with 1-7 fraction digits and +00:00 parse to the same UTC instant."""
    text, expected = stamp
    body = message()
    body["events"][1]["timestamp"] = text
    assert normalize("sentdm", body)[1].occurred_at == expected


def test_malformed_timestamp_names_the_field() -> None:
    """A bad timestamp raises TimestampError naming the event and the value."""
    body = message()
    body["events"][1]["timestamp"] = "11/03/2026 21:18"
    with pytest.raises(TimestampError) as info:
        normalize("sentdm", body)
    assert info.value.field == "events[1].timestamp"
    assert "11/03/2026 21:18" in str(info.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"price": "lots"}, "price"),
        ({"price": -1}, "price"),
        ({"id": None}, "id"),
        ({"phone": "0415 555 123"}, "phone"),
        ({"events": "QUEUED"}, "events"),
    ],
)
def test_bad_fields_are_named(change: dict[str, Any], field: str) -> None:
    """A bad field raises InvalidFieldError naming it."""
    with pytest.raises(InvalidFieldError) as info:
        normalize("sentdm", message() | change)
    assert info.value.field == field


def test_error_envelope_is_not_a_report() -> None:
    """An error envelope is refused with a clear message."""
    with pytest.raises(InvalidFieldError, match="error envelope"):
        normalize("sentdm", error_envelope("RESOURCE_003", "Message not found"))


@pytest.mark.parametrize("payload", [activities(), envelope(activities())])
def test_activity_logs_normalize_without_a_recipient(payload: Any) -> None:
    """Plain normalize reads activity logs; their events have no recipient (sent.dm sends none)."""
    events = normalize("sentdm", payload)
    assert events == normalize_activities(activities()["activities"], message_id=MESSAGE_ID)
    assert len(events) == len(activities()["activities"])
    assert all(event.recipient is None for event in events)


def test_a_lone_activity_needs_its_message_id() -> None:
    """One activity alone does not name its message, so normalize says message_id is missing."""
    with pytest.raises(InvalidFieldError) as info:
        normalize("sentdm", activities()["activities"][0])
    assert info.value.field == "message_id"


def test_activities_become_events_in_payload_order() -> None:
    """Each activity becomes one event, newest first as sent, with price and sender."""
    events = normalize_activities(activities(), recipient="+1 (415) 555-1234")
    assert [e.raw_status for e in events] == ["DELIVERED", "SENT", "PROCESSED", "ACCEPTED"]
    assert [e.price for e in events] == [Decimal("0.0450")] * 3 + [None]
    assert [e.sender for e in events] == ["+15550001111"] * 2 + [None, None]
    assert {e.recipient for e in events} == {RECIPIENT}
    assert events[0].occurred_at.isoformat() == "2026-03-11T21:25:50.171652+00:00"


def test_activity_models_and_envelopes_normalize_alike() -> None:
    """MessageActivities, its envelope and a list of items give the same events."""
    body = activities()
    expected = normalize_activities(body, recipient=RECIPIENT)
    model = MessageActivities.from_dict(deepcopy(body))
    wrapped = MessageActivitiesEnvelope.from_dict(deepcopy(envelope(body)))
    assert normalize_activities(model, recipient=RECIPIENT) == expected
    assert normalize_activities(wrapped, recipient=RECIPIENT) == expected
    items = model.activities
    assert normalize_activities(items, recipient=RECIPIENT, message_id=MESSAGE_ID) == expected
    one = normalize_activities(items[0], recipient=RECIPIENT, message_id=MESSAGE_ID)
    assert one == expected[:1]


@given(price=strategies.decimal_prices, status=strategies.statuses)
def test_activity_prices_are_exact_decimals(price: str, status: str) -> None:
    """A 4-decimal price string becomes exactly that Decimal, for any status."""
    body = activities()
    body["activities"][0] |= {"price": price, "status": status}
    [first, *_] = normalize_activities(body, recipient=RECIPIENT)
    assert first.price == Decimal(price)
    assert str(first.price) == price


def test_activity_item_needs_a_message_id() -> None:
    """A lone activity names no message, so message_id is required."""
    with pytest.raises(InvalidFieldError, match="does not name its message"):
        normalize_activities(activities()["activities"][0], recipient=RECIPIENT)


def test_message_id_must_match_the_payload() -> None:
    """A message_id that contradicts the payload's is refused."""
    other = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(InvalidFieldError, match="does not match"):
        normalize_activities(activities(), recipient=RECIPIENT, message_id=other)


@pytest.mark.parametrize(
    ("where", "value", "field"),
    [
        ("price", "0,0450", "activities[1].price"),
        ("timestamp", "yesterday", "activities[1].timestamp"),
        ("status", None, "activities[1].status"),
    ],
)
def test_bad_activity_fields_are_named(where: str, value: object, field: str) -> None:
    """A bad activity field raises InvalidFieldError naming its index."""
    body = activities()
    body["activities"][1][where] = value
    with pytest.raises(InvalidFieldError) as info:
        normalize_activities(body, recipient=RECIPIENT)
    assert info.value.field == field


def test_recipient_is_checked() -> None:
    """A recipient that is not a phone number is refused."""
    with pytest.raises(InvalidFieldError, match="recipient"):
        normalize_activities(activities(), recipient="nobody")


def test_every_reference_message_normalizes() -> None:
    """Every message and activity log of the reference data set normalizes, none UNKNOWN."""
    data = pytest.importorskip("dlrkit_servers.sentdm._data")
    dataset = data.build_data(5, datetime.fromisoformat("2026-05-21T12:00:00+00:00"))
    statuses = set()
    for profile in dataset.profiles.values():
        for message_id, body in profile.messages.items():
            events = normalize("sentdm", body)
            log = normalize_activities(profile.activities[message_id], recipient=body["phone"])
            assert [e.raw_status for e in log[::-1]] == [e.raw_status for e in events]
            statuses |= {e.status for e in events + log}
    assert DeliveryStatus.UNKNOWN not in statuses
    assert sentdm.STATUS_MAP.keys() >= {e for e in data.KNOWN_STATUSES}
