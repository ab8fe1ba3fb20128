from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_detailed_status import KnownDetailedStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusReason")


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
        d = dict(src_dict)

        def _parse_detailed_status(
            data: object,
        ) -> KnownDetailedStatus | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_detailed_status_value_type_0 = KnownDetailedStatus(
                    data
                )

                return componentsschemas_detailed_status_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownDetailedStatus | None | str | Unset, data)

        detailed_status = _parse_detailed_status(d.pop("detailedStatus", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        status_reason = cls(
            detailed_status=detailed_status,
            description=description,
        )

        status_reason.additional_properties = d
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
