from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import dlrkit
import pytest
from dlrkit import DeliveryStatus, InvalidFieldError, TimestampError, normalize
from dlrkit.routee import DETAILED_STATUS_MAP, STATUS_MAP, map_status
from dlrkit_routee_api.models import (
    KnownDetailedStatus,
    KnownSmsStatus,
    SmsPartTracking,
    SmsTracking,
    SmsTrackingPage,
)
from hypothesis import given
from openapi_support import load_spec

from overlay.routee.strategies import detailed_texts, status_texts, tracking_item

FACT_SHEET = Path("/work/shared/reference/providers/routee.md")
# The fact sheet's lists (section 3), copied so the test runs without the sheet.
DOCUMENTED_STATUSES = {"Queued", "Sent", "Delivered", "Undelivered", "Failed", "Unsent"}
DOCUMENTED_DETAILED = {
    "Sent",
    "Delivered",
    "Undelivered",
    "Failed",
    "Undelivered on Handset",
    "Unknown Number",
    "Roaming",
    "Call Barred",
    "Unknown Status",
    "Carrier Violation",
    "Expired",
    "DND Error Code",
}
S = DeliveryStatus


def _spec_enum(name: str) -> set[str]:
    return set(load_spec("routee")["components"]["schemas"][name]["enum"])


def test_status_map_covers_every_documented_value() -> None:
    """STATUS_MAP's keys are exactly the spec's, the generated enum's and the fact sheet's."""
    assert set(STATUS_MAP) == _spec_enum("KnownSmsStatus") == DOCUMENTED_STATUSES
    assert set(STATUS_MAP) == {member.value for member in KnownSmsStatus}


def test_detailed_map_covers_every_documented_value() -> None:
    """DETAILED_STATUS_MAP's keys are exactly the spec's, generated and fact-sheet values."""
    assert set(DETAILED_STATUS_MAP) == _spec_enum("KnownDetailedStatus") == DOCUMENTED_DETAILED
    assert set(DETAILED_STATUS_MAP) == {member.value for member in KnownDetailedStatus}


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="fact sheet not available")
def test_fact_sheet_lists_are_the_ones_pinned() -> None:
    """Every value pinned above appears in the fact sheet's status section."""
    text = FACT_SHEET.read_text(encoding="utf-8")
    section = text[text.index("## 3. Status vocabularies") : text.index("## 4. Errors")]
    for value in DOCUMENTED_STATUSES | DOCUMENTED_DETAILED:
        assert f"`{value}`" in section


def test_mapping_tables_are_pinned() -> None:
    """The mapping decisions (README table) do not change by accident."""
    assert dict(STATUS_MAP) == {
        "Queued": S.QUEUED,
        "Sent": S.SENT,
        "Delivered": S.DELIVERED,
        "Undelivered": S.UNDELIVERED,
        "Failed": S.FAILED,
        "Unsent": S.REJECTED,
    }
    assert {k for k, v in DETAILED_STATUS_MAP.items() if v is S.UNDELIVERED} == {
        "Undelivered",
        "Undelivered on Handset",
        "Unknown Number",
        "Roaming",
        "Call Barred",
    }
    assert DETAILED_STATUS_MAP["Expired"] is S.EXPIRED
    assert DETAILED_STATUS_MAP["Carrier Violation"] is S.REJECTED
    assert DETAILED_STATUS_MAP["DND Error Code"] is S.REJECTED
    assert DETAILED_STATUS_MAP["Unknown Status"] is S.UNKNOWN


@pytest.mark.parametrize(
    ("status", "detailed", "expected"),
    [
        ("Undelivered", "Expired", S.EXPIRED),
        ("Undelivered", "Carrier Violation", S.REJECTED),
        ("Undelivered", "Unknown Status", S.UNDELIVERED),
        ("Undelivered", "Roaming", S.UNDELIVERED),
        ("Failed", "Failed", S.FAILED),
        ("Unsent", None, S.REJECTED),
        ("Delivered", "Expired", S.DELIVERED),
        ("Sent", "Sent", S.SENT),
        ("Queued", None, S.QUEUED),
        ("Something New", "Expired", S.EXPIRED),
        ("Something New", None, S.UNKNOWN),
        ("  delivered ", None, S.DELIVERED),
        ("UNDELIVERED", "undelivered  ON handset", S.UNDELIVERED),
    ],
)
def test_map_status_rules(status: str, detailed: str | None, expected: DeliveryStatus) -> None:
    """The detailed status refines failures and rescues unknown statuses; case is ignored."""
    assert map_status(status, detailed) is expected


