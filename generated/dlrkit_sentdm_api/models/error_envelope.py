from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_error import ApiError
    from ..models.api_meta import ApiMeta


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """Envelope of every error response: `success` false, `data` null, `error` set. The vendor's
    schema placeholder omits `data`, so it is optional here; real examples send `"data": null`.

        Attributes:
            success (bool):
            error (ApiError): Error information of a failed request.
            meta (ApiMeta): Request metadata present on every response.
            data (None | Unset):
    """

    success: bool
    error: ApiError
    meta: ApiMeta
    data: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error = self.error.to_dict()

        meta = self.meta.to_dict()

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "error": error,
                "meta": meta,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_error import ApiError
        from ..models.api_meta import ApiMeta

        d = dict(src_dict)
        success = d.pop("success")

        error = ApiError.from_dict(d.pop("error"))

        meta = ApiMeta.from_dict(d.pop("meta"))

        data = d.pop("data", UNSET)

        error_envelope = cls(
            success=success,
            error=error,
            meta=meta,
            data=data,
        )

        error_envelope.additional_properties = d
        return error_envelope

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
