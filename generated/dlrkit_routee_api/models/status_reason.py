from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_detailed_status import KnownDetailedStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusReason")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_DETAILED_STATUS_BY_VALUE: dict[str, KnownDetailedStatus] = cast(
    "dict[str, KnownDetailedStatus]", KnownDetailedStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "detailedStatus",
        "description",
    }
)


@_attrs_define
class StatusReason:
    """Why the message has its status.

    Attributes:
        detailed_status (KnownDetailedStatus | None | str | Unset):
        description (None | str | Unset): Description of the detailed status.
    """

    detailed_status: KnownDetailedStatus | None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detailed_status: None | str | Unset
        if isinstance(self.detailed_status, Unset):
            detailed_status = UNSET
        elif isinstance(self.detailed_status, KnownDetailedStatus):
            detailed_status = self.detailed_status.value
        else:
            detailed_status = self.detailed_status

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if detailed_status is not UNSET:
            field_dict["detailedStatus"] = detailed_status
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        _detailed_status = d.get("detailedStatus", UNSET)
        detailed_status = (
            _KNOWN_DETAILED_STATUS_BY_VALUE.get(_detailed_status, _detailed_status)
            if isinstance(_detailed_status, str)
            else _detailed_status
        )

        description = d.get("description", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        status_reason = cls(
            detailed_status,
            description,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            status_reason.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return status_reason

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
