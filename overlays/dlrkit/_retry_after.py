"""Read the ``Retry-After`` response header."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)


def retry_after_seconds(
    headers: Mapping[str, str] | httpx.Headers, *, now: datetime | None = None
) -> float | None:
    """Return the wait ``Retry-After`` asks for, in seconds; ``None`` if absent or unreadable.

    Accepts delay-seconds (``"120"``, also ``"1.5"``) and an HTTP date; a date in the past
    means no wait (0.0). ``now`` (aware) replaces the clock, for tests.
    """
    value = httpx.Headers(headers).get("retry-after", "").strip()
    if not value:
        return None
    if _SECONDS.fullmatch(value):
        seconds = float(value)
        return seconds if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
