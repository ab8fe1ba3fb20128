"""Deadlines for the loops in tests: a test that waits or walks pages fails, it never hangs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

__all__ = ["pages", "wait_until"]


def wait_until(
    condition: Callable[[], object], *, timeout: float, what: str, interval: float = 0.01
) -> None:
    """Return once ``condition()`` is true; raise `TimeoutError` naming ``what`` at the deadline."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            msg = f"gave up after {timeout:g} s waiting for {what}"
            raise TimeoutError(msg)
        time.sleep(interval)


def pages(first: int = 1, *, limit: int = 1000) -> Iterator[int]:
    """Yield page numbers ``first, first + 1, ...``; raise `AssertionError` after ``limit``.

    For ``for page in pages(): ... return`` loops over a listing: a server that never says
    "last page" fails the test instead of looping forever.
    """
    yield from range(first, first + limit)
    msg = f"the listing did not end within {limit} pages"
    raise AssertionError(msg)
