"""Hypothesis strategies and builders for the Routee overlay tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from dlrkit.routee import DETAILED_STATUS_MAP, STATUS_MAP
from hypothesis import strategies as st

# Any text, biased towards the documented values and their case and spacing variants.
status_texts = st.one_of(
    st.sampled_from(sorted(STATUS_MAP)),
    st.sampled_from(sorted(STATUS_MAP)).map(str.upper),
    st.text(max_size=30),
)
detailed_texts = st.one_of(
    st.none(),
    st.sampled_from(sorted(DETAILED_STATUS_MAP)),
    st.sampled_from(sorted(DETAILED_STATUS_MAP)).map(lambda s: f"  {s.lower()} "),
    st.text(max_size=30),
)


def tracking_item(
    index: int = 0,
    *,
    status: str = "Delivered",
    detailed: str | None = "Delivered",
    date: str = "2016-08-19T15:00Z",
    **extra: Any,
) -> dict[str, Any]:
    """Return a multi-message tracking object as Routee's docs describe it."""
    reason = None if detailed is None else {"detailedStatus": detailed, "description": "why"}
    item: dict[str, Any] = {
        "smsId": f"sms-{index}",
        "messageId": f"msg-{index}",
        "to": "+306948530920",
        "from": "Routee",
        "status": {"status": status, "date": date, "reason": reason},
        "parts": 1,
        "part": 1,
        "price": 0.0345,
        "campaignName": None,
        "campaignTrackingId": None,
    }
    item.update(extra)
    return item


def spring_pages(
    total: int, *, never_last: bool = False
) -> Callable[[httpx.Request], httpx.Response]:
    """Serve ``total`` items as Spring pages, honouring ``page`` and ``size``."""

    def respond(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "0"))
        size = int(request.url.params.get("size", "20"))
        content = [tracking_item(i) for i in range(page * size, min((page + 1) * size, total))]
        pages = -(-total // size)
        body = {
            "content": content,
            "totalPages": pages,
            "last": False if never_last else page + 1 >= pages,
            "totalElements": total,
            "first": page == 0,
            "numberOfElements": len(content),
            "number": page,
            "size": size,
        }
        return httpx.Response(200, json=body)

    return respond
