"""Hypothesis strategies for the overlay core tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from dlrkit._redact import REDACTED
from hypothesis import strategies as st

utc_datetimes = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31), timezones=st.just(UTC)
)

# Whole-minute offsets inside +-14:00, the range real zones use.
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


def _offset_text(value: datetime, colon: bool) -> str:
    text = value.strftime("%z")  # +HHMM
    return f"{text[:3]}:{text[3:]}" if colon else text


@st.composite
def mailersend_timestamps(draw: st.DrawFn) -> tuple[str, datetime]:
    """``2022-02-21T08:15:46.627000Z`` and the datetime it stands for."""
    value = draw(utc_datetimes)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), value


@st.composite
def sentdm_timestamps(draw: st.DrawFn) -> tuple[str, datetime]:
    """``2026-03-11T21:25:50.1716529+00:00`` (1-7 digits) and the datetime it parses to."""
    value = draw(utc_datetimes)
    digits = draw(st.integers(min_value=1, max_value=7))
    fraction = (f"{value.microsecond:06d}" + str(draw(st.integers(0, 9))))[:digits]
    expected = value.replace(microsecond=int(fraction[:6].ljust(6, "0")))
    return f"{value:%Y-%m-%dT%H:%M:%S}.{fraction}+00:00", expected


@st.composite
def infobip_timestamps(draw: st.DrawFn) -> tuple[str, datetime]:
    """``2019-11-09T16:00:00.000+0100`` (any offset, no colon) and its UTC datetime."""
    value = draw(utc_datetimes).replace(microsecond=draw(st.integers(0, 999)) * 1000)
    local = value.astimezone(draw(offsets))
    millis = f"{local.microsecond // 1000:03d}"
    return f"{local:%Y-%m-%dT%H:%M:%S}.{millis}{_offset_text(local, colon=False)}", value


@st.composite
def routee_timestamps(draw: st.DrawFn) -> tuple[str, datetime]:
    """``2016-08-19T15:00Z`` (minute precision) and its datetime."""
    value = draw(utc_datetimes).replace(second=0, microsecond=0)
    return f"{value:%Y-%m-%dT%H:%M}Z", value


provider_timestamps = st.one_of(
    mailersend_timestamps(), sentdm_timestamps(), infobip_timestamps(), routee_timestamps()
)

# Characters real API tokens use; brackets are left out because the redaction marker uses them.
_TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.|~+/="  # noqa: S105
tokens = st.text(alphabet=_TOKEN_ALPHABET, min_size=8, max_size=64).filter(
    lambda token: token not in REDACTED
)

# Page sources: how many items exist and how many each page holds.
totals = st.integers(min_value=0, max_value=120)
page_sizes = st.integers(min_value=1, max_value=25)

e164_digits = st.from_regex(r"[1-9][0-9]{1,14}", fullmatch=True)
