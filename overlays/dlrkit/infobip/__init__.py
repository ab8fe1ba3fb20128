"""Infobip SMS: client, message logs, the one-time delivery-report queue, normalization.

Track with logs: `iter_logs` pages through ``/sms/3/logs`` with Infobip's cursor and
`timeline` reads a message's logs; neither consumes anything (48-hour retention).
Reading reports consumes them (Infobip returns each only once): see
`iter_delivery_reports` (``version=1`` or ``3``). ``dlrkit.normalize("infobip", body)``
gives one `dlrkit.DeliveryEvent` per row of a reports, logs or callback body, v1 or v3.
`STATUS_MAP` and `GROUP_MAP` are the status tables.
"""

from __future__ import annotations

from dlrkit.infobip._callback import parse_callback
from dlrkit.infobip._client import DEFAULT_BASE_URL, client
from dlrkit.infobip._logs import aiter_logs, iter_logs
from dlrkit.infobip._mapping import ERROR_GROUPS, GROUP_MAP, STATUS_GROUPS, STATUS_MAP, STATUS_TABLE
from dlrkit.infobip._pages import MAX_LIMIT, aiter_delivery_reports, iter_delivery_reports
from dlrkit.infobip._timeline import atimeline, timeline

__all__ = [
    "DEFAULT_BASE_URL",
    "ERROR_GROUPS",
    "GROUP_MAP",
    "MAX_LIMIT",
    "STATUS_GROUPS",
    "STATUS_MAP",
    "STATUS_TABLE",
    "aiter_delivery_reports",
    "aiter_logs",
    "atimeline",
    "client",
    "iter_delivery_reports",
    "iter_logs",
    "parse_callback",
    "timeline",
]
