from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsLogV3")

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "destination",
        "messageId",
        "sentAt",
        "messageCount",
        "price",
        "status",
        "error",
        "sender",
        "bulkId",
        "doneAt",
        "platform",
        "content",
        "campaignReferenceId",
        "mccMnc",
    }
)


@_attrs_define
class SmsLogV3:
    """One message log, v3 names (`destination`, `sender`, `messageCount`, `platform`, `content`). No `callbackData`.

    Attributes:
        destination (str): Destination address (without a leading `+`).
        message_id (str):
        sent_at (str): Infobip timestamp `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, e.g. `2019-11-09T16:00:00.000+0000` (offset
            without a colon: not RFC 3339). Also accepts other fraction lengths and `+hh:mm`/`Z` offsets.
        message_count (int): Number of messages the content was split into.
        price (SmsPrice): Price of the sent message.
        status (SmsStatus): Message status. Infobip adds statuses over time, so `groupName` and `name` accept any
            string; known values are listed on the properties.
        error (SmsError): Delivery error; `id` 0 / `NO_ERROR` when there was none.
        sender (str | Unset): Sender ID. Absent from Infobip's own example row.
        bulk_id (str | Unset):
        done_at (str | Unset): Infobip timestamp `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, e.g. `2019-11-09T16:00:00.000+0000`
            (offset without a colon: not RFC 3339). Also accepts other fraction lengths and `+hh:mm`/`Z` offsets.
        platform (SmsPlatformV3 | Unset): The Infobip platform entity and application the message was sent with.
        content (SmsLogV3BinaryContent | SmsLogV3TextContent | Unset): The message content, text or binary.
        campaign_reference_id (str | Unset):
        mcc_mnc (str | Unset): Mobile country and network codes, e.g. `22801` (free text; see `SmsLogV1`).
    """

    destination: str
    message_id: str
    sent_at: str
    message_count: int
    price: SmsPrice
    status: SmsStatus
    error: SmsError
    sender: str | Unset = UNSET
    bulk_id: str | Unset = UNSET
    done_at: str | Unset = UNSET
    platform: SmsPlatformV3 | Unset = UNSET
    content: SmsLogV3BinaryContent | SmsLogV3TextContent | Unset = UNSET
    campaign_reference_id: str | Unset = UNSET
    mcc_mnc: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        destination = self.destination

        message_id = self.message_id

        sent_at = self.sent_at

        message_count = self.message_count

        price = self.price.to_dict()

        status = self.status.to_dict()

        error = self.error.to_dict()

        sender = self.sender

        bulk_id = self.bulk_id

        done_at = self.done_at

        platform: dict[str, Any] | Unset = UNSET
        if not isinstance(self.platform, Unset):
            platform = self.platform.to_dict()

        content: dict[str, Any] | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, SmsLogV3TextContent):
            content = self.content.to_dict()
        else:
            content = self.content.to_dict()

        campaign_reference_id = self.campaign_reference_id

        mcc_mnc = self.mcc_mnc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "destination": destination,
                "messageId": message_id,
                "sentAt": sent_at,
                "messageCount": message_count,
                "price": price,
                "status": status,
                "error": error,
            }
        )
        if sender is not UNSET:
            field_dict["sender"] = sender
        if bulk_id is not UNSET:
            field_dict["bulkId"] = bulk_id
        if done_at is not UNSET:
            field_dict["doneAt"] = done_at
        if platform is not UNSET:
            field_dict["platform"] = platform
        if content is not UNSET:
            field_dict["content"] = content
        if campaign_reference_id is not UNSET:
            field_dict["campaignReferenceId"] = campaign_reference_id
        if mcc_mnc is not UNSET:
            field_dict["mccMnc"] = mcc_mnc

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        destination = d["destination"]

        message_id = d["messageId"]

        sent_at = d["sentAt"]

        message_count = d["messageCount"]

        price = SmsPrice.from_dict(d["price"])

        status = SmsStatus.from_dict(d["status"])

        error = SmsError.from_dict(d["error"])

        sender = d.get("sender", UNSET)

        bulk_id = d.get("bulkId", UNSET)

        done_at = d.get("doneAt", UNSET)

        _platform = d.get("platform", UNSET)
        platform: SmsPlatformV3 | Unset
        if isinstance(_platform, Unset):
            platform = UNSET
        else:
            platform = SmsPlatformV3.from_dict(_platform)

        def _parse_content(
            data: object,
        ) -> SmsLogV3BinaryContent | SmsLogV3TextContent | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                content_type_0 = SmsLogV3TextContent.from_dict(data)

                return content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            content_type_1 = SmsLogV3BinaryContent.from_dict(data)

            return content_type_1

        content = _parse_content(d.get("content", UNSET))

        campaign_reference_id = d.get("campaignReferenceId", UNSET)

        mcc_mnc = d.get("mccMnc", UNSET)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sms_log_v3 = cls(
            destination,
            message_id,
            sent_at,
            message_count,
            price,
            status,
            error,
            sender,
            bulk_id,
            done_at,
            platform,
            content,
            campaign_reference_id,
            mcc_mnc,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sms_log_v3.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sms_log_v3

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
from ..models.sms_log_v3_binary_content import SmsLogV3BinaryContent
from ..models.sms_log_v3_text_content import SmsLogV3TextContent
from ..models.sms_platform_v3 import SmsPlatformV3
from ..models.sms_price import SmsPrice
from ..models.sms_status import SmsStatus
