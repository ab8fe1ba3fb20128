"""Turn MailerSend payloads into `DeliveryEvent` objects (``normalize("mailersend", ...)``).

Understood, as generated models or as the JSON MailerSend sends (with or without the
``{"data": ...}`` envelope, one object or a list):

* an activity row (``/sms-activity``, a message's ``sms_activity[]``): one event each;
* an SMS message (``GET /sms-messages/{id}``): its ``sms_activity[]`` rows are the status
  history; each recipient's ``sms[]`` row adds ``segment_count`` to that recipient's events
  and ``error_type`` / ``error_description`` to the event of the SMS's current status. If that
  current status has no activity row yet, the ``sms[]`` row gives one more event, dated at the
  recipient's latest known time (MailerSend does not say when the status was reached);
* an SMS (a recipient's ``sms[]`` row): one event with the SMS's current status, dated at
  its ``created_at``, with the SMS's own ``id`` as ``message_id`` (the row does not name
  its message);
* recipients and message summaries: no events (``active`` / ``opt_out`` are not delivery
  statuses, and a summary has no status);
* a webhook body (``{"type": "sms.delivered", "data": {...}}``): one event, see
  `callback_events`; ``webhook.test`` gives none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol, TypeGuard

import attrs

from dlrkit._errors import InvalidFieldError
from dlrkit._event import E164, DeliveryEvent, checked_event, to_e164
from dlrkit._normalize import register_normalizer
from dlrkit._readers import read_code, read_count, read_text, require_text
from dlrkit._status import DeliveryStatus
from dlrkit._timestamps import parse_timestamp, read_plain_utc
from dlrkit.mailersend._mapping import STATUS_MAP, map_status

__all__ = ["TEST_EVENT", "callback_events", "normalize_payload"]

PROVIDER = "mailersend"
#: The ping MailerSend sends when a webhook is saved; it has no ``data``.
TEST_EVENT = "webhook.test"
_SMS_EVENT = "sms."
_Row = Mapping[str, Any]


def normalize_payload(payload: object) -> Iterator[DeliveryEvent]:
    """Yield the events in ``payload`` (see the module docstring for the shapes understood)."""
    if _is_model(payload):
        payload = payload.to_dict()
    if isinstance(payload, Mapping) and "type" in payload:  # only webhook bodies have a type
        yield from callback_events(payload)
    elif isinstance(payload, Mapping) and "data" in payload:
        yield from _items(payload["data"], "data")
    else:
        yield from _items(payload, "")


class _Model(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def _is_model(value: object) -> TypeGuard[_Model]:
    module = type(value).__module__
    return module.startswith("dlrkit_mailersend_api.") and callable(getattr(value, "to_dict", None))


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _items(value: object, path: str) -> Iterator[DeliveryEvent]:
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            event = _plain_activity(item)
            if event is None:
                yield from _item(item, f"{path}[{index}]")
            else:
                yield event
    else:
        yield from _item(value, path)


# STATUS_MAP as a plain dict (a mappingproxy's get is slower): the statuses MailerSend
# sends, already lower-case, are found without map_status's strip() and lower().
_STATUS_OF: dict[str, DeliveryStatus] = dict(STATUS_MAP)


def _plain_activity(row: object) -> DeliveryEvent | None:
    """Return the event of an activity row whose fields need no conversion; else None.

    A page is a hundred such rows. Each test below is the full reader's own rule for that
    field (`_activity`: text, E.164, status, timestamp, sender), so the event is built
    with `checked_event`; any other row, a bad one included, gets None and goes through
    `_item`, which gives the same event or the error naming the field's path.
    """
    if type(row) is not dict or "sms_activity" in row or "sms" in row:
        return None
    message_id = row.get("sms_message_id")
    raw = row.get("status")
    recipient = row.get("to")
    if not (
        type(message_id) is str
        and message_id.strip()
        and type(raw) is str
        and type(recipient) is str
        and recipient[:1] == "+"
        and E164.fullmatch(recipient)
    ):
        return None
    sender = row.get("from")
    if sender is not None:
        if type(sender) is not str:
            return None
        if not sender.strip():
            sender = None
    when = read_plain_utc(row.get("created_at"))
    if when is None:
        return None
    status = _STATUS_OF.get(raw)
    if status is None:
        status = map_status(raw)
    return checked_event(PROVIDER, message_id, recipient, status, raw, when, sender)


def _item(row: object, path: str) -> Iterable[DeliveryEvent]:
    """Return the events of one object: a tuple for the one-event shapes, else a generator.

    Not a generator itself: an activity page is a hundred one-event rows, and a generator
    level per row cost more than building the row's event.
    """
    if type(row) is not dict and not isinstance(row, Mapping):
        raise InvalidFieldError(path or "payload", row, "expected a JSON object")
    if "sms_activity" in row or ("sms" in row and isinstance(row.get("to"), list)):
        return _message(row, path)
    if "sms" in row:  # a recipient with the SMS sent to it
        return _recipient_sms(row, path)
    if "sms_message_id" in row:
        return (_activity(row, path),)
    if "segment_count" in row:
        return (_sms_alone(row, path),)
    if "number" in row or "paused" in row:
        return ()  # a recipient or a message summary: no delivery status
    reason = "not a MailerSend SMS activity row, SMS message, SMS or recipient"
    raise InvalidFieldError(path or "payload", row, reason)


def _recipient_sms(row: _Row, path: str) -> Iterator[DeliveryEvent]:
    for index, sms in enumerate(_list(row, "sms", path)):
        sms_path = f"{_at(path, 'sms')}[{index}]"
        yield _sms_alone(_object(sms, sms_path), sms_path)


def _object(value: object, path: str) -> _Row:
    if not isinstance(value, Mapping):
        raise InvalidFieldError(path, value, "expected a JSON object")
    return value


def _list(row: _Row, key: str, path: str) -> Sequence[object]:
    value = row.get(key)
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise InvalidFieldError(_at(path, key), value, "expected a list")
    return value


def _required(row: _Row, key: str, path: str) -> object:
    if key not in row:
        raise InvalidFieldError(_at(path, key), row, "required field is missing")
    return row[key]


def _text(row: _Row, key: str, path: str) -> str:
    return require_text(_required(row, key, path), field=_at(path, key))


def _optional(row: _Row, key: str, path: str) -> str | None:
    return read_text(row.get(key), field=_at(path, key))


def _code(row: _Row, key: str, path: str) -> str | None:
    return read_code(row.get(key), field=_at(path, key))


def _raw_status(row: _Row, path: str) -> str:
    value = _required(row, "status", path)
    if not isinstance(value, str):
        raise InvalidFieldError(_at(path, "status"), value, "must be a string")
    return value


def _time(row: _Row, path: str) -> datetime:
    return parse_timestamp(_required(row, "created_at", path), field=_at(path, "created_at"))


def _segments(sms: _Row, path: str) -> int | None:
    return read_count(sms.get("segment_count"), field=_at(path, "segment_count"))


def _activity(row: _Row, path: str, message_id: str | None = None) -> DeliveryEvent:
    if message_id is None or "sms_message_id" in row:
        message_id = _text(row, "sms_message_id", path)
    raw = _raw_status(row, path)
    return DeliveryEvent(
        provider=PROVIDER,
        message_id=message_id,
        recipient=to_e164(_required(row, "to", path), field=_at(path, "to")),
        sender=_optional(row, "from", path),
        status=map_status(raw),
        raw_status=raw,
        occurred_at=_time(row, path),
    )


def _sms_event(sms: _Row, path: str, message_id: str, when: datetime) -> DeliveryEvent:
    raw = _raw_status(sms, path)
    return DeliveryEvent(
        provider=PROVIDER,
        message_id=message_id,
        recipient=to_e164(_required(sms, "to", path), field=_at(path, "to")),
        sender=_optional(sms, "from", path),
        status=map_status(raw),
        raw_status=raw,
        occurred_at=when,
        error_code=_code(sms, "error_type", path),
        error_description=_optional(sms, "error_description", path),
        segments=_segments(sms, path),
    )


def _sms_alone(sms: _Row, path: str) -> DeliveryEvent:
    return _sms_event(sms, path, _text(sms, "id", path), _time(sms, path))


@attrs.define
class _Recipient:
    """One recipient's ``sms[]`` row and what its activity rows showed."""

    sms: _Row
    path: str
    statuses: set[str] = attrs.field(factory=set)
    latest: datetime | None = None


