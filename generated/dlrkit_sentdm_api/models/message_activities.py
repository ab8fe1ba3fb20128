from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_activity import MessageActivity
    from ..models.pagination_meta import PaginationMeta


T = TypeVar("T", bound="MessageActivities")


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
        from ..models.message_activity import MessageActivity
        from ..models.pagination_meta import PaginationMeta

        d = dict(src_dict)
        message_id = UUID(d.pop("message_id"))

        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = MessageActivity.from_dict(activities_item_data)

            activities.append(activities_item)

        _pagination = d.pop("pagination", UNSET)
        pagination: PaginationMeta | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = PaginationMeta.from_dict(_pagination)

        message_activities = cls(
            message_id=message_id,
            activities=activities,
            pagination=pagination,
        )

        message_activities.additional_properties = d
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
