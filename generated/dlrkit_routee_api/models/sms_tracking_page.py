from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SmsTrackingPage")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "content",
        "totalPages",
        "last",
        "totalElements",
        "first",
        "numberOfElements",
        "number",
        "size",
    }
)


@_attrs_define
class SmsTrackingPage:
    """A Spring Data page of tracking objects (0-based `number`).

    Attributes:
        content (list[SmsTracking]): The tracking objects of this page.
        total_pages (int): Total number of pages.
        last (bool): Whether this is the last page.
        total_elements (int): Total number of elements of the search.
        first (bool): Whether this is the first page.
        number_of_elements (int): Number of elements on this page.
        number (int): The requested (0-based) page number.
        size (int): The requested page size.
    """

    content: list[SmsTracking]
    total_pages: int
    last: bool
    total_elements: int
    first: bool
    number_of_elements: int
    number: int
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        total_pages = self.total_pages

        last = self.last

        total_elements = self.total_elements

        first = self.first

        number_of_elements = self.number_of_elements

        number = self.number

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "totalPages": total_pages,
                "last": last,
                "totalElements": total_elements,
                "first": first,
                "numberOfElements": number_of_elements,
                "number": number,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        content = []
        _content = d["content"]
        for content_item_data in _content:
            content_item = SmsTracking.from_dict(content_item_data)

            content.append(content_item)

        total_pages = d["totalPages"]

        last = d["last"]

        total_elements = d["totalElements"]

        first = d["first"]

        number_of_elements = d["numberOfElements"]

        number = d["number"]

        size = d["size"]

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_tracking_page = cls(
            content,
            total_pages,
            last,
            total_elements,
            first,
            number_of_elements,
            number,
            size,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_tracking_page.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_tracking_page

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
from ..models.sms_tracking import SmsTracking
