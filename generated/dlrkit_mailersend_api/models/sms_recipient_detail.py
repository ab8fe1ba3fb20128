from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_recipient_status import KnownSmsRecipientStatus

T = TypeVar("T", bound="SmsRecipientDetail")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_SMS_RECIPIENT_STATUS_BY_VALUE: dict[str, KnownSmsRecipientStatus] = cast(
    "dict[str, KnownSmsRecipientStatus]", KnownSmsRecipientStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "id",
        "number",
        "status",
        "created_at",
        "sms",
    }
)


@_attrs_define
class SmsRecipientDetail:
    """A recipient with the SMS sent to it.

    Attributes:
        id (str):
        number (str): Phone number, E.164.
        status (KnownSmsRecipientStatus | str): Recipient status; unknown values are passed through.
        created_at (datetime.datetime):
        sms (list[Sms]):
    """

    id: str
    number: str
    status: KnownSmsRecipientStatus | str
    created_at: datetime.datetime
    sms: list[Sms]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        status: str
        if isinstance(self.status, KnownSmsRecipientStatus):
            status = self.status.value
        else:
            status = self.status

        created_at = self.created_at.isoformat()

        sms = []
        for sms_item_data in self.sms:
            sms_item = sms_item_data.to_dict()
            sms.append(sms_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "status": status,
                "created_at": created_at,
                "sms": sms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        id = d["id"]

        number = d["number"]

        _status = d["status"]
        status = (
            _KNOWN_SMS_RECIPIENT_STATUS_BY_VALUE.get(_status, _status)
            if isinstance(_status, str)
            else _status
        )

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        sms = []
        _sms = d["sms"]
        for sms_item_data in _sms:
            sms_item = Sms.from_dict(sms_item_data)

            sms.append(sms_item)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_recipient_detail = cls(
            id,
            number,
            status,
            created_at,
            sms,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_recipient_detail.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_recipient_detail

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
from ..models.sms import Sms
