"""Routee: OAuth2 client, SMS tracking iterators, typed errors and delivery-status mapping.

::

    from datetime import UTC, datetime, timedelta
    from dlrkit import routee

    c = routee.client("my-app-id", "my-app-secret")
    now = datetime.now(UTC)
    for sms in routee.iter_sms_tracking(c, date_start=now - timedelta(days=1), date_end=now):
        print(sms.message_id, sms.status.status)

Importing this package registers the ``"routee"`` normalizer with `dlrkit.normalize`.
"""

from __future__ import annotations

from dlrkit.routee._auth import RouteeAuth
from dlrkit.routee._callback import parse_callback
from dlrkit.routee._client import client
from dlrkit.routee._mapping import DETAILED_STATUS_MAP, STATUS_MAP, map_status
from dlrkit.routee._normalize import normalize_payload
from dlrkit.routee._pages import (
    aiter_campaign_tracking,
    aiter_sms_tracking,
    iter_campaign_tracking,
    iter_sms_tracking,
)
from dlrkit.routee._params import Filter
from dlrkit.routee._tracking import aget_sms_tracking, atimeline, get_sms_tracking, timeline

__all__ = [
    "DETAILED_STATUS_MAP",
    "STATUS_MAP",
    "Filter",
    "RouteeAuth",
    "aget_sms_tracking",
    "aiter_campaign_tracking",
    "aiter_sms_tracking",
    "atimeline",
    "client",
    "get_sms_tracking",
    "iter_campaign_tracking",
    "iter_sms_tracking",
    "map_status",
    "normalize_payload",
    "parse_callback",
    "timeline",
]
