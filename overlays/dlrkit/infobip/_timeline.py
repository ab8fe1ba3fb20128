"""`timeline` / `atimeline`: what Infobip knows about one message, oldest first.

By default the timeline reads the message logs (``GET /sms/3/logs``), which are not
consumed: look as often as you like, within Infobip's 48-hour retention. A log row holds the
message's current status, so the timeline has one event per row. ``source="reports"`` reads
the one-time report queue instead, as dlrkit did before logs: that consumes what it reads.
"""

from __future__ import annotations

from typing import Literal

from dlrkit_infobip_api.client import AuthenticatedClient

from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent
from dlrkit.infobip._logs import aiter_logs, iter_logs
from dlrkit.infobip._normalize import report_event
from dlrkit.infobip._pages import aiter_delivery_reports, iter_delivery_reports

Source = Literal["logs", "reports"]


def _check(message_id: object, source: object) -> None:
    if not isinstance(message_id, str) or not message_id:
        raise InvalidFieldError("message_id", message_id, "must be a non-empty string")
    if source not in ("logs", "reports"):
        raise InvalidFieldError("source", source, "must be 'logs' or 'reports'")


def timeline(
    client: AuthenticatedClient, message_id: str, *, source: Source = "logs"
) -> list[DeliveryEvent]:
    """Return the message's events, oldest first.

    ``source="logs"`` (the default) reads ``/sms/3/logs`` and consumes nothing: the same
    call gives the same answer until the message leaves the 48-hour retention window (then
    an empty list). ``source="reports"`` drains the message's pending delivery reports from
    ``/sms/1/reports``: WARNING, that consumes them, so a report read there (or by any
    earlier read of the queue) is not returned again and an empty list can mean "already
    read". Bad arguments raise `InvalidFieldError` before any request.
    """
    _check(message_id, source)
    if source == "reports":
        reports = iter_delivery_reports(client, message_id=message_id)
        events = [report_event(report.to_dict()) for report in reports]
    else:
        logs = iter_logs(client, message_id=message_id)
        events = [report_event(row.to_dict()) for row in logs]
    return sorted(events, key=lambda event: event.occurred_at)


async def atimeline(
    client: AuthenticatedClient, message_id: str, *, source: Source = "logs"
) -> list[DeliveryEvent]:
    """Return the timeline, like `timeline` (same ``source`` semantics), asynchronously."""
    _check(message_id, source)
    if source == "reports":
        reports = aiter_delivery_reports(client, message_id=message_id)
        events = [report_event(report.to_dict()) async for report in reports]
    else:
        logs = aiter_logs(client, message_id=message_id)
        events = [report_event(row.to_dict()) async for row in logs]
    return sorted(events, key=lambda event: event.occurred_at)
