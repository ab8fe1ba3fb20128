from __future__ import annotations

import json
from copy import deepcopy
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from dlrkit import DeliveryStatus, InvalidFieldError, TimestampError, normalize
from dlrkit.infobip import ERROR_GROUPS, GROUP_MAP, STATUS_GROUPS, STATUS_MAP, STATUS_TABLE
from dlrkit_infobip_api.models import (
    KnownSmsErrorGroupName,
    KnownSmsStatusGroupName,
    KnownSmsStatusName,
    SmsReport,
    SmsReportsResponse,
)
from hypothesis import given

from overlay import strategies as core_strategies
from overlay.infobip import strategies
from overlay.infobip.fakes import NO_ERROR, report

# The fact sheet's status table (§4): id, name, group id.
FACT_SHEET = {
    (0, "MESSAGE_ACCEPTED", 0), (3, "PENDING_WAITING_DELIVERY", 1), (7, "PENDING_ENROUTE", 1),
    (26, "PENDING_ACCEPTED", 1), (4, "UNDELIVERABLE_REJECTED_OPERATOR", 2),
    (9, "UNDELIVERABLE_NOT_DELIVERED", 2), (2, "DELIVERED_TO_OPERATOR", 3),
    (5, "DELIVERED_TO_HANDSET", 3), (15, "EXPIRED_EXPIRED", 4), (29, "EXPIRED_DLR_UNKNOWN", 4),
    (6, "REJECTED_NETWORK", 5), (8, "REJECTED_PREFIX_MISSING", 5), (10, "REJECTED_DND", 5),
    (11, "REJECTED_SOURCE", 5), (12, "REJECTED_NOT_ENOUGH_CREDITS", 5), (13, "REJECTED_SENDER", 5),
    (14, "REJECTED_DESTINATION", 5), (16, "REJECTED_NOT_REACHABLE", 5),
    (17, "REJECTED_PREPAID_PACKAGE_EXPIRED", 5), (18, "REJECTED_DESTINATION_NOT_REGISTERED", 5),
    (19, "REJECTED_ROUTE_NOT_AVAILABLE", 5), (20, "REJECTED_FLOODING_FILTER", 5),
    (21, "REJECTED_SYSTEM_ERROR", 5), (23, "REJECTED_DUPLICATE_MESSAGE_ID", 5),
    (24, "REJECTED_INVALID_UDH", 5), (25, "REJECTED_MESSAGE_TOO_LONG", 5),
    (28, "REJECTED_NOT_SENT", 5), (51, "MISSING_TO", 5), (1, "PENDING_TIME_VIOLATION", 1),
    (22, "EXPIRED_UNKNOWN", 4),
}  # fmt: skip
# Statuses whose mapping differs from their group's, on purpose (see the README).
NOT_LIKE_THEIR_GROUP = {
    "DELIVERED_TO_OPERATOR": DeliveryStatus.SENT,
    "PENDING_ACCEPTED": DeliveryStatus.QUEUED,
    "PENDING_TIME_VIOLATION": DeliveryStatus.QUEUED,
}


def _status(name: object, group_name: object = "DELIVERED", group_id: object = 3) -> dict[str, Any]:
    return {
        "groupId": group_id,
        "groupName": group_name,
        "id": 99,
        "name": name,
        "description": "x",
    }


def test_table_is_the_fact_sheet() -> None:
    """STATUS_TABLE lists exactly the fact sheet's statuses with their ids and groups."""
    assert {(i, name, group) for i, name, group, _ in STATUS_TABLE} == FACT_SHEET
    assert set(STATUS_MAP) == {name for _, name, _ in FACT_SHEET}


def test_mapping_covers_the_spec_enums() -> None:
    """Every known status name, group name and error group of the spec is mapped."""
    assert {s.value for s in KnownSmsStatusName} <= set(STATUS_MAP)
    assert (
        {g.value for g in KnownSmsStatusGroupName} == set(GROUP_MAP) == set(STATUS_GROUPS.values())
    )
    assert {g.value.upper() for g in KnownSmsErrorGroupName} == set(ERROR_GROUPS.values())
    assert DeliveryStatus.UNKNOWN not in set(STATUS_MAP.values()) | set(GROUP_MAP.values())


