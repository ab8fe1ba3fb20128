from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_status_group_name import KnownSmsStatusGroupName
from ..models.known_sms_status_name import KnownSmsStatusName
from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsStatus")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_SMS_STATUS_GROUP_NAME_BY_VALUE: dict[str, KnownSmsStatusGroupName] = cast(
    "dict[str, KnownSmsStatusGroupName]", KnownSmsStatusGroupName._value2member_map_
)
_KNOWN_SMS_STATUS_NAME_BY_VALUE: dict[str, KnownSmsStatusName] = cast(
    "dict[str, KnownSmsStatusName]", KnownSmsStatusName._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "groupId",
        "groupName",
        "id",
        "name",
        "description",
        "action",
    }
)


@_attrs_define
class SmsStatus:
    """Message status. Infobip adds statuses over time, so `groupName` and `name` accept any string; known values are
    listed on the properties.

        Attributes:
            group_id (int): Status group ID. Known groups: 0 ACCEPTED (legacy send responses), 1 PENDING, 2 UNDELIVERABLE, 3
                DELIVERED, 4 EXPIRED, 5 REJECTED.
            group_name (KnownSmsStatusGroupName | str): Status group name.
            id (int): Status ID. Known ids (`id` `name`, group): 0 MESSAGE_ACCEPTED (0);
                1 PENDING_TIME_VIOLATION (1, legacy mirror only); 3 PENDING_WAITING_DELIVERY (1);
                7 PENDING_ENROUTE (1); 26 PENDING_ACCEPTED (1); 4 UNDELIVERABLE_REJECTED_OPERATOR (2);
                9 UNDELIVERABLE_NOT_DELIVERED (2); 2 DELIVERED_TO_OPERATOR (3); 5 DELIVERED_TO_HANDSET (3);
                15 EXPIRED_EXPIRED (4); 22 EXPIRED_UNKNOWN (4, legacy mirror only); 29 EXPIRED_DLR_UNKNOWN (4);
                and in group 5 (from reseller mirrors of Infobip's table): 6 REJECTED_NETWORK;
                8 REJECTED_PREFIX_MISSING; 10 REJECTED_DND; 11 REJECTED_SOURCE;
                12 REJECTED_NOT_ENOUGH_CREDITS; 13 REJECTED_SENDER; 14 REJECTED_DESTINATION;
                16 REJECTED_NOT_REACHABLE; 17 REJECTED_PREPAID_PACKAGE_EXPIRED;
                18 REJECTED_DESTINATION_NOT_REGISTERED; 19 REJECTED_ROUTE_NOT_AVAILABLE;
                20 REJECTED_FLOODING_FILTER; 21 REJECTED_SYSTEM_ERROR; 23 REJECTED_DUPLICATE_MESSAGE_ID;
                24 REJECTED_INVALID_UDH; 25 REJECTED_MESSAGE_TOO_LONG; 28 REJECTED_NOT_SENT; 51 MISSING_TO.
            name (KnownSmsStatusName | str): Status name.
            description (str): Human-readable description of the status.
            action (str | Unset): Action that should be taken to eliminate the error; set for some REJECTED statuses.
    """

    group_id: int
    group_name: KnownSmsStatusGroupName | str
    id: int
    name: KnownSmsStatusName | str
    description: str
    action: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        group_name: str
        if isinstance(self.group_name, KnownSmsStatusGroupName):
            group_name = self.group_name.value
        else:
            group_name = self.group_name

        id = self.id

        name: str
        if isinstance(self.name, KnownSmsStatusName):
            name = self.name.value
        else:
            name = self.name

        description = self.description

        action = self.action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "groupId": group_id,
                "groupName": group_name,
                "id": id,
                "name": name,
                "description": description,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        group_id = d["groupId"]

        _group_name = d["groupName"]
        group_name = (
            _KNOWN_SMS_STATUS_GROUP_NAME_BY_VALUE.get(_group_name, _group_name)
            if isinstance(_group_name, str)
            else _group_name
        )

        id = d["id"]

        _name = d["name"]
        name = (
            _KNOWN_SMS_STATUS_NAME_BY_VALUE.get(_name, _name)
            if isinstance(_name, str)
            else _name
        )

        description = d["description"]

        action = d.get("action", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_status = cls(
            group_id,
            group_name,
            id,
            name,
            description,
            action,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_status.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_status

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
