"""Auto-pagination: a provider strategy plus one generic pager, sync and async.

A strategy knows one page shape: which items a page holds and which parameters fetch the
next page (``None`` on the last). `SyncPager` and `AsyncPager` do the rest: lazy iteration
over items (``for item in pager``) or pages (``pager.iter_pages()``), and the guards that
stop a misbehaving API from looping forever.

One rule for every provider: a page with no items is the last one, whatever it says about
more pages (a MailerSend page whose ``links.next`` is set, a sent.dm page with ``has_more``,
a Routee page without ``last``). Past an empty page an offset-paged listing can only return
more empty pages, and following them cost up to ``max_pages`` requests.
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
    Sequence,
)
from typing import Any, Generic, Protocol, TypeVar

from dlrkit._constants import DEFAULT_MAX_PAGES
from dlrkit._errors import InvalidFieldError, PaginationError

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")
PageT_contra = TypeVar("PageT_contra", contravariant=True)
ItemT_co = TypeVar("ItemT_co", covariant=True)

Params = Mapping[str, Any]


class PageStrategy(Protocol[PageT_contra, ItemT_co]):
    """How to read one kind of page."""

    def items(self, page: PageT_contra) -> Sequence[ItemT_co]:
        """Return the items on ``page``, in order."""
        ...

    def next_params(self, page: PageT_contra, params: Params) -> Params | None:
        """Return the parameters for the page after ``page`` (fetched with ``params``), or None."""
        ...


class _Guard(Generic[PageT, ItemT]):
    """Counts pages and refuses a next page that could only repeat what came before."""

    def __init__(
        self, strategy: PageStrategy[PageT, ItemT], max_pages: int, *, drain: bool = False
    ) -> None:
        _check_max_pages(max_pages)
        self.strategy = strategy
        self.max_pages = max_pages
        self.drain = drain
        self.fetched = 0
        self.previous: list[ItemT] | None = None

    def check(self) -> None:
        if self.fetched >= self.max_pages:
            msg = f"stopped after max_pages={self.max_pages} pages; raise it if that is expected"
            raise PaginationError(msg)
        self.fetched += 1

    def advance(self, page: PageT, params: Params) -> Params | None:
        items = list(self.strategy.items(page))
        if not items:  # the one end-of-listing rule (module docstring), drain mode included
            return None
        if items == self.previous:
            msg = (
                f"page {self.fetched} repeats page {self.fetched - 1} item for item; "
                "the API is ignoring the page parameter"
            )
            raise PaginationError(msg)
        self.previous = items
        following = self.strategy.next_params(page, params)
        if not self.drain and following is not None and dict(following) == dict(params):
            msg = f"the next page request repeats the current one ({dict(params)!r})"
            raise PaginationError(msg)
        return following


def _check_max_pages(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidFieldError("max_pages", value, "must be an int >= 1")


class SyncPager(Generic[PageT, ItemT]):
    """Every item of a paginated listing, fetched one page at a time, lazily.

    ``fetch(params)`` returns one page; iteration starts with ``params`` and asks
    ``strategy`` for the next parameters until it answers ``None``. `PaginationError` is
    raised when a page repeats the previous page's items, when the next parameters equal
    the current ones, or before fetching page ``max_pages + 1``. A page with no items ends
    the iteration, whatever the strategy says. Each iteration starts over.

    ``drain=True`` is for queues that hand each item out once (Infobip's reports): the same
    request is repeated until a page comes back empty, so equal parameters are expected; a
    page repeating the previous page's items still stops the pager.
    """

    def __init__(
        self,
        fetch: Callable[[Params], PageT],
        strategy: PageStrategy[PageT, ItemT],
        params: Params,
        *,
        max_pages: int = DEFAULT_MAX_PAGES,
        drain: bool = False,
    ) -> None:
        _check_max_pages(max_pages)  # now, not at first iteration
        self._fetch = fetch
        self._strategy = strategy
        self._params = dict(params)
        self._max_pages = max_pages
        self._drain = drain

    def __repr__(self) -> str:
        return f"SyncPager(params={self._params!r}, max_pages={self._max_pages})"

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            yield from self._strategy.items(page)

    def iter_pages(self) -> Iterator[PageT]:
        """Yield each page in turn, starting from the first."""
        guard = _Guard(self._strategy, self._max_pages, drain=self._drain)
        params: Params | None = self._params
        while params is not None:
            guard.check()
            page = self._fetch(params)
            yield page
            params = guard.advance(page, params)

    def first_page(self) -> PageT:
        """Fetch and return the first page only."""
        return self._fetch(self._params)


class AsyncPager(Generic[PageT, ItemT]):
    """The async twin of `SyncPager`, with the same guards.

    ``async for item in pager`` yields items; ``async for page in pager.iter_pages()``
    yields pages; ``await pager`` returns the first page.
    """

    def __init__(
        self,
        fetch: Callable[[Params], Awaitable[PageT]],
        strategy: PageStrategy[PageT, ItemT],
        params: Params,
        *,
        max_pages: int = DEFAULT_MAX_PAGES,
        drain: bool = False,
    ) -> None:
        _check_max_pages(max_pages)
        self._fetch = fetch
        self._strategy = strategy
        self._params = dict(params)
        self._max_pages = max_pages
        self._drain = drain

    def __repr__(self) -> str:
        return f"AsyncPager(params={self._params!r}, max_pages={self._max_pages})"

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages():
            for item in self._strategy.items(page):
                yield item

    async def iter_pages(self) -> AsyncIterator[PageT]:
        """Yield each page in turn, starting from the first."""
        guard = _Guard(self._strategy, self._max_pages, drain=self._drain)
        params: Params | None = self._params
        while params is not None:
            guard.check()
            page = await self._fetch(params)
            yield page
            params = guard.advance(page, params)

    async def first_page(self) -> PageT:
        """Fetch and return the first page only."""
        return await self._fetch(self._params)

    def __await__(self) -> Generator[Any, None, PageT]:
        return self.first_page().__await__()
