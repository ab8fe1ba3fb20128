from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_message_status import KnownMessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SentDmWebhookMessagePayload")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_MESSAGE_STATUS_BY_VALUE: dict[str, KnownMessageStatus] = cast(
    "dict[str, KnownMessageStatus]", KnownMessageStatus._value2member_map_
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "message_id",
        "message_status",
        "account_id",
        "channel",
        "outbound_number",
        "inbound_number",
        "template_id",
        "template_name",
        "agent_id",
        "body",
        "reason_code",
        "reason",
        "scheduled_at",
        "schedule_reason",
        "updated_at",
    }
)


@_attrs_define
class SentDmWebhookMessagePayload:
    """The message whose status changed. No price fields, unlike the pull activities; the recipient is `outbound_number`
    (the pull API's `phone`). `message_id` is required here although SDK 0.46.0 types every field but `message_status`
    as optional: the SDK calls it stable across every event of a message, every example has it, and an event without it
    could not be correlated.

        Attributes:
            message_id (str): Message id (a UUID), stable across the lifecycle; the pull API's message id.
            message_status (KnownMessageStatus | str): Status of a message or activity. Open: values outside
                `KnownMessageStatus` (new statuses,
                or the lowercase `delivered`/`queued` of an older docs build) are accepted as plain strings.
            account_id (str | Unset): Account id (a UUID).
            channel (str | Unset): Channel actually used, after any fallback (e.g. `sms`, `whatsapp`).
            outbound_number (str | Unset): The recipient, E.164.
            inbound_number (str | Unset): The sending number, E.164 (docs example only; not in the SDK model).
            template_id (str | Unset): Present when the message used a template.
            template_name (str | Unset):
            agent_id (str | Unset):
            body (None | str | Unset): Message text; the SDK says the key is always present, possibly null.
            reason_code (str | Unset): Failure code (e.g. `DELIVERY_007`); only on failed, filtered and blocked.
            reason (str | Unset): Human-readable failure reason; only with `reason_code`.
            scheduled_at (datetime.datetime | Unset): Scheduled send time; only on scheduled and cancelled.
            schedule_reason (str | Unset): Why the message was scheduled; only on scheduled.
            updated_at (datetime.datetime | Unset): When the status was reached, UTC, second precision.
    """

    message_id: str
    message_status: KnownMessageStatus | str
    account_id: str | Unset = UNSET
    channel: str | Unset = UNSET
    outbound_number: str | Unset = UNSET
    inbound_number: str | Unset = UNSET
    template_id: str | Unset = UNSET
    template_name: str | Unset = UNSET
    agent_id: str | Unset = UNSET
    body: None | str | Unset = UNSET
    reason_code: str | Unset = UNSET
    reason: str | Unset = UNSET
    scheduled_at: datetime.datetime | Unset = UNSET
    schedule_reason: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        message_status: str
        if isinstance(self.message_status, KnownMessageStatus):
            message_status = self.message_status.value
        else:
            message_status = self.message_status

        account_id = self.account_id

        channel = self.channel

        outbound_number = self.outbound_number

        inbound_number = self.inbound_number

        template_id = self.template_id

        template_name = self.template_name

        agent_id = self.agent_id

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        reason_code = self.reason_code

        reason = self.reason

        scheduled_at: str | Unset = UNSET
        if not isinstance(self.scheduled_at, Unset):
            scheduled_at = self.scheduled_at.isoformat()

        schedule_reason = self.schedule_reason

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message_id": message_id,
                "message_status": message_status,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if channel is not UNSET:
            field_dict["channel"] = channel
        if outbound_number is not UNSET:
            field_dict["outbound_number"] = outbound_number
        if inbound_number is not UNSET:
            field_dict["inbound_number"] = inbound_number
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if template_name is not UNSET:
            field_dict["template_name"] = template_name
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if body is not UNSET:
            field_dict["body"] = body
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason is not UNSET:
            field_dict["reason"] = reason
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at
        if schedule_reason is not UNSET:
            field_dict["schedule_reason"] = schedule_reason
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        message_id = d["message_id"]

        _message_status = d["message_status"]
        message_status = (
            _KNOWN_MESSAGE_STATUS_BY_VALUE.get(_message_status, _message_status)
            if isinstance(_message_status, str)
            else _message_status
        )

        account_id = d.get("account_id", UNSET)

        channel = d.get("channel", UNSET)

        outbound_number = d.get("outbound_number", UNSET)

        inbound_number = d.get("inbound_number", UNSET)

        template_id = d.get("template_id", UNSET)

        template_name = d.get("template_name", UNSET)

        agent_id = d.get("agent_id", UNSET)

        body = d.get("body", UNSET)

        reason_code = d.get("reason_code", UNSET)

        reason = d.get("reason", UNSET)

        _scheduled_at = d.get("scheduled_at", UNSET)
        scheduled_at: datetime.datetime | Unset
        if isinstance(_scheduled_at, Unset):
            scheduled_at = UNSET
        else:
            scheduled_at = datetime.datetime.fromisoformat(_scheduled_at)

        schedule_reason = d.get("schedule_reason", UNSET)

        _updated_at = d.get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        sent_dm_webhook_message_payload = cls(
            message_id,
            message_status,
            account_id,
            channel,
            outbound_number,
            inbound_number,
            template_id,
            template_name,
            agent_id,
            body,
            reason_code,
            reason,
            scheduled_at,
            schedule_reason,
            updated_at,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            sent_dm_webhook_message_payload.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return sent_dm_webhook_message_payload

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
