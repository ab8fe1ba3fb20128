from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MessageEnvelope")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "success",
        "data",
        "error",
        "meta",
    }
)


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
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        success = d["success"]

        data = Message.from_dict(d["data"])

        error = d["error"]

        meta = ApiMeta.from_dict(d["meta"])

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        message_envelope = cls(
            success,
            data,
            error,
            meta,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            message_envelope.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
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


# Imported last, not per call: these models may import this one (a reference cycle).
from ..models.api_meta import ApiMeta
from ..models.message import Message
