from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_sms_error_group_name import KnownSmsErrorGroupName

T = TypeVar("T", bound="SmsError")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_SMS_ERROR_GROUP_NAME_BY_VALUE: dict[str, KnownSmsErrorGroupName] = cast(
    "dict[str, KnownSmsErrorGroupName]", KnownSmsErrorGroupName._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "groupId",
        "groupName",
        "id",
        "name",
        "description",
        "permanent",
    }
)


@_attrs_define
class SmsError:
    """Delivery error; `id` 0 / `NO_ERROR` when there was none.

    Attributes:
        group_id (int): Error group ID. Known groups: 0 OK, 1 HANDSET_ERRORS, 2 USER_ERRORS, 3 OPERATOR_ERRORS.
        group_name (KnownSmsErrorGroupName | str): Error group name. Doc inconsistency: group 0 is `"Ok"` in the current
            docs and SDK fixtures but `"OK"` in the legacy docs; both are accepted.
        id (int): Error ID, mostly GSM codes, e.g. 0 NO_ERROR, 1 EC_UNKNOWN_SUBSCRIBER, 6 EC_ABSENT_SUBSCRIBER_SM, 27
            EC_ABSENT_SUBSCRIBER, 34 EC_SYSTEM_FAILURE, 255 EC_UNKNOWN_ERROR, 2048 EC_TIME_OUT, 4101 EC_ValidityExpired.
        name (str): Error name, e.g. `NO_ERROR`, `EC_ABSENT_SUBSCRIBER`.
        description (str): Human-readable description of the error.
        permanent (bool): Whether the error is permanent (retrying will not help).
    """

    group_id: int
    group_name: KnownSmsErrorGroupName | str
    id: int
    name: str
    description: str
    permanent: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        group_name: str
        if isinstance(self.group_name, KnownSmsErrorGroupName):
            group_name = self.group_name.value
        else:
            group_name = self.group_name

        id = self.id

        name = self.name

        description = self.description

        permanent = self.permanent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "groupId": group_id,
                "groupName": group_name,
                "id": id,
                "name": name,
                "description": description,
                "permanent": permanent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        group_id = d["groupId"]

        _group_name = d["groupName"]
        group_name = (
            _KNOWN_SMS_ERROR_GROUP_NAME_BY_VALUE.get(_group_name, _group_name)
            if isinstance(_group_name, str)
            else _group_name
        )

        id = d["id"]

        name = d["name"]

        description = d["description"]

        permanent = d["permanent"]

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_error = cls(
            group_id,
            group_name,
            id,
            name,
            description,
            permanent,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_error.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_error

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
