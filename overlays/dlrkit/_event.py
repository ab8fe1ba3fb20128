"""`DeliveryEvent`: one status report for one message, the same for every provider."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs

from dlrkit._errors import InvalidFieldError
from dlrkit._status import DeliveryStatus
from dlrkit._timestamps import format_timestamp

_E164 = re.compile(r"\+[1-9][0-9]{1,14}", re.ASCII)
#: E.164 with the ``+``, for readers that check a number inline (`to_e164` raises instead).
E164 = _E164
_SEPARATORS = re.compile(r"[\s().\-/]")
_CURRENCY = re.compile(r"[A-Z]{3}", re.ASCII)


def to_e164(number: object, *, field: str = "recipient") -> str:
    """Return ``number`` in E.164 form (``+`` and 2-15 digits), or raise `InvalidFieldError`.

    Providers write numbers as ``41793026727``, ``+41 79 302 67 27`` or ``0041793026727``;
    spaces, dots, dashes, slashes and brackets are dropped, a leading ``00`` becomes ``+``
    and a missing ``+`` is added. A national number (one leading ``0``) has no country code
    and is rejected rather than guessed.
    """
    if not isinstance(number, str):
        raise InvalidFieldError(field, number, "phone number must be a string")
    if number[:1] == "+" and _E164.fullmatch(number):
        return number  # already E.164: what the steps below would return, without them
    digits = _SEPARATORS.sub("", number)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif not digits.startswith("+"):
        if digits.startswith("0"):
            raise InvalidFieldError(field, number, "national number without a country code")
        digits = "+" + digits
    if not _E164.fullmatch(digits):
        raise InvalidFieldError(field, number, "not an E.164 phone number (+ and 2-15 digits)")
    return digits


def _fail(name: str, value: object, reason: str) -> InvalidFieldError:
    return InvalidFieldError(f"DeliveryEvent.{name}", value, reason)


def _check(event: DeliveryEvent) -> None:
    """Raise `InvalidFieldError` for the first field of ``event`` that breaks its rule.

    One function instead of one attrs validator per field, with the common case (a str, the
    UTC singleton, None) tested first: `normalize` builds an event per report, and the
    fifteen validator calls were a third of its time.
    """
    # Locals typed `object`: the checks are for callers who ignore the annotations.
    pairs: tuple[tuple[str, object], ...] = (
        ("provider", event.provider),
        ("message_id", event.message_id),
    )
    for name, value in pairs:
        if not (isinstance(value, str) and value.strip()):
            raise _fail(name, value, "must be a non-empty string")
    recipient: object = event.recipient
    if recipient is not None and (not isinstance(recipient, str) or not _E164.fullmatch(recipient)):
        raise _fail("recipient", recipient, "must be E.164 with a leading + (see dlrkit.to_e164)")
    status: object = event.status
    if not isinstance(status, DeliveryStatus):
        raise _fail("status", status, "must be a DeliveryStatus")
    raw_status: object = event.raw_status
    if not isinstance(raw_status, str):
        raise _fail("raw_status", raw_status, "must be a string (the provider's own status)")
    when: object = event.occurred_at
    if not isinstance(when, datetime) or (when.tzinfo is not UTC and when.utcoffset() != _ZERO):
        raise _fail("occurred_at", when, "must be an aware UTC datetime (see parse_timestamp)")
    for name in _OPTIONAL_TEXT:
        value = getattr(event, name)
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise _fail(name, value, "must be a non-empty string")
    _check_money(event)


def _check_money(event: DeliveryEvent) -> None:
    permanent: object = event.error_permanent
    if permanent is not None and not isinstance(permanent, bool):
        raise _fail("error_permanent", permanent, "must be True, False or None")
    price: object = event.price
    if price is not None and (not isinstance(price, Decimal) or not price.is_finite() or price < 0):
        raise _fail("price", price, "must be a finite Decimal >= 0 (use Decimal(str(x)))")
    currency: object = event.currency
    if currency is not None and not (isinstance(currency, str) and _CURRENCY.fullmatch(currency)):
        raise _fail("currency", currency, "must be an ISO 4217 code such as 'EUR'")
    segments: object = event.segments
    if segments is not None and (
        isinstance(segments, bool) or not isinstance(segments, int) or segments < 0
    ):
        raise _fail("segments", segments, "must be an int >= 0")


_ZERO = timedelta(0)
_OPTIONAL_TEXT = ("part_id", "sender", "reason", "error_code", "error_description")


@attrs.frozen(kw_only=True)
class DeliveryEvent:
    """One delivery report: what happened to one message (or part) for one recipient, when.

    Required: ``provider`` (``"infobip"``...), ``message_id`` (the provider's id),
    ``status``, ``raw_status`` (the provider's own words, kept for auditing) and
    ``occurred_at`` (aware, UTC).

    Optional: ``recipient`` (E.164 with ``+``, see `to_e164`; ``None`` only where the
    payload does not name it, as in sent.dm activity logs), ``part_id`` (one SMS part when
    the provider reports parts), ``sender``,
    ``reason`` (free text), ``error_code`` / ``error_description`` / ``error_permanent``
    (the provider's error, when it gives one), ``price`` (``Decimal``) in ``currency``
    (ISO 4217) and ``segments`` (SMS parts billed).

    Every field is checked on construction; a bad one raises `InvalidFieldError` naming
    the field and the value. (The readers behind `normalize` hold each value to the same
    rules as they read it, and build the events of plain rows with `checked_event`.)
    """

    provider: str
    message_id: str
    recipient: str | None = None
    status: DeliveryStatus
    raw_status: str
    occurred_at: datetime
    part_id: str | None = None
    sender: str | None = None
    reason: str | None = None
    error_code: str | None = None
    error_description: str | None = None
    error_permanent: bool | None = None
    price: Decimal | None = None
    currency: str | None = None
    segments: int | None = None

    def __attrs_post_init__(self) -> None:
        _check(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the event as JSON-ready data: enum as its value, time as ISO, price as text."""
        data = attrs.asdict(self, recurse=False)
        data["status"] = self.status.value
        data["occurred_at"] = format_timestamp(self.occurred_at)
        data["price"] = None if self.price is None else str(self.price)
        return data


def _slot_setter(name: str) -> Callable[[DeliveryEvent, Any], None]:
    setter: Callable[[DeliveryEvent, Any], None] = DeliveryEvent.__dict__[name].__set__
    return setter


# attrs' frozen __init__ stores each of the fifteen fields through object.__setattr__, by
# name, then runs _check: two thirds of building an event in `normalize`. `checked_event`
# stores them through the slots' own descriptors instead, for values already checked.
_new_event = object.__new__
_set_provider = _slot_setter("provider")
_set_message_id = _slot_setter("message_id")
_set_recipient = _slot_setter("recipient")
_set_status = _slot_setter("status")
_set_raw_status = _slot_setter("raw_status")
_set_occurred_at = _slot_setter("occurred_at")
_set_part_id = _slot_setter("part_id")
_set_sender = _slot_setter("sender")
_set_reason = _slot_setter("reason")
_set_error_code = _slot_setter("error_code")
_set_error_description = _slot_setter("error_description")
_set_error_permanent = _slot_setter("error_permanent")
_set_price = _slot_setter("price")
_set_currency = _slot_setter("currency")
_set_segments = _slot_setter("segments")


def checked_event(
    provider: str,
    message_id: str,
    recipient: str | None,
    status: DeliveryStatus,
    raw_status: str,
    occurred_at: datetime,
    sender: str | None = None,
) -> DeliveryEvent:
    """Return ``DeliveryEvent(...)`` of these fields (the others None), without `_check`.

    Only for a reader that has already held each value to the rule `_check` applies to that
    field: a non-blank ``provider`` and ``message_id``, an E.164 ``recipient`` or None, a
    `DeliveryStatus`, a str ``raw_status``, an aware UTC ``occurred_at`` and a non-blank
    ``sender`` or None. tests/overlay/test_event.py runs `_check` on what it builds.
    """
    event = _new_event(DeliveryEvent)
    _set_provider(event, provider)
    _set_message_id(event, message_id)
    _set_recipient(event, recipient)
    _set_status(event, status)
    _set_raw_status(event, raw_status)
    _set_occurred_at(event, occurred_at)
    _set_part_id(event, None)
    _set_sender(event, sender)
    _set_reason(event, None)
    _set_error_code(event, None)
    _set_error_description(event, None)
    _set_error_permanent(event, None)
    _set_price(event, None)
    _set_currency(event, None)
    _set_segments(event, None)
    return event
