from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID, SafeUUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageActivities")


# UUID's own slot setters: object.__setattr__ would look them up by name on every call.
_new_object = object.__new__
_set_uuid_int = UUID.__dict__["int"].__set__
_set_uuid_is_safe = UUID.__dict__["is_safe"].__set__
_SAFE_UNKNOWN = SafeUUID.unknown
# Per call site (`site`: the property's name), the last str parsed there and its UUID. The
# rows of a list page repeat their owner's id (every sent.dm contact has its customer_id),
# and a UUID is immutable, so that one instance is shared. Each entry is replaced whole, in
# one store, so concurrent parses never see one site's str paired with another's UUID.
_LAST_UUIDS: dict[str, tuple[str, UUID]] = {}


def _parse_uuid(value: Any, site: str = "") -> UUID:
    """Return UUID(value): the same result, or the same exception, only faster for a plain str.

    A str whose dashes removed leave 32 hex digits holds no "urn:", "uuid:" or brace for
    UUID() to strip, so its value is int(hex, 16) and the instance is built as
    CPython's own UUID._from_int (3.14) builds it. Anything else goes to UUID().
    The same str as the last one parsed at ``site`` returns that UUID again.
    """
    if type(value) is str:
        last = _LAST_UUIDS.get(site)
        if last is not None and last[0] == value:
            return last[1]
        hex_digits = value.replace("-", "")
        if len(hex_digits) == 32:
            try:
                number = int(hex_digits, 16)
            except ValueError:
                pass
            else:
                uuid = _new_object(UUID)
                _set_uuid_int(uuid, number)
                _set_uuid_is_safe(uuid, _SAFE_UNKNOWN)
                _LAST_UUIDS[site] = (value, uuid)
                return uuid
    return UUID(value)


# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "message_id",
        "activities",
        "pagination",
    }
)


@_attrs_define
class MessageActivities:
    """The activity log of one message.

    Attributes:
        message_id (UUID):
        activities (list[MessageActivity]): Activities, most recent first.
        pagination (PaginationMeta | Unset): Page-number pagination metadata.
    """

    message_id: UUID
    activities: list[MessageActivity]
    pagination: PaginationMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = str(self.message_id)

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message_id": message_id,
                "activities": activities,
            }
        )
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        message_id = _parse_uuid(d["message_id"], "message_id")

        activities = []
        _activities = d["activities"]
        for activities_item_data in _activities:
            activities_item = MessageActivity.from_dict(activities_item_data)

            activities.append(activities_item)

        _pagination = d.get("pagination", UNSET)
        pagination: PaginationMeta | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = PaginationMeta.from_dict(_pagination)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        message_activities = cls(
            message_id,
            activities,
            pagination,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            message_activities.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return message_activities

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
from ..models.message_activity import MessageActivity
from ..models.pagination_meta import PaginationMeta
