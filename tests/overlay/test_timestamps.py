from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from dlrkit import TimestampError, parse_timestamp
from dlrkit._timestamps import format_timestamp
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
