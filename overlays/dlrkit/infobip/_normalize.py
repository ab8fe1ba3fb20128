"""Infobip delivery reports and message logs -> `DeliveryEvent` objects, one per row.

`normalize("infobip", payload)` reads a reports body (``GET /sms/1/reports``,
``GET /sms/3/reports``), a logs body (``GET /sms/1/logs``, ``GET /sms/3/logs``) or a
report callback body (all ``{"results": [...]}``), one row, or a list of rows; each may be
a generated model (`SmsReportsResponse`, `SmsReportV3`, `SmsLogV3`...) or plain JSON
exactly as sent. v1 and v3 names are both read: ``to``/``destination``,
``from``/``sender``, ``smsCount``/``messageCount``.

* ``occurred_at`` is ``doneAt`` (``sentAt`` if absent), ``+0000`` offsets included.
* ``recipient`` is ``to`` (``destination``) with its ``+`` added (Infobip sends
  ``41793026727``).
* ``error`` becomes ``error_code`` (its ``name``, else its ``id``), ``error_description``
  and ``error_permanent``; ``NO_ERROR`` (id 0) means no error, so all three stay None.
* ``price`` is ``price.pricePerMessage`` as Infobip reports it (a `Decimal`, not multiplied
  by ``smsCount``), in ``price.currency``; ``segments`` is ``smsCount`` (``messageCount``).
  ``CREDITS`` (a white-label host's prepaid unit, seen in a real body) is no money:
  ``price`` and ``currency`` are then both None; any other non-ISO 4217 code is an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent, to_e164
from dlrkit._normalize import register_normalizer
from dlrkit._readers import (
    read_code,
    read_count,
    read_currency,
    read_price,
    read_text,
    require_text,
)
from dlrkit._timestamps import parse_timestamp
from dlrkit.infobip._mapping import map_status

PROVIDER = "infobip"
_NO_ERROR = "NO_ERROR"
# Seen on a white-label Infobip host (a real 2021 body): prepaid credits, not money.
_CREDIT_UNITS = frozenset({"CREDITS"})


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


def _error(
    error: Mapping[str, Any] | None, where: str
) -> tuple[str | None, str | None, bool | None]:
    """Return ``(code, description, permanent)`` of a report's ``error``; Nones for no error."""
    if error is None:
        return None, None, None
    name = read_text(error.get("name"), field=f"{where}error.name")
    error_id = error.get("id")
    if (name or "").strip().upper() == _NO_ERROR or (type(error_id) is int and error_id == 0):
        return None, None, None
    permanent = error.get("permanent")
    if permanent is not None and not isinstance(permanent, bool):
        raise InvalidFieldError(f"{where}error.permanent", permanent, "must be true or false")
    code = name or read_code(error_id, field=f"{where}error.id")
    return code, read_text(error.get("description"), field=f"{where}error.description"), permanent


def _price(price: object, where: str) -> tuple[Decimal | None, str | None]:
    if price is None:
        return None, None
    price = _object(price, f"{where}price")
    currency = price.get("currency")
    if isinstance(currency, str) and currency.strip().upper() in _CREDIT_UNITS:
        return None, None  # prepaid credits, not money: no amount to report
    return (
        read_price(price.get("pricePerMessage"), field=f"{where}price.pricePerMessage"),
        read_currency(currency, field=f"{where}price.currency"),
    )


def _either(row: Mapping[str, Any], v1: str, v3: str) -> tuple[object, str]:
    """Return the v1 name's value, else the v3 name's, with the name that was used."""
    value = row.get(v1)
    return (value, v1) if value is not None else (row.get(v3), v3)


def report_event(report: Mapping[str, Any], where: str = "") -> DeliveryEvent:
    """Return the event of one report or log row, v1 or v3; ``where`` prefixes field names."""
    status = _object(report.get("status"), f"{where}status")
    name, group_name = status.get("name"), status.get("groupName")
    # Both are read (not `or`-chained) so a groupName of the wrong type is refused even when
    # a name is there: map_status reads it too.
    name_text = read_text(name, field=f"{where}status.name")
    group_text = read_text(group_name, field=f"{where}status.groupName")
    raw = name_text or group_text or ""
    message_id = require_text(report.get("messageId"), field=f"{where}messageId")
    error = report.get("error")
    code, description, permanent = _error(
        None if error is None else _object(error, f"{where}error"), where
    )
    price, currency = _price(report.get("price"), where)
    time_key = "doneAt" if report.get("doneAt") is not None else "sentAt"
    recipient, recipient_key = _either(report, "to", "destination")
    sender, sender_key = _either(report, "from", "sender")
    segments, segments_key = _either(report, "smsCount", "messageCount")
    return DeliveryEvent(
        provider=PROVIDER,
        message_id=message_id,
        recipient=to_e164(recipient, field=f"{where}{recipient_key}"),
        status=map_status(name, group_name, status.get("groupId")),
        raw_status=raw,
        occurred_at=parse_timestamp(report.get(time_key), field=f"{where}{time_key}"),
        sender=read_text(sender, field=f"{where}{sender_key}"),
        reason=read_text(status.get("description"), field=f"{where}status.description"),
        error_code=code,
        error_description=description,
        error_permanent=permanent,
        price=price,
        currency=currency,
        segments=read_count(segments, field=f"{where}{segments_key}"),
    )


def normalize_reports(payload: object) -> Iterator[DeliveryEvent]:
    """Yield one event per row of a reports, logs or callback body, a row or a list."""
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
