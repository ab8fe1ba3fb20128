from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_direction import KnownDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsTracking")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_DIRECTION_BY_VALUE: dict[str, KnownDirection] = cast(
    "dict[str, KnownDirection]", KnownDirection._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "smsId",
        "messageId",
        "to",
        "status",
        "from",
        "applicationName",
        "country",
        "groups",
        "body",
        "operator",
        "originatingService",
        "direction",
        "latency",
        "parts",
        "part",
        "price",
        "label",
        "receivedDate",
        "campaignName",
        "campaignTrackingId",
    }
)


@_attrs_define
class SmsTracking:
    """Tracking of one SMS part as returned in the pages of `POST /sms/tracking` and `GET
    /sms/tracking/campaign/{campaignTrackingId}`.

        Attributes:
            sms_id (str): Unique id of this SMS part (differs between parts of a multipart SMS).
            message_id (str): Id of the message; the same for all parts of a multipart SMS.
            to (str): The recipient.
            status (SmsStatus): The status of one SMS part.
            from_ (None | str | Unset): The sender id.
            application_name (None | str | Unset): Name of the application used to send the message.
            country (None | str | Unset): Recipient country, ISO 3166-1 alpha-2.
            groups (list[str] | None | Unset): Groups the recipient belongs to.
            body (None | str | Unset): The message text.
            operator (None | str | Unset): The recipient's operator.
            originating_service (None | str | Unset): The service that sent the message (e.g. `Sms`).
            direction (KnownDirection | None | str | Unset):
            latency (float | None | Unset): Overall delivery latency of the message.
            parts (int | None | Unset): Number of SMS parts of the message.
            part (int | None | Unset): Number of this SMS part.
            price (float | None | Unset): Cost of this SMS part.
            label (None | str | Unset): The label given to the SMS tracking.
            received_date (None | str | Unset): When an inbound message was received (multi-message table only).
            campaign_name (None | str | Unset): Name of the campaign the message was sent from.
            campaign_tracking_id (None | str | Unset): Tracking id of the campaign the message was sent from.
    """

    sms_id: str
    message_id: str
    to: str
    status: SmsStatus
    from_: None | str | Unset = UNSET
    application_name: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    groups: list[str] | None | Unset = UNSET
    body: None | str | Unset = UNSET
    operator: None | str | Unset = UNSET
    originating_service: None | str | Unset = UNSET
    direction: KnownDirection | None | str | Unset = UNSET
    latency: float | None | Unset = UNSET
    parts: int | None | Unset = UNSET
    part: int | None | Unset = UNSET
    price: float | None | Unset = UNSET
    label: None | str | Unset = UNSET
    received_date: None | str | Unset = UNSET
    campaign_name: None | str | Unset = UNSET
    campaign_tracking_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sms_id = self.sms_id

        message_id = self.message_id

        to = self.to

        status = self.status.to_dict()

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        application_name: None | str | Unset
        if isinstance(self.application_name, Unset):
            application_name = UNSET
        else:
            application_name = self.application_name

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        groups: list[str] | None | Unset
        if isinstance(self.groups, Unset):
            groups = UNSET
        elif isinstance(self.groups, list):
            groups = self.groups

        else:
            groups = self.groups

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        operator: None | str | Unset
        if isinstance(self.operator, Unset):
            operator = UNSET
        else:
            operator = self.operator

        originating_service: None | str | Unset
        if isinstance(self.originating_service, Unset):
            originating_service = UNSET
        else:
            originating_service = self.originating_service

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, KnownDirection):
            direction = self.direction.value
        else:
            direction = self.direction

        latency: float | None | Unset
        if isinstance(self.latency, Unset):
            latency = UNSET
        else:
            latency = self.latency

        parts: int | None | Unset
        if isinstance(self.parts, Unset):
            parts = UNSET
        else:
            parts = self.parts

        part: int | None | Unset
        if isinstance(self.part, Unset):
            part = UNSET
        else:
            part = self.part

        price: float | None | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        received_date: None | str | Unset
        if isinstance(self.received_date, Unset):
            received_date = UNSET
        else:
            received_date = self.received_date

        campaign_name: None | str | Unset
        if isinstance(self.campaign_name, Unset):
            campaign_name = UNSET
        else:
            campaign_name = self.campaign_name

        campaign_tracking_id: None | str | Unset
        if isinstance(self.campaign_tracking_id, Unset):
            campaign_tracking_id = UNSET
        else:
            campaign_tracking_id = self.campaign_tracking_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "smsId": sms_id,
                "messageId": message_id,
                "to": to,
                "status": status,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if application_name is not UNSET:
            field_dict["applicationName"] = application_name
        if country is not UNSET:
            field_dict["country"] = country
        if groups is not UNSET:
            field_dict["groups"] = groups
        if body is not UNSET:
            field_dict["body"] = body
        if operator is not UNSET:
            field_dict["operator"] = operator
        if originating_service is not UNSET:
            field_dict["originatingService"] = originating_service
        if direction is not UNSET:
            field_dict["direction"] = direction
        if latency is not UNSET:
            field_dict["latency"] = latency
        if parts is not UNSET:
            field_dict["parts"] = parts
        if part is not UNSET:
            field_dict["part"] = part
        if price is not UNSET:
            field_dict["price"] = price
        if label is not UNSET:
            field_dict["label"] = label
        if received_date is not UNSET:
            field_dict["receivedDate"] = received_date
        if campaign_name is not UNSET:
            field_dict["campaignName"] = campaign_name
        if campaign_tracking_id is not UNSET:
            field_dict["campaignTrackingId"] = campaign_tracking_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        sms_id = d["smsId"]

        message_id = d["messageId"]

        to = d["to"]

        status = SmsStatus.from_dict(d["status"])

        from_ = d.get("from", UNSET)

        application_name = d.get("applicationName", UNSET)

        country = d.get("country", UNSET)

        groups = d.get("groups", UNSET)

        body = d.get("body", UNSET)

        operator = d.get("operator", UNSET)

        originating_service = d.get("originatingService", UNSET)

        _direction = d.get("direction", UNSET)
        direction = (
            _KNOWN_DIRECTION_BY_VALUE.get(_direction, _direction)
            if isinstance(_direction, str)
            else _direction
        )

        latency = d.get("latency", UNSET)

        parts = d.get("parts", UNSET)

        part = d.get("part", UNSET)

        price = d.get("price", UNSET)

        label = d.get("label", UNSET)

        received_date = d.get("receivedDate", UNSET)

        campaign_name = d.get("campaignName", UNSET)

        campaign_tracking_id = d.get("campaignTrackingId", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_tracking = cls(
            sms_id,
            message_id,
            to,
            status,
            from_,
            application_name,
            country,
            groups,
            body,
            operator,
            originating_service,
            direction,
            latency,
            parts,
            part,
            price,
            label,
            received_date,
            campaign_name,
            campaign_tracking_id,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_tracking.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_tracking

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
from ..models.sms_status import SmsStatus
