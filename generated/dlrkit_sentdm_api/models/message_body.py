from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageBody")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "header",
        "content",
        "footer",
        "subject",
        "buttons",
        "headerMedia",
        "media",
    }
)


@_attrs_define
class MessageBody:
    """Rendered message content, preserving channel-specific parts.

    Attributes:
        header (None | str | Unset):
        content (None | str | Unset):
        footer (None | str | Unset):
        subject (None | str | Unset):
        buttons (list[MessageButton] | None | Unset):
        header_media (HeaderMedia | None | Unset):
        media (list[MessageMedia] | None | Unset):
    """

    header: None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    footer: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    buttons: list[MessageButton] | None | Unset = UNSET
    header_media: HeaderMedia | None | Unset = UNSET
    media: list[MessageMedia] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        header: None | str | Unset
        if isinstance(self.header, Unset):
            header = UNSET
        else:
            header = self.header

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        footer: None | str | Unset
        if isinstance(self.footer, Unset):
            footer = UNSET
        else:
            footer = self.footer

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        buttons: list[dict[str, Any]] | None | Unset
        if isinstance(self.buttons, Unset):
            buttons = UNSET
        elif isinstance(self.buttons, list):
            buttons = []
            for buttons_type_0_item_data in self.buttons:
                buttons_type_0_item = buttons_type_0_item_data.to_dict()
                buttons.append(buttons_type_0_item)

        else:
            buttons = self.buttons

        header_media: dict[str, Any] | None | Unset
        if isinstance(self.header_media, Unset):
            header_media = UNSET
        elif isinstance(self.header_media, HeaderMedia):
            header_media = self.header_media.to_dict()
        else:
            header_media = self.header_media

        media: list[dict[str, Any]] | None | Unset
        if isinstance(self.media, Unset):
            media = UNSET
        elif isinstance(self.media, list):
            media = []
            for media_type_0_item_data in self.media:
                media_type_0_item = media_type_0_item_data.to_dict()
                media.append(media_type_0_item)

        else:
            media = self.media

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if header is not UNSET:
            field_dict["header"] = header
        if content is not UNSET:
            field_dict["content"] = content
        if footer is not UNSET:
            field_dict["footer"] = footer
        if subject is not UNSET:
            field_dict["subject"] = subject
        if buttons is not UNSET:
            field_dict["buttons"] = buttons
        if header_media is not UNSET:
            field_dict["headerMedia"] = header_media
        if media is not UNSET:
            field_dict["media"] = media

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        header = d.get("header", UNSET)

        content = d.get("content", UNSET)

        footer = d.get("footer", UNSET)

        subject = d.get("subject", UNSET)

        _buttons = d.get("buttons", UNSET)
        buttons: list[MessageButton] | None | Unset = _buttons
        if isinstance(_buttons, list):
            try:
                buttons_type_0 = []
                _buttons_type_0 = _buttons
                for buttons_type_0_item_data in _buttons_type_0:
                    buttons_type_0_item = MessageButton.from_dict(
                        buttons_type_0_item_data
                    )

                    buttons_type_0.append(buttons_type_0_item)

                buttons = buttons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        _header_media = d.get("headerMedia", UNSET)
        header_media: HeaderMedia | None | Unset = _header_media
        if isinstance(_header_media, dict):
            try:
                header_media_type_0 = HeaderMedia.from_dict(_header_media)

                header_media = header_media_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        _media = d.get("media", UNSET)
        media: list[MessageMedia] | None | Unset = _media
        if isinstance(_media, list):
            try:
                media_type_0 = []
                _media_type_0 = _media
                for media_type_0_item_data in _media_type_0:
                    media_type_0_item = MessageMedia.from_dict(media_type_0_item_data)

                    media_type_0.append(media_type_0_item)

                media = media_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        message_body = cls(
            header,
            content,
            footer,
            subject,
            buttons,
            header_media,
            media,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            message_body.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return message_body

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
from ..models.header_media import HeaderMedia
from ..models.message_button import MessageButton
from ..models.message_media import MessageMedia
