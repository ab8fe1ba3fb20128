from __future__ import annotations

import asyncio
import math
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
from dlrkit import AsyncPager, InvalidFieldError, PaginationError, SyncPager
from dlrkit._pagination import Params
from hypothesis import given

from overlay import strategies


@attrs.frozen
class _Page:
    number: int
    rows: list[int]
    has_more: bool


class _PageNumbers:
    """Strategy for 1-based page numbers with a ``has_more`` flag."""

    def items(self, page: _Page) -> Sequence[int]:
        """Return the page's rows."""
        return page.rows

    def next_params(self, page: _Page, params: Params) -> Params | None:
        """Ask for the next page number while ``has_more``."""
        return {**params, "page": page.number + 1} if page.has_more else None


@attrs.define
class _Source:
    """An API holding ``total`` rows, served ``size`` at a time; counts fetches."""

    total: int
    size: int
    fetches: int = 0

    def fetch(self, params: Params) -> _Page:
        self.fetches += 1
        number = int(params["page"])
        start = (number - 1) * self.size
        rows = list(range(start, min(start + self.size, self.total)))
        return _Page(number, rows, start + self.size < self.total)

    async def afetch(self, params: Params) -> _Page:
        return self.fetch(params)


def _sync_pager(source: _Source, **kwargs: Any) -> SyncPager[_Page, int]:
    return SyncPager(source.fetch, _PageNumbers(), {"page": 1}, **kwargs)


def _async_pager(source: _Source, **kwargs: Any) -> AsyncPager[_Page, int]:
    return AsyncPager(source.afetch, _PageNumbers(), {"page": 1}, **kwargs)


async def _collect(pager: AsyncPager[_Page, int]) -> list[int]:
    return [item async for item in pager]


@given(strategies.totals, strategies.page_sizes)
def test_yields_every_item_exactly_once(total: int, size: int) -> None:
    """Iterating a pager yields each item once, in order, fetching each page once."""
    source = _Source(total, size)
    assert list(_sync_pager(source)) == list(range(total))
    assert source.fetches == max(1, math.ceil(total / size))


@given(strategies.totals, strategies.page_sizes)
def test_async_equals_sync(total: int, size: int) -> None:
    """The async pager yields the same items as the sync pager."""
    expected = list(_sync_pager(_Source(total, size)))
    assert asyncio.run(_collect(_async_pager(_Source(total, size)))) == expected


def test_iteration_is_lazy() -> None:
    """Taking the first item fetches only the first page."""
    source = _Source(total=100, size=10)
    assert next(iter(_sync_pager(source))) == 0
    assert source.fetches == 1


def test_iter_pages_yields_pages() -> None:
    """iter_pages yields the page objects themselves."""
    pages = list(_sync_pager(_Source(total=25, size=10)).iter_pages())
    assert [page.number for page in pages] == [1, 2, 3]
    assert [len(page.rows) for page in pages] == [10, 10, 5]


def test_async_pages_and_first_page() -> None:
    """The async pager iterates pages and can be awaited for the first page."""

    async def run() -> tuple[list[int], _Page]:
        pager = _async_pager(_Source(total=25, size=10))
        numbers = [page.number async for page in pager.iter_pages()]
        return numbers, await pager

    numbers, first = asyncio.run(run())
    assert numbers == [1, 2, 3]
    assert first.rows == list(range(10))


def test_repeated_page_raises() -> None:
    """An API that ignores the page parameter raises PaginationError on the second page."""
    source = _Source(total=100, size=10)
    pager = SyncPager(lambda _: source.fetch({"page": 1}), _PageNumbers(), {"page": 1})
    with pytest.raises(PaginationError, match="repeats page 1"):
        list(pager)
    assert source.fetches == 2


