from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from dlrkit import TimestampError, parse_timestamp
from dlrkit._timestamps import _parse_any, format_timestamp
from hypothesis import given
from hypothesis import strategies as st

from overlay import strategies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-02-21T08:15:46.627000Z", datetime(2022, 2, 21, 8, 15, 46, 627000, tzinfo=UTC)),
        (
            "2026-03-11T21:25:50.1716529+00:00",
            datetime(2026, 3, 11, 21, 25, 50, 171652, tzinfo=UTC),
        ),
        ("2026-03-11T21:18:50.17173+00:00", datetime(2026, 3, 11, 21, 18, 50, 171730, tzinfo=UTC)),
        ("2019-11-09T16:00:00.000+0000", datetime(2019, 11, 9, 16, 0, tzinfo=UTC)),
        ("2015-02-12T09:58:20.323+0100", datetime(2015, 2, 12, 8, 58, 20, 323000, tzinfo=UTC)),
        ("2016-08-19T15:00Z", datetime(2016, 8, 19, 15, 0, tzinfo=UTC)),
        ("2019-08-24T14:15:22Z", datetime(2019, 8, 24, 14, 15, 22, tzinfo=UTC)),
        ("2019-08-24 14:15:22-05:30", datetime(2019, 8, 24, 19, 45, 22, tzinfo=UTC)),
    ],
)
def test_documented_formats_parse_to_utc(text: str, expected: datetime) -> None:
    """Each provider's documented timestamp parses to the same instant, in UTC."""
    parsed = parse_timestamp(text, field="occurred_at")
    assert parsed == expected
    assert parsed.tzinfo is UTC


@given(strategies.provider_timestamps)
def test_provider_formats_round_trip(case: tuple[str, datetime]) -> None:
    """Any datetime written in a provider's format parses back to that datetime."""
    text, expected = case
    assert parse_timestamp(text, field="t") == expected


@given(strategies.utc_datetimes)
def test_format_timestamp_round_trips(value: datetime) -> None:
    """Dlrkit's own output format parses back unchanged."""
    assert parse_timestamp(format_timestamp(value), field="t") == value


@given(st.text())
def test_arbitrary_text_raises_only_timestamp_error(text: str) -> None:
    """Any text either parses to an aware UTC datetime or raises TimestampError."""
    try:
        parsed = parse_timestamp(text, field="t")
    except TimestampError:
        return
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2022-02-21T08:15:46", "not a timestamp"),  # no offset: ambiguous
        ("2022-13-01T00:00:00Z", "impossible"),
        ("2022-02-30T00:00:00Z", "impossible"),
        ("2022-02-21T24:00:00Z", "impossible"),
        ("2022-02-21T08:15:46+2400", "impossible"),
        ("2022-02-21T08:15:46+01:75", "impossible"),
        ("0001-01-01T00:00:00+01:00", "out of range"),
        ("", "not a timestamp"),
        ("yesterday", "not a timestamp"),
        ("٢٠٢٢-02-21T08:15:46Z", "not a timestamp"),  # non-ASCII digits
        (1645431346, "not a string"),
        (None, "not a string"),
        (datetime(2022, 2, 21), "naive"),
    ],
)
def test_bad_values_name_field_and_value(value: object, reason: str) -> None:
    """A bad timestamp raises TimestampError naming the field, the value and the problem."""
    with pytest.raises(TimestampError) as info:
        parse_timestamp(value, field="sent_at")
    message = str(info.value)
    assert message.startswith("sent_at: ")
    assert reason in message
    assert repr(value)[:40] in message
    assert isinstance(info.value, ValueError)


def test_aware_datetime_is_converted_to_utc() -> None:
    """An aware datetime is accepted and converted to UTC."""
    local = datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    assert parse_timestamp(local, field="t") == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


# The hand-written reader `parse_timestamp` used before it moved to datetime.fromisoformat,
# kept verbatim as the oracle: the new one must give the same instant, or fail the same way,
# on every input.
_ORACLE = re.compile(
    r"""
    (?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})
    [Tt\ ]
    (?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})
    (?::(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?
    (?P<offset>[Zz]|(?P<sign>[+-])(?P<off_h>[0-9]{2})(?::?(?P<off_m>[0-9]{2}))?)
    """,
    re.VERBOSE | re.ASCII,
)