def _message(message: _Row, path: str) -> Iterator[DeliveryEvent]:
    message_id = _text(message, "id", path)
    recipients: dict[str, _Recipient] = {}
    for index, value in enumerate(_list(message, "sms", path)):
        sms_path = f"{_at(path, 'sms')}[{index}]"
        sms = _object(value, sms_path)
        number = to_e164(_required(sms, "to", sms_path), field=_at(sms_path, "to"))
        recipients.setdefault(number, _Recipient(sms, sms_path))
    for index, value in enumerate(_list(message, "sms_activity", path)):
        row_path = f"{_at(path, 'sms_activity')}[{index}]"
        event = _activity(_object(value, row_path), row_path, message_id)
        found = None if event.recipient is None else recipients.get(event.recipient)
        if found is not None:
            event = _enrich(event, found)
            found.statuses.add(event.raw_status.strip().lower())
            when = event.occurred_at
            found.latest = when if found.latest is None else max(found.latest, when)
        yield event
    for found in recipients.values():
        current = _raw_status(found.sms, found.path)
        if current.strip().lower() not in found.statuses:
            yield _sms_event(found.sms, found.path, message_id, _when(message, path, found))


def _enrich(event: DeliveryEvent, found: _Recipient) -> DeliveryEvent:
    segments = _segments(found.sms, found.path)
    current = _raw_status(found.sms, found.path)
    if current.strip().lower() != event.raw_status.strip().lower():
        return attrs.evolve(event, segments=segments)
    return attrs.evolve(
        event,
        segments=segments,
        error_code=_code(found.sms, "error_type", found.path),
        error_description=_optional(found.sms, "error_description", found.path),
    )


