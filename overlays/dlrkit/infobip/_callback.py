"""Infobip delivery-report callbacks: ``{"results": [...]}`` batches, unsigned.

Infobip's per-request ``notifyUrl`` / ``webhooks.delivery.url`` callbacks carry no signature
(a subscription can add Basic auth, mTLS or custom headers, which an app checks itself).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime

from dlrkit._callbacks import (
    Body,
    HeaderSource,
    decode_json,
    guarded,
    lower_headers,
    raw_body,
    reject_secret,
)
from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent
from dlrkit.infobip._normalize import PROVIDER, normalize_reports

__all__ = ["parse_callback"]


def parse_callback(
    body: Body,
    headers: HeaderSource = None,
    *,
    secret: str | None = None,
    tolerance: float = 300,
    now: datetime | float | None = None,
) -> list[DeliveryEvent]:
    """Return one event per report of an Infobip report callback (N results, N events).

    ``body`` is the raw request body; ``headers``, ``tolerance`` and ``now`` are accepted
    for the common signature and not checked: Infobip signs nothing, so passing ``secret``
    is an error rather than a check silently skipped. A malformed body raises
    `InvalidFieldError` naming the field.
    """
    reject_secret(PROVIDER, secret)
    raw = raw_body(body)
    lower_headers(headers)

    def read(_: object) -> Iterator[DeliveryEvent]:
        payload = decode_json(raw)
        if not isinstance(payload, Mapping) or "results" not in payload:
            raise InvalidFieldError("results", None, "a report callback is {'results': [...]}")
        return normalize_reports(payload)

    return guarded(PROVIDER, read, raw)
