from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_message_status import KnownMessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageEvent")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_MESSAGE_STATUS_BY_VALUE: dict[str, KnownMessageStatus] = cast(
    "dict[str, KnownMessageStatus]", KnownMessageStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "status",
        "timestamp",
        "description",
        "reason_code",
        "reason",
    }
)


@_attrs_define
class MessageEvent:
    """One status change in a message's lifecycle.

    Attributes:
        status (KnownMessageStatus | str): Status of a message or activity. Open: values outside `KnownMessageStatus`
            (new statuses,
            or the lowercase `delivered`/`queued` of an older docs build) are accepted as plain strings.
        timestamp (datetime.datetime):
        description (None | str | Unset):
        reason_code (None | str | Unset):
        reason (None | str | Unset):
    """

    status: KnownMessageStatus | str
    timestamp: datetime.datetime
    description: None | str | Unset = UNSET
    reason_code: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, KnownMessageStatus):
            status = self.status.value
        else:
            status = self.status

        timestamp = self.timestamp.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "timestamp": timestamp,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        _status = d["status"]
        status = (
            _KNOWN_MESSAGE_STATUS_BY_VALUE.get(_status, _status)
            if isinstance(_status, str)
            else _status
        )

        timestamp = datetime.datetime.fromisoformat(d["timestamp"])

        description = d.get("description", UNSET)

        reason_code = d.get("reason_code", UNSET)

        reason = d.get("reason", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        message_event = cls(
            status,
            timestamp,
            description,
            reason_code,
            reason,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            message_event.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return message_event

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
