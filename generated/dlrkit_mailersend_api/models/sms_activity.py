from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_activity_status import KnownSmsActivityStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsActivity")

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
        "content",
    }
)


@_attrs_define
class SmsActivity:
    """One status event of one SMS. `content` is present on `/sms-activity` rows; the docs' `sms_activity[]` rows inside a
    message (and the Go SDK) omit it, while the MailerSend Python SDK's models require it there, so it is optional (the
    reference server sends it).

        Attributes:
            from_ (str): Sending number, E.164.
            to (str): Recipient number, E.164.
            created_at (datetime.datetime): UTC, microseconds, `Z` suffix (`2022-02-21T08:15:46.627000Z`).
            status (KnownSmsActivityStatus | str): Status reached by this event; unknown values are passed through.
            sms_message_id (str): Id of the SMS message (send request), for `get_sms_message`.
            content (str | Unset): Message text.
    """

    from_: str
    to: str
    created_at: datetime.datetime
    status: KnownSmsActivityStatus | str
    sms_message_id: str
    content: str | Unset = UNSET
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

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "created_at": created_at,
                "status": status,
                "sms_message_id": sms_message_id,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content

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

        content = d.get("content", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_activity = cls(
            from_,
            to,
            created_at,
            status,
            sms_message_id,
            content,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_activity.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_activity

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
