"""Infobip delivery reports -> `DeliveryEvent` objects, one per report.

`normalize("infobip", payload)` reads a ``GET /sms/1/reports`` body or a report callback
body (both ``{"results": [...]}``), one report, or a list of reports; each may be a
generated model (`SmsReportsResponse`, `SmsReport`) or plain JSON exactly as sent.

* ``occurred_at`` is ``doneAt`` (``sentAt`` if absent), ``+0000`` offsets included.
* ``recipient`` is ``to`` with its ``+`` added (Infobip sends ``41793026727``).
* ``error`` becomes ``error_code`` (its ``name``, else its ``id``), ``error_description``
  and ``error_permanent``; ``NO_ERROR`` (id 0) means no error, so all three stay None.
* ``price`` is ``price.pricePerMessage`` as Infobip reports it (a `Decimal`, not multiplied
  by ``smsCount``), in ``price.currency``; ``segments`` is ``smsCount``.
* v3 report callbacks name two fields differently: ``sender`` (for ``from``) and
  ``messageCount`` (for ``smsCount``); both are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent, to_e164
from dlrkit._normalize import register_normalizer
from dlrkit._timestamps import parse_timestamp
from dlrkit.infobip._mapping import map_status

PROVIDER = "infobip"
_NO_ERROR = "NO_ERROR"
_CURRENCY = re.compile(r"[A-Z]{3}", re.ASCII)


def _plain(payload: object) -> object:
    """Return a generated model as its JSON dict; anything else unchanged."""
    to_dict = getattr(payload, "to_dict", None)
    if callable(to_dict) and not isinstance(payload, Mapping | Sequence):
        return to_dict()
    return payload


def _object(value: object, field: str) -> Mapping[str, Any]:
    value = _plain(value)
    if not isinstance(value, Mapping):
        raise InvalidFieldError(field, value, "expected a JSON object")
    return value


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


def _error(
    error: Mapping[str, Any] | None, where: str
) -> tuple[str | None, str | None, bool | None]:
    """Return ``(code, description, permanent)`` of a report's ``error``; Nones for no error."""
    if error is None:
        return None, None, None
    name, error_id = _text(error.get("name")), error.get("id")
    if (name or "").strip().upper() == _NO_ERROR or (type(error_id) is int and error_id == 0):
        return None, None, None
    permanent = error.get("permanent")
    if permanent is not None and not isinstance(permanent, bool):
        raise InvalidFieldError(f"{where}error.permanent", permanent, "must be true or false")
    return name or _text(error_id), _text(error.get("description")), permanent


def _price(price: object, where: str) -> tuple[Decimal | None, str | None]:
    if price is None:
        return None, None
    price = _object(price, f"{where}price")
    field, amount = f"{where}price.pricePerMessage", price.get("pricePerMessage")
    value: Decimal | None = None
    if amount is not None:
        if isinstance(amount, bool) or not isinstance(amount, int | float | str | Decimal):
            raise InvalidFieldError(field, amount, "must be a number")
        try:
            value = Decimal(str(amount).strip())
        except InvalidOperation:
            raise InvalidFieldError(field, amount, "not a decimal number") from None
        if not value.is_finite() or value < 0:
            raise InvalidFieldError(field, amount, "must be a finite amount >= 0")
    currency = _text(price.get("currency"))
    if currency is not None:
        currency = currency.strip().upper()
        if not _CURRENCY.fullmatch(currency):
            raise InvalidFieldError(f"{where}price.currency", price.get("currency"), "not ISO 4217")
    return value, currency


def _segments(value: object, field: str) -> int | None:
    if value is None:
        return None
    if type(value) is not int or value < 0:
        raise InvalidFieldError(field, value, "must be an int >= 0")
    return value


def report_event(report: Mapping[str, Any], where: str = "") -> DeliveryEvent:
    """Return the event of one report (a JSON object); ``where`` prefixes field names."""
    status = _object(report.get("status"), f"{where}status")
    name, group_name = status.get("name"), status.get("groupName")
    raw = _text(name) or _text(group_name) or ""
    message_id = report.get("messageId")
    if not isinstance(message_id, str) or not message_id.strip():
        raise InvalidFieldError(f"{where}messageId", message_id, "must be a non-empty string")
    error = report.get("error")
    code, description, permanent = _error(
        None if error is None else _object(error, f"{where}error"), where
    )
    price, currency = _price(report.get("price"), where)
    time_key = "doneAt" if report.get("doneAt") is not None else "sentAt"
    count_key = "messageCount" if "messageCount" in report else "smsCount"  # v3 vs v1/v2
    return DeliveryEvent(
        provider=PROVIDER,
        message_id=message_id,
        recipient=to_e164(report.get("to"), field=f"{where}to"),
        status=map_status(name, group_name, status.get("groupId")),
        raw_status=raw,
        occurred_at=parse_timestamp(report.get(time_key), field=f"{where}{time_key}"),
        sender=_text(report.get("from", report.get("sender"))),  # v1/v2 vs v3 name
        reason=_text(status.get("description")),
        error_code=code,
        error_description=description,
        error_permanent=permanent,
        price=price,
        currency=currency,
        segments=_segments(report.get(count_key), f"{where}{count_key}"),
    )


def normalize_reports(payload: object) -> Iterator[DeliveryEvent]:
    """Yield one event per report of a reports body, callback body, report or list."""
    data = _plain(payload)
    if isinstance(data, Mapping) and "results" in data:
        results, prefix = data["results"], "results"
    elif isinstance(data, list | tuple):
        results, prefix = data, ""
    else:
        yield report_event(_object(data, "payload"))
        return
    if not isinstance(results, list | tuple):
        raise InvalidFieldError(prefix or "payload", results, "expected a JSON array")
    for i, item in enumerate(results):
        where = f"{prefix}[{i}]."
        yield report_event(_object(item, where[:-1]), where)


register_normalizer(PROVIDER, normalize_reports)
