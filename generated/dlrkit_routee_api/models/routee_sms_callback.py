from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_direction import KnownDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="RouteeSmsCallback")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_DIRECTION_BY_VALUE: dict[str, KnownDirection] = cast(
    "dict[str, KnownDirection]", KnownDirection._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "messageId",
        "to",
        "status",
        "smsId",
        "campaignTrackingId",
        "part",
        "parts",
        "label",
        "from",
        "country",
        "operator",
        "groups",
        "campaignName",
        "message",
        "applicationName",
        "latency",
        "price",
        "direction",
        "originatingService",
        "poolName",
        "poolId",
        "poolStrategy",
    }
)


@_attrs_define
class RouteeSmsCallback:
    """Body of an SMS status callback: one SMS part's new status. Required are the fields every recorded and documented
    body carries; the rest may be absent (recorded 2016 bodies lack `smsId`, `part`, `label`, `status.reason`) and, as
    in the tracking objects, null is tolerated.

        Attributes:
            message_id (str): Id of the message (a UUID); the same for every part.
            to (str): The recipient, E.164 with `+`.
            status (RouteeSmsCallbackStatus): The status of the part: `name` and `updatedDate` (the tracking API's `status`
                and `date`), and the optional reason.
            sms_id (None | str | Unset): Id of this SMS part (a UUID), unique per part. Absent in 2016 bodies.
            campaign_tracking_id (None | str | Unset): Tracking id of the campaign; only for campaign sends.
            part (int | None | Unset): Number of this part. Absent in 2016 bodies.
            parts (int | None | Unset): Number of parts of the message.
            label (None | str | Unset): The label given when sending.
            from_ (None | str | Unset): The sender id (a numeric sender has no `+`).
            country (None | str | Unset): Recipient country, ISO 3166-1 alpha-2.
            operator (None | str | Unset): The recipient's operator, e.g. `Airtel (Bharti Airtel)`.
            groups (list[str] | None | Unset): Groups the recipient belongs to.
            campaign_name (None | str | Unset): Name of the campaign (`API-<unix time>` for API sends in 2016 bodies).
            message (None | str | Unset): The SMS text (the tracking API's `body`).
            application_name (None | str | Unset): Name of the application used to send, e.g. `default`.
            latency (float | None | Unset): Delivery latency.
            price (float | None | Unset): Cost of this part. The raw body has 8 decimals (`0.00600000`); read it as a
                decimal, not a float, where money matters.
            direction (KnownDirection | None | str | Unset):
            originating_service (None | str | Unset): The service that sent the message, e.g. `Sms`.
            pool_name (None | str | Unset): Number pool used; only when sent through a pool.
            pool_id (None | str | Unset): Number pool id; only when sent through a pool.
            pool_strategy (None | str | Unset): Number pool strategy; only when sent through a pool.
    """

    message_id: str
    to: str
    status: RouteeSmsCallbackStatus
    sms_id: None | str | Unset = UNSET
    campaign_tracking_id: None | str | Unset = UNSET
    part: int | None | Unset = UNSET
    parts: int | None | Unset = UNSET
    label: None | str | Unset = UNSET
    from_: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    operator: None | str | Unset = UNSET
    groups: list[str] | None | Unset = UNSET
    campaign_name: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    application_name: None | str | Unset = UNSET
    latency: float | None | Unset = UNSET
    price: float | None | Unset = UNSET
    direction: KnownDirection | None | str | Unset = UNSET
    originating_service: None | str | Unset = UNSET
    pool_name: None | str | Unset = UNSET
    pool_id: None | str | Unset = UNSET
    pool_strategy: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        to = self.to

        status = self.status.to_dict()

        sms_id: None | str | Unset
        if isinstance(self.sms_id, Unset):
            sms_id = UNSET
        else:
            sms_id = self.sms_id

        campaign_tracking_id: None | str | Unset
        if isinstance(self.campaign_tracking_id, Unset):
            campaign_tracking_id = UNSET
        else:
            campaign_tracking_id = self.campaign_tracking_id

        part: int | None | Unset
        if isinstance(self.part, Unset):
            part = UNSET
        else:
            part = self.part

        parts: int | None | Unset
        if isinstance(self.parts, Unset):
            parts = UNSET
        else:
            parts = self.parts

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        operator: None | str | Unset
        if isinstance(self.operator, Unset):
            operator = UNSET
        else:
            operator = self.operator

        groups: list[str] | None | Unset
        if isinstance(self.groups, Unset):
            groups = UNSET
        elif isinstance(self.groups, list):
            groups = self.groups

        else:
            groups = self.groups

        campaign_name: None | str | Unset
        if isinstance(self.campaign_name, Unset):
            campaign_name = UNSET
        else:
            campaign_name = self.campaign_name

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        application_name: None | str | Unset
        if isinstance(self.application_name, Unset):
            application_name = UNSET
        else:
            application_name = self.application_name

        latency: float | None | Unset
        if isinstance(self.latency, Unset):
            latency = UNSET
        else:
            latency = self.latency

        price: float | None | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, KnownDirection):
            direction = self.direction.value
        else:
            direction = self.direction

        originating_service: None | str | Unset
        if isinstance(self.originating_service, Unset):
            originating_service = UNSET
        else:
            originating_service = self.originating_service

        pool_name: None | str | Unset
        if isinstance(self.pool_name, Unset):
            pool_name = UNSET
        else:
            pool_name = self.pool_name

        pool_id: None | str | Unset
        if isinstance(self.pool_id, Unset):
            pool_id = UNSET
        else:
            pool_id = self.pool_id

        pool_strategy: None | str | Unset
        if isinstance(self.pool_strategy, Unset):
            pool_strategy = UNSET
        else:
            pool_strategy = self.pool_strategy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageId": message_id,
                "to": to,
                "status": status,
            }
        )
        if sms_id is not UNSET:
            field_dict["smsId"] = sms_id
        if campaign_tracking_id is not UNSET:
            field_dict["campaignTrackingId"] = campaign_tracking_id
        if part is not UNSET:
            field_dict["part"] = part
        if parts is not UNSET:
            field_dict["parts"] = parts
        if label is not UNSET:
            field_dict["label"] = label
        if from_ is not UNSET:
            field_dict["from"] = from_
        if country is not UNSET:
            field_dict["country"] = country
        if operator is not UNSET:
            field_dict["operator"] = operator
        if groups is not UNSET:
            field_dict["groups"] = groups
        if campaign_name is not UNSET:
            field_dict["campaignName"] = campaign_name
        if message is not UNSET:
            field_dict["message"] = message
        if application_name is not UNSET:
            field_dict["applicationName"] = application_name
        if latency is not UNSET:
            field_dict["latency"] = latency
        if price is not UNSET:
            field_dict["price"] = price
        if direction is not UNSET:
            field_dict["direction"] = direction
        if originating_service is not UNSET:
            field_dict["originatingService"] = originating_service
        if pool_name is not UNSET:
            field_dict["poolName"] = pool_name
        if pool_id is not UNSET:
            field_dict["poolId"] = pool_id
        if pool_strategy is not UNSET:
            field_dict["poolStrategy"] = pool_strategy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        message_id = d["messageId"]

        to = d["to"]

        status = RouteeSmsCallbackStatus.from_dict(d["status"])

        sms_id = d.get("smsId", UNSET)

        campaign_tracking_id = d.get("campaignTrackingId", UNSET)

        part = d.get("part", UNSET)

        parts = d.get("parts", UNSET)

        label = d.get("label", UNSET)

        from_ = d.get("from", UNSET)

        country = d.get("country", UNSET)

        operator = d.get("operator", UNSET)

        groups = d.get("groups", UNSET)

        campaign_name = d.get("campaignName", UNSET)

        message = d.get("message", UNSET)

        application_name = d.get("applicationName", UNSET)

        latency = d.get("latency", UNSET)

        price = d.get("price", UNSET)

        _direction = d.get("direction", UNSET)
        direction = (
            _KNOWN_DIRECTION_BY_VALUE.get(_direction, _direction)
            if isinstance(_direction, str)
            else _direction
        )

        originating_service = d.get("originatingService", UNSET)

        pool_name = d.get("poolName", UNSET)

        pool_id = d.get("poolId", UNSET)

        pool_strategy = d.get("poolStrategy", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        routee_sms_callback = cls(
            message_id,
            to,
            status,
            sms_id,
            campaign_tracking_id,
            part,
            parts,
            label,
            from_,
            country,
            operator,
            groups,
            campaign_name,
            message,
            application_name,
            latency,
            price,
            direction,
            originating_service,
            pool_name,
            pool_id,
            pool_strategy,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            routee_sms_callback.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return routee_sms_callback

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
from ..models.routee_sms_callback_status import RouteeSmsCallbackStatus