def _when(message: _Row, path: str, found: _Recipient) -> datetime:
    """Return the latest time known for the recipient: its activity, else its SMS or message."""
    created = _time(found.sms, found.path) if "created_at" in found.sms else _time(message, path)
    return created if found.latest is None else max(found.latest, created)


def callback_events(payload: object) -> Iterator[DeliveryEvent]:
    """Yield the event of a webhook body (decoded JSON); none for ``webhook.test``."""
    body = _object(payload, "body")
    kind = _text(body, "type", "")
    if kind == TEST_EVENT:
        return
    if not kind.startswith(_SMS_EVENT):
        raise InvalidFieldError("type", kind, "not an SMS event (sms.*) or webhook.test")
    yield _webhook_event(body, kind)


def _webhook_event(body: Mapping[str, Any], kind: str) -> DeliveryEvent:
    data = _object(_required(body, "data", ""), "data")
    sms = _object(_required(data, "sms", "data"), "data.sms")
    return DeliveryEvent(
        provider=PROVIDER,
        message_id=_text(data, "sms_message_id", "data"),
        part_id=_text(sms, "id", "data.sms"),
        recipient=to_e164(_required(data, "to", "data"), field="data.to"),
        sender=_optional(data, "from", "data"),
        status=map_status(kind.removeprefix(_SMS_EVENT)),
        raw_status=kind,
        occurred_at=_time(body, ""),
        error_code=_optional(sms, "error_type", "data.sms"),
        error_description=_optional(sms, "error_description", "data.sms"),
        segments=_segments(sms, "data.sms"),
    )


register_normalizer(PROVIDER, normalize_payload)
