from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_activity_status import KnownSmsActivityStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Sms")

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
        "compiled_text",
        "created_at",
    }
)


@_attrs_define
class Sms:
    """One SMS to one recipient. Doc inconsistency: the docs' message example omits `created_at` on these rows while the
    recipient example has it, so it is optional. `compiled_text` appears only in SDK fixtures.

        Attributes:
            id (str):
            from_ (str): Sending number, E.164.
            to (str): Recipient number, E.164.
            text (str):
            status (KnownSmsActivityStatus | str): Current delivery status; unknown values are passed through.
            segment_count (int): Number of SMS segments billed.
            error_type (None | str): Error category when delivery failed, else null.
            error_description (None | str): Error detail when delivery failed, else null.
            compiled_text (str | Unset): Text after personalization.
            created_at (datetime.datetime | Unset):
    """

    id: str
    from_: str
    to: str
    text: str
    status: KnownSmsActivityStatus | str
    segment_count: int
    error_type: None | str
    error_description: None | str
    compiled_text: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
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

        compiled_text = self.compiled_text

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

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
            }
        )
        if compiled_text is not UNSET:
            field_dict["compiled_text"] = compiled_text
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

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

        compiled_text = d.get("compiled_text", UNSET)

        _created_at = d.get("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms = cls(
            id,
            from_,
            to,
            text,
            status,
            segment_count,
            error_type,
            error_description,
            compiled_text,
            created_at,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms

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
