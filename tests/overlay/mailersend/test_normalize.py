from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import dlrkit
import pytest
from dlrkit import DeliveryEvent, DeliveryStatus, InvalidFieldError, TimestampError, mailersend
from dlrkit._event import _check
from dlrkit.mailersend import _normalize as ms_normalize
from dlrkit_mailersend_api.models.known_sms_activity_status import KnownSmsActivityStatus
from dlrkit_mailersend_api.models.known_sms_recipient_status import KnownSmsRecipientStatus
from dlrkit_mailersend_api.models.sms_activity_list import SmsActivityList
from dlrkit_mailersend_api.models.sms_message_response import SmsMessageResponse
from dlrkit_mailersend_api.models.sms_recipient_response import SmsRecipientResponse
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openapi_support import load_spec

from overlay.mailersend import strategies

SEEDS = Path(__file__).parents[2] / "fixtures" / "seeds" / "mailersend"
# The statuses the fact sheet lists (shared/reference/providers/mailersend.md, sections 3 and 6).
FACT_SHEET_SMS = {"processed", "queued", "sent", "delivered", "failed"}
FACT_SHEET_RECIPIENT = {"active", "opt_out"}


def _seed(name: str) -> Any:
    return json.loads((SEEDS / name).read_text())


def _message() -> dict[str, Any]:
    body: dict[str, Any] = _seed("sms_message_get_200.json")
    return body


def test_mapping_covers_every_documented_sms_status() -> None:
    """STATUS_MAP has every status of the spec's enum, the generated enum and the fact sheet."""
    spec = set(load_spec("mailersend")["components"]["schemas"]["KnownSmsActivityStatus"]["enum"])
    generated = {status.value for status in KnownSmsActivityStatus}
    assert spec == generated == FACT_SHEET_SMS == set(mailersend.STATUS_MAP)
    assert DeliveryStatus.UNKNOWN not in mailersend.STATUS_MAP.values()


def test_recipient_statuses_are_known_but_not_delivery_statuses() -> None:
    """active/opt_out are listed as recipient statuses and kept out of STATUS_MAP."""
    spec = set(load_spec("mailersend")["components"]["schemas"]["KnownSmsRecipientStatus"]["enum"])
    generated = {status.value for status in KnownSmsRecipientStatus}
    assert spec == generated == FACT_SHEET_RECIPIENT == mailersend.RECIPIENT_STATUSES
    assert not mailersend.RECIPIENT_STATUSES & set(mailersend.STATUS_MAP)


@settings(max_examples=60)
@given(row=strategies.activity_rows())
def test_any_status_string_normalizes_without_raising(row: dict[str, Any]) -> None:
    """Any status text gives one event: its mapped status or UNKNOWN, with the text kept."""
    (event,) = dlrkit.normalize("mailersend", row)
    expected = mailersend.STATUS_MAP.get(row["status"].strip().lower(), DeliveryStatus.UNKNOWN)
    assert (event.status, event.raw_status) == (expected, row["status"])
    assert event.message_id == row["sms_message_id"]
    assert event.recipient == row["to"]
    assert event.occurred_at.tzinfo is UTC


def test_activity_list_gives_one_event_per_row() -> None:
    """The docs' /sms-activity body gives four events with exact times and senders."""
    events = dlrkit.normalize("mailersend", _seed("sms_activity_list_200.json"))
    assert [e.status for e in events] == [
        DeliveryStatus.DELIVERED,
        DeliveryStatus.ACCEPTED,
        DeliveryStatus.QUEUED,
        DeliveryStatus.SENT,
    ]
    assert events[0].occurred_at == datetime(2022, 2, 21, 8, 15, 46, 627000, tzinfo=UTC)
    assert {(e.provider, e.sender, e.recipient) for e in events} == {
        ("mailersend", "+18332647501", "+16203221059")
    }


def test_models_and_json_normalize_the_same() -> None:
    """A generated model, its JSON dict and its JSON text give equal events."""
    parsers: list[tuple[str, Callable[[Any], object]]] = [
        ("sms_activity_list_200.json", SmsActivityList.from_dict),
        ("sms_message_get_200.json", SmsMessageResponse.from_dict),
        ("sms_recipient_get_200.json", SmsRecipientResponse.from_dict),
    ]
    for name, parse in parsers:
        body = _seed(name)
        from_json = dlrkit.normalize("mailersend", body)
        assert dlrkit.normalize("mailersend", parse(body)) == from_json
        assert dlrkit.normalize("mailersend", json.dumps(body)) == from_json
        assert from_json


def test_message_detail_adds_segments_to_its_activity() -> None:
    """A message's activity rows get the recipient's segment_count; no extra event is made."""
    events = dlrkit.normalize("mailersend", _message())
    assert len(events) == 4
    assert {(e.message_id, e.segments, e.error_code) for e in events} == {
        ("62134a2d7de3253bf10d6642", 1, None)
    }


def test_message_error_goes_on_the_event_of_the_current_status() -> None:
    """error_type/error_description of a failed SMS go on its 'failed' event only."""
    body = _message()
    sms = body["data"]["sms"][0]
    sms.update(status="failed", error_type="carrier_rejected", error_description="Rejected.")
    body["data"]["sms_activity"][0]["status"] = "failed"
    events = dlrkit.normalize("mailersend", body)
    failed = [e for e in events if e.status is DeliveryStatus.FAILED]
    assert [(e.error_code, e.error_description) for e in failed] == [
        ("carrier_rejected", "Rejected.")
    ]
    assert all(e.error_code is None for e in events if e not in failed)


