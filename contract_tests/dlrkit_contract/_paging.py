"""Small helpers for the pagination rule tests."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["MAX_PAGES", "ceil_div", "identity", "link_page", "link_query", "repeated"]

#: A crawl longer than this is treated as a pagination loop.
MAX_PAGES = 500


def link_query(url: str) -> dict[str, str]:
    """Return the query parameters of a pagination link (last value wins)."""
    return {key: values[-1] for key, values in parse_qs(urlsplit(url).query).items()}


def link_page(url: str | None) -> int | None:
    """Return the ``page`` a link points to; ``None`` for no link or no integer page."""
    if url is None:
        return None
    try:
        return int(link_query(url)["page"])
    except (KeyError, ValueError):
        return None


def identity(item: Any, key: str | None) -> str:
    """Return an item's identity: ``item[key]`` if given, else the item as canonical JSON."""
    if key is not None and isinstance(item, dict) and key in item:
        return str(item[key])
    return json.dumps(item, sort_keys=True)


def repeated(identities: Iterable[str]) -> list[str]:
    """Identities seen more than once."""
    return sorted(i for i, n in Counter(identities).items() if n > 1)


def ceil_div(numerator: int, denominator: int) -> int:
    """``ceil(numerator / denominator)`` for positive denominators."""
    return -(-numerator // denominator)
