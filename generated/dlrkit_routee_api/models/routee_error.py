from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RouteeError")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "code",
        "developerMessage",
        "properties",
    }
)


@_attrs_define
class RouteeError:
    """Routee's error envelope.

    Attributes:
        code (str): 9 digits: HTTP status (3) + module (3; 005 sms, 009 campaign, 001 account, ...) + module-specific
            error (3).
        developer_message (str): Human-readable explanation for developers.
        properties (RouteeErrorProperties | Unset): Per-field validation messages (field name → message).
    """

    code: str
    developer_message: str
    properties: RouteeErrorProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        developer_message = self.developer_message

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "developerMessage": developer_message,
            }
        )
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        code = d["code"]

        developer_message = d["developerMessage"]

        _properties = d.get("properties", UNSET)
        properties: RouteeErrorProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = RouteeErrorProperties.from_dict(_properties)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        routee_error = cls(
            code,
            developer_message,
            properties,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            routee_error.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return routee_error

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
from ..models.routee_error_properties import RouteeErrorProperties
