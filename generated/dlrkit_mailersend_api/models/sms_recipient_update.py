from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.known_sms_recipient_status import KnownSmsRecipientStatus

T = TypeVar("T", bound="SmsRecipientUpdate")


@_attrs_define
class SmsRecipientUpdate:
    """New recipient status.

    Attributes:
        status (KnownSmsRecipientStatus): Recipient statuses.
    """

    status: KnownSmsRecipientStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        status = KnownSmsRecipientStatus(d["status"])

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_recipient_update = cls(
            status,
        )

        return sms_recipient_update
