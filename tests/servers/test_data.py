import base64
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from dlrkit_servers._core import (
    Call,
    Clock,
    aware_utc,
    basic_credentials,
    digits,
    header_auth,
    hex_id,
    instant_between,
    rng_for,
    scheme_auth,
    secret_matches,
    uuid4,
)
from hypothesis import given
from hypothesis import strategies as st

NOW = datetime(2025, 1, 31, 12, 0, tzinfo=UTC)


def test_streams_are_deterministic() -> None:
    """The same seed and stream give the same values on every run."""
    assert hex_id(rng_for(7, "ids")) == hex_id(rng_for(7, "ids"))
    assert uuid4(rng_for(7, "ids")) == uuid4(rng_for(7, "ids"))


def test_streams_are_independent() -> None:
    """Different seeds or stream names give different values."""
    assert hex_id(rng_for(7, "ids")) != hex_id(rng_for(8, "ids"))
    assert hex_id(rng_for(7, "ids")) != hex_id(rng_for(7, "times"))


def test_seed_must_be_an_int() -> None:
    """A seed that is not an int is refused, naming it."""
    for seed in ("1", 1.0, True):
        with pytest.raises(TypeError, match="seed must be an int"):
            rng_for(seed, "ids")  # type: ignore[arg-type]


@given(st.integers(0, 2**32), st.integers(1, 40))
def test_id_makers_have_their_shape(seed: int, length: int) -> None:
    """hex_id, digits and uuid4 produce ids of the documented shape."""
    rng = rng_for(seed, "shape")
    assert len(hex_id(rng, length)) == length
    assert int(hex_id(rng, length), 16) >= 0
    number = digits(rng, length)
    assert len(number) == length
    assert number.isdigit()
    assert number[0] != "0"
    assert uuid.UUID(uuid4(rng)).version == 4


@given(st.integers(0, 2**32), st.integers(0, 10**7))
def test_instant_between_stays_in_range(seed: int, seconds: int) -> None:
    """instant_between lands in [start, end)."""
    end = NOW + timedelta(seconds=seconds)
    value = instant_between(rng_for(seed, "t"), NOW, end)
    assert NOW <= value <= end
    assert value < end or seconds == 0


def test_clock_pins_time() -> None:
    """A clock built with ``now`` always answers it, in UTC."""
    clock = Clock(datetime(2025, 1, 31, 14, 0, tzinfo=timezone(timedelta(hours=2))))
    assert clock.pinned
    assert clock.now() == NOW
    assert clock.now().tzinfo is UTC


def test_clock_follows_wall_time_by_default() -> None:
    """Without ``now`` the clock is the UTC wall clock."""
    clock = Clock()
    assert not clock.pinned
    assert clock.now().tzinfo is UTC
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=1)


def test_naive_now_is_refused() -> None:
    """A naive ``now`` is ambiguous and refused, naming it."""
    with pytest.raises(ValueError, match="now must be timezone-aware"):
        Clock(datetime(2025, 1, 1))
    with pytest.raises(ValueError, match="when must be"):
        aware_utc(datetime(2025, 1, 1), "when")


def _call(headers: dict[str, str]) -> Call:
    raw = [(name.lower().encode(), value.encode("latin-1")) for name, value in headers.items()]
    return Call({"type": "http", "method": "GET", "path": "/", "headers": raw}, "")


def test_basic_credentials() -> None:
    """Basic credentials decode to (user, password); malformed ones are None."""
    good = base64.b64encode(b"app:s3cret").decode()
    assert basic_credentials(_call({"Authorization": f"Basic {good}"})) == ("app", "s3cret")
    for header in ("Basic !!!", "Basic " + base64.b64encode(b"nocolon").decode(), "Bearer x", ""):
        assert basic_credentials(_call({"Authorization": header})) is None
    assert basic_credentials(_call({})) is None


def test_header_auth() -> None:
    """header_auth tells a missing header from a wrong one."""
    check = header_auth("x-api-key", "k-1")
    assert check(_call({"X-Api-Key": "k-1"})) is None
    assert check(_call({"X-Api-Key": "k-2"})) == "invalid"
    assert check(_call({})) == "missing"


def test_scheme_auth() -> None:
    """scheme_auth takes its scheme (e.g. Infobip's ``App``) and refuses others."""
    check = scheme_auth("App", "key")
    assert check(_call({"Authorization": "App key"})) is None
    assert check(_call({"Authorization": "Bearer key"})) == "invalid"
    assert check(_call({})) == "missing"


@pytest.mark.parametrize("secret", ["", " padded", "line\nbreak"])
def test_unusable_secrets_are_refused_without_showing_them(secret: str) -> None:
    """A secret no header could carry is refused, and the message does not contain it."""
    with pytest.raises(ValueError, match="secret must be") as info:
        scheme_auth("Bearer", secret)
    assert secret.strip() not in str(info.value) or not secret.strip()


def test_secret_matches_any_characters() -> None:
    """Comparison works for non-ASCII secrets and header text."""
    assert secret_matches("\u00e9t\u00e9".encode().decode("latin-1"), "\u00e9t\u00e9")
    assert not secret_matches("\u20ac", "e")
