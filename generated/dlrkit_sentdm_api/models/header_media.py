from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_header_media_type import KnownHeaderMediaType
from ..types import UNSET, Unset

T = TypeVar("T", bound="HeaderMedia")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_HEADER_MEDIA_TYPE_BY_VALUE: dict[str, KnownHeaderMediaType] = cast(
    "dict[str, KnownHeaderMediaType]", KnownHeaderMediaType._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "type",
        "url",
    }
)


@_attrs_define
class HeaderMedia:
    """The media header of a WhatsApp template message: `{type, url}`, a different shape from
    the `media[]` items (SDK 0.46.0 `DataMessageBodyHeaderMedia`; the fact sheet's earlier
    row, which gave it the media-item shape, was corrected). `type` is kept open.

        Attributes:
            type_ (KnownHeaderMediaType | None | str | Unset):
            url (None | str | Unset): The https URL of the media given at send time.
    """

    type_: KnownHeaderMediaType | None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, KnownHeaderMediaType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        _type_ = d.get("type", UNSET)
        type_ = (
            _KNOWN_HEADER_MEDIA_TYPE_BY_VALUE.get(_type_, _type_)
            if isinstance(_type_, str)
            else _type_
        )

        url = d.get("url", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        header_media = cls(
            type_,
            url,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            header_media.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return header_media

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
