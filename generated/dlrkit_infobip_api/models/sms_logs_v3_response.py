from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsLogsV3Response")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "results",
        "cursor",
    }
)


@_attrs_define
class SmsLogsV3Response:
    """One page of `GET /sms/3/logs`. `cursor` is present when the request had `useCursor=true`.

    Attributes:
        results (list[SmsLogV3]):
        cursor (SmsLogsV3Cursor | Unset): Cursor paging state; no `nextCursor` means this was the last page.
    """

    results: list[SmsLogV3]
    cursor: SmsLogsV3Cursor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        cursor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursor, Unset):
            cursor = self.cursor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        results = []
        _results = d["results"]
        for results_item_data in _results:
            results_item = SmsLogV3.from_dict(results_item_data)

            results.append(results_item)

        _cursor = d.get("cursor", UNSET)
        cursor: SmsLogsV3Cursor | Unset
        if isinstance(_cursor, Unset):
            cursor = UNSET
        else:
            cursor = SmsLogsV3Cursor.from_dict(_cursor)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_logs_v3_response = cls(
            results,
            cursor,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_logs_v3_response.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_logs_v3_response

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
from ..models.sms_log_v3 import SmsLogV3
from ..models.sms_logs_v3_cursor import SmsLogsV3Cursor
