from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_error_code import KnownErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiError")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_ERROR_CODE_BY_VALUE: dict[str, KnownErrorCode] = cast(
    "dict[str, KnownErrorCode]", KnownErrorCode._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "code",
        "message",
        "details",
        "doc_url",
    }
)


@_attrs_define
class ApiError:
    """Error information of a failed request.

    Attributes:
        code (KnownErrorCode | str): Machine-readable error code (`AUTH_*`, `VALIDATION_*`, `RESOURCE_*`, `BUSINESS_*`,
            `CONFLICT_*`, `LIMIT_*`, `SERVICE_*`, `INTERNAL_*`). Open: codes not in `KnownErrorCode`
            are accepted as plain strings.
        message (str): Human-readable message.
        details (ErrorFieldDetails | None | Unset): Per-field validation messages, or null.
        doc_url (None | str | Unset): Link to the error catalog. Varies between doc builds
            (`https://docs.sent.dm/reference/api/error-catalog`, `.../errors/RESOURCE_003`), so free text.
    """

    code: KnownErrorCode | str
    message: str
    details: ErrorFieldDetails | None | Unset = UNSET
    doc_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: str
        if isinstance(self.code, KnownErrorCode):
            code = self.code.value
        else:
            code = self.code

        message = self.message

        details: dict[str, Any] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, ErrorFieldDetails):
            details = self.details.to_dict()
        else:
            details = self.details

        doc_url: None | str | Unset
        if isinstance(self.doc_url, Unset):
            doc_url = UNSET
        else:
            doc_url = self.doc_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details
        if doc_url is not UNSET:
            field_dict["doc_url"] = doc_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        _code = d["code"]
        code = (
            _KNOWN_ERROR_CODE_BY_VALUE.get(_code, _code)
            if isinstance(_code, str)
            else _code
        )

        message = d["message"]

        _details = d.get("details", UNSET)
        details: ErrorFieldDetails | None | Unset = _details
        if isinstance(_details, dict):
            try:
                details_type_0 = ErrorFieldDetails.from_dict(_details)

                details = details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        doc_url = d.get("doc_url", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        api_error = cls(
            code,
            message,
            details,
            doc_url,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            api_error.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return api_error

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
from ..models.error_field_details import ErrorFieldDetails
