from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pagination_cursors import PaginationCursors


T = TypeVar("T", bound="PaginationMeta")


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
        from ..models.pagination_cursors import PaginationCursors

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
        from ..models.pagination_cursors import PaginationCursors

        d = dict(src_dict)
        page = d.pop("page")

        page_size = d.pop("page_size")

        total_count = d.pop("total_count")

        total_pages = d.pop("total_pages")

        has_more = d.pop("has_more")

        def _parse_cursors(data: object) -> None | PaginationCursors | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cursors_type_0 = PaginationCursors.from_dict(data)

                return cursors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaginationCursors | Unset, data)

        cursors = _parse_cursors(d.pop("cursors", UNSET))

        pagination_meta = cls(
            page=page,
            page_size=page_size,
            total_count=total_count,
            total_pages=total_pages,
            has_more=has_more,
            cursors=cursors,
        )

        pagination_meta.additional_properties = d
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