def test_statuses_follow_their_group_unless_documented() -> None:
    """Each status maps like its group, except the few decisions the README documents."""
    for _, name, group, status in STATUS_TABLE:
        expected = NOT_LIKE_THEIR_GROUP.get(name, GROUP_MAP[STATUS_GROUPS[group]])
        assert status is expected, name


def test_delivered_to_operator_is_still_in_flight() -> None:
    """DELIVERED_TO_OPERATOR means the operator took it: SENT, not delivered, not final."""
    [event] = normalize("infobip", report(status=_status("DELIVERED_TO_OPERATOR")))
    assert event.status is DeliveryStatus.SENT
    assert event.status.is_pending


@given(name=strategies.status_names, group=strategies.group_names, group_id=strategies.group_ids)
def test_any_status_maps_and_never_raises(name: str, group: str, group_id: int) -> None:
    """Any status name and group give a DeliveryStatus; the name is kept as raw_status."""
    [event] = normalize("infobip", report(status=_status(name, group, group_id)))
    known = STATUS_MAP.get(name.strip().upper())
    by_group = GROUP_MAP.get(group.strip().upper()) or GROUP_MAP.get(
        STATUS_GROUPS.get(group_id, "")
    )
    assert event.status is (known or by_group or DeliveryStatus.UNKNOWN)
    assert event.raw_status == (name if name.strip() else group if group.strip() else "")


def test_unknown_name_falls_back_on_its_group() -> None:
    """A new status name is mapped by its group, then UNKNOWN if the group is new too."""
    [by_group] = normalize("infobip", report(status=_status("DELIVERED_TO_MARS", "EXPIRED", 4)))
    [by_id] = normalize("infobip", report(status=_status("NEW", "NEWGROUP", 5)))
    [unknown] = normalize("infobip", report(status=_status("NEW", "NEWGROUP", 42)))
    assert (by_group.status, by_id.status, unknown.status) == (
        DeliveryStatus.EXPIRED,
        DeliveryStatus.REJECTED,
        DeliveryStatus.UNKNOWN,
    )
    assert unknown.raw_status == "NEW"


def test_docs_example_normalizes() -> None:
    """The docs' canonical report gives the expected event, field by field."""
    [event] = normalize("infobip", {"results": [report()]})
    assert event.to_dict() == {
        "provider": "infobip",
        "message_id": "MESSAGE-ID-0",
        "recipient": "+41793026727",
        "status": "delivered",
        "raw_status": "DELIVERED_TO_HANDSET",
        "occurred_at": "2019-11-09T16:00:00.000000Z",
        "part_id": None,
        "sender": None,
        "reason": "Message delivered to handset",
        "error_code": None,
        "error_description": None,
        "error_permanent": None,
        "price": "0.01",
        "currency": "EUR",
        "segments": 1,
    }


@pytest.mark.parametrize("spelling", ["Ok", "OK"])
def test_no_error_means_no_error(spelling: str) -> None:
    """NO_ERROR (group Ok or OK) leaves the error fields empty."""
    [event] = normalize("infobip", report(error=NO_ERROR | {"groupName": spelling}))
    assert (event.error_code, event.error_description, event.error_permanent) == (None,) * 3


def test_errors_keep_name_description_and_permanence() -> None:
    """A GSM error gives error_code (its name), description and permanent."""
    error = {
        "groupId": 1, "groupName": "HANDSET_ERRORS", "id": 27, "name": "EC_ABSENT_SUBSCRIBER",
        "description": "Absent subscriber", "permanent": False,
    }  # fmt: skip
    status = _status("UNDELIVERABLE_NOT_DELIVERED", "UNDELIVERABLE", 2)
    [event] = normalize("infobip", report(status=status, error=error))
    assert (event.status, event.error_code, event.error_description, event.error_permanent) == (
        DeliveryStatus.UNDELIVERED,
        "EC_ABSENT_SUBSCRIBER",
        "Absent subscriber",
        False,
    )


