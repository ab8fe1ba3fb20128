from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_activity_status import KnownSmsActivityStatus

T = TypeVar("T", bound="MailerSendSmsWebhookEventData")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_SMS_ACTIVITY_STATUS_BY_VALUE: dict[str, KnownSmsActivityStatus] = cast(
    "dict[str, KnownSmsActivityStatus]", KnownSmsActivityStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "from",
        "to",
        "created_at",
        "status",
        "sms_message_id",
        "sms",
    }
)


@_attrs_define
class MailerSendSmsWebhookEventData:
    """The SMS status change the event reports.

    Attributes:
        from_ (str): Sending number, E.164.
        to (str): Recipient number, E.164.
        created_at (datetime.datetime):
        status (KnownSmsActivityStatus | str): Status reached (`sent` in the docs example; presumably `delivered` /
            `failed` for the other events). Unknown values are passed through.
        sms_message_id (str): The send request (the pull API's `sms_message_id`, for `get_sms_message`).
        sms (MailerSendSmsWebhookSms): The per-recipient SMS (the pull API's `sms[]` item, `id` = `data.sms.id`), with
            its recipient.
    """

    from_: str
    to: str
    created_at: datetime.datetime
    status: KnownSmsActivityStatus | str
    sms_message_id: str
    sms: MailerSendSmsWebhookSms
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        created_at = self.created_at.isoformat()

        status: str
        if isinstance(self.status, KnownSmsActivityStatus):
            status = self.status.value
        else:
            status = self.status

        sms_message_id = self.sms_message_id

        sms = self.sms.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "created_at": created_at,
                "status": status,
                "sms_message_id": sms_message_id,
                "sms": sms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        from_ = d["from"]

        to = d["to"]

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        _status = d["status"]
        status = (
            _KNOWN_SMS_ACTIVITY_STATUS_BY_VALUE.get(_status, _status)
            if isinstance(_status, str)
            else _status
        )

        sms_message_id = d["sms_message_id"]

        sms = MailerSendSmsWebhookSms.from_dict(d["sms"])

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        mailer_send_sms_webhook_event_data = cls(
            from_,
            to,
            created_at,
            status,
            sms_message_id,
            sms,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            mailer_send_sms_webhook_event_data.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return mailer_send_sms_webhook_event_data

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
from ..models.mailer_send_sms_webhook_sms import MailerSendSmsWebhookSms
