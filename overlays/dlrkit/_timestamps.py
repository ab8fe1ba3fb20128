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
from datetime import UTC, datetime

from dlrkit._errors import TimestampError

# The accepted shape, checked before `datetime.fromisoformat` reads the value: fromisoformat
# also takes basic-format dates, week dates, any separator character, offsets with seconds,
# "+01:75" (as 2:15) and fractions of any length, none of which a provider sends. The one
# group is the offset's minutes, which fromisoformat would carry into the hours.
_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?"
    r"(?:[Zz]|[+-][0-9]{2}(?::?([0-9]{2}))?)",
    re.ASCII,
)
_EXPECTED = "expected ISO 8601 with a UTC offset, like 2022-02-21T08:15:46.627000Z"
# The common case, what MailerSend and sent.dm send: a subset of _SHAPE with nothing to
# strip, upper-case T and Z, seconds and a UTC offset. For it the full path below comes down
# to `datetime.fromisoformat(value)`, which returns the UTC singleton; this pattern has no
# alternation before the offset or capture group, so it matches in two thirds of the time.
_PLAIN_UTC = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|\+00:00)",
    re.ASCII,
)


def parse_timestamp(value: object, *, field: str) -> datetime:
    """Return ``value`` as an aware UTC datetime; raise `TimestampError` naming ``field``.

    ``value`` is a string in one of the module's formats or an aware datetime (converted to
    UTC). Anything else, including naive datetimes, raises `TimestampError`, never another
    exception. Fractions past microseconds are cut (sent.dm's 100 ns ticks), not rounded.
    """
    parsed = read_plain_utc(value)
    return _parse_any(value, field) if parsed is None else parsed


def read_plain_utc(value: object) -> datetime | None:
    """Return `parse_timestamp` of plain UTC text (see _PLAIN_UTC); None for anything else.

    Never raises: a reader that checks fields inline calls it first and leaves every other
    value, including an impossible date, to `parse_timestamp` and its error.
    """
    if type(value) is str and _PLAIN_UTC.fullmatch(value):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        if parsed.tzinfo is UTC:
            return parsed
    return None


def _parse_any(value: object, field: str) -> datetime:
    """`parse_timestamp` for every accepted shape (the fast path's results included)."""
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise TimestampError(field, value, "naive datetime; give it a timezone")
        return _to_utc(value, field, value)
    if not isinstance(value, str):
        raise TimestampError(field, value, f"not a string; {_EXPECTED}")
    text = value.strip()
    match = _SHAPE.fullmatch(text)
    if match is None:
        raise TimestampError(field, value, f"not a timestamp; {_EXPECTED}")
    offset_minutes = match.group(1)
    try:
        if offset_minutes is not None and offset_minutes > "59":
            raise ValueError("offset minutes above 59")
        # fromisoformat (3.11) reads every accepted shape but a lower-case t or z.
        parsed = datetime.fromisoformat(
            text.upper() if text[10] == "t" or text[-1] == "z" else text
        )
    except ValueError as exc:
        raise TimestampError(field, value, f"impossible date or time ({exc})") from None
    # "Z" and "+00:00" come back with the UTC singleton: already what _to_utc would return.
    return parsed if parsed.tzinfo is UTC else _to_utc(parsed, field, value)


def _to_utc(value: datetime, field: str, original: object) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise TimestampError(field, original, "out of range once converted to UTC") from None


def format_timestamp(value: datetime) -> str:
    """Return an aware ``value`` as ISO 8601 in UTC with microseconds and ``Z``."""
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
