"""`DeliveryEvent`: one status report for one message, the same for every provider."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs

from dlrkit._errors import InvalidFieldError
from dlrkit._status import DeliveryStatus
from dlrkit._timestamps import format_timestamp

_E164 = re.compile(r"\+[1-9][0-9]{1,14}", re.ASCII)
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


def _fail(attribute: attrs.Attribute[Any], value: object, reason: str) -> InvalidFieldError:
    return InvalidFieldError(f"DeliveryEvent.{attribute.name}", value, reason)


def _text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _fail(attribute, value, "must be a non-empty string")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _recipient(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _E164.fullmatch(value)):
        raise _fail(attribute, value, "must be E.164 with a leading + (see dlrkit.to_e164)")


def _status(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, DeliveryStatus):
        raise _fail(attribute, value, "must be a DeliveryStatus")


def _raw_status(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, value, "must be a string (the provider's own status)")


def _utc(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        raise _fail(attribute, value, "must be an aware UTC datetime (see parse_timestamp)")


def _permanent(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise _fail(attribute, value, "must be True, False or None")


def _price(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise _fail(attribute, value, "must be a finite Decimal >= 0 (use Decimal(str(x)))")


def _currency(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, str) and _CURRENCY.fullmatch(value)):
        raise _fail(attribute, value, "must be an ISO 4217 code such as 'EUR'")


def _segments(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(attribute, value, "must be an int >= 0")


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
    the field and the value.
    """

    provider: str = attrs.field(validator=_text)
    message_id: str = attrs.field(validator=_text)
    recipient: str | None = attrs.field(default=None, validator=_recipient)
    status: DeliveryStatus = attrs.field(validator=_status)
    raw_status: str = attrs.field(validator=_raw_status)
    occurred_at: datetime = attrs.field(validator=_utc)
    part_id: str | None = attrs.field(default=None, validator=_optional_text)
    sender: str | None = attrs.field(default=None, validator=_optional_text)
    reason: str | None = attrs.field(default=None, validator=_optional_text)
    error_code: str | None = attrs.field(default=None, validator=_optional_text)
    error_description: str | None = attrs.field(default=None, validator=_optional_text)
    error_permanent: bool | None = attrs.field(default=None, validator=_permanent)
    price: Decimal | None = attrs.field(default=None, validator=_price)
    currency: str | None = attrs.field(default=None, validator=_currency)
    segments: int | None = attrs.field(default=None, validator=_segments)

    def to_dict(self) -> dict[str, Any]:
        """Return the event as JSON-ready data: enum as its value, time as ISO, price as text."""
        data = attrs.asdict(self, recurse=False)
        data["status"] = self.status.value
        data["occurred_at"] = format_timestamp(self.occurred_at)
        data["price"] = None if self.price is None else str(self.price)
        return data