@given(status=status_texts, detailed=detailed_texts)
def test_normalization_is_total(status: str, detailed: str | None) -> None:
    """Any status and detailed status text gives one event with a status; raw text is kept."""
    (event,) = normalize("routee", tracking_item(status=status, detailed=detailed))
    assert isinstance(event.status, DeliveryStatus)
    assert event.raw_status == status
    assert event.status is map_status(status, detailed)
    if _folded(status) not in _folded_keys(STATUS_MAP) and (
        not detailed or _folded(detailed) not in _folded_keys(DETAILED_STATUS_MAP)
    ):
        assert event.status is S.UNKNOWN


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _folded_keys(table: Any) -> set[str]:
    return {_folded(key) for key in table}


def test_tracking_item_fields() -> None:
    """A multi-message item maps ids, recipient, sender, price, segments and reason."""
    item = tracking_item(
        7,
        status="Undelivered",
        detailed="Unknown Number",
        date="2016-08-19T15:00:12.123Z",
        parts=2,
        price=0.0345,
        to="306948530920",
    )
    (event,) = normalize("routee", item)
    assert event.provider == "routee"
    assert (event.message_id, event.part_id) == ("msg-7", "sms-7")
    assert (event.recipient, event.sender) == ("+306948530920", "Routee")
    assert event.status is S.UNDELIVERED
    assert (event.raw_status, event.reason, event.error_description) == (
        "Undelivered",
        "Unknown Number",
        "why",
    )
    assert event.occurred_at == datetime(2016, 8, 19, 15, 0, 12, 123000, tzinfo=UTC)
    assert event.price == Decimal("0.0345")
    assert event.segments == 2


def test_delivered_has_no_error_description() -> None:
    """Descriptions are errors only for failures; the detailed status stays as reason."""
    (event,) = normalize("routee", tracking_item())
    assert (event.reason, event.error_description) == ("Delivered", None)


def test_minute_precision_timestamp() -> None:
    """Routee's ``2016-08-19T15:00Z`` parses to that minute in UTC."""
    (event,) = normalize("routee", tracking_item(date="2016-08-19T15:00Z"))
    assert event.occurred_at == datetime(2016, 8, 19, 15, 0, tzinfo=UTC)


def test_offset_timestamp_becomes_utc() -> None:
    """A full ISO timestamp with an offset is converted to UTC."""
    (event,) = normalize("routee", tracking_item(date="2016-08-19T17:00:00.000+02:00"))
    assert event.occurred_at == datetime(2016, 8, 19, 15, 0, tzinfo=UTC)


def test_callback_body() -> None:
    """A callback (status.name, status.updatedDate, message) normalizes like tracking."""
    body = {
        "messageId": "msg-1",
        "smsId": "sms-1",
        "campaignTrackingId": "camp-1",
        "part": 1,
        "parts": 1,
        "label": "otp",
        "to": "+306948530920",
        "from": "Routee",
        "country": "GR",
        "operator": "Vodafone",
        "groups": [],
        "campaignName": "Spring promo",
        "status": {
            "name": "Undelivered",
            "reason": {"detailedStatus": "Expired", "description": "TTL expired"},
            "updatedDate": "2016-08-19T15:05Z",
        },
        "message": "Hello",
        "applicationName": "default",
        "latency": 1200,
        "price": 0.0345,
        "direction": "Outbound",
        "originatingService": "Sms",
    }
    (event,) = normalize("routee", body)
    assert (event.status, event.raw_status) == (S.EXPIRED, "Undelivered")
    assert event.occurred_at == datetime(2016, 8, 19, 15, 5, tzinfo=UTC)
    assert event.error_description == "TTL expired"
    assert normalize("routee", json.dumps(body)) == [event]


