from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sms_webhook_event_name import SmsWebhookEventName
from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsWebhookCreate")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "url",
        "name",
        "events",
        "sms_number_id",
        "enabled",
    }
)


@_attrs_define
class SmsWebhookCreate:
    """A new webhook. The field rules are the SDKs' (the server's own table was not readable); unknown fields are ignored.

    Attributes:
        url (str): Where MailerSend POSTs the events: an http(s) URL. The SDKs validate it as a URL (py `HttpUrl`, php
            `Assertion::url`); this pattern (printable ASCII, a dotted host name, optional port, path and query) is our
            reading of that rule. No maximum length is documented.
        name (str): A label for the webhook, 1 to 191 characters (py and php SDK rule).
        events (list[SmsWebhookEventName]): At least one event (py `min_length=1`, php `minCount 1`).
        sms_number_id (str): The sending number the webhook listens to; it must exist in the account.
        enabled (bool | Unset): Whether events are sent; true when left out (recorded). A JSON boolean here; Laravel's
            `boolean` rule, which MailerSend presumably uses, would also take 0/1.
    """

    url: str
    name: str
    events: list[SmsWebhookEventName]
    sms_number_id: str
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        name = self.name

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        sms_number_id = self.sms_number_id

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "name": name,
                "events": events,
                "sms_number_id": sms_number_id,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        url = d["url"]

        name = d["name"]

        events = []
        _events = d["events"]
        for events_item_data in _events:
            events_item = SmsWebhookEventName(events_item_data)

            events.append(events_item)

        sms_number_id = d["sms_number_id"]

        enabled = d.get("enabled", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_webhook_create = cls(
            url,
            name,
            events,
            sms_number_id,
            enabled,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_webhook_create.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_webhook_create

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
