"""Infobip delivery-report callbacks: ``{"results": [...]}`` batches, unsigned.

Infobip's per-request ``notifyUrl`` / ``webhooks.delivery.url`` callbacks carry no signature
(a subscription can add Basic auth, mTLS or custom headers, which an app checks itself).
A body must fit the generated v1 `SmsReportsResponse` or, with v3 field names, the
generated `SmsReportsV3Response`: each push body is the pull reports' schema of its version.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from dlrkit_infobip_api.models import SmsReportsResponse, SmsReportsV3Response

from dlrkit._callbacks import Body, HeaderSource, conform, parse_unsigned
from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent
from dlrkit._readers import read_count
from dlrkit.infobip._normalize import PROVIDER, normalize_reports

__all__ = ["parse_callback"]


def _model(results: object) -> type[SmsReportsResponse | SmsReportsV3Response]:
    """Return the v3 model if the reports use v3 names (``messageCount``), else v1's."""
    first = results[0] if isinstance(results, list) and results else None
    v3 = isinstance(first, Mapping) and "messageCount" in first
    return SmsReportsV3Response if v3 else SmsReportsResponse


def _events(payload: object) -> list[DeliveryEvent]:
    if not isinstance(payload, Mapping) or "results" not in payload:
        raise InvalidFieldError("results", None, "a report callback is {'results': [...]}")
    events = list(normalize_reports(payload))
    conform(_model(payload["results"]), payload)
    # status.id is half of the documented dedupe key (messageId, status.id), which the
    # events do not carry, so nothing above reads it; the generated models do not check types.
    for index, report in enumerate(payload["results"]):
        field = f"results[{index}].status.id"
        if read_count(report["status"].get("id"), field=field) is None:
            raise InvalidFieldError(field, None, "must be an int >= 0")
    return events


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
    return parse_unsigned(PROVIDER, body, headers, secret, _events)
