"""Routee tracking objects and callback bodies -> `DeliveryEvent`.

One event per SMS part. Accepted payloads: a tracking object (``POST /sms/tracking`` and
campaign pages' items, ``GET /sms/tracking/single/{id}`` parts), a page (``{"content": [...]}``),
a list of tracking objects, an SMS callback body (``status.name`` / ``status.updatedDate``
instead of ``status.status`` / ``status.date``) or an inbound-message callback (no status,
``receivedDate``); each as a plain dict or as the generated model. A campaign-progress
callback (``campaignStatus``, no ``messageId``) gives no events.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from dlrkit_routee_api.models import (
    RouteeSmsCallback,
    SmsPartTracking,
    SmsTracking,
    SmsTrackingBase,
    SmsTrackingPage,
)

from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent, to_e164
from dlrkit._normalize import register_normalizer
from dlrkit._readers import read_count, read_price, read_text, require_text
from dlrkit._status import DeliveryStatus
from dlrkit._timestamps import parse_timestamp
from dlrkit.routee._errors import PROVIDER
from dlrkit.routee._mapping import map_status

__all__ = ["events_from_item", "normalize_payload"]

_MODELS = (SmsTracking, SmsPartTracking, SmsTrackingBase, SmsTrackingPage, RouteeSmsCallback)
_EXPECTED = "expected a Routee tracking object, a page with 'content', or a list of them"


def _plain(value: object) -> object:
    return value.to_dict() if isinstance(value, _MODELS) else value


def _at(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def normalize_payload(payload: object) -> Iterator[DeliveryEvent]:
    """Yield one event per tracking object in ``payload`` (see the module docstring)."""
    payload = _plain(payload)
    if isinstance(payload, list):
        for index, item in enumerate(payload):
            yield events_from_item(_plain(item), f"[{index}]")
        return
    if not isinstance(payload, Mapping):
        raise InvalidFieldError("payload", payload, _EXPECTED)
    if "campaignStatus" in payload and "messageId" not in payload:
        return  # a campaign-progress callback: counts per status, no message's event
    if "content" in payload and "messageId" not in payload:
        content = payload["content"]
        if not isinstance(content, list):
            raise InvalidFieldError("content", content, "must be a list of tracking objects")
        for index, item in enumerate(content):
            yield events_from_item(_plain(item), f"content[{index}]")
        return
    yield events_from_item(payload, "")


def events_from_item(item: object, where: str = "") -> DeliveryEvent:
    """Return the event of one tracking object or callback body; ``where`` prefixes field names."""
    if not isinstance(item, Mapping):
        raise InvalidFieldError(where or "payload", item, _EXPECTED)
    state = _read_status(item, where)
    return DeliveryEvent(
        provider=PROVIDER,
        message_id=_required_text(item, "messageId", where),
        recipient=to_e164(item.get("to"), field=_at(where, "to")),
        status=state.status,
        raw_status=state.raw,
        occurred_at=parse_timestamp(state.when, field=state.when_field),
        part_id=_text(item, "smsId", where),
        sender=_text(item, "from", where),
        reason=state.detailed,
        error_description=state.description if state.status.is_failure else None,
        price=read_price(item.get("price"), field=_at(where, "price")),
        segments=read_count(item.get("parts"), field=_at(where, "parts")),
    )


@attrs.frozen
class _Status:
    raw: str
    status: DeliveryStatus
    detailed: str | None
    description: str | None
    when: object
    when_field: str


def _read_status(item: Mapping[str, Any], where: str) -> _Status:
    block = item.get("status")
    received = item.get("receivedDate")
    if block is None and received is not None and "smsId" not in item:
        # An inbound-message callback: no status; the message arrived at receivedDate.
        when_field = _at(where, "receivedDate")
        return _Status("", DeliveryStatus.DELIVERED, None, None, received, when_field)
    if not isinstance(block, Mapping):
        raise InvalidFieldError(_at(where, "status"), block, "must be a status object")
    key = "status" if "status" in block else "name"  # tracking API vs callback body
    raw = block.get(key)
    if not isinstance(raw, str):
        raise InvalidFieldError(_at(where, f"status.{key}"), raw, "must be a string")
    reason = block.get("reason")
    if reason is not None and not isinstance(reason, Mapping):
        raise InvalidFieldError(_at(where, "status.reason"), reason, "must be an object or null")
    detailed = _text(reason or {}, "detailedStatus", _at(where, "status.reason"))
    description = _text(reason or {}, "description", _at(where, "status.reason"))
    status = map_status(raw, detailed)
    for name in ("date", "updatedDate"):  # tracking API vs callback body
        if block.get(name) is not None:
            return _Status(
                raw, status, detailed, description, block[name], _at(where, f"status.{name}")
            )
    if received is None:
        raise InvalidFieldError(
            _at(where, "status.date"), None, "no status date to place the event"
        )
    return _Status(raw, status, detailed, description, received, _at(where, "receivedDate"))


def _text(item: Mapping[str, Any], key: str, where: str) -> str | None:
    return read_text(item.get(key), field=_at(where, key))


def _required_text(item: Mapping[str, Any], key: str, where: str) -> str:
    return require_text(item.get(key), field=_at(where, key))


register_normalizer(PROVIDER, normalize_payload)
