from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sms_webhook_event_name import SmsWebhookEventName

T = TypeVar("T", bound="MailerSendSmsWebhookEvent")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_SMS_WEBHOOK_EVENT_NAME_BY_VALUE: dict[str, SmsWebhookEventName] = cast(
    "dict[str, SmsWebhookEventName]", SmsWebhookEventName._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "type",
        "sms_number_id",
        "created_at",
        "sms_webhook_id",
        "url",
        "data",
    }
)


@_attrs_define
class MailerSendSmsWebhookEvent:
    """Body of an `sms.sent` / `sms.delivered` / `sms.failed` callback. Unlike the flat pull activity rows, it nests the
    per-recipient SMS (`data.sms`, with its recipient) and has no `content`: the text is `data.sms.text`. Written from
    the docs' `sms.sent` example, the only one published.

        Attributes:
            type_ (SmsWebhookEventName | str): The event; unknown values are passed through.
            sms_number_id (str): Hash id of the SMS number the webhook belongs to.
            created_at (datetime.datetime): Event time, UTC, microseconds, `Z` suffix.
            sms_webhook_id (str): Id of the webhook that fired.
            url (str): The webhook's own URL (raw JSON escapes its slashes as `\\/`).
            data (MailerSendSmsWebhookEventData): The SMS status change the event reports.
    """

    type_: SmsWebhookEventName | str
    sms_number_id: str
    created_at: datetime.datetime
    sms_webhook_id: str
    url: str
    data: MailerSendSmsWebhookEventData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, SmsWebhookEventName):
            type_ = self.type_.value
        else:
            type_ = self.type_

        sms_number_id = self.sms_number_id

        created_at = self.created_at.isoformat()

        sms_webhook_id = self.sms_webhook_id

        url = self.url

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sms_number_id": sms_number_id,
                "created_at": created_at,
                "sms_webhook_id": sms_webhook_id,
                "url": url,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        _type_ = d["type"]
        type_ = (
            _SMS_WEBHOOK_EVENT_NAME_BY_VALUE.get(_type_, _type_)
            if isinstance(_type_, str)
            else _type_
        )

        sms_number_id = d["sms_number_id"]

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        sms_webhook_id = d["sms_webhook_id"]

        url = d["url"]

        data = MailerSendSmsWebhookEventData.from_dict(d["data"])

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        mailer_send_sms_webhook_event = cls(
            type_,
            sms_number_id,
            created_at,
            sms_webhook_id,
            url,
            data,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            mailer_send_sms_webhook_event.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return mailer_send_sms_webhook_event

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
from ..models.mailer_send_sms_webhook_event_data import MailerSendSmsWebhookEventData
