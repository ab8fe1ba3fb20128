"""Hypothesis strategies for the MailerSend overlay tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from overlay.strategies import e164_digits, mailersend_timestamps

KNOWN_STATUSES = ("processed", "queued", "sent", "delivered", "failed")

# Any text a server might put in ``status``, weighted towards the words MailerSend uses.
statuses = st.one_of(
    st.sampled_from(KNOWN_STATUSES),
    st.sampled_from(KNOWN_STATUSES).map(str.upper),
    st.text(max_size=30),
)
phones = e164_digits.map(lambda digits: "+" + digits)
message_ids = st.from_regex(r"[0-9a-f]{24}", fullmatch=True)


@st.composite
def activity_rows(draw: st.DrawFn, status: st.SearchStrategy[str] = statuses) -> dict[str, Any]:
    """One ``/sms-activity`` row as MailerSend sends it."""
    created_at, _ = draw(mailersend_timestamps())
    return {
        "from": draw(phones),
        "to": draw(phones),
        "created_at": created_at,
        "content": draw(st.text(max_size=40)),
        "status": draw(status),
        "sms_message_id": draw(message_ids),
    }


# Date filters: aware datetimes in a few offsets, microseconds included.
aware_datetimes = st.datetimes(
    min_value=datetime(1970, 1, 2),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
    ),
)

# Listing sizes for the fake paginated server: items in total and rows per page.
totals = st.integers(min_value=0, max_value=260)
limits = st.integers(min_value=10, max_value=100)
