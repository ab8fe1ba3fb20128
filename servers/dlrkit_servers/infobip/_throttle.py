"""Infobip's logs rate limit (120 requests a minute), off unless a server is built with it.

Off by default: the contract suite and the benchmarks send far more than 120 log requests a
minute, and the reference data does not depend on it. Turn it on to test how an app handles
Infobip's ``429``.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

__all__ = ["LOGS_PER_MINUTE", "Throttle"]

#: Infobip's ``x-throttling-info`` for both logs operations.
LOGS_PER_MINUTE = 120
_WINDOW = 60.0


class Throttle:
    """A sliding one-minute window of accepted requests (monotonic time, not the data clock)."""

    def __init__(self, per_minute: int, ticks: Callable[[], float] = time.monotonic) -> None:
        if type(per_minute) is not int or per_minute < 1:
            raise ValueError(f"logs_per_minute must be an int >= 1, got {per_minute!r}")
        self.per_minute = per_minute
        self._ticks = ticks
        self._accepted: deque[float] = deque()

    def admit(self) -> bool:
        """Count one request; ``False`` when the last minute already holds ``per_minute``."""
        now = self._ticks()
        while self._accepted and now - self._accepted[0] >= _WINDOW:
            self._accepted.popleft()
        if len(self._accepted) >= self.per_minute:
            return False
        self._accepted.append(now)
        return True
