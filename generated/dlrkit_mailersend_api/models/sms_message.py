from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SmsMessage")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "id",
        "from",
        "to",
        "text",
        "paused",
        "created_at",
        "sms",
        "sms_activity",
    }
)


@_attrs_define
class SmsMessage:
    """An SMS send request with its per-recipient SMS and activity.

    Attributes:
        id (str):
        from_ (str): Sending number, E.164.
        to (list[str]): Every recipient number of the request (an array, unlike `Sms.to`).
        text (str):
        paused (bool):
        created_at (datetime.datetime):
        sms (list[Sms]):
        sms_activity (list[SmsActivity]): Activity events of this message, in no guaranteed order.
    """

    id: str
    from_: str
    to: list[str]
    text: str
    paused: bool
    created_at: datetime.datetime
    sms: list[Sms]
    sms_activity: list[SmsActivity]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_ = self.from_

        to = self.to

        text = self.text

        paused = self.paused

        created_at = self.created_at.isoformat()

        sms = []
        for sms_item_data in self.sms:
            sms_item = sms_item_data.to_dict()
            sms.append(sms_item)

        sms_activity = []
        for sms_activity_item_data in self.sms_activity:
            sms_activity_item = sms_activity_item_data.to_dict()
            sms_activity.append(sms_activity_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from": from_,
                "to": to,
                "text": text,
                "paused": paused,
                "created_at": created_at,
                "sms": sms,
                "sms_activity": sms_activity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        id = d["id"]

        from_ = d["from"]

        to = cast(list[str], d["to"])

        text = d["text"]

        paused = d["paused"]

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        sms = []
        _sms = d["sms"]
        for sms_item_data in _sms:
            sms_item = Sms.from_dict(sms_item_data)

            sms.append(sms_item)

        sms_activity = []
        _sms_activity = d["sms_activity"]
        for sms_activity_item_data in _sms_activity:
            sms_activity_item = SmsActivity.from_dict(sms_activity_item_data)

            sms_activity.append(sms_activity_item)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_message = cls(
            id,
            from_,
            to,
            text,
            paused,
            created_at,
            sms,
            sms_activity,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_message.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_message

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
from ..models.sms_activity import SmsActivity
