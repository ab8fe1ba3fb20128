from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sent_dm_message_event_type import KnownSentDmMessageEventType
from ..models.known_sent_dm_webhook_field import KnownSentDmWebhookField
from ..types import UNSET, Unset

T = TypeVar("T", bound="SentDmWebhookMessageEvent")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_SENT_DM_WEBHOOK_FIELD_BY_VALUE: dict[str, KnownSentDmWebhookField] = cast(
    "dict[str, KnownSentDmWebhookField]", KnownSentDmWebhookField._value2member_map_
)
_KNOWN_SENT_DM_MESSAGE_EVENT_TYPE_BY_VALUE: dict[str, KnownSentDmMessageEventType] = (
    cast(
        "dict[str, KnownSentDmMessageEventType]",
        KnownSentDmMessageEventType._value2member_map_,
    )
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "field",
        "timestamp",
        "payload",
        "event",
        "sub_type",
        "request_id",
    }
)


@_attrs_define
class SentDmWebhookMessageEvent:
    """Envelope of one message status event. The subtype is in `event` (SDK 0.46.0) or `sub_type` (docs) or absent (older
    docs); see the webhook's description.

        Attributes:
            field (KnownSentDmWebhookField | str): Event family; `message` (or the older `messages`) for these events.
            timestamp (datetime.datetime): When the event was emitted, UTC, second precision (`2025-10-31T10:10:42Z`; one
                vendor skill shows `+00:00`).
            payload (SentDmWebhookMessagePayload): The message whose status changed. No price fields, unlike the pull
                activities; the recipient is `outbound_number` (the pull API's `phone`). `message_id` is required here although
                SDK 0.46.0 types every field but `message_status` as optional: the SDK calls it stable across every event of a
                message, every example has it, and an event without it could not be correlated.
            event (KnownSentDmMessageEventType | str | Unset): A message event type; one of `KnownSentDmMessageEventType` or
                one added later.
            sub_type (KnownSentDmMessageEventType | str | Unset): A message event type; one of `KnownSentDmMessageEventType`
                or one added later.
            request_id (str | Unset): Request id (SDK 0.46.0 only).
    """

    field: KnownSentDmWebhookField | str
    timestamp: datetime.datetime
    payload: SentDmWebhookMessagePayload
    event: KnownSentDmMessageEventType | str | Unset = UNSET
    sub_type: KnownSentDmMessageEventType | str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field: str
        if isinstance(self.field, KnownSentDmWebhookField):
            field = self.field.value
        else:
            field = self.field

        timestamp = self.timestamp.isoformat()

        payload = self.payload.to_dict()

        event: str | Unset
        if isinstance(self.event, Unset):
            event = UNSET
        elif isinstance(self.event, KnownSentDmMessageEventType):
            event = self.event.value
        else:
            event = self.event

        sub_type: str | Unset
        if isinstance(self.sub_type, Unset):
            sub_type = UNSET
        elif isinstance(self.sub_type, KnownSentDmMessageEventType):
            sub_type = self.sub_type.value
        else:
            sub_type = self.sub_type

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "timestamp": timestamp,
                "payload": payload,
            }
        )
        if event is not UNSET:
            field_dict["event"] = event
        if sub_type is not UNSET:
            field_dict["sub_type"] = sub_type
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        _field = d["field"]
        field = (
            _KNOWN_SENT_DM_WEBHOOK_FIELD_BY_VALUE.get(_field, _field)
            if isinstance(_field, str)
            else _field
        )

        timestamp = datetime.datetime.fromisoformat(d["timestamp"])

        payload = SentDmWebhookMessagePayload.from_dict(d["payload"])

        _event = d.get("event", UNSET)
        event = (
            _KNOWN_SENT_DM_MESSAGE_EVENT_TYPE_BY_VALUE.get(_event, _event)
            if isinstance(_event, str)
            else _event
        )

        _sub_type = d.get("sub_type", UNSET)
        sub_type = (
            _KNOWN_SENT_DM_MESSAGE_EVENT_TYPE_BY_VALUE.get(_sub_type, _sub_type)
            if isinstance(_sub_type, str)
            else _sub_type
        )

        request_id = d.get("request_id", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sent_dm_webhook_message_event = cls(
            field,
            timestamp,
            payload,
            event,
            sub_type,
            request_id,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sent_dm_webhook_message_event.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sent_dm_webhook_message_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last, not per call: these models may import this one (a reference cycle).
from ..models.sent_dm_webhook_message_payload import SentDmWebhookMessagePayload
