from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_message_status import KnownMessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageActivity")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_MESSAGE_STATUS_BY_VALUE: dict[str, KnownMessageStatus] = cast(
    "dict[str, KnownMessageStatus]", KnownMessageStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "status",
        "description",
        "timestamp",
        "price",
        "active_contact_price",
        "from",
        "reason_code",
        "reason",
        "scheduled_at",
    }
)


@_attrs_define
class MessageActivity:
    """One entry of a message's activity log.

    Attributes:
        status (KnownMessageStatus | str): Status of a message or activity. Open: values outside `KnownMessageStatus`
            (new statuses,
            or the lowercase `delivered`/`queued` of an older docs build) are accepted as plain strings.
        description (str): Human-readable description, e.g. "Message delivered to recipient".
        timestamp (datetime.datetime):
        price (None | str): Price as a decimal string with exactly four decimal places (e.g. `"0.0450"`), or null before
            pricing.
        active_contact_price (None | str): Price as a decimal string with exactly four decimal places (e.g. `"0.0450"`),
            or null before pricing.
        from_ (None | str | Unset): Sender number; null on early activities. Added in the 2026-05 docs build (absent
            before).
        reason_code (str | Unset): Failure code (e.g. `DELIVERY_007`, `BUSINESS_003`); only on FAILED/FILTERED/BLOCKED
            activities.
        reason (str | Unset): Human-readable failure reason; only alongside `reason_code`.
        scheduled_at (datetime.datetime | Unset): Scheduled send time; only on SCHEDULED and CANCELLED activities.
    """

    status: KnownMessageStatus | str
    description: str
    timestamp: datetime.datetime
    price: None | str
    active_contact_price: None | str
    from_: None | str | Unset = UNSET
    reason_code: str | Unset = UNSET
    reason: str | Unset = UNSET
    scheduled_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, KnownMessageStatus):
            status = self.status.value
        else:
            status = self.status

        description = self.description

        timestamp = self.timestamp.isoformat()

        price: None | str
        price = self.price

        active_contact_price: None | str
        active_contact_price = self.active_contact_price

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        reason_code = self.reason_code

        reason = self.reason

        scheduled_at: str | Unset = UNSET
        if not isinstance(self.scheduled_at, Unset):
            scheduled_at = self.scheduled_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "description": description,
                "timestamp": timestamp,
                "price": price,
                "active_contact_price": active_contact_price,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason is not UNSET:
            field_dict["reason"] = reason
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at

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

        description = d["description"]

        timestamp = datetime.datetime.fromisoformat(d["timestamp"])

        price = d["price"]

        active_contact_price = d["active_contact_price"]

        from_ = d.get("from", UNSET)

        reason_code = d.get("reason_code", UNSET)

        reason = d.get("reason", UNSET)

        _scheduled_at = d.get("scheduled_at", UNSET)
        scheduled_at: datetime.datetime | Unset
        if isinstance(_scheduled_at, Unset):
            scheduled_at = UNSET
        else:
            scheduled_at = datetime.datetime.fromisoformat(_scheduled_at)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        message_activity = cls(
            status,
            description,
            timestamp,
            price,
            active_contact_price,
            from_,
            reason_code,
            reason,
            scheduled_at,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            message_activity.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return message_activity

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
