from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_button import MessageButton
    from ..models.message_media import MessageMedia


T = TypeVar("T", bound="MessageBody")


@_attrs_define
class MessageBody:
    """Rendered message content, preserving channel-specific parts.

    Attributes:
        header (None | str | Unset):
        content (None | str | Unset):
        footer (None | str | Unset):
        subject (None | str | Unset):
        buttons (list[MessageButton] | None | Unset):
        header_media (MessageMedia | None | Unset):
        media (list[MessageMedia] | None | Unset):
    """

    header: None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    footer: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    buttons: list[MessageButton] | None | Unset = UNSET
    header_media: MessageMedia | None | Unset = UNSET
    media: list[MessageMedia] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.message_media import MessageMedia

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
        elif isinstance(self.header_media, MessageMedia):
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
        from ..models.message_button import MessageButton
        from ..models.message_media import MessageMedia

        d = dict(src_dict)

        def _parse_header(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        header = _parse_header(d.pop("header", UNSET))

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_footer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        footer = _parse_footer(d.pop("footer", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_buttons(data: object) -> list[MessageButton] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                buttons_type_0 = []
                _buttons_type_0 = data
                for buttons_type_0_item_data in _buttons_type_0:
                    buttons_type_0_item = MessageButton.from_dict(
                        buttons_type_0_item_data
                    )

                    buttons_type_0.append(buttons_type_0_item)

                return buttons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MessageButton] | None | Unset, data)

        buttons = _parse_buttons(d.pop("buttons", UNSET))

        def _parse_header_media(data: object) -> MessageMedia | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                header_media_type_0 = MessageMedia.from_dict(data)

                return header_media_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageMedia | None | Unset, data)

        header_media = _parse_header_media(d.pop("headerMedia", UNSET))

        def _parse_media(data: object) -> list[MessageMedia] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                media_type_0 = []
                _media_type_0 = data
                for media_type_0_item_data in _media_type_0:
                    media_type_0_item = MessageMedia.from_dict(media_type_0_item_data)

                    media_type_0.append(media_type_0_item)

                return media_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MessageMedia] | None | Unset, data)

        media = _parse_media(d.pop("media", UNSET))

        message_body = cls(
            header=header,
            content=content,
            footer=footer,
            subject=subject,
            buttons=buttons,
            header_media=header_media,
            media=media,
        )

        message_body.additional_properties = d
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