def test_repeated_page_raises_async() -> None:
    """The async pager has the same repeated-page guard."""
    source = _Source(total=100, size=10)
    pager = AsyncPager(lambda _: source.afetch({"page": 1}), _PageNumbers(), {"page": 1})
    with pytest.raises(PaginationError, match="repeats page 1"):
        asyncio.run(_collect(pager))


class _StuckCursor(_PageNumbers):
    def next_params(self, page: _Page, params: Params) -> Params | None:
        return dict(params)


def test_next_params_equal_to_current_raise() -> None:
    """A strategy that asks for the same page again raises PaginationError."""
    pager = SyncPager(_Source(total=100, size=10).fetch, _StuckCursor(), {"page": 1})
    with pytest.raises(PaginationError, match="repeats the current one"):
        list(pager)


class _Queue:
    """A drain-once queue: the same request returns the next unread items."""

    def __init__(self, total: int, size: int) -> None:
        self.left, self.size, self.fetches = list(range(total)), size, 0

    def fetch(self, params: Params) -> list[int]:
        self.fetches += 1
        batch, self.left = self.left[: self.size], self.left[self.size :]
        return batch


class _DrainQueue:
    def items(self, page: list[int]) -> list[int]:
        return page

    def next_params(self, page: list[int], params: Params) -> Params | None:
        return params if page else None


def test_drain_repeats_the_request_until_a_batch_is_empty() -> None:
    """drain=True allows the same request again and stops at the first empty batch."""
    queue = _Queue(total=25, size=10)
    pager = SyncPager(queue.fetch, _DrainQueue(), {"limit": 10}, drain=True)
    assert list(pager) == list(range(25))
    assert queue.fetches == 4
    with pytest.raises(PaginationError, match="repeats the current one"):
        list(SyncPager(_Queue(total=25, size=10).fetch, _DrainQueue(), {"limit": 10}))


def test_drain_still_stops_a_queue_that_never_consumes() -> None:
    """A drain queue that hands out the same batch again raises PaginationError."""
    pager = SyncPager(lambda _: [1, 2], _DrainQueue(), {"limit": 2}, drain=True)
    with pytest.raises(PaginationError, match="repeats page 1"):
        list(pager)


class _Endless(_PageNumbers):
    def next_params(self, page: _Page, params: Params) -> Params | None:
        return {"page": page.number + 1}


def test_max_pages_bounds_an_endless_listing() -> None:
    """A listing that never ends stops with PaginationError after max_pages fetches."""
    source = _Source(total=10**9, size=1)
    pager = SyncPager(source.fetch, _Endless(), {"page": 1}, max_pages=5)
    with pytest.raises(PaginationError, match="max_pages=5"):
        list(pager)
    assert source.fetches == 5


@pytest.mark.parametrize("drain", [False, True])
def test_an_empty_page_is_the_last_whatever_the_strategy_says(drain: bool) -> None:
    """A page with no items ends the listing after one request, sync and async, drain or not."""
    source = _Source(total=0, size=10)
    pager = SyncPager(source.fetch, _Endless(), {"page": 1}, max_pages=10_000, drain=drain)
    assert [page.rows for page in pager.iter_pages()] == [[]]
    assert source.fetches == 1
    apager = AsyncPager(source.afetch, _Endless(), {"page": 1}, max_pages=10_000, drain=drain)
    assert asyncio.run(_collect(apager)) == []
    assert source.fetches == 2


def test_an_empty_page_after_full_ones_ends_the_listing() -> None:
    """Items before the empty page are all yielded; nothing after it is fetched."""
    source = _Source(total=20, size=10)
    assert list(SyncPager(source.fetch, _Endless(), {"page": 1})) == list(range(20))
    assert source.fetches == 3


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, None])
def test_max_pages_is_checked_up_front(bad: object) -> None:
    """An invalid max_pages is rejected when the pager is made."""
    with pytest.raises(InvalidFieldError, match="max_pages"):
        SyncPager(_Source(1, 1).fetch, _PageNumbers(), {"page": 1}, max_pages=bad)  # type: ignore[arg-type]
