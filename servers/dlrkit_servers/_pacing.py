"""A rate limiter for the callback sender: at most ``rate`` starts per second, no bursts.

Hand-written because it is four lines of arithmetic over an injected clock and sleep (so tests
run it on a fake clock, never on wall time); the libraries that do this (aiolimiter, limits)
allow bursts up to a bucket size and read the wall clock themselves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

__all__ = ["Pacer"]


class Pacer:
    """Spaces calls to :meth:`wait` at least ``1 / rate`` seconds apart on ``clock``.

    The first call returns at once. A caller that comes late does not earn a burst: the next
    slot is counted from the later of the planned slot and now.
    """

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
        stopped: Callable[[], bool] = lambda: False,
    ) -> None:
        if not rate > 0:
            raise ValueError(f"rate must be > 0, got {rate!r}")
        self._interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._stopped = stopped
        self._next: float | None = None

    async def wait(self) -> None:
        """Return when the next slot has come, or early once ``stopped()`` is true.

        ``sleep`` may return early (the sender's sleep wakes on events): the clock decides.
        """
        now = self._clock()
        slot = now if self._next is None else max(self._next, now)
        self._next = slot + self._interval
        while now < slot and not self._stopped():
            await self._sleep(slot - now)
            now = self._clock()
