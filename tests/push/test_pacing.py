"""The pacer on a fake clock: starts at least 1/rate apart, no burst after idling."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from dlrkit_servers._pacing import Pacer
from hypothesis import given
from hypothesis import strategies as st


class FakeTime:
    """A clock that only moves when slept on (or told to)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        """Return the fake time."""
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Advance the fake time by ``seconds``."""
        self.slept.append(seconds)
        self.now += seconds


def _starts(rate: float, idles: list[float]) -> list[float]:
    """Return the times ``wait`` returned, with ``idles[i]`` seconds of idling before call i."""
    fake = FakeTime()
    pacer = Pacer(rate, clock=fake.clock, sleep=fake.sleep)
    starts: list[float] = []

    async def run() -> None:
        for idle in idles:
            fake.now += idle
            await pacer.wait()
            starts.append(fake.now)

    asyncio.run(run())
    return starts


def test_the_first_call_does_not_wait() -> None:
    """The first start is immediate."""
    assert _starts(20.0, [0.0]) == [100.0]


def test_back_to_back_calls_are_spaced_by_the_interval() -> None:
    """Twenty calls at 20/s take 19 intervals of 0.05 s."""
    starts = _starts(20.0, [0.0] * 20)
    assert starts[-1] - starts[0] == pytest.approx(19 * 0.05)


@given(
    rate=st.floats(min_value=0.01, max_value=10_000),
    idles=st.lists(st.floats(min_value=0, max_value=10), min_size=2, max_size=30),
)
def test_no_two_starts_closer_than_the_interval(rate: float, idles: list[float]) -> None:
    """Whatever the idling between calls, starts are never closer than 1/rate (no bursts)."""
    starts = _starts(rate, idles)
    for earlier, later in itertools.pairwise(starts):
        assert later - earlier >= 1 / rate * (1 - 1e-9)


def test_an_early_wakeup_sleeps_again() -> None:
    """A sleep that returns early (the sender's sleep wakes on events) does not start early."""
    fake = FakeTime()

    async def short_sleep(seconds: float) -> None:
        fake.now += min(seconds, 0.1)  # wakes up after at most 0.1 s of a longer sleep

    pacer = Pacer(2.0, clock=fake.clock, sleep=short_sleep)

    async def run() -> list[float]:
        times = []
        for _ in range(3):
            await pacer.wait()
            times.append(fake.now)
        return times

    times = asyncio.run(run())
    assert times[1] - times[0] >= 0.5
    assert times[2] - times[1] >= 0.5 - 1e-9


def test_a_stop_ends_the_wait() -> None:
    """Once ``stopped()`` is true, ``wait`` returns without sleeping the slot out."""
    fake = FakeTime()
    stopped = [False]
    pacer = Pacer(0.01, clock=fake.clock, sleep=fake.sleep, stopped=lambda: stopped[0])

    async def run() -> None:
        await pacer.wait()
        stopped[0] = True
        await pacer.wait()

    asyncio.run(run())
    assert fake.slept == []


@pytest.mark.parametrize("rate", [0.0, -1.0])
def test_a_rate_must_be_positive(rate: float) -> None:
    """A rate of 0 or less is refused, naming it."""
    with pytest.raises(ValueError, match="rate"):
        Pacer(rate, clock=FakeTime().clock, sleep=FakeTime().sleep)
