from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SimplePageMeta")


@_attrs_define
class SimplePageMeta:
    """Meta of the simple paginator (no `total`, no `last_page`).

    Attributes:
        current_page (int):
        from_ (int | None): 1-based index of the first item on the page; null when the page is empty.
        path (str):
        per_page (int | str): Page size. Doc inconsistency: `/sms-recipients` returns it as a string of digits (`"10"`)
            when `limit` was passed and as an integer otherwise; other endpoints return an integer.
        to (int | None): 1-based index of the last item on the page; null when the page is empty.
    """

    current_page: int
    from_: int | None
    path: str
    per_page: int | str
    to: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current_page = self.current_page

        from_: int | None
        from_ = self.from_

        path = self.path

        per_page: int | str
        per_page = self.per_page

        to: int | None
        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current_page": current_page,
                "from": from_,
                "path": path,
                "per_page": per_page,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        current_page = d.pop("current_page")

        def _parse_from_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_ = _parse_from_(d.pop("from"))

        path = d.pop("path")

        def _parse_per_page(data: object) -> int | str:
            return cast(int | str, data)

        per_page = _parse_per_page(d.pop("per_page"))

        def _parse_to(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to = _parse_to(d.pop("to"))

        simple_page_meta = cls(
            current_page=current_page,
            from_=from_,
            path=path,
            per_page=per_page,
            to=to,
        )

        simple_page_meta.additional_properties = d
        return simple_page_meta

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
