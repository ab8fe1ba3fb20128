"""Infobip SMS: client, the one-time delivery-report queue, normalization.

``dlrkit.normalize("infobip", body)`` gives one `dlrkit.DeliveryEvent` per report of a
``/sms/1/reports`` body or a report callback. Reading reports consumes them (Infobip
returns each only once): see `iter_delivery_reports`. `STATUS_MAP` and `GROUP_MAP` are
the status tables.
"""

from __future__ import annotations

from dlrkit.infobip._callback import parse_callback
from dlrkit.infobip._client import DEFAULT_BASE_URL, client
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
    "atimeline",
    "client",
    "iter_delivery_reports",
    "parse_callback",
    "timeline",
]
