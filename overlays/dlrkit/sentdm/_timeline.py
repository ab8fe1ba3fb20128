"""`timeline` / `atimeline`: one message's history, oldest first."""

from __future__ import annotations

import asyncio
import uuid

from dlrkit_sentdm_api.client import AuthenticatedClient
from dlrkit_sentdm_api.models import Message, MessageActivities

from dlrkit._event import DeliveryEvent
from dlrkit.sentdm._calls import (
    aget_message_status,
    alist_message_activities,
    get_message_status,
    list_message_activities,
)
from dlrkit.sentdm._normalize import message_events, normalize_activities, recipient_of


def _ordered(message: Message, log: MessageActivities) -> list[DeliveryEvent]:
    data = message.to_dict()
    if not log.activities:  # nothing logged yet: fall back on the status events
        events = list(message_events(data))
    else:
        # sent.dm lists newest first; reversed, a stable sort keeps same-instant rows in order.
        events = normalize_activities(log, recipient=recipient_of(data))[::-1]
    return sorted(events, key=lambda event: event.occurred_at)


def timeline(
    client: AuthenticatedClient, message_id: str | uuid.UUID, *, profile_id: str | None = None
) -> list[DeliveryEvent]:
    """Return the message's activities as events, oldest first.

    Two requests: the activity log, and the message status for the recipient (activities
    do not carry it). Raises the typed errors of `get_message_status`.
    """
    message = get_message_status(client, message_id, profile_id=profile_id)
    log = list_message_activities(client, message_id, profile_id=profile_id)
    return _ordered(message, log)


async def atimeline(
    client: AuthenticatedClient, message_id: str | uuid.UUID, *, profile_id: str | None = None
) -> list[DeliveryEvent]:
    """Return the timeline, like `timeline`, with its two requests run concurrently."""
    message, log = await asyncio.gather(
        aget_message_status(client, message_id, profile_id=profile_id),
        alist_message_activities(client, message_id, profile_id=profile_id),
    )
    return _ordered(message, log)
