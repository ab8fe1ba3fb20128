"""Deterministic data: seeded random streams, a pinnable clock and id makers.

A server's data set is a pure function of ``(seed, now)``. Draw ids and contents from
:func:`rng_for` streams, one stream per kind of thing, so adding a stream never shifts the
values of another; place timestamps relative to ``clock.now()`` read once at build time.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

__all__ = [
    "Clock",
    "aware_utc",
    "check_seed",
    "digits",
    "hex_id",
    "instant_between",
    "rng_for",
    "uuid4",
]


def check_seed(seed: object) -> int:
    """Return ``seed`` if it is an int (not a bool); ``TypeError`` naming it otherwise."""
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise TypeError(f"seed must be an int, got {seed!r}")
    return seed


def rng_for(seed: int, stream: str) -> random.Random:
    """Return an independent random stream for ``stream`` under ``seed`` (same every run)."""
    # String seeds hash with SHA-512, so they do not depend on PYTHONHASHSEED.
    return random.Random(f"dlrkit:{check_seed(seed)}:{stream}")


def aware_utc(value: datetime, name: str = "now") -> datetime:
    """``value`` converted to UTC; ``ValueError`` naming ``name`` if it has no timezone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {value.isoformat()!r}")
    return value.astimezone(UTC)


class Clock:
    """Server time: fixed at ``now`` when given (tests pin it), else the UTC wall clock."""

    __slots__ = ("_fixed",)

    def __init__(self, now: datetime | None = None) -> None:
        self._fixed = None if now is None else aware_utc(now)

    def __repr__(self) -> str:
        return f"Clock({self._fixed!r})"

    @property
    def pinned(self) -> bool:
        """True when time is fixed."""
        return self._fixed is not None

    def now(self) -> datetime:
        """Return the current (or pinned) time, aware UTC."""
        return self._fixed if self._fixed is not None else datetime.now(UTC)


def hex_id(rng: random.Random, length: int = 24) -> str:
    """Lower-case hex id, e.g. MailerSend's 24-hex message ids."""
    return f"{rng.getrandbits(4 * length):0{length}x}"


def uuid4(rng: random.Random) -> str:
    """Draw a version-4 UUID string from ``rng``."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def digits(rng: random.Random, count: int) -> str:
    """``count`` decimal digits, the first one non-zero (phone numbers, numeric ids)."""
    first = str(rng.randint(1, 9))
    return first + "".join(str(rng.randint(0, 9)) for _ in range(count - 1))


def instant_between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """Draw a time uniformly from ``[start, end)`` with microsecond resolution."""
    span = (end - start) // timedelta(microseconds=1)
    if span <= 0:
        return start
    return start + timedelta(microseconds=rng.randrange(span))
