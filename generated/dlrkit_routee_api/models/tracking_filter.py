from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.search_operator import SearchOperator
from ..models.tracking_filter_field import TrackingFilterField
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrackingFilter")


@_attrs_define
class TrackingFilter:
    """One filter of `POST /sms/tracking`.

    Attributes:
        field_name (TrackingFilterField): The tracking field a filter applies to.
        search_term (str): The value the field must match (exactly, with the default operator).
        search_operator (SearchOperator | Unset): How `searchTerm` is matched; `is` when omitted.
    """

    field_name: TrackingFilterField
    search_term: str
    search_operator: SearchOperator | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_name = self.field_name.value

        search_term = self.search_term

        search_operator: str | Unset = UNSET
        if not isinstance(self.search_operator, Unset):
            search_operator = self.search_operator.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fieldName": field_name,
                "searchTerm": search_term,
            }
        )
        if search_operator is not UNSET:
            field_dict["searchOperator"] = search_operator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        field_name = TrackingFilterField(d["fieldName"])

        search_term = d["searchTerm"]

        _search_operator = d.get("searchOperator", UNSET)
        search_operator: SearchOperator | Unset
        if isinstance(_search_operator, Unset):
            search_operator = UNSET
        else:
            search_operator = SearchOperator(_search_operator)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        tracking_filter = cls(
            field_name,
            search_term,
            search_operator,
        )

        return tracking_filter
