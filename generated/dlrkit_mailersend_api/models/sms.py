from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_activity_status import KnownSmsActivityStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Sms")


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
        d = dict(src_dict)
        id = d.pop("id")

        from_ = d.pop("from")

        to = d.pop("to")

        text = d.pop("text")

        def _parse_status(data: object) -> KnownSmsActivityStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = KnownSmsActivityStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownSmsActivityStatus | str, data)

        status = _parse_status(d.pop("status"))

        segment_count = d.pop("segment_count")

        def _parse_error_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_type = _parse_error_type(d.pop("error_type"))

        def _parse_error_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_description = _parse_error_description(d.pop("error_description"))

        compiled_text = d.pop("compiled_text", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        sms = cls(
            id=id,
            from_=from_,
            to=to,
            text=text,
            status=status,
            segment_count=segment_count,
            error_type=error_type,
            error_description=error_description,
            compiled_text=compiled_text,
            created_at=created_at,
        )

        sms.additional_properties = d
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
