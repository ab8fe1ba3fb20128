from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_status import KnownSmsStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RouteeSmsCallbackStatus")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_SMS_STATUS_BY_VALUE: dict[str, KnownSmsStatus] = cast(
    "dict[str, KnownSmsStatus]", KnownSmsStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "name",
        "updatedDate",
        "reason",
    }
)


@_attrs_define
class RouteeSmsCallbackStatus:
    """The status of the part: `name` and `updatedDate` (the tracking API's `status` and `date`), and the optional reason.

    Attributes:
        name (KnownSmsStatus | str): SMS status; one of `KnownSmsStatus` or a value added later by Routee.
        updated_date (str): Lenient ISO-8601 date-time as reported in tracking objects (the exact format has not been
            observed): seconds, fraction and offset (`Z`, `±hh:mm`, `±hhmm`, `±hh`) optional.
        reason (None | StatusReason | Unset):
    """

    name: KnownSmsStatus | str
    updated_date: str
    reason: None | StatusReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: str
        if isinstance(self.name, KnownSmsStatus):
            name = self.name.value
        else:
            name = self.name

        updated_date = self.updated_date

        reason: dict[str, Any] | None | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        elif isinstance(self.reason, StatusReason):
            reason = self.reason.to_dict()
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "updatedDate": updated_date,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        _name = d["name"]
        name = (
            _KNOWN_SMS_STATUS_BY_VALUE.get(_name, _name)
            if isinstance(_name, str)
            else _name
        )

        updated_date = d["updatedDate"]

        _reason = d.get("reason", UNSET)
        reason: None | StatusReason | Unset = _reason
        if isinstance(_reason, dict):
            try:
                reason_type_0 = StatusReason.from_dict(_reason)

                reason = reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        routee_sms_callback_status = cls(
            name,
            updated_date,
            reason,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            routee_sms_callback_status.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return routee_sms_callback_status

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
from ..models.status_reason import StatusReason