def test_inbound_callback() -> None:
    """An inbound-message callback (no status) is a delivered message at receivedDate."""
    body = {
        "direction": "Inbound",
        "from": "+447700900123",
        "message": "STOP",
        "parts": 1,
        "receivedDate": "2016-08-19T15:00:00.000Z",
        "messageId": "in-1",
        "to": "+447860039144",
        "originatingService": "Sms",
        "price": 0,
    }
    (event,) = normalize("routee", body)
    assert (event.status, event.raw_status) == (S.DELIVERED, "")
    assert event.occurred_at == datetime(2016, 8, 19, 15, 0, tzinfo=UTC)
    assert event.part_id is None


def test_page_list_and_models_agree() -> None:
    """A page, a list, generated models and plain dicts give the same events."""
    items = [tracking_item(i) for i in range(3)]
    page = {
        "content": items,
        "totalPages": 1,
        "last": True,
        "totalElements": 3,
        "first": True,
        "numberOfElements": 3,
        "number": 0,
        "size": 20,
    }
    expected = [event for item in items for event in normalize("routee", item)]
    assert normalize("routee", page) == expected
    assert normalize("routee", items) == expected
    assert normalize("routee", SmsTrackingPage.from_dict(page)) == expected
    assert normalize("routee", [SmsTracking.from_dict(item) for item in items]) == expected


def test_single_tracking_shape() -> None:
    """Single-message parts (campaign instead of campaignName) normalize too."""
    item = tracking_item(1, campaign="Spring promo")
    del item["campaignName"], item["campaignTrackingId"]
    (event,) = normalize("routee", SmsPartTracking.from_dict(item))
    assert event.message_id == "msg-1"


def test_every_reference_server_item_normalizes(server: Any) -> None:
    """Every tracking object the reference server holds normalizes without error."""
    multi = [part.multi for part in server.data.parts]
    single = [part.single for part in server.data.parts]
    events = normalize("routee", multi)
    assert len(events) == len(multi) == len(normalize("routee", single))
    assert {event.status for event in events} >= {S.DELIVERED, S.EXPIRED, S.REJECTED}


def test_malformed_timestamp_names_the_field() -> None:
    """A bad timestamp raises TimestampError naming the field path and the value."""
    page = {"content": [tracking_item(), tracking_item(1, date="19/08/2016 15:00")]}
    with pytest.raises(TimestampError) as info:
        normalize("routee", page)
    assert info.value.field == "content[1].status.date"
    assert info.value.value == "19/08/2016 15:00"


def test_timestamp_without_offset_is_refused() -> None:
    """A timestamp without an offset is refused rather than guessed."""
    with pytest.raises(TimestampError, match=r"\[0\]\.status\.date"):
        normalize("routee", [tracking_item(date="2016-08-19T15:00:00")])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"messageId": None}, "messageId"),
        ({"to": "06948530920"}, "to"),
        ({"to": 306948530920}, "to"),
        ({"status": "Delivered"}, "status"),
        ({"status": {"status": 5, "date": "2016-08-19T15:00Z"}}, "status.status"),
        ({"status": {"status": "Sent", "date": None}}, "status.date"),
        (
            {"status": {"status": "Sent", "date": "2016-08-19T15:00Z", "reason": "x"}},
            "status.reason",
        ),
        ({"price": -1}, "price"),
        ({"price": True}, "price"),
        ({"price": "abc"}, "price"),
        ({"parts": 1.5}, "parts"),
        ({"from": 5}, "from"),
    ],
)
def test_bad_fields_are_named(change: dict[str, Any], field: str) -> None:
    """A bad field raises InvalidFieldError naming it, never a bare KeyError or TypeError."""
    item = {**tracking_item(), **change}
    with pytest.raises(InvalidFieldError) as info:
        normalize("routee", item)
    assert info.value.field == field


def test_string_price_and_float_parts_are_read() -> None:
    """A numeric price string and an integral float part count are accepted."""
    (event,) = normalize("routee", tracking_item(price="0.05", parts=2.0))
    assert (event.price, event.segments) == (Decimal("0.05"), 2)


@pytest.mark.parametrize("payload", [42, "null", "[1]", {"content": "x"}])
def test_wrong_payload_shapes(payload: object) -> None:
    """A payload that is no tracking object raises InvalidFieldError."""
    with pytest.raises(InvalidFieldError):
        normalize("routee", payload)


def test_registered_with_the_core() -> None:
    """dlrkit.normalize knows routee, and dlrkit.routee loads lazily."""
    assert "routee" in dlrkit._normalize.registered_providers()
    assert dlrkit.routee.normalize_payload is not None
