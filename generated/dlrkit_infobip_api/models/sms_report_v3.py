from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsReportV3")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "messageId",
        "to",
        "sentAt",
        "doneAt",
        "messageCount",
        "price",
        "status",
        "error",
        "bulkId",
        "sender",
        "mccMnc",
        "callbackData",
        "platform",
        "campaignReferenceId",
    }
)


@_attrs_define
class SmsReportV3:
    """Delivery report of one sent message, v3 names: `sender` (was `from`), `messageCount` (was `smsCount`), `platform{}`
    (was top-level `entityId`/`applicationId`). `to` keeps its name. The status and error objects are those of v1, with
    open group names. Infobip's schema requires nothing; the fields every published v3 body carries are required here,
    as for v1. `sender` and `platform` are absent from the Java SDK's callback fixture.

        Attributes:
            message_id (str): Message ID (a custom ID or an Infobip-generated one).
            to (str): Destination address (MSISDN without a leading `+`).
            sent_at (str): Infobip timestamp `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, e.g. `2019-11-09T16:00:00.000+0000` (offset
                without a colon: not RFC 3339). Also accepts other fraction lengths and `+hh:mm`/`Z` offsets.
            done_at (str): Infobip timestamp `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, e.g. `2019-11-09T16:00:00.000+0000` (offset
                without a colon: not RFC 3339). Also accepts other fraction lengths and `+hh:mm`/`Z` offsets.
            message_count (int): Number of parts the message was split into (v1's `smsCount`).
            price (SmsPrice): Price of the sent message.
            status (SmsStatus): Message status. Infobip adds statuses over time, so `groupName` and `name` accept any
                string; known values are listed on the properties.
            error (SmsError): Delivery error; `id` 0 / `NO_ERROR` when there was none.
            bulk_id (str | Unset): Bulk ID; present when the send request had more than one destination.
            sender (str | Unset): Sender ID (v1's `from`).
            mcc_mnc (str | Unset): Mobile country and network codes, e.g. `22801`; real v1 bodies send the string `"null"`
                when unknown, so this is a free string.
            callback_data (str | Unset): The `webhooks.callbackData` sent with the message, echoed back.
            platform (SmsPlatformV3 | Unset): The Infobip platform entity and application the message was sent with.
            campaign_reference_id (str | Unset): Campaign reference ID the message was sent with.
    """

    message_id: str
    to: str
    sent_at: str
    done_at: str
    message_count: int
    price: SmsPrice
    status: SmsStatus
    error: SmsError
    bulk_id: str | Unset = UNSET
    sender: str | Unset = UNSET
    mcc_mnc: str | Unset = UNSET
    callback_data: str | Unset = UNSET
    platform: SmsPlatformV3 | Unset = UNSET
    campaign_reference_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        to = self.to

        sent_at = self.sent_at

        done_at = self.done_at

        message_count = self.message_count

        price = self.price.to_dict()

        status = self.status.to_dict()

        error = self.error.to_dict()

        bulk_id = self.bulk_id

        sender = self.sender

        mcc_mnc = self.mcc_mnc

        callback_data = self.callback_data

        platform: dict[str, Any] | Unset = UNSET
        if not isinstance(self.platform, Unset):
            platform = self.platform.to_dict()

        campaign_reference_id = self.campaign_reference_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageId": message_id,
                "to": to,
                "sentAt": sent_at,
                "doneAt": done_at,
                "messageCount": message_count,
                "price": price,
                "status": status,
                "error": error,
            }
        )
        if bulk_id is not UNSET:
            field_dict["bulkId"] = bulk_id
        if sender is not UNSET:
            field_dict["sender"] = sender
        if mcc_mnc is not UNSET:
            field_dict["mccMnc"] = mcc_mnc
        if callback_data is not UNSET:
            field_dict["callbackData"] = callback_data
        if platform is not UNSET:
            field_dict["platform"] = platform
        if campaign_reference_id is not UNSET:
            field_dict["campaignReferenceId"] = campaign_reference_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        message_id = d["messageId"]

        to = d["to"]

        sent_at = d["sentAt"]

        done_at = d["doneAt"]

        message_count = d["messageCount"]

        price = SmsPrice.from_dict(d["price"])

        status = SmsStatus.from_dict(d["status"])

        error = SmsError.from_dict(d["error"])

        bulk_id = d.get("bulkId", UNSET)

        sender = d.get("sender", UNSET)

        mcc_mnc = d.get("mccMnc", UNSET)

        callback_data = d.get("callbackData", UNSET)

        _platform = d.get("platform", UNSET)
        platform: SmsPlatformV3 | Unset
        if isinstance(_platform, Unset):
            platform = UNSET
        else:
            platform = SmsPlatformV3.from_dict(_platform)

        campaign_reference_id = d.get("campaignReferenceId", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_report_v3 = cls(
            message_id,
            to,
            sent_at,
            done_at,
            message_count,
            price,
            status,
            error,
            bulk_id,
            sender,
            mcc_mnc,
            callback_data,
            platform,
            campaign_reference_id,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_report_v3.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_report_v3

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
from ..models.sms_error import SmsError
from ..models.sms_platform_v3 import SmsPlatformV3
from ..models.sms_price import SmsPrice
from ..models.sms_status import SmsStatus
