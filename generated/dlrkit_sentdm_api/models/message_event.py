from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_message_status import KnownMessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageEvent")


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
        d = dict(src_dict)

        def _parse_status(data: object) -> KnownMessageStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_message_status_type_0 = KnownMessageStatus(data)

                return componentsschemas_message_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownMessageStatus | str, data)

        status = _parse_status(d.pop("status"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        message_event = cls(
            status=status,
            timestamp=timestamp,
            description=description,
            reason_code=reason_code,
            reason=reason,
        )

        message_event.additional_properties = d
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
