"""Laravel's two paginators as MailerSend serves them.

Links carry only ``?page=N``: the real server's recorded ``links.first`` drops every filter and
``limit``, which is Laravel's default (no ``withQueryString()``), so ``prev``/``next``/``last``
and ``meta.links[].url`` drop them too. A client that follows ``links.next`` as given loses its
filters and page size; dlrkit's overlay builds the next request from ``page`` numbers instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

__all__ = ["length_aware_page", "simple_page"]

T = TypeVar("T")
# Laravel's UrlWindow: pages shown on each side of the current one.
_ON_EACH_SIDE = 3


def _slice(items: Sequence[T], page: int, limit: int) -> tuple[Sequence[T], int]:
    start = (page - 1) * limit
    return items[start : start + limit], start


def _range(first: int, count: int) -> tuple[int | None, int | None]:
    return (first + 1, first + count) if count else (None, None)


def simple_page(
    items: Sequence[T], *, page: int, limit: int, per_page: int | str, path: str
) -> tuple[Sequence[T], dict[str, object]]:
    """Return the page's items and the simple paginator's ``links`` and ``meta`` (no total)."""
    chunk, start = _slice(items, page, limit)
    more = len(items) > start + limit
    first, last = _range(start, len(chunk))
    envelope: dict[str, object] = {
        "links": {
            "first": f"{path}?page=1",
            "last": None,
            "prev": f"{path}?page={page - 1}" if page > 1 else None,
            "next": f"{path}?page={page + 1}" if more else None,
        },
        "meta": {
            "current_page": page,
            "from": first,
            "path": path,
            "per_page": per_page,
            "to": last,
        },
    }
    return chunk, envelope


def length_aware_page(
    items: Sequence[T], *, page: int, limit: int, path: str
) -> tuple[Sequence[T], dict[str, object]]:
    """Return the page's items and the length-aware paginator's ``links`` and ``meta``."""
    chunk, start = _slice(items, page, limit)
    total = len(items)
    last_page = max(-(-total // limit), 1)
    first, last = _range(start, len(chunk))
    prev_url = f"{path}?page={page - 1}" if page > 1 else None
    next_url = f"{path}?page={page + 1}" if page < last_page else None
    buttons: list[dict[str, object]] = [
        {"url": prev_url, "label": "&laquo; Previous", "active": False}
    ]
    for element in _window(page, last_page):
        if element is None:
            buttons.append({"url": None, "label": "...", "active": False})
        else:
            buttons.append(
                {"url": f"{path}?page={element}", "label": str(element), "active": element == page}
            )
    buttons.append({"url": next_url, "label": "Next &raquo;", "active": False})
    envelope: dict[str, object] = {
        "links": {
            "first": f"{path}?page=1",
            "last": f"{path}?page={last_page}",
            "prev": prev_url,
            "next": next_url,
        },
        "meta": {
            "current_page": page,
            "from": first,
            "last_page": last_page,
            "links": buttons,
            "path": path,
            "per_page": limit,
            "to": last,
            "total": total,
        },
    }
    return chunk, envelope


def _window(page: int, last_page: int) -> list[int | None]:
    """Page numbers to show, ``None`` for a ``...`` gap (Laravel ``UrlWindow``, 3 each side)."""
    side = _ON_EACH_SIDE
    if last_page < side * 2 + 8:
        return list(range(1, last_page + 1))
    window = side + 4
    start, finish = [1, 2], [last_page - 1, last_page]
    if page <= window:
        return [*range(1, window + side + 1), None, *finish]
    if page > last_page - window:
        return [*start, None, *range(last_page - (window + side - 1), last_page + 1)]
    return [*start, None, *range(page - side, page + side + 1), None, *finish]
