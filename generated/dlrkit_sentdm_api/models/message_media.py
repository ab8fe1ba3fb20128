from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageMedia")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "mediaType",
        "mimeType",
        "sizeBytes",
        "sourceHashSha256",
        "url",
    }
)


@_attrs_define
class MessageMedia:
    """A media attachment. Keys are camelCase inside this otherwise snake_case API.

    Attributes:
        media_type (None | str | Unset):
        mime_type (None | str | Unset):
        size_bytes (int | None | Unset):
        source_hash_sha_256 (None | str | Unset): SHA-256 of the media file, hex.
        url (None | str | Unset): Where the media file is served.
    """

    media_type: None | str | Unset = UNSET
    mime_type: None | str | Unset = UNSET
    size_bytes: int | None | Unset = UNSET
    source_hash_sha_256: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_type: None | str | Unset
        if isinstance(self.media_type, Unset):
            media_type = UNSET
        else:
            media_type = self.media_type

        mime_type: None | str | Unset
        if isinstance(self.mime_type, Unset):
            mime_type = UNSET
        else:
            mime_type = self.mime_type

        size_bytes: int | None | Unset
        if isinstance(self.size_bytes, Unset):
            size_bytes = UNSET
        else:
            size_bytes = self.size_bytes

        source_hash_sha_256: None | str | Unset
        if isinstance(self.source_hash_sha_256, Unset):
            source_hash_sha_256 = UNSET
        else:
            source_hash_sha_256 = self.source_hash_sha_256

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if media_type is not UNSET:
            field_dict["mediaType"] = media_type
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type
        if size_bytes is not UNSET:
            field_dict["sizeBytes"] = size_bytes
        if source_hash_sha_256 is not UNSET:
            field_dict["sourceHashSha256"] = source_hash_sha_256
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        media_type = d.get("mediaType", UNSET)

        mime_type = d.get("mimeType", UNSET)

        size_bytes = d.get("sizeBytes", UNSET)

        source_hash_sha_256 = d.get("sourceHashSha256", UNSET)

        url = d.get("url", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        message_media = cls(
            media_type,
            mime_type,
            size_bytes,
            source_hash_sha_256,
            url,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            message_media.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return message_media

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
