"""MailerSend's error body, the provider's `Caller`, and the quota headers.

Error bodies are Laravel's: ``{"message": "...", "errors": {field: [message, ...]}}`` for a
422 and ``{"message": "..."}`` otherwise (404 pretty-printed). A message may end in a
MailerSend code (``"... #MS42209"``), kept as `APIStatusError.code`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

import attrs
import httpx

from dlrkit._call import Caller, ErrorBody, coerce_details
from dlrkit._errors import APIStatusError, TimestampError
from dlrkit._retry_after import retry_after_seconds
from dlrkit._timestamps import parse_timestamp

__all__ = ["CALLER", "ApiQuota", "api_quota", "parse_error"]

_CODE = re.compile(r"#(MS[0-9]+)\s*$", re.ASCII)
_INT = re.compile(r"-?[0-9]{1,18}", re.ASCII)


def parse_error(response: httpx.Response) -> ErrorBody:
    """Read ``{"message", "errors"}``; the code is a trailing ``#MS<digits>`` of ``message``."""
    body = response.json()
    if not isinstance(body, Mapping):
        raise TypeError("error body is not a JSON object")  # Caller falls back to its default
    message = str(body.get("message") or "")
    code = _CODE.search(message)
    return ErrorBody(
        message=message,
        code=code.group(1) if code else None,
        details=coerce_details(body.get("errors")),
        request_id=response.headers.get("x-request-id"),
    )


CALLER = Caller("mailersend", parse_error)


@attrs.frozen
class ApiQuota:
    """What a response's quota headers say; ``None`` where a header is absent or unreadable.

    ``remaining`` / ``reset``: the daily API request quota (``x-apiquota-remaining``, ``-1``
    means unlimited; ``x-apiquota-reset``, aware UTC). ``rate_limit`` /
    ``rate_limit_remaining``: the per-minute limit a 429 reports (``X-RateLimit-*``).
    ``retry_after``: seconds to wait, from ``Retry-After``.
    """

    remaining: int | None = None
    reset: datetime | None = None
    rate_limit: int | None = None
    rate_limit_remaining: int | None = None
    retry_after: float | None = None

    @property
    def unlimited(self) -> bool:
        """Whether the daily quota is unlimited (``x-apiquota-remaining: -1``)."""
        return self.remaining == -1


def api_quota(source: APIStatusError | httpx.Response | Mapping[str, str]) -> ApiQuota:
    """Return the quota headers of an error's response, a response, or a header mapping.

    Never raises on odd header values: a value that does not parse is ``None``, since this
    runs while handling another error. MailerSend sends no quota headers on a 404.
    """
    if isinstance(source, APIStatusError):
        if source.response is None:
            return ApiQuota()
        source = source.response
    headers = httpx.Headers(source.headers if isinstance(source, httpx.Response) else source)
    return ApiQuota(
        remaining=_int(headers.get("x-apiquota-remaining")),
        reset=_time(headers.get("x-apiquota-reset")),
        rate_limit=_int(headers.get("x-ratelimit-limit")),
        rate_limit_remaining=_int(headers.get("x-ratelimit-remaining")),
        retry_after=retry_after_seconds(headers),
    )


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and _INT.fullmatch(value.strip()) else None


def _time(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_timestamp(value, field="x-apiquota-reset")
    except TimestampError:
        return None
