from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.grant_type import GrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """Form body of the token request.

    Attributes:
        grant_type (GrantType): The OAuth2 grant; always `client_credentials`.
        scope (str | Unset): Optional space-separated subset of the application's permissions.
    """

    grant_type: GrantType
    scope: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type.value

        scope = self.scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant_type": grant_type,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grant_type = GrantType(d.pop("grant_type"))

        scope = d.pop("scope", UNSET)

        token_request = cls(
            grant_type=grant_type,
            scope=scope,
        )

        return token_request
