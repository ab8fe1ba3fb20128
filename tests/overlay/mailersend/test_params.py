from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from dlrkit import InvalidFieldError, mailersend
from dlrkit.mailersend._params import date_range
from hypothesis import given

from overlay.mailersend import strategies
from overlay.mailersend.support import FakeListing, mock_client


def _never(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request expected, got {request.url}")


@pytest.mark.parametrize("limit", [9, 101, 0, -5, True, 25.0, "50", None])
def test_limit_outside_10_to_100_is_refused_before_any_request(limit: Any) -> None:
    """A limit that is not an int from 10 to 100 raises InvalidFieldError naming limit."""
    client = mock_client(_never)
    for make in (mailersend.iter_sms_activity, mailersend.iter_sms_recipients):
        with pytest.raises(InvalidFieldError, match=r"^limit: .*\(got ") as caught:
            make(client, limit=limit)
        assert caught.value.value == limit
    with pytest.raises(InvalidFieldError, match="limit"):
        mailersend.aiter_sms_messages(client, limit=limit)


def test_naive_datetime_is_refused_with_a_clear_error() -> None:
    """A tz-naive date_from raises InvalidFieldError that says to add a timezone."""
    client = mock_client(_never)
    with pytest.raises(InvalidFieldError, match=r"^date_from: naive datetime; give it a timezone"):
        mailersend.iter_sms_activity(client, date_from=datetime(2025, 1, 1))


@given(value=strategies.aware_datetimes)
def test_aware_datetimes_widen_to_whole_seconds(value: datetime) -> None:
    """date_from rounds down and date_to rounds up to Unix seconds, so no event is dropped."""
    params = date_range(value, None) | date_range(None, value)
    since_epoch = value - datetime(1970, 1, 1, tzinfo=UTC)
    whole, rest = divmod(since_epoch, timedelta(seconds=1))
    assert params == {"date_from": whole, "date_to": whole + (1 if rest else 0)}


def test_ints_pass_as_unix_seconds_and_offsets_convert() -> None:
    """Ints are Unix seconds as given; a +05:30 datetime converts to the same instant."""
    local = datetime(2022, 2, 21, 13, 45, 46, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert date_range(1443651141, local) == {"date_from": 1443651141, "date_to": 1645431346}


@pytest.mark.parametrize(
    ("date_from", "date_to", "field"),
    [
        (10, 10, "date_to"),
        (20, 10, "date_to"),
        (-1, None, "date_from"),
        (1.5, None, "date_from"),
        (None, "1700000000", "date_to"),
        (True, None, "date_from"),
        (None, datetime(1969, 12, 31, tzinfo=UTC), "date_to"),
    ],
)
def test_bad_date_ranges_name_the_field(date_from: Any, date_to: Any, field: str) -> None:
    """Equal or reversed bounds, negatives, floats, strings and bools are refused by name."""
    with pytest.raises(InvalidFieldError) as caught:
        mailersend.iter_sms_activity(mock_client(_never), date_from=date_from, date_to=date_to)
    assert caught.value.field == field


def test_one_status_or_several_become_repeated_status_keys() -> None:
    """status='sent' and status=['sent', 'sent', 'failed'] both send repeated status[] keys."""
    listing = FakeListing(3)
    client = mock_client(listing)
    list(mailersend.iter_sms_activity(client, status="sent"))
    list(mailersend.iter_sms_activity(client, status=("sent", "sent", "failed")))
    sent = [request.url.params.get_list("status[]") for request in listing.requests]
    assert sent == [["sent"], ["sent", "failed"]]
    assert "status%5B%5D=sent&status%5B%5D=failed" in str(listing.requests[1].url)


@pytest.mark.parametrize(
    ("status", "field"),
    [
        ([], "status"),
        ([""], "status[0]"),
        (["sent", 3], "status[1]"),
        (["sent", "bounced"], "status[1]"),
        (5, "status"),
        (b"x", "status"),
    ],
)
def test_bad_activity_statuses_are_refused(status: Any, field: str) -> None:
    """Empty, blank, unknown or non-string statuses raise InvalidFieldError naming the item."""
    with pytest.raises(InvalidFieldError) as caught:
        mailersend.iter_sms_activity(mock_client(_never), status=status)
    assert caught.value.field == field


@pytest.mark.parametrize("status", ["paused", "ACTIVE", 1, ["active"]])
def test_recipient_status_must_be_active_or_opt_out(status: Any) -> None:
    """Recipient status filters and updates accept only 'active' and 'opt_out'."""
    client = mock_client(_never)
    with pytest.raises(InvalidFieldError, match="must be one of 'active', 'opt_out'"):
        mailersend.iter_sms_recipients(client, status=status)
    with pytest.raises(InvalidFieldError, match=r"^status: "):
        mailersend.update_sms_recipient(client, "62347d2be979fd275c0afd34", status)


@pytest.mark.parametrize("bad", ["", "   ", ".", "..", None, 42])
def test_ids_must_be_real_path_segments(bad: Any) -> None:
    """Blank, dot-segment and non-string ids raise InvalidFieldError before any request."""
    client = mock_client(_never)
    with pytest.raises(InvalidFieldError, match=r"^sms_message_id: "):
        mailersend.get_sms_message(client, bad)
    with pytest.raises(InvalidFieldError, match=r"^sms_recipient_id: "):
        mailersend.get_sms_recipient(client, bad)


def test_blank_sms_number_id_is_refused() -> None:
    """A blank sms_number_id raises InvalidFieldError rather than listing everything."""
    with pytest.raises(InvalidFieldError, match=r"^sms_number_id: "):
        mailersend.iter_sms_recipients(mock_client(_never), sms_number_id=" ")
