from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_status import KnownSmsStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_reason import StatusReason


T = TypeVar("T", bound="SmsStatus")


@_attrs_define
class SmsStatus:
    """The status of one SMS part.

    Attributes:
        status (KnownSmsStatus | str): SMS status; one of `KnownSmsStatus` or a value added later by Routee.
        date (None | str | Unset): The date the status was reported.
        reason (None | StatusReason | Unset):
    """

    status: KnownSmsStatus | str
    date: None | str | Unset = UNSET
    reason: None | StatusReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.status_reason import StatusReason

        status: str
        if isinstance(self.status, KnownSmsStatus):
            status = self.status.value
        else:
            status = self.status

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        else:
            date = self.date

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
                "status": status,
            }
        )
        if date is not UNSET:
            field_dict["date"] = date
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.status_reason import StatusReason

        d = dict(src_dict)

        def _parse_status(data: object) -> KnownSmsStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_sms_status_value_type_0 = KnownSmsStatus(data)

                return componentsschemas_sms_status_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownSmsStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_reason(data: object) -> None | StatusReason | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reason_type_0 = StatusReason.from_dict(data)

                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusReason | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        sms_status = cls(
            status=status,
            date=date,
            reason=reason,
        )

        sms_status.additional_properties = d
        return sms_status

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
