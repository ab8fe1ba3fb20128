from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_direction import KnownDirection
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sms_status import SmsStatus


T = TypeVar("T", bound="SmsPartTracking")


@_attrs_define
class SmsPartTracking:
    """Tracking of one SMS part as returned by `GET /sms/tracking/single/{messageId}`. Doc inconsistency: the campaign name
    is in `campaign` here but in `campaignName` in the multi-message tracking objects.

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
            campaign (None | str | Unset): Name of the campaign the message was sent from.
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
    campaign: None | str | Unset = UNSET
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

        campaign: None | str | Unset
        if isinstance(self.campaign, Unset):
            campaign = UNSET
        else:
            campaign = self.campaign

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
        if campaign is not UNSET:
            field_dict["campaign"] = campaign

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sms_status import SmsStatus

        d = dict(src_dict)
        sms_id = d.pop("smsId")

        message_id = d.pop("messageId")

        to = d.pop("to")

        status = SmsStatus.from_dict(d.pop("status"))

        def _parse_from_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_application_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_name = _parse_application_name(d.pop("applicationName", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_groups(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                groups_type_0 = cast(list[str], data)

                return groups_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        groups = _parse_groups(d.pop("groups", UNSET))

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_operator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operator = _parse_operator(d.pop("operator", UNSET))

        def _parse_originating_service(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        originating_service = _parse_originating_service(
            d.pop("originatingService", UNSET)
        )

        def _parse_direction(data: object) -> KnownDirection | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_direction_value_type_0 = KnownDirection(data)

                return componentsschemas_direction_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownDirection | None | str | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_latency(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latency = _parse_latency(d.pop("latency", UNSET))

        def _parse_parts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parts = _parse_parts(d.pop("parts", UNSET))

        def _parse_part(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        part = _parse_part(d.pop("part", UNSET))

        def _parse_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        price = _parse_price(d.pop("price", UNSET))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_received_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        received_date = _parse_received_date(d.pop("receivedDate", UNSET))

        def _parse_campaign(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        campaign = _parse_campaign(d.pop("campaign", UNSET))

        sms_part_tracking = cls(
            sms_id=sms_id,
            message_id=message_id,
            to=to,
            status=status,
            from_=from_,
            application_name=application_name,
            country=country,
            groups=groups,
            body=body,
            operator=operator,
            originating_service=originating_service,
            direction=direction,
            latency=latency,
            parts=parts,
            part=part,
            price=price,
            label=label,
            received_date=received_date,
            campaign=campaign,
        )

        sms_part_tracking.additional_properties = d
        return sms_part_tracking

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
