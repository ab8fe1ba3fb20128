from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_error_code import KnownErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_field_details import ErrorFieldDetails


T = TypeVar("T", bound="ApiError")


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
        from ..models.error_field_details import ErrorFieldDetails

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
        from ..models.error_field_details import ErrorFieldDetails

        d = dict(src_dict)

        def _parse_code(data: object) -> KnownErrorCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_error_code_type_0 = KnownErrorCode(data)

                return componentsschemas_error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownErrorCode | str, data)

        code = _parse_code(d.pop("code"))

        message = d.pop("message")

        def _parse_details(data: object) -> ErrorFieldDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = ErrorFieldDetails.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorFieldDetails | None | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        def _parse_doc_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        doc_url = _parse_doc_url(d.pop("doc_url", UNSET))

        api_error = cls(
            code=code,
            message=message,
            details=details,
            doc_url=doc_url,
        )

        api_error.additional_properties = d
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
