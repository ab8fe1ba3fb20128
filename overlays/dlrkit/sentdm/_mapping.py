"""sent.dm message and activity statuses -> `DeliveryStatus`."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from dlrkit._status import DeliveryStatus

#: Every documented sent.dm status (upper case; lookups fold case, so ``"delivered"`` matches).
STATUS_MAP: Mapping[str, DeliveryStatus] = MappingProxyType(
    {
        "QUEUED": DeliveryStatus.QUEUED,
        "ACCEPTED": DeliveryStatus.ACCEPTED,  # older docs' first status
        "PROCESSED": DeliveryStatus.QUEUED,  # checked and priced, waiting to be routed
        "ROUTED": DeliveryStatus.QUEUED,  # carrier chosen, not yet handed over
        "SCHEDULED": DeliveryStatus.SCHEDULED,
        "SENT": DeliveryStatus.SENT,
        "DELIVERED": DeliveryStatus.DELIVERED,
        "READ": DeliveryStatus.READ,  # WhatsApp and RCS only
        "FAILED": DeliveryStatus.FAILED,
        "FILTERED": DeliveryStatus.REJECTED,  # refused by content policy before sending
        "BLOCKED": DeliveryStatus.REJECTED,  # refused by consent or account policy
        "CANCELLED": DeliveryStatus.CANCELLED,
        # Inbound and terminal: the message reached its recipient (the sent.dm number).
        "RECEIVED": DeliveryStatus.DELIVERED,
    }
)


def map_status(raw: str) -> DeliveryStatus:
    """Return the `DeliveryStatus` of a sent.dm status in any case; `UNKNOWN` if unknown."""
    return STATUS_MAP.get(raw.strip().upper(), DeliveryStatus.UNKNOWN)
