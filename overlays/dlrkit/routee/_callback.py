"""Routee SMS callbacks: one body per SMS part, unsigned.

Routee signs nothing; its docs suggest allow-listing the addresses behind
``callbacksallow.routee.net``. A campaign-progress callback (``campaignCallback``) carries
counts, not a message's status, and gives no events. Bodies must fit the generated
`RouteeSmsCallback` / `RouteeCampaignCallback`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from dlrkit_routee_api.models import RouteeCampaignCallback, RouteeSmsCallback

from dlrkit._callbacks import Body, HeaderSource, conform, parse_unsigned
from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent
from dlrkit._readers import require_text
from dlrkit.routee._errors import PROVIDER
from dlrkit.routee._normalize import normalize_payload

__all__ = ["parse_callback"]


def _events(payload: object) -> list[DeliveryEvent]:
    if not isinstance(payload, Mapping):
        raise InvalidFieldError("body", type(payload).__name__, "expected a JSON object")
    # An SMS callback requires messageId, a campaign callback only trackingId: every other
    # campaign field (campaignStatus too) is optional, so the body's kind is read from these.
    if "messageId" not in payload and "trackingId" in payload:
        require_text(payload["trackingId"], field="trackingId")
        conform(RouteeCampaignCallback, payload)
        return []
    events = list(normalize_payload(payload))
    conform(RouteeSmsCallback, payload)
    return events


def parse_callback(
    body: Body,
    headers: HeaderSource = None,
    *,
    secret: str | None = None,
    tolerance: float = 300,
    now: datetime | float | None = None,
) -> list[DeliveryEvent]:
    """Return the event of one Routee SMS callback (one SMS part); none for a campaign's.

    ``body`` is the raw request body; ``headers``, ``tolerance`` and ``now`` are accepted
    for the common signature and not checked: Routee signs nothing, so passing ``secret``
    is an error rather than a check silently skipped. A malformed body raises
    `InvalidFieldError` naming the field.
    """
    return parse_unsigned(PROVIDER, body, headers, secret, _events)
