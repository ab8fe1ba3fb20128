"""sent.dm webhooks: a Standard Webhooks check under ``X-Webhook-*`` names, then the event.

The body is read by `callback_events` (``dlrkit.sentdm._normalize``), which
``normalize("sentdm", body)`` uses too, and a message event must fit the generated
`SentDmWebhookMessageEvent`.
"""

from __future__ import annotations

from datetime import datetime

from dlrkit_sentdm_api.models import SentDmWebhookMessageEvent

from dlrkit._callbacks import (
    Body,
    HeaderSource,
    conform,
    decode_json,
    guarded,
    lower_headers,
    raw_body,
    require_secret,
)
from dlrkit._event import DeliveryEvent
from dlrkit._signatures import SCHEMES, verify_standard_webhooks
from dlrkit.sentdm._normalize import PROVIDER, _object, callback_events

__all__ = ["parse_callback"]

_ID, _TIMESTAMP, _SIGNATURE = SCHEMES[PROVIDER].headers


def parse_callback(
    body: Body,
    headers: HeaderSource = None,
    *,
    secret: str | None = None,
    tolerance: float = 300,
    now: datetime | float | None = None,
) -> list[DeliveryEvent]:
    """Verify one sent.dm webhook request and return its events (none for other families).

    ``body`` is the raw request body (verified byte for byte; a ``str`` as UTF-8),
    ``secret`` the webhook's ``whsec_…`` signing secret. ``X-Webhook-Timestamp`` must be
    within ``tolerance`` seconds of ``now`` (an aware datetime or Unix seconds; default the
    clock).

    Raises `SignatureError` (missing header, bad header, stale or future timestamp, bad
    signature) before anything is parsed, and `InvalidFieldError` naming the field for a
    malformed body.
    """
    secret = require_secret(PROVIDER, secret)
    raw = raw_body(body)
    found = lower_headers(headers)
    names = (_ID, _TIMESTAMP, _SIGNATURE)
    verify_standard_webhooks(PROVIDER, raw, found, names, secret, tolerance=tolerance, now=now)

    def read(_: object) -> list[DeliveryEvent]:
        payload = _object(decode_json(raw), "body")
        events = list(callback_events(payload))
        if events:  # other families have schemas of their own, which the spec leaves out
            conform(SentDmWebhookMessageEvent, payload)
        return events

    return guarded(PROVIDER, read, raw, [secret, secret.removeprefix("whsec_")])
