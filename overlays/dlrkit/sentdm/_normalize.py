"""sent.dm message statuses and activity logs -> `DeliveryEvent` objects.

`normalize("sentdm", payload)` reads a message status (``GET /v3/messages/{id}``): the
generated `Message` or `MessageEnvelope`, the same as plain JSON, or a list of them. Each
entry of ``events`` becomes one event (a message without events gives one, dated
``created_at``). The message's ``price`` (a JSON number) and its ``reason_code`` /
``reason`` go on the latest event that has the message's current status.

An activity log (``GET /v3/messages/{id}/activities``) never names the recipient: through
`normalize` its events carry ``recipient=None``; `normalize_activities(payload,
recipient=...)` fills it in when the caller knows the number (as `timeline` does).

A webhook body (``{"field": "message", "event": ..., "timestamp": ..., "payload": {...}}``)
gives one event, see `callback_events`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent, to_e164
from dlrkit._normalize import register_normalizer
from dlrkit._readers import read_code, read_price, read_text
from dlrkit._timestamps import parse_timestamp
from dlrkit.sentdm._mapping import map_status

PROVIDER = "sentdm"
_NOTHING: Mapping[str, Any] = {}


def _plain(payload: object) -> object:
    """Return a generated model as its JSON dict; anything else unchanged."""
    to_dict = getattr(payload, "to_dict", None)
    if callable(to_dict) and not isinstance(payload, Mapping | Sequence):
        return to_dict()
    return payload


def _unwrap(payload: object) -> object:
    """Return ``data`` of a ``{success, data, error, meta}`` envelope, or the payload itself."""
    payload = _plain(payload)
    if not (isinstance(payload, Mapping) and "data" in payload and "success" in payload):
        return payload
    if payload["data"] is None:
        error = payload.get("error")
        code = error.get("code") if isinstance(error, Mapping) else None
        raise InvalidFieldError("payload", code, "an error envelope, not a delivery report")
    return _plain(payload["data"])


def _object(value: object, field: str) -> Mapping[str, Any]:
    value = _plain(value)
    if not isinstance(value, Mapping):
        raise InvalidFieldError(field, value, "expected a JSON object")
    return value


def _array(value: object, field: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list | tuple):
        raise InvalidFieldError(field, value, "expected a JSON array")
    return [_object(item, f"{field}[{i}]") for i, item in enumerate(value)]


def _raw_status(item: Mapping[str, Any], field: str) -> str:
    value = item.get("status")
    if value is None:
        raise InvalidFieldError(field, value, "missing status")
    return value if isinstance(value, str) else str(value)


def _message_id(value: object, field: str) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise InvalidFieldError(field, value, "must be a non-empty message id")
    return value


def _event(
    item: Mapping[str, Any],
    where: str,
    *,
    message_id: str,
    recipient: str | None,
    time_key: str = "timestamp",
    price: Decimal | None = None,
    fallback: Mapping[str, Any] = _NOTHING,
) -> DeliveryEvent:
    """Build one event from a status event, an activity or a bare message (``where`` + key)."""
    raw = _raw_status(item, f"{where}status")
    return DeliveryEvent(
        provider=PROVIDER,
        message_id=message_id,
        recipient=recipient,
        status=map_status(raw),
        raw_status=raw,
        occurred_at=parse_timestamp(item.get(time_key), field=f"{where}{time_key}"),
        sender=read_text(item.get("from"), field=f"{where}from"),
        reason=read_text(item.get("description"), field=f"{where}description"),
        error_code=read_code(item.get("reason_code"), field=f"{where}reason_code")
        or read_code(fallback.get("reason_code"), field="reason_code"),
        error_description=read_text(item.get("reason"), field=f"{where}reason")
        or read_text(fallback.get("reason"), field="reason"),
        price=price,
    )


def recipient_of(message: Mapping[str, Any]) -> str:
    """Return the E.164 recipient of a message status (``phone``, else ``phone_international``)."""
    for field in ("phone", "phone_international"):
        if message.get(field):
            return to_e164(message[field], field=field)
    raise InvalidFieldError("phone", None, "the message status names no recipient")


def message_events(message: Mapping[str, Any]) -> Iterator[DeliveryEvent]:
    """Yield one event per status event of a message status (a JSON object)."""
    message_id = _message_id(message.get("id"), "id")
    recipient = recipient_of(message)
    current = _raw_status(message, "status").strip().upper()
    price = read_price(message.get("price"), field="price")
    events = _array(message.get("events") or [], "events")
    if not events:  # no history: the current status, dated when the message was created
        yield _event(
            message, "", message_id=message_id, recipient=recipient, time_key="created_at",
            price=price,
        )  # fmt: skip
        return
    raws = [_raw_status(event, f"events[{i}].status") for i, event in enumerate(events)]
    latest = max((i for i, raw in enumerate(raws) if raw.strip().upper() == current), default=None)
    for i, event in enumerate(events):
        here = i == latest
        yield _event(
            event,
            f"events[{i}].",
            message_id=message_id,
            recipient=recipient,
            price=price if here else None,
            fallback=message if here else _NOTHING,
        )


def _normalize(payload: object) -> Iterator[DeliveryEvent]:
    """Normalize message statuses, alone, enveloped or in a list (the registered normalizer)."""
    data = _unwrap(payload)
    if isinstance(data, list | tuple):
        for item in data:
            yield from _normalize(item)
        return
    message = _object(data, "payload")
    if "field" in message and "payload" in message:  # only webhook bodies have both
        yield from callback_events(message)
        return
    if "activities" in message or ("timestamp" in message and "id" not in message):
        yield from normalize_activities(message)
        return
    if "id" not in message:
        reason = "not a sent.dm message status (no 'id')"
        raise InvalidFieldError("payload", sorted(message)[:8], reason)
    yield from message_events(message)


def normalize_activities(
    payload: object, *, recipient: str | None = None, message_id: str | uuid.UUID | None = None
) -> list[DeliveryEvent]:
    """Return one event per activity, in the payload's order (sent.dm sends newest first).

    ``payload`` is an activity log (the generated `MessageActivities`, its envelope or
    their JSON), one activity, or a list of activities. ``recipient`` is the message's
    number (any form `dlrkit.to_e164` reads), which activity logs do not carry (``None``
    leaves the events' recipient unset);
    ``message_id`` is needed only when the payload does not name the message, and must
    match it when it does. ``price`` (a decimal string) becomes a `Decimal`.
    """
    number = None if recipient is None else to_e164(recipient, field="recipient")
    given = None if message_id is None else _message_id(message_id, "message_id")
    data = _unwrap(payload)
    named: str | None = None
    if isinstance(data, Mapping) and "activities" in data:
        named = _message_id(data.get("message_id"), "message_id")
        items, where = _array(data["activities"], "activities"), "activities[{}]."
    elif isinstance(data, list | tuple):
        items, where = _array(data, "activities"), "activities[{}]."
    else:
        items, where = [_object(data, "payload")], ""
    if named and given and named.lower() != given.lower():
        reason = f"does not match the payload's message_id {named!r}"
        raise InvalidFieldError("message_id", given, reason)
    found = named or given
    if found is None:
        raise InvalidFieldError("message_id", None, "the payload does not name its message")
    return [
        _event(
            item,
            where.format(i),
            message_id=found,
            recipient=number,
            price=read_price(item.get("price"), field=f"{where.format(i)}price"),
        )
        for i, item in enumerate(items)
    ]


#: Webhook families that carry message statuses (older docs spell it ``messages``).
MESSAGE_FAMILIES = frozenset({"message", "messages"})
#: An inbound SMS, not a report on one we sent.
INBOUND_EVENT = "message.received"


def callback_events(body: Mapping[str, Any]) -> Iterator[DeliveryEvent]:
    """Yield the event of a webhook body (decoded JSON): none for other families or inbound.

    The event name is ``event`` (SDK 0.46) or ``sub_type`` (docs), and may be absent (older
    docs); the status is ``payload.message_status``. The time is ``payload.updated_at``
    (when the status was reached), else the envelope's ``timestamp``; ``recipient`` is
    ``payload.outbound_number``; ``reason_code`` / ``reason`` become ``error_code`` /
    ``error_description``.
    """
    family = body.get("field")
    if not isinstance(family, str):
        raise InvalidFieldError("field", family, "must be the event family, a string")
    kind = body.get("event", body.get("sub_type"))
    if kind is not None and not isinstance(kind, str):
        raise InvalidFieldError("event", kind, "must be a string or absent")
    if family.strip().lower() not in MESSAGE_FAMILIES or kind == INBOUND_EVENT:
        return  # sent.dm adds families over time: ignore what is not an outbound status
    payload = _object(body.get("payload"), "payload")
    raw = payload.get("message_status")
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidFieldError("payload.message_status", raw, "must be a non-empty string")
    if payload.get("updated_at") is not None:
        when, when_field = payload["updated_at"], "payload.updated_at"
    else:
        when, when_field = body.get("timestamp"), "timestamp"
    number = payload.get("outbound_number")
    yield DeliveryEvent(
        provider=PROVIDER,
        message_id=_message_id(payload.get("message_id"), "payload.message_id"),
        recipient=None if number is None else to_e164(number, field="payload.outbound_number"),
        status=map_status(raw),
        raw_status=raw,
        occurred_at=parse_timestamp(when, field=when_field),
        sender=read_text(payload.get("inbound_number"), field="payload.inbound_number"),
        error_code=read_code(payload.get("reason_code"), field="payload.reason_code"),
        error_description=read_text(payload.get("reason"), field="payload.reason"),
    )


register_normalizer(PROVIDER, _normalize)
