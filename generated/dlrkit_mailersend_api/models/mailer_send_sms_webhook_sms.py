from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_activity_status import KnownSmsActivityStatus

T = TypeVar("T", bound="MailerSendSmsWebhookSms")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_SMS_ACTIVITY_STATUS_BY_VALUE: dict[str, KnownSmsActivityStatus] = cast(
    "dict[str, KnownSmsActivityStatus]", KnownSmsActivityStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "id",
        "from",
        "to",
        "text",
        "status",
        "segment_count",
        "error_type",
        "error_description",
        "created_at",
        "recipient",
    }
)


@_attrs_define
class MailerSendSmsWebhookSms:
    """The per-recipient SMS (the pull API's `sms[]` item, `id` = `data.sms.id`), with its recipient.

    Attributes:
        id (str):
        from_ (str):
        to (str):
        text (str):
        status (KnownSmsActivityStatus | str): Delivery status of this SMS; unknown values are passed through.
        segment_count (int):
        error_type (None | str): Error category on failure, else null. The values are not documented.
        error_description (None | str): Error detail on failure, else null.
        created_at (datetime.datetime):
        recipient (SmsRecipient):
    """

    id: str
    from_: str
    to: str
    text: str
    status: KnownSmsActivityStatus | str
    segment_count: int
    error_type: None | str
    error_description: None | str
    created_at: datetime.datetime
    recipient: SmsRecipient
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_ = self.from_

        to = self.to

        text = self.text

        status: str
        if isinstance(self.status, KnownSmsActivityStatus):
            status = self.status.value
        else:
            status = self.status

        segment_count = self.segment_count

        error_type: None | str
        error_type = self.error_type

        error_description: None | str
        error_description = self.error_description

        created_at = self.created_at.isoformat()

        recipient = self.recipient.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from": from_,
                "to": to,
                "text": text,
                "status": status,
                "segment_count": segment_count,
                "error_type": error_type,
                "error_description": error_description,
                "created_at": created_at,
                "recipient": recipient,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        id = d["id"]

        from_ = d["from"]

        to = d["to"]

        text = d["text"]

        _status = d["status"]
        status = (
            _KNOWN_SMS_ACTIVITY_STATUS_BY_VALUE.get(_status, _status)
            if isinstance(_status, str)
            else _status
        )

        segment_count = d["segment_count"]

        error_type = d["error_type"]

        error_description = d["error_description"]

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        recipient = SmsRecipient.from_dict(d["recipient"])

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        mailer_send_sms_webhook_sms = cls(
            id,
            from_,
            to,
            text,
            status,
            segment_count,
            error_type,
            error_description,
            created_at,
            recipient,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            mailer_send_sms_webhook_sms.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return mailer_send_sms_webhook_sms

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
from ..models.sms_recipient import SmsRecipient