def test_current_status_without_activity_becomes_a_final_event() -> None:
    """An sms[] status missing from the activity gives one more event at the latest known time."""
    body = _message()
    body["data"]["sms_activity"] = body["data"]["sms_activity"][1:]  # drop 'delivered'
    events = dlrkit.normalize("mailersend", body)
    assert [e.raw_status for e in events] == ["processed", "queued", "sent", "delivered"]
    assert events[-1].occurred_at == max(e.occurred_at for e in events[:-1])


def test_recipient_without_activity_is_dated_by_the_message() -> None:
    """An sms[] row with no activity and no created_at is dated at the message's created_at."""
    body = _message()
    body["data"]["sms_activity"] = []
    (event,) = dlrkit.normalize("mailersend", body)
    assert (event.status, event.segments) == (DeliveryStatus.DELIVERED, 1)
    assert event.occurred_at == datetime(2022, 2, 21, 8, 15, 41, 339000, tzinfo=UTC)


def test_recipient_detail_gives_one_event_per_sms() -> None:
    """A recipient's sms[] rows give events keyed by each SMS's id, dated at created_at."""
    (event,) = dlrkit.normalize("mailersend", _seed("sms_recipient_get_200.json"))
    assert (event.message_id, event.status, event.segments) == (
        "62347d2be979fd275c0afd33",
        DeliveryStatus.DELIVERED,
        1,
    )


def test_recipients_and_summaries_have_no_delivery_events() -> None:
    """Recipient rows (active/opt_out) and message summaries normalize to no events."""
    recipient = {"id": "r1", "number": "+1234567890", "status": "opt_out", "created_at": "x"}
    summary = {"id": "m1", "from": "+1", "to": ["+1"], "text": "t", "paused": False}
    assert dlrkit.normalize("mailersend", {"data": [recipient, summary]}) == []


def test_malformed_timestamp_names_field_and_value() -> None:
    """A bad created_at raises TimestampError naming its path and showing the value."""
    body = _seed("sms_activity_list_200.json")
    body["data"][2]["created_at"] = "2022-01-01T12:00:0003.000000Z"
    with pytest.raises(TimestampError, match=r"^data\[2\]\.created_at: .*'2022-01-01T12:00:0003"):
        dlrkit.normalize("mailersend", body)


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (
            lambda d: d["data"]["sms_activity"][1].update(to="0123456"),
            r"data\.sms_activity\[1\]\.to",
        ),
        (lambda d: d["data"]["sms_activity"][0].pop("status"), r"data\.sms_activity\[0\]\.status"),
        (
            lambda d: d["data"]["sms_activity"][3].update(status=7),
            r"data\.sms_activity\[3\]\.status",
        ),
        (lambda d: d["data"]["sms"][0].update(segment_count=-1), r"data\.sms\[0\]\.segment_count"),
        (lambda d: d["data"]["sms"].append("x"), r"data\.sms\[1\]"),
        (lambda d: d["data"].update(sms_activity={}), r"data\.sms_activity"),
        (lambda d: d["data"].pop("id"), r"data\.id"),
    ],
)
def test_bad_fields_are_named(edit: Any, field: str) -> None:
    """A bad number, status, segment count or shape raises InvalidFieldError naming the field."""
    body = copy.deepcopy(_message())
    edit(body)
    with pytest.raises(InvalidFieldError, match=f"^{field}: "):
        dlrkit.normalize("mailersend", body)


@pytest.mark.parametrize("payload", [42, "[1]", {"hello": "world"}, {"data": {"x": 1}}])
def test_unrecognised_payloads_raise_a_clear_error(payload: object) -> None:
    """Something that is not a MailerSend payload raises InvalidFieldError, not a KeyError."""
    with pytest.raises(InvalidFieldError, match=r"payload|data|\[0\]"):
        dlrkit.normalize("mailersend", payload)


# Values an activity row's fields may hold, right and wrong, for the fast path's test.
_ODD_VALUES: st.SearchStrategy[object] = st.sampled_from(
    [None, "", "  ", 42, 4.5, True, [], {}, "x", " +41793026727", "0041793026727",
     "+41 79 302 67 27", "41793026727", "2022-02-21t08:15:46.627000z",
     "2022-02-21T08:15:46.627000+01:00", "2022-02-30T08:15:46Z", " 2022-02-21T08:15:46Z",
     "2022-02-21T08:15:46.627000Z", "Delivered", " sent ", "sent", "SENT"]
)  # fmt: skip
_ROW_KEYS = st.sampled_from(["sms_message_id", "status", "to", "from", "created_at", "sms"])


_ROW = {
    "from": "+41793026727",
    "to": "+41793026728",
    "created_at": "2022-02-21T08:15:46.627000Z",
    "content": "hi",
    "status": "delivered",
    "sms_message_id": "62134a2d7de3253bf10d6642",
}


@settings(max_examples=300)
@given(
    row=strategies.activity_rows(),
    edits=st.dictionaries(_ROW_KEYS, st.one_of(_ODD_VALUES, st.just(...)), max_size=2),
)
@example(row=_ROW, edits={"from": "  "})
@example(row=_ROW, edits={"to": "41793026727"})
@example(row=_ROW, edits={"status": " Sent "})
@example(row=_ROW, edits={"created_at": "2022-02-21T08:15:46.627000+01:00"})
def test_plain_activity_fast_path_agrees_with_the_full_reader(
    row: dict[str, Any], edits: dict[str, object]
) -> None:
    """The fast path builds exactly the full reader's event, valid by `_check`, or declines."""
    row = dict(row)
    for key, value in edits.items():
        if value is ...:
            row.pop(key, None)
        else:
            row[key] = value
    fast = ms_normalize._plain_activity(row)
    if fast is not None:
        assert type(fast) is DeliveryEvent
        _check(fast)
        assert [fast] == list(ms_normalize._item(row, "data[0]"))
