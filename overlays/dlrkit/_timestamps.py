"""Parse the providers' timestamps into aware UTC datetimes.

Accepted (ISO 8601 with a UTC offset; ``T``, ``t`` or a space between date and time)::

    2022-02-21T08:15:46.627000Z          MailerSend: 6 fraction digits, Z
    2026-03-11T21:25:50.1716529+00:00    sent.dm: 1-7 fraction digits (more than 6 are cut)
    2019-11-09T16:00:00.000+0000         Infobip: offset without a colon, also +0100
    2016-08-19T15:00Z                    Routee: minute precision

A timestamp without an offset is rejected rather than guessed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from dlrkit._errors import TimestampError

_PATTERN = re.compile(
    r"""
    (?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})
    [Tt\ ]
    (?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})
    (?::(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?
    (?P<offset>[Zz]|(?P<sign>[+-])(?P<off_h>[0-9]{2})(?::?(?P<off_m>[0-9]{2}))?)
    """,
    re.VERBOSE | re.ASCII,
)
_EXPECTED = "expected ISO 8601 with a UTC offset, like 2022-02-21T08:15:46.627000Z"


def parse_timestamp(value: object, *, field: str) -> datetime:
    """Return ``value`` as an aware UTC datetime; raise `TimestampError` naming ``field``.

    ``value`` is a string in one of the module's formats or an aware datetime (converted to
    UTC). Anything else, including naive datetimes, raises `TimestampError`, never another
    exception.
    """
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise TimestampError(field, value, "naive datetime; give it a timezone")
        return _to_utc(value, field, value)
    if not isinstance(value, str):
        raise TimestampError(field, value, f"not a string; {_EXPECTED}")
    match = _PATTERN.fullmatch(value.strip())
    if match is None:
        raise TimestampError(field, value, f"not a timestamp; {_EXPECTED}")
    parts = match.groupdict()
    # Python keeps microseconds: pad short fractions, cut 7th+ digits (100 ns ticks).
    micro = int((parts["fraction"] or "").ljust(6, "0")[:6])
    try:
        offset = UTC
        if parts["sign"]:
            if int(parts["off_m"] or 0) > 59:
                raise ValueError("offset minutes above 59")
            delta = timedelta(hours=int(parts["off_h"]), minutes=int(parts["off_m"] or 0))
            offset = timezone(-delta if parts["sign"] == "-" else delta)
        parsed = datetime(
            int(parts["year"]),
            int(parts["month"]),
            int(parts["day"]),
            int(parts["hour"]),
            int(parts["minute"]),
            int(parts["second"] or 0),
            micro,
            tzinfo=offset,
        )
    except ValueError as exc:
        raise TimestampError(field, value, f"impossible date or time ({exc})") from None
    return _to_utc(parsed, field, value)


def _to_utc(value: datetime, field: str, original: object) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise TimestampError(field, original, "out of range once converted to UTC") from None


def format_timestamp(value: datetime) -> str:
    """Return an aware ``value`` as ISO 8601 in UTC with microseconds and ``Z``."""
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
