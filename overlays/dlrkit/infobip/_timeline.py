"""`timeline` / `atimeline`: the reports of one message, oldest first. Reading consumes them."""

from __future__ import annotations

from dlrkit_infobip_api.client import AuthenticatedClient

from dlrkit._event import DeliveryEvent
from dlrkit.infobip._normalize import report_event
from dlrkit.infobip._pages import aiter_delivery_reports, iter_delivery_reports


def timeline(client: AuthenticatedClient, message_id: str) -> list[DeliveryEvent]:
    """Return the message's pending delivery reports as events, oldest first.

    WARNING: this consumes them. Infobip hands each report out only once, so a report read
    here (or by any earlier read of ``/sms/1/reports``) is not returned again: an empty list
    can mean "already read", not "no report". Usually a message has one final report.
    """
    reports = iter_delivery_reports(client, message_id=message_id)
    events = [report_event(report.to_dict()) for report in reports]
    return sorted(events, key=lambda event: event.occurred_at)


async def atimeline(client: AuthenticatedClient, message_id: str) -> list[DeliveryEvent]:
    """Return the timeline, like `timeline` (and consuming the same way), asynchronously."""
    reports = aiter_delivery_reports(client, message_id=message_id)
    events = [report_event(report.to_dict()) async for report in reports]
    return sorted(events, key=lambda event: event.occurred_at)
