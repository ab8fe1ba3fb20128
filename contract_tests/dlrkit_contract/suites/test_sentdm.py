"""sent.dm contract: message status, activities and the contact list's page-number paging."""

from __future__ import annotations

from typing import Any

import pytest

from dlrkit_contract._paging import MAX_PAGES, ceil_div, identity, repeated
from dlrkit_contract._suite import Suite

suite = Suite.for_module("sentdm")

PAGINATION = "pagination_consistency"
OPERATION = "list_contacts"


def _crawl(page_size: int) -> tuple[list[Any], int]:
    """Request pages 1, 2, ... while has_more says so; return the contacts and total_count."""
    contacts: list[Any] = []
    total = 0
    for page in range(1, MAX_PAGES + 1):
        exchange = suite.call(OPERATION, query={"page": page, "page_size": page_size})
        data = exchange.body["data"]
        meta, rows = data["pagination"], data["contacts"]
        total = meta["total_count"]
        total_pages = ceil_div(total, page_size)
        problems = []
        if (meta["page"], meta["page_size"]) != (page, page_size):
            problems.append(f"page/page_size are {meta['page']}/{meta['page_size']}")
        if meta["total_pages"] != total_pages:
            problems.append(
                f"total_pages is {meta['total_pages']}, total_count gives {total_pages}"
            )
        if meta["has_more"] != (page < total_pages):
            problems.append(f"has_more is {meta['has_more']} on page {page} of {total_pages}")
        expected_rows = max(0, min(page_size, total - (page - 1) * page_size))
        if len(rows) != expected_rows:
            problems.append(f"{len(rows)} contacts on page {page}, expected {expected_rows}")
        suite.expect(not problems, exchange, PAGINATION, "; ".join(problems))
        contacts += rows
        if not meta["has_more"]:
            return contacts, total
    suite.expect(False, exchange, PAGINATION, f"has_more still true after {MAX_PAGES} pages")
    return contacts, total


@pytest.mark.parametrize("page_size", [7, 20])
def test_pagination(page_size: int) -> None:
    """Paging while has_more visits every contact once; counts agree with what came back."""
    contacts, total = _crawl(page_size)
    everything = suite.call(OPERATION, query={"page": 1, "page_size": max(total, 1)})
    ids = [identity(c, "id") for c in contacts]
    suite.expect(
        not repeated(ids), everything, PAGINATION, f"contacts on several pages: {repeated(ids)[:5]}"
    )
    suite.expect(
        len(ids) == total,
        everything,
        PAGINATION,
        f"total_count is {total}, the pages held {len(ids)} contacts",
    )
    suite.expect(
        ids == [identity(c, "id") for c in everything.body["data"]["contacts"]],
        everything,
        PAGINATION,
        f"pages of {page_size} and one page of {total} list different contacts (or order)",
    )


def _baseline(_: Suite, __: str) -> dict[str, dict[str, Any]]:
    return {}


test_known_ids = suite.known_ids_test()
test_auth = suite.auth_test(_baseline)
test_boundaries = suite.boundary_test(_baseline)
test_conformance = suite.conformance_test()
test_stateful = suite.stateful_test()
