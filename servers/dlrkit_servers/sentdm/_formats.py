"""sent.dm's value formats: .NET timestamps, 4-decimal prices and phone-number renderings."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime

__all__ = ["REGIONS", "UUID", "PhoneRegion", "decimal_price", "net_timestamp", "number_price"]

#: The canonical (hyphenated, any case) UUID text, as path ids and ``x-profile-id`` must be.
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_TICK_DIGITS = (5, 6, 7)


def net_timestamp(moment: datetime, rng: random.Random) -> str:
    """``moment`` as .NET writes a ``DateTimeOffset``: 5-7 fraction digits, ``+00:00``.

    .NET keeps 100 ns ticks and trims trailing zeros, so the digit count varies; ``rng``
    supplies the sub-microsecond tick and the length (the last digit is never 0).
    """
    ticks = f"{moment.microsecond * 10 + rng.randrange(10):07d}"[: rng.choice(_TICK_DIGITS)]
    # Always drawn, so the stream (and every later id) does not depend on ``moment``.
    last = str(rng.randint(1, 9))
    if ticks.endswith("0"):
        ticks = ticks[:-1] + last
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{ticks}+00:00"


def decimal_price(units: int | None) -> str | None:
    """Ten-thousandths as the activities' 4-decimal string (``450`` -> ``"0.0450"``)."""
    return None if units is None else f"{units // 10_000}.{units % 10_000:04d}"


def number_price(units: int | None) -> float | None:
    """Ten-thousandths as the message status' JSON number (``450`` -> ``0.045``)."""
    return None if units is None else units / 10_000


@dataclass(frozen=True, slots=True)
class PhoneRegion:
    """How one region's numbers look; ``groups`` split the national significant number."""

    code: str
    calling_code: str
    leads: tuple[str, ...]
    groups: tuple[int, ...]
    international: str  # str.format pattern over the groups, after "+<calling code> "
    national: str
    #: Rough SMS price per segment, in ten-thousandths of a dollar.
    sms_units: int

    def draw(self, rng: random.Random) -> str:
        """Draw a national significant number: a leading prefix, then random digits."""
        lead = rng.choice(self.leads)
        rest = "".join(str(rng.randrange(10)) for _ in range(sum(self.groups) - len(lead)))
        return lead + rest

    def _split(self, number: str) -> list[str]:
        parts, start = [], 0
        for size in self.groups:
            parts.append(number[start : start + size])
            start += size
        return parts

    def renderings(self, number: str) -> dict[str, str]:
        """Return the contact fields for ``number`` (E.164, international, national, RFC 3966)."""
        parts = self._split(number)
        return {
            "format_e164": f"+{self.calling_code}{number}",
            "format_international": f"+{self.calling_code} " + self.international.format(*parts),
            "format_national": self.national.format(*parts),
            "format_rfc": f"tel:+{self.calling_code}-" + "-".join(parts),
        }


#: Regions and their weight in the data set (libphonenumber's groupings).
REGIONS: tuple[tuple[PhoneRegion, int], ...] = (
    (
        PhoneRegion(
            "US",
            "1",
            ("415", "212", "646", "312", "737", "206"),
            (3, 3, 4),
            "{0}-{1}-{2}",
            "({0}) {1}-{2}",
            75,
        ),
        50,
    ),
    (PhoneRegion("GB", "44", ("77", "78", "79"), (4, 6), "{0} {1}", "0{0} {1}", 400), 15),
    (PhoneRegion("DE", "49", ("151", "160", "176"), (4, 7), "{0} {1}", "0{0} {1}", 850), 10),
    (
        PhoneRegion(
            "BR", "55", ("119", "219", "319"), (2, 5, 4), "{0} {1}-{2}", "({0}) {1}-{2}", 600
        ),
        10,
    ),
    (PhoneRegion("IN", "91", ("98", "87", "70"), (5, 5), "{0} {1}", "0{0} {1}", 300), 10),
    (PhoneRegion("AU", "61", ("4",), (3, 3, 3), "{0} {1} {2}", "0{0} {1} {2}", 550), 5),
)
