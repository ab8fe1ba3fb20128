"""Single calls: one request each, returning the success model or raising a typed error.

The wrappers return the object inside MailerSend's ``{"data": ...}`` envelope.
"""

from __future__ import annotations

from dlrkit_mailersend_api.api.sms_messages import get_sms_message as _get_message
from dlrkit_mailersend_api.api.sms_recipients import get_sms_recipient as _get_recipient
from dlrkit_mailersend_api.api.sms_recipients import update_sms_recipient as _update_recipient
from dlrkit_mailersend_api.client import AuthenticatedClient
from dlrkit_mailersend_api.models.known_sms_recipient_status import KnownSmsRecipientStatus
from dlrkit_mailersend_api.models.sms_message import SmsMessage
from dlrkit_mailersend_api.models.sms_message_response import SmsMessageResponse
from dlrkit_mailersend_api.models.sms_recipient import SmsRecipient
from dlrkit_mailersend_api.models.sms_recipient_detail import SmsRecipientDetail
from dlrkit_mailersend_api.models.sms_recipient_response import SmsRecipientResponse
from dlrkit_mailersend_api.models.sms_recipient_update import SmsRecipientUpdate
from dlrkit_mailersend_api.models.sms_recipient_update_response import (
    SmsRecipientUpdateResponse,
)

from dlrkit.mailersend._errors import CALLER
from dlrkit.mailersend._params import check_id, recipient_status

__all__ = [
    "aget_sms_message",
    "aget_sms_recipient",
    "aupdate_sms_recipient",
    "get_sms_message",
    "get_sms_recipient",
    "update_sms_recipient",
]


def get_sms_message(client: AuthenticatedClient, sms_message_id: str) -> SmsMessage:
    """Return one SMS message with its per-recipient ``sms`` and its ``sms_activity``.

    Raises `NotFoundError` for an unknown id and the other typed errors of `dlrkit`.
    """
    message_id = check_id(sms_message_id, field="sms_message_id")
    body = CALLER.call(_get_message.sync_detailed, SmsMessageResponse, message_id, client=client)
    return body.data


async def aget_sms_message(client: AuthenticatedClient, sms_message_id: str) -> SmsMessage:
    """Do what `get_sms_message` does, asynchronously."""
    message_id = check_id(sms_message_id, field="sms_message_id")
    body = await CALLER.acall(
        _get_message.asyncio_detailed, SmsMessageResponse, message_id, client=client
    )
    return body.data


def get_sms_recipient(client: AuthenticatedClient, sms_recipient_id: str) -> SmsRecipientDetail:
    """Return one recipient with the SMS sent to it; `NotFoundError` for an unknown id."""
    recipient_id = check_id(sms_recipient_id, field="sms_recipient_id")
    body = CALLER.call(
        _get_recipient.sync_detailed, SmsRecipientResponse, recipient_id, client=client
    )
    return body.data


async def aget_sms_recipient(
    client: AuthenticatedClient, sms_recipient_id: str
) -> SmsRecipientDetail:
    """Do what `get_sms_recipient` does, asynchronously."""
    recipient_id = check_id(sms_recipient_id, field="sms_recipient_id")
    body = await CALLER.acall(
        _get_recipient.asyncio_detailed, SmsRecipientResponse, recipient_id, client=client
    )
    return body.data


def update_sms_recipient(
    client: AuthenticatedClient, sms_recipient_id: str, status: KnownSmsRecipientStatus | str
) -> SmsRecipient:
    """Set a recipient's status to ``"active"`` or ``"opt_out"``; return the updated recipient.

    A PUT sets the same state however often it runs, so it is retried on 429/5xx like a GET.
    ``status`` other than those two raises `InvalidFieldError` before anything is sent.
    """
    recipient_id = check_id(sms_recipient_id, field="sms_recipient_id")
    body = SmsRecipientUpdate(status=recipient_status(status))
    response = CALLER.call(
        _update_recipient.sync_detailed,
        SmsRecipientUpdateResponse,
        recipient_id,
        client=client,
        body=body,
    )
    return response.data


async def aupdate_sms_recipient(
    client: AuthenticatedClient, sms_recipient_id: str, status: KnownSmsRecipientStatus | str
) -> SmsRecipient:
    """Do what `update_sms_recipient` does, asynchronously."""
    recipient_id = check_id(sms_recipient_id, field="sms_recipient_id")
    body = SmsRecipientUpdate(status=recipient_status(status))
    response = await CALLER.acall(
        _update_recipient.asyncio_detailed,
        SmsRecipientUpdateResponse,
        recipient_id,
        client=client,
        body=body,
    )
    return response.data
