from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_recipient_status import KnownSmsRecipientStatus

T = TypeVar("T", bound="SmsRecipient")


@_attrs_define
class SmsRecipient:
    """
    Attributes:
        id (str):
        number (str): Phone number, E.164.
        status (KnownSmsRecipientStatus | str): Recipient status; unknown values are passed through.
        created_at (datetime.datetime):
    """

    id: str
    number: str
    status: KnownSmsRecipientStatus | str
    created_at: datetime.datetime
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "status": status,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        def _parse_status(data: object) -> KnownSmsRecipientStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = KnownSmsRecipientStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownSmsRecipientStatus | str, data)

        status = _parse_status(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        sms_recipient = cls(
            id=id,
            number=number,
            status=status,
            created_at=created_at,
        )

        sms_recipient.additional_properties = d
        return sms_recipient

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
