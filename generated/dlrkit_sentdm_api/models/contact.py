from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID, SafeUUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Contact")


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
        "id",
        "phone_number",
        "created_at",
        "customer_id",
        "format_e164",
        "format_international",
        "format_national",
        "format_rfc",
        "country_code",
        "region_code",
        "available_channels",
        "default_channel",
        "opt_out",
        "is_inherited",
        "updated_at",
    }
)


@_attrs_define
class Contact:
    """A contact of the authenticated customer.

    Attributes:
        id (UUID):
        phone_number (str):
        created_at (datetime.datetime):
        customer_id (UUID | Unset): Owning customer (in the SDK; not in doc examples).
        format_e164 (str | Unset): e.g. `+1234567890`.
        format_international (str | Unset):
        format_national (str | Unset):
        format_rfc (str | Unset): RFC 3966 form, e.g. `tel:+1-234-567-890`.
        country_code (str | Unset): Calling code as a string, e.g. `"1"`.
        region_code (str | Unset): ISO 3166-1 alpha-2 region, e.g. `US`.
        available_channels (str | Unset): Comma-separated channel list, e.g. `sms,whatsapp`.
        default_channel (str | Unset):
        opt_out (bool | Unset):
        is_inherited (bool | Unset): Legacy flag, always false.
        updated_at (datetime.datetime | None | Unset):
    """

    id: UUID
    phone_number: str
    created_at: datetime.datetime
    customer_id: UUID | Unset = UNSET
    format_e164: str | Unset = UNSET
    format_international: str | Unset = UNSET
    format_national: str | Unset = UNSET
    format_rfc: str | Unset = UNSET
    country_code: str | Unset = UNSET
    region_code: str | Unset = UNSET
    available_channels: str | Unset = UNSET
    default_channel: str | Unset = UNSET
    opt_out: bool | Unset = UNSET
    is_inherited: bool | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        phone_number = self.phone_number

        created_at = self.created_at.isoformat()

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        format_e164 = self.format_e164

        format_international = self.format_international

        format_national = self.format_national

        format_rfc = self.format_rfc

        country_code = self.country_code

        region_code = self.region_code

        available_channels = self.available_channels

        default_channel = self.default_channel

        opt_out = self.opt_out

        is_inherited = self.is_inherited

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "phone_number": phone_number,
                "created_at": created_at,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if format_e164 is not UNSET:
            field_dict["format_e164"] = format_e164
        if format_international is not UNSET:
            field_dict["format_international"] = format_international
        if format_national is not UNSET:
            field_dict["format_national"] = format_national
        if format_rfc is not UNSET:
            field_dict["format_rfc"] = format_rfc
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if available_channels is not UNSET:
            field_dict["available_channels"] = available_channels
        if default_channel is not UNSET:
            field_dict["default_channel"] = default_channel
        if opt_out is not UNSET:
            field_dict["opt_out"] = opt_out
        if is_inherited is not UNSET:
            field_dict["is_inherited"] = is_inherited
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        id = _parse_uuid(d["id"], "id")

        phone_number = d["phone_number"]

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        _customer_id = d.get("customer_id", UNSET)
        customer_id: UUID | Unset
        if isinstance(_customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = _parse_uuid(_customer_id, "customer_id")

        format_e164 = d.get("format_e164", UNSET)

        format_international = d.get("format_international", UNSET)

        format_national = d.get("format_national", UNSET)

        format_rfc = d.get("format_rfc", UNSET)

        country_code = d.get("country_code", UNSET)

        region_code = d.get("region_code", UNSET)

        available_channels = d.get("available_channels", UNSET)

        default_channel = d.get("default_channel", UNSET)

        opt_out = d.get("opt_out", UNSET)

        is_inherited = d.get("is_inherited", UNSET)

        _updated_at = d.get("updated_at", UNSET)
        updated_at: datetime.datetime | None | Unset = _updated_at
        if isinstance(_updated_at, str):
            try:
                updated_at_type_0 = datetime.datetime.fromisoformat(_updated_at)

                updated_at = updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        contact = cls(
            id,
            phone_number,
            created_at,
            customer_id,
            format_e164,
            format_international,
            format_national,
            format_rfc,
            country_code,
            region_code,
            available_channels,
            default_channel,
            opt_out,
            is_inherited,
            updated_at,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            contact.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return contact

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
