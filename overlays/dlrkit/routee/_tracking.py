"""One message's tracking: `get_sms_tracking` (its parts) and `timeline` (its events)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from dlrkit_routee_api.api.tracking import get_sms_tracking as _get
from dlrkit_routee_api.client import AuthenticatedClient
from dlrkit_routee_api.models import SmsPartTracking

from dlrkit._event import DeliveryEvent
from dlrkit.routee._errors import acall, call
from dlrkit.routee._normalize import events_from_item
from dlrkit.routee._params import check_id

__all__ = ["aget_sms_tracking", "atimeline", "get_sms_tracking", "timeline"]


def get_sms_tracking(client: AuthenticatedClient, message_id: str) -> list[SmsPartTracking]:
    """Return the tracking of every part of one message (``GET /sms/tracking/single/{id}``).

    Raises `NotFoundError` (code ``404005000``) for an unknown message id.
    """
    parts = call(_get.sync_detailed, list, check_id("message_id", message_id), client=client)
    return cast(list[SmsPartTracking], parts)


async def aget_sms_tracking(client: AuthenticatedClient, message_id: str) -> list[SmsPartTracking]:
    """Return the parts like `get_sms_tracking`, for async code."""
    message_id = check_id("message_id", message_id)
    parts = await acall(_get.asyncio_detailed, list, message_id, client=client)
    return cast(list[SmsPartTracking], parts)


def timeline(client: AuthenticatedClient, message_id: str) -> list[DeliveryEvent]:
    """Return one message's events, one per part, oldest first (ties keep part order)."""
    return _ordered(get_sms_tracking(client, message_id))


async def atimeline(client: AuthenticatedClient, message_id: str) -> list[DeliveryEvent]:
    """Return the events like `timeline`, for async code."""
    return _ordered(await aget_sms_tracking(client, message_id))


def _ordered(parts: Sequence[SmsPartTracking]) -> list[DeliveryEvent]:
    events = [events_from_item(part.to_dict(), f"[{i}]") for i, part in enumerate(parts)]
    return sorted(events, key=lambda event: event.occurred_at)
