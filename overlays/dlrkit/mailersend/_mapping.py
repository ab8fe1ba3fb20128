"""MailerSend's status words and what they mean in `DeliveryStatus`."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from dlrkit._status import DeliveryStatus

__all__ = ["LIFECYCLE", "RECIPIENT_STATUSES", "STATUS_MAP", "map_status"]

#: Every documented SMS status (activity rows and per-recipient ``sms[]`` rows).
STATUS_MAP: Mapping[str, DeliveryStatus] = MappingProxyType(
    {
        "processed": DeliveryStatus.ACCEPTED,
        "queued": DeliveryStatus.QUEUED,
        "sent": DeliveryStatus.SENT,
        "delivered": DeliveryStatus.DELIVERED,
        "failed": DeliveryStatus.FAILED,
    }
)

#: A recipient's ``status`` (``active`` / ``opt_out``) says whether the number may be sent to;
#: it is not a delivery status, so recipients without ``sms[]`` give no events.
RECIPIENT_STATUSES = frozenset({"active", "opt_out"})

#: Order of statuses within one SMS's life, to break ties between events at the same instant.
LIFECYCLE: Mapping[DeliveryStatus, int] = MappingProxyType(
    {
        DeliveryStatus.ACCEPTED: 0,
        DeliveryStatus.SCHEDULED: 1,
        DeliveryStatus.QUEUED: 2,
        DeliveryStatus.SENT: 3,
        DeliveryStatus.DELIVERED: 4,
        DeliveryStatus.UNDELIVERED: 4,
        DeliveryStatus.FAILED: 4,
        DeliveryStatus.REJECTED: 4,
        DeliveryStatus.EXPIRED: 4,
        DeliveryStatus.CANCELLED: 4,
        DeliveryStatus.READ: 5,
        DeliveryStatus.UNKNOWN: 6,
    }
)


def map_status(raw: str) -> DeliveryStatus:
    """Return the `DeliveryStatus` of a MailerSend status; unknown words give ``UNKNOWN``."""
    return STATUS_MAP.get(raw.strip().lower(), DeliveryStatus.UNKNOWN)
