"""Routee contract: tracking searches, single and campaign tracking, Spring pages, 7-day window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from schemathesis import Case

from dlrkit_contract._exchange import Exchange
from dlrkit_contract._paging import MAX_PAGES, ceil_div, identity, repeated
from dlrkit_contract._suite import Suite

suite = Suite.for_module("routee")

PAGINATION = "pagination_consistency"
WINDOW = timedelta(days=7)
# A remote server's clock is not ours: keep clear of its window edge by this much.
_SKEW = timedelta(minutes=5)


def _now() -> datetime:
    return suite.target.now or datetime.now(UTC).replace(second=0, microsecond=0)


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def _recent() -> dict[str, str]:
    now = _now()
    return {"dateStart": _stamp(now - timedelta(days=1)), "dateEnd": _stamp(now)}


def _page_problems(body: dict[str, Any], page: int, size: int) -> list[str]:
    total, count = body["totalElements"], len(body["content"])
    total_pages = ceil_div(total, size)
    problems = []
    if (body["number"], body["size"]) != (page, size):
        problems.append(f"number/size are {body['number']}/{body['size']}, asked {page}/{size}")
    if body["numberOfElements"] != count:
        problems.append(f"numberOfElements is {body['numberOfElements']}, content has {count}")
    if body["totalPages"] != total_pages:
        problems.append(f"totalPages is {body['totalPages']}, totalElements gives {total_pages}")
    if body["first"] != (page == 0):
        problems.append(f"first is {body['first']} on page {page}")
    if body["last"] != (page >= total_pages - 1):
        problems.append(f"last is {body['last']} on page {page} of {total_pages}")
    if count != max(0, min(size, total - page * size)):
        problems.append(f"{count} items on page {page} of {total_pages}")
    return problems


def _crawl(operation: str, request: dict[str, Any], size: int) -> tuple[list[Any], Exchange]:
    items: list[Any] = []
    for page in range(MAX_PAGES):
        query = {**request.get("query", {}), "page": page, "size": size}
        exchange = suite.call(operation, path=request.get("path"), query=query)
        body = exchange.body
        problems = _page_problems(body, page, size)
        suite.expect(not problems, exchange, PAGINATION, "; ".join(problems))
        items += body["content"]
        if body["last"]:
            return items, exchange
    suite.expect(False, exchange, PAGINATION, f"last still false after {MAX_PAGES} pages")
    return items, exchange


def _campaign_id() -> str:
    known = suite.sample_id("track_campaign_sms")
    if known is not None:
        return known
    content = suite.call("track_sms", query={**_recent(), "campaign": True}).body["content"]
    found = next(
        (row["campaignTrackingId"] for row in content if row.get("campaignTrackingId")), None
    )
    if found is None:
        pytest.skip("no campaign found in the last day of tracking")
    return str(found)


def _dates_in_window(case: Case[Any]) -> None:
    """Move the dates of a positive ``track_sms`` case into the latest day.

    Routee refuses ranges outside the latest 7 days; random schema-valid dates almost never
    fall inside, so without this every positive search would test only that refusal (which
    test_date_window covers) and no link from a search result would ever be followed.
    """
    meta = case.meta
    if case.operation.label != "POST /sms/tracking" or meta is None:
        return
    if meta.generation.mode.is_positive and "dateStart" in case.query and "dateEnd" in case.query:
        case.query.update(_recent())


suite.case_adjusters.append(_dates_in_window)


def _requests() -> dict[str, dict[str, Any]]:
    return {
        "track_sms": {"query": _recent()},
        "track_campaign_sms": {"path": {"campaignTrackingId": _campaign_id()}},
    }


@pytest.mark.parametrize("operation", ["track_sms", "track_campaign_sms"])
def test_pagination(operation: str) -> None:
    """Walking the pages visits every tracking object once; the Spring page fields agree."""
    request = _requests()[operation]
    items, last = _crawl(operation, request, size=50)
    ids = [identity(item, "smsId") for item in items]
    total = last.body["totalElements"]
    suite.expect(not repeated(ids), last, PAGINATION, f"on several pages: {repeated(ids)[:5]}")
    suite.expect(
        len(ids) == total, last, PAGINATION, f"totalElements is {total}, pages held {len(ids)}"
    )
    if total <= 2000:
        whole = suite.call(
            operation,
            path=request.get("path"),
            query={**request.get("query", {}), "page": 0, "size": 2000},
        )
        suite.expect(
            ids == [identity(item, "smsId") for item in whole.body["content"]],
            whole,
            PAGINATION,
            "pages of 50 and one page of 2000 list different messages (or order)",
        )


def test_date_window() -> None:
    """A dateStart within the latest 7 days is accepted; further back it gets a 400."""
    now = _now()
    edge = now - WINDOW + (timedelta(0) if suite.target.now else _SKEW)
    for start, accepted in [
        (now - timedelta(days=6), True),
        (edge, True),
        (
            now - WINDOW - timedelta(minutes=10) - (timedelta(0) if suite.target.now else _SKEW),
            False,
        ),
        (now - timedelta(days=8), False),
    ]:
        exchange = suite.call(
            "track_sms", query={"dateStart": _stamp(start), "dateEnd": _stamp(now)}
        )
        ok = exchange.status == 200 if accepted else exchange.status == 400
        suite.expect(
            ok,
            exchange,
            "date_window",
            f"dateStart={_stamp(start)} ({(now - start).total_seconds() / 86400:.2f} days back) "
            f"should be {'accepted' if accepted else 'rejected with 400'}, "
            f"got HTTP {exchange.status}",
        )


def _baseline(_: Suite, operation_id: str) -> dict[str, dict[str, Any]]:
    if operation_id == "track_sms":
        return {"query": _recent()}
    if operation_id == "track_campaign_sms":
        return {"path": {"campaignTrackingId": _campaign_id()}}
    return {}


test_known_ids = suite.known_ids_test()
test_auth = suite.auth_test(_baseline)
test_boundaries = suite.boundary_test(
    _baseline,
    skip={
        "track_sms-sort-minLength": (
            "no tracking field has a one-character name, and the server refuses unknown sort "
            "fields with 400 (the spec types sort as any non-empty string)"
        ),
        "track_sms-trackingId-minLength": (
            "a one-character trackingId names no campaign, which Routee documents as a 400 "
            "(code 404009001) on this endpoint"
        ),
    },
)
test_conformance = suite.conformance_test()
test_stateful = suite.stateful_test()
