from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsLogV3BinaryContent")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "hex",
        "dataCoding",
        "esmClass",
    }
)


@_attrs_define
class SmsLogV3BinaryContent:
    """Binary content, as hex.

    Attributes:
        hex_ (str): The binary payload as hex digits.
        data_coding (int | Unset):  Default: 0.
        esm_class (int | Unset):  Default: 0.
    """

    hex_: str
    data_coding: int | Unset = 0
    esm_class: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hex_ = self.hex_

        data_coding = self.data_coding

        esm_class = self.esm_class

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hex": hex_,
            }
        )
        if data_coding is not UNSET:
            field_dict["dataCoding"] = data_coding
        if esm_class is not UNSET:
            field_dict["esmClass"] = esm_class

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        hex_ = d["hex"]

        data_coding = d.get("dataCoding", UNSET)

        esm_class = d.get("esmClass", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_log_v3_binary_content = cls(
            hex_,
            data_coding,
            esm_class,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_log_v3_binary_content.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_log_v3_binary_content

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
