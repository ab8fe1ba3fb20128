"""Check and convert the caller's arguments before anything is sent.

Each check raises `InvalidFieldError` naming the argument and the value, so a bad filter
fails at once instead of as a 422 one page into an iteration.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from dlrkit_mailersend_api.models.known_sms_activity_status import KnownSmsActivityStatus
from dlrkit_mailersend_api.models.known_sms_recipient_status import KnownSmsRecipientStatus

from dlrkit._errors import InvalidFieldError

__all__ = [
    "MAX_LIMIT",
    "MIN_LIMIT",
    "DateLike",
    "activity_statuses",
    "check_id",
    "check_limit",
    "check_text",
    "date_range",
    "recipient_status",
]

MIN_LIMIT = 10
MAX_LIMIT = 100
_INT64_MAX = 2**63 - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)

DateLike = datetime | int


def check_limit(limit: object) -> int:
    """Return ``limit`` if it is an int from 10 to 100 (MailerSend's page-size bounds)."""
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise InvalidFieldError("limit", limit, f"must be an int from {MIN_LIMIT} to {MAX_LIMIT}")
    if not MIN_LIMIT <= limit <= MAX_LIMIT:
        raise InvalidFieldError("limit", limit, f"must be from {MIN_LIMIT} to {MAX_LIMIT}")
    return limit


def check_text(value: object, *, field: str) -> str:
    """Return ``value`` if it is a non-blank string."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidFieldError(field, value, "must be a non-empty string")
    return value


def check_id(value: object, *, field: str) -> str:
    """Return a path id: a non-blank string that is not a ``.``/``..`` path segment."""
    text = check_text(value, field=field)
    if text in {".", ".."}:
        raise InvalidFieldError(field, value, "is not an id")
    return text


def _unix_seconds(value: object, *, field: str, round_up: bool) -> int:
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise InvalidFieldError(
                field, value, "naive datetime; give it a timezone (e.g. tzinfo=UTC)"
            )
        delta = value - _EPOCH
        seconds = -(-delta // _SECOND) if round_up else delta // _SECOND
    elif isinstance(value, int) and not isinstance(value, bool):
        seconds = value
    else:
        raise InvalidFieldError(field, value, "must be an aware datetime or int Unix seconds")
    if not 0 <= seconds <= _INT64_MAX:
        raise InvalidFieldError(field, value, "must be at or after 1970-01-01T00:00:00Z")
    return seconds


def date_range(date_from: object, date_to: object) -> dict[str, int]:
    """Return ``date_from`` / ``date_to`` as Unix seconds, leaving out those that are None.

    Datetimes are widened to whole seconds (``date_from`` down, ``date_to`` up) so no event
    in the range is missed; ``date_from`` must end up below ``date_to``, as MailerSend asks.
    """
    params: dict[str, int] = {}
    if date_from is not None:
        params["date_from"] = _unix_seconds(date_from, field="date_from", round_up=False)
    if date_to is not None:
        params["date_to"] = _unix_seconds(date_to, field="date_to", round_up=True)
    if len(params) == 2 and params["date_from"] >= params["date_to"]:
        raise InvalidFieldError("date_to", date_to, f"must be later than date_from ({date_from!r})")
    return params


def activity_statuses(status: object) -> list[KnownSmsActivityStatus]:
    """Return the ``status[]`` filter: one status or an iterable of them, without repeats.

    The filter is a closed enum (the server answers 422 for a word it does not know), so an
    unknown word is refused here with an error naming it, before any request.
    """
    items: Iterable[Any] = [status] if isinstance(status, str) else _iterable(status)
    chosen: list[KnownSmsActivityStatus] = []
    for index, item in enumerate(items):
        field = f"status[{index}]"
        value = _known(check_text(item, field=field), field=field)
        if value not in chosen:
            chosen.append(value)
    if not chosen:
        raise InvalidFieldError("status", status, "give at least one status, or None for all")
    return chosen


def _iterable(status: object) -> Iterable[Any]:
    if isinstance(status, bytes | bytearray) or not isinstance(status, Iterable):
        raise InvalidFieldError("status", status, "must be a status or a list of statuses")
    return list(status)


def _known(text: str, *, field: str) -> KnownSmsActivityStatus:
    try:
        return KnownSmsActivityStatus(text)
    except ValueError:
        known = ", ".join(s.value for s in KnownSmsActivityStatus)
        raise InvalidFieldError(field, text, f"must be one of {known}") from None


def recipient_status(status: object, *, field: str = "status") -> KnownSmsRecipientStatus:
    """Return ``status`` as a `KnownSmsRecipientStatus` (``active`` or ``opt_out``)."""
    if isinstance(status, str):
        try:
            return KnownSmsRecipientStatus(status)
        except ValueError:
            pass
    valid = ", ".join(repr(known.value) for known in KnownSmsRecipientStatus)
    raise InvalidFieldError(field, status, f"must be one of {valid}")
