from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaginationMeta")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "page",
        "page_size",
        "total_count",
        "total_pages",
        "has_more",
        "cursors",
    }
)


@_attrs_define
class PaginationMeta:
    """Page-number pagination metadata.

    Attributes:
        page (int): Current page (1-indexed).
        page_size (int):
        total_count (int):
        total_pages (int):
        has_more (bool):
        cursors (None | PaginationCursors | Unset): Never populated by the server (null).
    """

    page: int
    page_size: int
    total_count: int
    total_pages: int
    has_more: bool
    cursors: None | PaginationCursors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page = self.page

        page_size = self.page_size

        total_count = self.total_count

        total_pages = self.total_pages

        has_more = self.has_more

        cursors: dict[str, Any] | None | Unset
        if isinstance(self.cursors, Unset):
            cursors = UNSET
        elif isinstance(self.cursors, PaginationCursors):
            cursors = self.cursors.to_dict()
        else:
            cursors = self.cursors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "page": page,
                "page_size": page_size,
                "total_count": total_count,
                "total_pages": total_pages,
                "has_more": has_more,
            }
        )
        if cursors is not UNSET:
            field_dict["cursors"] = cursors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        page = d["page"]

        page_size = d["page_size"]

        total_count = d["total_count"]

        total_pages = d["total_pages"]

        has_more = d["has_more"]

        _cursors = d.get("cursors", UNSET)
        cursors: None | PaginationCursors | Unset = _cursors
        if isinstance(_cursors, dict):
            try:
                cursors_type_0 = PaginationCursors.from_dict(_cursors)

                cursors = cursors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        pagination_meta = cls(
            page,
            page_size,
            total_count,
            total_pages,
            has_more,
            cursors,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            pagination_meta.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return pagination_meta

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
from ..models.pagination_cursors import PaginationCursors