def test_error_without_name_uses_its_id() -> None:
    """An error with no name is identified by its id."""
    error = {"groupId": 3, "id": 2048, "description": "Time out", "permanent": True}
    [event] = normalize("infobip", report(error=error))
    assert (event.error_code, event.error_permanent) == ("2048", True)


def test_models_text_lists_and_callbacks_normalize_alike() -> None:
    """Generated models, JSON text, a list and a callback body give the same events."""
    body = {"results": [report(0), report(1, to="385911234567", smsCount=3)]}
    expected = normalize("infobip", body)
    assert normalize("infobip", SmsReportsResponse.from_dict(deepcopy(body))) == expected
    assert normalize("infobip", json.dumps(body)) == expected
    assert normalize("infobip", body["results"]) == expected
    assert normalize("infobip", SmsReport.from_dict(deepcopy(body["results"][1]))) == expected[1:]
    assert expected[1].segments == 3


@given(stamp=core_strategies.infobip_timestamps())
def test_offsets_without_a_colon_parse(stamp: tuple[str, datetime]) -> None:
    """``+0000`` and other colon-less offsets parse to the same UTC instant."""
    text, expected = stamp
    [event] = normalize("infobip", report(doneAt=text))
    assert event.occurred_at == expected


def test_sent_at_stands_in_for_a_missing_done_at() -> None:
    """Without doneAt the event is dated sentAt."""
    body = report(sentAt="2015-02-12T09:58:20.323+0100")
    del body["doneAt"]
    [event] = normalize("infobip", body)
    assert event.occurred_at == datetime(2015, 2, 12, 8, 58, 20, 323000, tzinfo=UTC)


def test_prices_are_exact_decimals() -> None:
    """The pricePerMessage number becomes Decimal(str(x)); the currency is kept."""
    [event] = normalize("infobip", report(price={"pricePerMessage": 0.0755, "currency": "eur"}))
    assert (event.price, event.currency) == (Decimal("0.0755"), "EUR")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"doneAt": "2019-11-09 16:00"}, "results[0].doneAt"),
        ({"to": ""}, "results[0].to"),
        ({"to": "0793026727"}, "results[0].to"),
        ({"messageId": None}, "results[0].messageId"),
        (
            {"price": {"pricePerMessage": "x", "currency": "EUR"}},
            "results[0].price.pricePerMessage",
        ),
        ({"price": {"pricePerMessage": -1, "currency": "EUR"}}, "results[0].price.pricePerMessage"),
        ({"price": {"pricePerMessage": 1, "currency": "euro"}}, "results[0].price.currency"),
        ({"smsCount": -1}, "results[0].smsCount"),
        ({"status": "DELIVERED"}, "results[0].status"),
        (
            {"error": NO_ERROR | {"id": 5, "name": "X", "permanent": "yes"}},
            "results[0].error.permanent",
        ),
    ],
)
def test_bad_fields_are_named(change: dict[str, Any], field: str) -> None:
    """A bad field raises InvalidFieldError naming the report and field."""
    with pytest.raises(InvalidFieldError) as info:
        normalize("infobip", {"results": [report(**change)]})
    assert info.value.field == field


def test_malformed_timestamp_is_a_timestamp_error() -> None:
    """A malformed doneAt raises TimestampError quoting the value."""
    with pytest.raises(TimestampError, match=r"2019-11-09T16:00:00\.000 GMT"):
        normalize("infobip", report(doneAt="2019-11-09T16:00:00.000 GMT"))


def test_every_reference_report_normalizes(server: Any) -> None:
    """Every report of the reference server normalizes, none to UNKNOWN."""
    events = normalize("infobip", {"results": [r.body for r in server.store.reports]})
    assert len(events) == len(server.store.reports)
    assert DeliveryStatus.UNKNOWN not in {e.status for e in events}
    assert {e.raw_status for e in events} == set(STATUS_MAP)
