from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PageMeta")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "current_page",
        "from",
        "last_page",
        "links",
        "path",
        "per_page",
        "to",
        "total",
    }
)


@_attrs_define
class PageMeta:
    """Meta of the length-aware paginator.

    Attributes:
        current_page (int):
        from_ (int | None):
        last_page (int):
        links (list[PageMetaLink]):
        path (str):
        per_page (int | str): Page size. Doc inconsistency: `/sms-recipients` returns it as a string of digits (`"10"`)
            when `limit` was passed and as an integer otherwise; other endpoints return an integer.
        to (int | None):
        total (int):
    """

    current_page: int
    from_: int | None
    last_page: int
    links: list[PageMetaLink]
    path: str
    per_page: int | str
    to: int | None
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current_page = self.current_page

        from_: int | None
        from_ = self.from_

        last_page = self.last_page

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        path = self.path

        per_page: int | str
        per_page = self.per_page

        to: int | None
        to = self.to

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current_page": current_page,
                "from": from_,
                "last_page": last_page,
                "links": links,
                "path": path,
                "per_page": per_page,
                "to": to,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        current_page = d["current_page"]

        from_ = d["from"]

        last_page = d["last_page"]

        links = []
        _links = d["links"]
        for links_item_data in _links:
            links_item = PageMetaLink.from_dict(links_item_data)

            links.append(links_item)

        path = d["path"]

        per_page = d["per_page"]

        to = d["to"]

        total = d["total"]

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        page_meta = cls(
            current_page,
            from_,
            last_page,
            links,
            path,
            per_page,
            to,
            total,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            page_meta.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return page_meta

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
from ..models.page_meta_link import PageMetaLink
