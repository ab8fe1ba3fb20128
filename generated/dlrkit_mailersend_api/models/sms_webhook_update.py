from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sms_webhook_event_name import SmsWebhookEventName
from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsWebhookUpdate")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "url",
        "name",
        "events",
        "enabled",
    }
)


@_attrs_define
class SmsWebhookUpdate:
    """The fields to change; any subset, `{}` changes nothing but `updated_at`. `events` may be empty (recorded). Unknown
    fields, `sms_number_id` included, are ignored.

        Attributes:
            url (str | Unset): Where MailerSend POSTs the events: an http(s) URL. The SDKs validate it as a URL (py
                `HttpUrl`, php `Assertion::url`); this pattern (printable ASCII, a dotted host name, optional port, path and
                query) is our reading of that rule. No maximum length is documented.
            name (str | Unset): A label for the webhook, 1 to 191 characters (py and php SDK rule).
            events (list[SmsWebhookEventName] | Unset): The new subscriptions; an empty list is stored as is.
            enabled (bool | Unset):
    """

    url: str | Unset = UNSET
    name: str | Unset = UNSET
    events: list[SmsWebhookEventName] | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        name = self.name

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if name is not UNSET:
            field_dict["name"] = name
        if events is not UNSET:
            field_dict["events"] = events
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        url = d.get("url", UNSET)

        name = d.get("name", UNSET)

        _events = d.get("events", UNSET)
        events: list[SmsWebhookEventName] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = SmsWebhookEventName(events_item_data)

                events.append(events_item)

        enabled = d.get("enabled", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_webhook_update = cls(
            url,
            name,
            events,
            enabled,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_webhook_update.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_webhook_update

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