def _oracle(value: str) -> datetime | str:
    """Return the old reader's datetime, or the kind of error it raised."""
    match = _ORACLE.fullmatch(value.strip())
    if match is None:
        return "not a timestamp"
    parts = match.groupdict()
    micro = int((parts["fraction"] or "").ljust(6, "0")[:6])
    try:
        offset: timezone = UTC
        if parts["sign"]:
            if int(parts["off_m"] or 0) > 59:
                raise ValueError("offset minutes above 59")
            delta = timedelta(hours=int(parts["off_h"]), minutes=int(parts["off_m"] or 0))
            offset = timezone(-delta if parts["sign"] == "-" else delta)
        parsed = datetime(
            int(parts["year"]), int(parts["month"]), int(parts["day"]), int(parts["hour"]),
            int(parts["minute"]), int(parts["second"] or 0), micro, tzinfo=offset,
        )  # fmt: skip
    except ValueError:
        return "impossible"
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        return "out of range"


def _new(value: str) -> datetime | str:
    try:
        return parse_timestamp(value, field="t")
    except TimestampError as exc:
        return next(k for k in ("not a timestamp", "impossible", "out of range") if k in str(exc))


# Timestamp-like text: each part drawn from the right form and from near-misses, so the
# draws land on both sides of every rule (separators, widths, offsets, fractions, case).
_digits = st.text(alphabet="0123456789", min_size=1, max_size=5)
_near_timestamps = st.tuples(
    st.one_of(st.just("2022"), st.just("0001"), st.just("9999"), _digits),
    st.sampled_from(["-", "", "/"]),
    st.one_of(st.sampled_from(["01", "02", "12", "13", "00"]), _digits),
    st.sampled_from(["-", ""]),
    st.one_of(st.sampled_from(["01", "28", "29", "30", "31", "32"]), _digits),
    st.sampled_from(["T", "t", " ", "x", "", "TT"]),
    st.one_of(st.sampled_from(["00", "23", "24"]), _digits),
    st.sampled_from([":", ""]),
    st.one_of(st.sampled_from(["00", "59", "60"]), _digits),
    st.sampled_from(["", ":00", ":59", ":60", "00", ":5"]),
    st.sampled_from(["", ".", ",", ".1", ",5", ".1716529", ".123456789", ".1234567890"]),
    st.sampled_from(["", "Z", "z", "+", "-", "+00", "+0100", "+01:00", "-05:30", "+2359",
                     "+2400", "+01:75", "+0160", "+1", "+010", "+01:00:30", "Zz", "UTC"]),
    st.sampled_from(["", " ", "\n", "x"]),
).map("".join)  # fmt: skip


@given(st.one_of(strategies.provider_timestamps.map(lambda case: case[0]), _near_timestamps))
def test_fromisoformat_reader_agrees_with_the_old_regex(text: str) -> None:
    """On all four providers' formats and their near misses: same instant or same error."""
    assert _new(text) == _oracle(text)


@given(st.text(alphabet="0123456789-:.,+TtZz W", max_size=40))
def test_fromisoformat_reader_agrees_on_any_timestamp_alphabet_text(text: str) -> None:
    """On any text over the timestamp alphabet: same instant or same error."""
    assert _new(text) == _oracle(text)


def _outcome(read: Callable[[str], datetime], text: str) -> tuple[str, object]:
    try:
        parsed = read(text)
    except TimestampError as exc:
        return ("error", str(exc))
    return ("ok", (parsed, parsed.tzinfo is UTC))


@given(st.one_of(strategies.provider_timestamps.map(lambda case: case[0]), _near_timestamps))
def test_plain_utc_fast_path_agrees_with_the_full_reader(text: str) -> None:
    """The plain-UTC fast path gives the full reader's datetime (UTC singleton) or error."""
    fast = _outcome(lambda value: parse_timestamp(value, field="t"), text)
    assert fast == _outcome(lambda value: _parse_any(value, "t"), text)
