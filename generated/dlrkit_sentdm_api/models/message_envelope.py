from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_meta import ApiMeta
    from ..models.message import Message


T = TypeVar("T", bound="MessageEnvelope")


@_attrs_define
class MessageEnvelope:
    """
    Attributes:
        success (bool):
        data (Message): A message with its current status. `price` and `active_contact_price` are JSON numbers
            here, unlike the decimal strings of activities.
        error (None):
        meta (ApiMeta): Request metadata present on every response.
    """

    success: bool
    data: Message
    error: None
    meta: ApiMeta
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = self.data.to_dict()

        error = self.error

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "data": data,
                "error": error,
                "meta": meta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_meta import ApiMeta
        from ..models.message import Message

        d = dict(src_dict)
        success = d.pop("success")

        data = Message.from_dict(d.pop("data"))

        error = d.pop("error")

        meta = ApiMeta.from_dict(d.pop("meta"))

        message_envelope = cls(
            success=success,
            data=data,
            error=error,
            meta=meta,
        )

        message_envelope.additional_properties = d
        return message_envelope

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
