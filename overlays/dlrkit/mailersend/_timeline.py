"""`timeline`: one message's delivery events in the order they happened."""

from __future__ import annotations

from collections.abc import Iterable

from dlrkit_mailersend_api.client import AuthenticatedClient

from dlrkit._event import DeliveryEvent
from dlrkit.mailersend._calls import aget_sms_message, get_sms_message
from dlrkit.mailersend._mapping import LIFECYCLE
from dlrkit.mailersend._normalize import normalize_payload

__all__ = ["atimeline", "in_time_order", "timeline"]


def in_time_order(events: Iterable[DeliveryEvent]) -> list[DeliveryEvent]:
    """Return ``events`` sorted by time; at the same instant, by lifecycle (processed first).

    The sort is stable, so events equal in both keep their given order. MailerSend lists a
    message's activity in no particular order (its docs' example is unsorted).
    """
    return sorted(events, key=lambda event: (event.occurred_at, LIFECYCLE[event.status]))


def timeline(client: AuthenticatedClient, message_id: str) -> list[DeliveryEvent]:
    """Return the events of SMS message ``message_id`` (``GET /sms-messages/{id}``), in order.

    Covers every recipient of the message; filter on ``event.recipient`` for one.
    """
    return in_time_order(normalize_payload(get_sms_message(client, message_id)))


async def atimeline(client: AuthenticatedClient, message_id: str) -> list[DeliveryEvent]:
    """Do what `timeline` does, asynchronously."""
    return in_time_order(normalize_payload(await aget_sms_message(client, message_id)))
