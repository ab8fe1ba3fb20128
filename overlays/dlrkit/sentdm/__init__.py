"""sent.dm v3: client, contact pages, message status and activities, normalization.

``dlrkit.normalize("sentdm", message_status)`` gives one `dlrkit.DeliveryEvent` per status
event; activity logs, which do not name the recipient, go through `normalize_activities`.
`STATUS_MAP` is the status table. `parse_callback` verifies and reads a webhook request.
"""

from __future__ import annotations

from dlrkit.sentdm._callback import parse_callback
from dlrkit.sentdm._calls import (
    aget_message_status,
    alist_message_activities,
    get_message_status,
    list_message_activities,
)
from dlrkit.sentdm._client import DEFAULT_BASE_URL, client
from dlrkit.sentdm._mapping import STATUS_MAP
from dlrkit.sentdm._normalize import normalize_activities
from dlrkit.sentdm._pages import aiter_contacts, iter_contacts
from dlrkit.sentdm._timeline import atimeline, timeline

__all__ = [
    "DEFAULT_BASE_URL",
    "STATUS_MAP",
    "aget_message_status",
    "aiter_contacts",
    "alist_message_activities",
    "atimeline",
    "client",
    "get_message_status",
    "iter_contacts",
    "list_message_activities",
    "normalize_activities",
    "parse_callback",
    "timeline",
]
