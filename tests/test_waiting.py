"""The deadline helpers themselves: they give up, and say what they waited for."""

from __future__ import annotations

import threading
import time

import pytest
from waiting import pages, wait_until


def test_wait_until_returns_once_true() -> None:
    """A condition that becomes true ends the wait."""
    flag = threading.Event()
    threading.Timer(0.05, flag.set).start()
    wait_until(flag.is_set, timeout=5, what="the flag")
    assert flag.is_set()


def test_wait_until_gives_up_naming_what() -> None:
    """A condition that never becomes true raises TimeoutError after the timeout."""
    started = time.monotonic()
    with pytest.raises(TimeoutError, match=r"0\.1 s waiting for the moon"):
        wait_until(lambda: False, timeout=0.1, what="the moon")
    assert time.monotonic() - started < 5


def test_pages_end_an_endless_listing() -> None:
    """A loop over pages that never returns fails after the limit."""
    numbers = pages(0, limit=3)
    assert [next(numbers) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(AssertionError, match="did not end within 3 pages"):
        next(numbers)
