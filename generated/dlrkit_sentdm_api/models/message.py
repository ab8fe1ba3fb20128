from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID, SafeUUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_message_status import KnownMessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Message")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_MESSAGE_STATUS_BY_VALUE: dict[str, KnownMessageStatus] = cast(
    "dict[str, KnownMessageStatus]", KnownMessageStatus._value2member_map_
)


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
        "channel",
        "status",
        "created_at",
        "customer_id",
        "contact_id",
        "phone",
        "phone_international",
        "region_code",
        "template_id",
        "template_name",
        "template_category",
        "direction",
        "message_body",
        "price",
        "active_contact_price",
        "events",
        "reason_code",
        "reason",
        "scheduled_at",
    }
)


@_attrs_define
class Message:
    """A message with its current status. `price` and `active_contact_price` are JSON numbers
    here, unlike the decimal strings of activities.

        Attributes:
            id (UUID):
            channel (str): e.g. `sms`, `whatsapp`, `rcs`, `mms`.
            status (KnownMessageStatus | str): Status of a message or activity. Open: values outside `KnownMessageStatus`
                (new statuses,
                or the lowercase `delivered`/`queued` of an older docs build) are accepted as plain strings.
            created_at (datetime.datetime):
            customer_id (UUID | Unset):
            contact_id (UUID | Unset):
            phone (str | Unset): Recipient in E.164, e.g. `+14155551234`.
            phone_international (str | Unset): Recipient in international format, e.g. `+1 415-555-1234`.
            region_code (str | Unset): ISO 3166-1 alpha-2 region, e.g. `US`.
            template_id (None | str | Unset):
            template_name (None | str | Unset):
            template_category (None | str | Unset): e.g. `UTILITY`, `MARKETING`.
            direction (None | str | Unset): Message direction (outbound/inbound); in the SDK, absent from doc examples.
            message_body (MessageBody | None | Unset):
            price (float | None | Unset): Message price, e.g. `0.0055`.
            active_contact_price (float | None | Unset): Active-contact fee, e.g. `0.015`.
            events (list[MessageEvent] | Unset): Status changes, oldest first in doc examples.
            reason_code (None | str | Unset): Failure code; only when status is FAILED, FILTERED or BLOCKED.
            reason (None | str | Unset): Human-readable failure reason; only with `reason_code`.
            scheduled_at (datetime.datetime | None | Unset): Scheduled send time; only for scheduled, held or cancelled
                messages.
    """

    id: UUID
    channel: str
    status: KnownMessageStatus | str
    created_at: datetime.datetime
    customer_id: UUID | Unset = UNSET
    contact_id: UUID | Unset = UNSET
    phone: str | Unset = UNSET
    phone_international: str | Unset = UNSET
    region_code: str | Unset = UNSET
    template_id: None | str | Unset = UNSET
    template_name: None | str | Unset = UNSET
    template_category: None | str | Unset = UNSET
    direction: None | str | Unset = UNSET
    message_body: MessageBody | None | Unset = UNSET
    price: float | None | Unset = UNSET
    active_contact_price: float | None | Unset = UNSET
    events: list[MessageEvent] | Unset = UNSET
    reason_code: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    scheduled_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        channel = self.channel

        status: str
        if isinstance(self.status, KnownMessageStatus):
            status = self.status.value
        else:
            status = self.status

        created_at = self.created_at.isoformat()

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        contact_id: str | Unset = UNSET
        if not isinstance(self.contact_id, Unset):
            contact_id = str(self.contact_id)

        phone = self.phone

        phone_international = self.phone_international

        region_code = self.region_code

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        template_name: None | str | Unset
        if isinstance(self.template_name, Unset):
            template_name = UNSET
        else:
            template_name = self.template_name

        template_category: None | str | Unset
        if isinstance(self.template_category, Unset):
            template_category = UNSET
        else:
            template_category = self.template_category

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        else:
            direction = self.direction

        message_body: dict[str, Any] | None | Unset
        if isinstance(self.message_body, Unset):
            message_body = UNSET
        elif isinstance(self.message_body, MessageBody):
            message_body = self.message_body.to_dict()
        else:
            message_body = self.message_body

        price: float | None | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        active_contact_price: float | None | Unset
        if isinstance(self.active_contact_price, Unset):
            active_contact_price = UNSET
        else:
            active_contact_price = self.active_contact_price

        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        scheduled_at: None | str | Unset
        if isinstance(self.scheduled_at, Unset):
            scheduled_at = UNSET
        elif isinstance(self.scheduled_at, datetime.datetime):
            scheduled_at = self.scheduled_at.isoformat()
        else:
            scheduled_at = self.scheduled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "channel": channel,
                "status": status,
                "created_at": created_at,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if phone_international is not UNSET:
            field_dict["phone_international"] = phone_international
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if template_name is not UNSET:
            field_dict["template_name"] = template_name
        if template_category is not UNSET:
            field_dict["template_category"] = template_category
        if direction is not UNSET:
            field_dict["direction"] = direction
        if message_body is not UNSET:
            field_dict["message_body"] = message_body
        if price is not UNSET:
            field_dict["price"] = price
        if active_contact_price is not UNSET:
            field_dict["active_contact_price"] = active_contact_price
        if events is not UNSET:
            field_dict["events"] = events
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason is not UNSET:
            field_dict["reason"] = reason
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        id = _parse_uuid(d["id"], "id")

        channel = d["channel"]

        _status = d["status"]
        status = (
            _KNOWN_MESSAGE_STATUS_BY_VALUE.get(_status, _status)
            if isinstance(_status, str)
            else _status
        )

        created_at = datetime.datetime.fromisoformat(d["created_at"])

        _customer_id = d.get("customer_id", UNSET)
        customer_id: UUID | Unset
        if isinstance(_customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = _parse_uuid(_customer_id, "customer_id")

        _contact_id = d.get("contact_id", UNSET)
        contact_id: UUID | Unset
        if isinstance(_contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = _parse_uuid(_contact_id, "contact_id")

        phone = d.get("phone", UNSET)

        phone_international = d.get("phone_international", UNSET)

        region_code = d.get("region_code", UNSET)

        template_id = d.get("template_id", UNSET)

        template_name = d.get("template_name", UNSET)

        template_category = d.get("template_category", UNSET)

        direction = d.get("direction", UNSET)

        _message_body = d.get("message_body", UNSET)
        message_body: MessageBody | None | Unset = _message_body
        if isinstance(_message_body, dict):
            try:
                message_body_type_0 = MessageBody.from_dict(_message_body)

                message_body = message_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        price = d.get("price", UNSET)

        active_contact_price = d.get("active_contact_price", UNSET)

        _events = d.get("events", UNSET)
        events: list[MessageEvent] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = MessageEvent.from_dict(events_item_data)

                events.append(events_item)

        reason_code = d.get("reason_code", UNSET)

        reason = d.get("reason", UNSET)

        _scheduled_at = d.get("scheduled_at", UNSET)
        scheduled_at: datetime.datetime | None | Unset = _scheduled_at
        if isinstance(_scheduled_at, str):
            try:
                scheduled_at_type_0 = datetime.datetime.fromisoformat(_scheduled_at)

                scheduled_at = scheduled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        message = cls(
            id,
            channel,
            status,
            created_at,
            customer_id,
            contact_id,
            phone,
            phone_international,
            region_code,
            template_id,
            template_name,
            template_category,
            direction,
            message_body,
            price,
            active_contact_price,
            events,
            reason_code,
            reason,
            scheduled_at,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            message.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return message

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
from ..models.message_body import MessageBody
from ..models.message_event import MessageEvent
