from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsApiErrorV3")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "errorCode",
        "description",
        "action",
        "violations",
        "resources",
    }
)


@_attrs_define
class SmsApiErrorV3:
    """Infobip's v3 error body (`ApiError`), e.g. `{"errorCode": "E401", "description": "The request lacks valid
    authentication credentials for the requested resource.", "action": "...", "violations": [], "resources": [...]}`.

        Attributes:
            error_code (str): `E400`, `E401`, `E403`, `E429`, `E500`, ...
            description (str):
            action (str | Unset):
            violations (list[SmsApiErrorV3Violation] | Unset):
            resources (list[SmsApiErrorV3Resource] | Unset):
    """

    error_code: str
    description: str
    action: str | Unset = UNSET
    violations: list[SmsApiErrorV3Violation] | Unset = UNSET
    resources: list[SmsApiErrorV3Resource] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        description = self.description

        action = self.action

        violations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.violations, Unset):
            violations = []
            for violations_item_data in self.violations:
                violations_item = violations_item_data.to_dict()
                violations.append(violations_item)

        resources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = []
            for resources_item_data in self.resources:
                resources_item = resources_item_data.to_dict()
                resources.append(resources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errorCode": error_code,
                "description": description,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if violations is not UNSET:
            field_dict["violations"] = violations
        if resources is not UNSET:
            field_dict["resources"] = resources

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        error_code = d["errorCode"]

        description = d["description"]

        action = d.get("action", UNSET)

        _violations = d.get("violations", UNSET)
        violations: list[SmsApiErrorV3Violation] | Unset = UNSET
        if _violations is not UNSET:
            violations = []
            for violations_item_data in _violations:
                violations_item = SmsApiErrorV3Violation.from_dict(violations_item_data)

                violations.append(violations_item)

        _resources = d.get("resources", UNSET)
        resources: list[SmsApiErrorV3Resource] | Unset = UNSET
        if _resources is not UNSET:
            resources = []
            for resources_item_data in _resources:
                resources_item = SmsApiErrorV3Resource.from_dict(resources_item_data)

                resources.append(resources_item)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_api_error_v3 = cls(
            error_code,
            description,
            action,
            violations,
            resources,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_api_error_v3.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_api_error_v3

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
from ..models.sms_api_error_v3_resource import SmsApiErrorV3Resource
from ..models.sms_api_error_v3_violation import SmsApiErrorV3Violation
