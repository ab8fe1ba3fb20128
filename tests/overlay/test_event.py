from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest
from dlrkit import DeliveryEvent, DeliveryStatus, InvalidFieldError, to_e164
from dlrkit._event import checked_event
from hypothesis import given

from overlay import strategies

WHEN = datetime(2019, 11, 9, 16, 0, tzinfo=UTC)


def _event(**changes: Any) -> DeliveryEvent:
    fields: dict[str, Any] = {
        "provider": "infobip",
        "message_id": "MESSAGE-ID-123-xyz",
        "recipient": "+41793026727",
        "status": DeliveryStatus.DELIVERED,
        "raw_status": "DELIVERED_TO_HANDSET",
        "occurred_at": WHEN,
    }
    return DeliveryEvent(**{**fields, **changes})


def test_full_event_keeps_every_field() -> None:
    """An event with every optional field keeps them as given."""
    full = _event(
        part_id="p1",
        sender="InfoSMS",
        reason="Message delivered to handset",
        error_code="0",
        error_description="No Error",
        error_permanent=False,
        price=Decimal("0.01"),
        currency="EUR",
        segments=1,
    )
    assert (full.price, full.currency, full.segments) == (Decimal("0.01"), "EUR", 1)
    assert full.status.is_success


def test_event_is_frozen_and_slotted() -> None:
    """Events are immutable and carry no __dict__."""
    one = _event()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        one.status = DeliveryStatus.FAILED  # type: ignore[misc]
    assert not hasattr(one, "__dict__")
    assert one == _event()


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("provider", "", "non-empty string"),
        ("message_id", "  ", "non-empty string"),
        ("message_id", 42, "non-empty string"),
        ("recipient", "41793026727", "E.164"),
        ("recipient", "+0123456", "E.164"),
        ("status", "delivered", "DeliveryStatus"),
        ("raw_status", None, "provider's own status"),
        ("occurred_at", datetime(2019, 11, 9, 16, 0), "UTC"),
        ("occurred_at", datetime(2019, 11, 9, tzinfo=timezone(timedelta(hours=1))), "UTC"),
        ("occurred_at", "2019-11-09T16:00:00Z", "UTC"),
        ("error_permanent", "no", "True, False or None"),
        ("price", 0.01, "Decimal"),
        ("price", Decimal("-1"), "Decimal >= 0"),
        ("price", Decimal("NaN"), "finite"),
        ("currency", "eur", "ISO 4217"),
        ("segments", -1, "int >= 0"),
        ("segments", True, "int >= 0"),
        ("sender", "", "non-empty string"),
    ],
)
def test_bad_field_names_field_and_value(field: str, value: object, reason: str) -> None:
    """A bad field raises InvalidFieldError naming DeliveryEvent.<field>, its rule and value."""
    with pytest.raises(InvalidFieldError) as info:
        _event(**{field: value})
    message = str(info.value)
    assert message.startswith(f"DeliveryEvent.{field}: ")
    assert reason in message
    assert repr(value)[:30] in message


def test_to_dict_is_json_ready() -> None:
    """to_dict gives plain JSON types: status value, ISO time in UTC, price as text."""
    data = _event(price=Decimal("0.0450"), currency="USD").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["status"] == "delivered"
    assert data["occurred_at"] == "2019-11-09T16:00:00.000000Z"
    assert data["price"] == "0.0450"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("41793026727", "+41793026727"),
        ("+41793026727", "+41793026727"),
        ("+41 79 302 67 27", "+41793026727"),
        ("0041793026727", "+41793026727"),
        ("+1 (415) 555-1234", "+14155551234"),
        ("30.697.123.4567", "+306971234567"),
    ],
)
def test_to_e164_normalises_common_spellings(number: str, expected: str) -> None:
    """Numbers without '+', with separators or with a 00 prefix become E.164."""
    assert to_e164(number) == expected


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("0793026727", "national number"),
        ("+4179302672712345", "E.164"),
        ("+41abc", "E.164"),
        ("", "E.164"),
        ("+", "E.164"),
        (41793026727, "must be a string"),
    ],
)
def test_to_e164_rejects_what_it_cannot_know(number: object, reason: str) -> None:
    """Numbers that are not phone numbers, or lack a country code, raise InvalidFieldError."""
    with pytest.raises(InvalidFieldError, match=reason) as info:
        to_e164(number, field="results[0].to")
    assert info.value.field == "results[0].to"


@given(strategies.e164_digits)
def test_to_e164_adds_plus_to_any_international_digits(digits: str) -> None:
    """Any 2-15 digit number without a leading 0 gains a '+' and is a valid recipient."""
    number = to_e164(digits)
    assert number == "+" + digits
    assert _event(recipient=number).recipient == number


def test_checked_event_builds_what_the_constructor_builds() -> None:
    """checked_event gives DeliveryEvent(...) of the same fields: every slot set, still frozen."""
    fast = checked_event(
        "mailersend", "m1", "+41793026727", DeliveryStatus.SENT, "sent", WHEN, "Me"
    )
    slow = DeliveryEvent(
        provider="mailersend",
        message_id="m1",
        recipient="+41793026727",
        status=DeliveryStatus.SENT,
        raw_status="sent",
        occurred_at=WHEN,
        sender="Me",
    )
    assert type(fast) is DeliveryEvent
    assert attrs.asdict(fast) == attrs.asdict(slow)  # reads every field: none left unset
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert not hasattr(fast, "__dict__")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.status = DeliveryStatus.FAILED  # type: ignore[misc]
