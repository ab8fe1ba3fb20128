"""MailerSend SMS: client, iterators, single calls, errors, status mapping and timelines.

::

    from dlrkit import mailersend

    c = mailersend.client("mlsn.…")
    for row in mailersend.iter_sms_activity(c, status=["failed"], date_from=since):
        ...
    events = mailersend.timeline(c, row.sms_message_id)
    events = mailersend.parse_callback(request_body, request_headers, secret="…")

Importing this module registers its normalizer: ``dlrkit.normalize("mailersend", body)``.
"""

from __future__ import annotations

from dlrkit.mailersend._callback import TEST_SECRET, parse_callback
from dlrkit.mailersend._calls import (
    aget_sms_message,
    aget_sms_recipient,
    aupdate_sms_recipient,
    get_sms_message,
    get_sms_recipient,
    update_sms_recipient,
)
from dlrkit.mailersend._client import DEFAULT_BASE_URL, client
from dlrkit.mailersend._errors import ApiQuota, api_quota
from dlrkit.mailersend._mapping import RECIPIENT_STATUSES, STATUS_MAP, map_status
from dlrkit.mailersend._normalize import normalize_payload
from dlrkit.mailersend._pages import (
    aiter_sms_activity,
    aiter_sms_messages,
    aiter_sms_recipients,
    aiter_sms_webhooks,
    iter_sms_activity,
    iter_sms_messages,
    iter_sms_recipients,
    iter_sms_webhooks,
)
from dlrkit.mailersend._timeline import atimeline, in_time_order, timeline

__all__ = [
    "DEFAULT_BASE_URL",
    "RECIPIENT_STATUSES",
    "STATUS_MAP",
    "TEST_SECRET",
    "ApiQuota",
    "aget_sms_message",
    "aget_sms_recipient",
    "aiter_sms_activity",
    "aiter_sms_messages",
    "aiter_sms_recipients",
    "aiter_sms_webhooks",
    "api_quota",
    "atimeline",
    "aupdate_sms_recipient",
    "client",
    "get_sms_message",
    "get_sms_recipient",
    "in_time_order",
    "iter_sms_activity",
    "iter_sms_messages",
    "iter_sms_recipients",
    "iter_sms_webhooks",
    "map_status",
    "normalize_payload",
    "parse_callback",
    "timeline",
    "update_sms_recipient",
]
