from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_routee_campaign_status import KnownRouteeCampaignStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RouteeCampaignCallback")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_ROUTEE_CAMPAIGN_STATUS_BY_VALUE: dict[str, KnownRouteeCampaignStatus] = cast(
    "dict[str, KnownRouteeCampaignStatus]", KnownRouteeCampaignStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "trackingId",
        "name",
        "totalRecipients",
        "campaignStatus",
        "messageStatuses",
        "callbackInfo",
    }
)


@_attrs_define
class RouteeCampaignCallback:
    """Body of a campaign progress callback, written from the docs' field list (their JSON example is malformed); no real
    body has been seen, so only `trackingId` is required.

        Attributes:
            tracking_id (str): The campaign's tracking id (the tracking API's `campaignTrackingId`).
            name (None | str | Unset): Campaign name.
            total_recipients (int | None | Unset):
            campaign_status (KnownRouteeCampaignStatus | None | str | Unset): Campaign state; one of
                `KnownRouteeCampaignStatus` or a later one.
            message_statuses (None | RouteeCampaignCallbackMessageStatuses | Unset):
            callback_info (None | RouteeCampaignCallbackInfo | Unset):
    """

    tracking_id: str
    name: None | str | Unset = UNSET
    total_recipients: int | None | Unset = UNSET
    campaign_status: KnownRouteeCampaignStatus | None | str | Unset = UNSET
    message_statuses: None | RouteeCampaignCallbackMessageStatuses | Unset = UNSET
    callback_info: None | RouteeCampaignCallbackInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tracking_id = self.tracking_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        total_recipients: int | None | Unset
        if isinstance(self.total_recipients, Unset):
            total_recipients = UNSET
        else:
            total_recipients = self.total_recipients

        campaign_status: None | str | Unset
        if isinstance(self.campaign_status, Unset):
            campaign_status = UNSET
        elif isinstance(self.campaign_status, KnownRouteeCampaignStatus):
            campaign_status = self.campaign_status.value
        else:
            campaign_status = self.campaign_status

        message_statuses: dict[str, Any] | None | Unset
        if isinstance(self.message_statuses, Unset):
            message_statuses = UNSET
        elif isinstance(self.message_statuses, RouteeCampaignCallbackMessageStatuses):
            message_statuses = self.message_statuses.to_dict()
        else:
            message_statuses = self.message_statuses

        callback_info: dict[str, Any] | None | Unset
        if isinstance(self.callback_info, Unset):
            callback_info = UNSET
        elif isinstance(self.callback_info, RouteeCampaignCallbackInfo):
            callback_info = self.callback_info.to_dict()
        else:
            callback_info = self.callback_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trackingId": tracking_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if total_recipients is not UNSET:
            field_dict["totalRecipients"] = total_recipients
        if campaign_status is not UNSET:
            field_dict["campaignStatus"] = campaign_status
        if message_statuses is not UNSET:
            field_dict["messageStatuses"] = message_statuses
        if callback_info is not UNSET:
            field_dict["callbackInfo"] = callback_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        tracking_id = d["trackingId"]

        name = d.get("name", UNSET)

        total_recipients = d.get("totalRecipients", UNSET)

        _campaign_status = d.get("campaignStatus", UNSET)
        campaign_status = (
            _KNOWN_ROUTEE_CAMPAIGN_STATUS_BY_VALUE.get(
                _campaign_status, _campaign_status
            )
            if isinstance(_campaign_status, str)
            else _campaign_status
        )

        _message_statuses = d.get("messageStatuses", UNSET)
        message_statuses: None | RouteeCampaignCallbackMessageStatuses | Unset = (
            _message_statuses
        )
        if isinstance(_message_statuses, dict):
            try:
                message_statuses_type_0 = (
                    RouteeCampaignCallbackMessageStatuses.from_dict(_message_statuses)
                )

                message_statuses = message_statuses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        _callback_info = d.get("callbackInfo", UNSET)
        callback_info: None | RouteeCampaignCallbackInfo | Unset = _callback_info
        if isinstance(_callback_info, dict):
            try:
                callback_info_type_0 = RouteeCampaignCallbackInfo.from_dict(
                    _callback_info
                )

                callback_info = callback_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        routee_campaign_callback = cls(
            tracking_id,
            name,
            total_recipients,
            campaign_status,
            message_statuses,
            callback_info,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            routee_campaign_callback.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return routee_campaign_callback

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
from ..models.routee_campaign_callback_info import RouteeCampaignCallbackInfo
from ..models.routee_campaign_callback_message_statuses import (
    RouteeCampaignCallbackMessageStatuses,
)
