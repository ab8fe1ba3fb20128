from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sms_webhook_event_name import SmsWebhookEventName

T = TypeVar("T", bound="SmsWebhook")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_SMS_WEBHOOK_EVENT_NAME_BY_VALUE: dict[str, SmsWebhookEventName] = cast(
    "dict[str, SmsWebhookEventName]", SmsWebhookEventName._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "id",
        "url",
        "events",
        "name",
        "enabled",
        "created_at",
        "updated_at",
        "sms_number",
    }
)


@_attrs_define
class SmsWebhook:
    """A registered SMS webhook. No signing secret: none of the recorded responses carries one. `url` has JSON-escaped
    slashes on the wire (`https:\\/\\/…`). The Python SDK's (2.2.0) `SmsWebhook` model expects a top-level
    `sms_number_id` and an optional `signing_secret`; every recording (2022, 2024) nests the number in `sms_number` and
    has neither, and the recordings win.

        Attributes:
            id (str):
            url (str):
            events (list[SmsWebhookEventName | str]): Subscribed events; may be empty (after an update with `events: []`).
                Unknown values are passed through.
            name (str):
            enabled (bool):
            created_at (datetime.datetime): UTC, `.000000Z` (whole seconds).
            updated_at (datetime.datetime):
            sms_number (SmsNumber): A sending number, as a webhook shows it. Named for the resource that `sms_number_id`
                refers to, so tools that infer resources from schema names (Schemathesis' stateful phase) see that the webhook
                operations produce it.
    """

    id: str
    url: str
    events: list[SmsWebhookEventName | str]
    name: str
    enabled: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sms_number: SmsNumber
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item: str
            if isinstance(events_item_data, SmsWebhookEventName):
                events_item = events_item_data.value
            else:
                events_item = events_item_data
            events.append(events_item)

        name = self.name

        enabled = self.enabled

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        sms_number = self.sms_number.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "events": events,
                "name": name,
                "enabled": enabled,
                "created_at": created_at,
                "updated_at": updated_at,
                "sms_number": sms_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        id = d["id"]

        url = d["url"]

        events = []
        _events = d["events"]
        for events_item_data in _events:
            _events_item = events_item_data
            events_item = (
                _SMS_WEBHOOK_EVENT_NAME_BY_VALUE.get(_events_item, _events_item)
                if isinstance(_events_item, str)
                else _events_item
            )

            events.append(events_item)

        name = d["name"]

        enabled = d["enabled"]

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        updated_at = datetime.datetime.fromisoformat(d["updated_at"])

        sms_number = SmsNumber.from_dict(d["sms_number"])

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_webhook = cls(
            id,
            url,
            events,
            name,
            enabled,
            created_at,
            updated_at,
            sms_number,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_webhook.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_webhook

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
from ..models.sms_number import SmsNumber
