from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiMeta")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "request_id",
        "timestamp",
        "version",
        "response_time_ms",
    }
)


@_attrs_define
class ApiMeta:
    """Request metadata present on every response.

    Attributes:
        request_id (str): Request identifier, e.g. `req_7X9zKp2jDw`.
        timestamp (datetime.datetime): Server time of the response.
        version (str): API version, `v3`.
        response_time_ms (int | Unset): Server processing time in milliseconds (mentioned in vendor docs; not always
            sent).
    """

    request_id: str
    timestamp: datetime.datetime
    version: str
    response_time_ms: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        timestamp = self.timestamp.isoformat()

        version = self.version

        response_time_ms = self.response_time_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "timestamp": timestamp,
                "version": version,
            }
        )
        if response_time_ms is not UNSET:
            field_dict["response_time_ms"] = response_time_ms

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        request_id = d["request_id"]

        timestamp = datetime.datetime.fromisoformat(d["timestamp"])

        version = d["version"]

        response_time_ms = d.get("response_time_ms", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        api_meta = cls(
            request_id,
            timestamp,
            version,
            response_time_ms,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            api_meta.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return api_meta

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
