"""MailerSend contract: activity, messages, recipients and webhooks, paginators and updates."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from schemathesis import Case

from dlrkit_contract._exchange import Exchange
from dlrkit_contract._paging import MAX_PAGES, ceil_div, identity, link_page, repeated
from dlrkit_contract._suite import Suite

suite = Suite.for_module("mailersend")

PAGINATION = "pagination_consistency"


def _first_id(list_operation: str) -> str:
    exchange = suite.call(list_operation, query={"limit": 10})
    data = exchange.body["data"]
    if not data:
        pytest.skip(f"{list_operation} returned no items to work with")
    return str(data[0]["id"])


def _id_for(operation_id: str, list_operation: str) -> str:
    return suite.sample_id(operation_id) or _first_id(list_operation)


def _page_checks(exchange: Exchange, page: int, limit: int, *, simple: bool) -> None:
    body = exchange.body
    meta, links, count = body["meta"], body["links"], len(body["data"])
    problems = []
    if meta["current_page"] != page:
        problems.append(f"meta.current_page is {meta['current_page']}, requested page {page}")
    if int(meta["per_page"]) != limit:
        problems.append(f"meta.per_page is {meta['per_page']!r}, expected {limit}")
    if count > limit:
        problems.append(f"{count} items on a page of {limit}")
    start = (page - 1) * limit + 1
    expected = (start, start + count - 1) if count else (None, None)
    if (meta["from"], meta["to"]) != expected:
        problems.append(f"meta.from/to are {meta['from']}/{meta['to']}, expected {expected}")
    if link_page(links["first"]) != 1:
        problems.append(f"links.first {links['first']!r} is not page 1")
    if link_page(links["prev"]) != (page - 1 if page > 1 else None):
        problems.append(f"links.prev {links['prev']!r} on page {page}")
    if links["next"] is not None and link_page(links["next"]) != page + 1:
        problems.append(f"links.next {links['next']!r} is not page {page + 1}")
    if links["next"] is not None and count < limit:
        problems.append(f"links.next is set on a short page ({count} of {limit} items)")
    if simple and links["last"] is not None:
        problems.append("links.last must be null on a simple paginator")
    if not simple:
        last_page = max(1, ceil_div(meta["total"], limit))
        if meta["last_page"] != last_page:
            problems.append(f"meta.last_page is {meta['last_page']}, total gives {last_page}")
        if link_page(links["last"]) != last_page:
            problems.append(f"links.last {links['last']!r} is not page {last_page}")
        if (links["next"] is None) != (page >= last_page):
            problems.append(f"links.next {links['next']!r} on page {page} of {last_page}")
        buttons = meta["links"]
        active = [b["label"] for b in buttons if b["active"]]
        if page <= last_page and active != [str(page)]:
            problems.append(f"meta.links marks {active} active on page {page}")
        if buttons and (buttons[0]["url"], buttons[-1]["url"]) != (links["prev"], links["next"]):
            problems.append("meta.links' Previous/Next urls differ from links.prev/next")
    suite.expect(not problems, exchange, PAGINATION, "; ".join(problems))


def _crawl(operation: str, *, limit: int | None, simple: bool) -> tuple[list[Any], int | None]:
    """Follow ``links.next`` from page 1; return every item and ``meta.total`` (if any)."""
    items: list[Any] = []
    query: dict[str, Any] = {} if limit is None else {"limit": limit}
    page, total, exchange = 1, None, None
    for _ in range(MAX_PAGES):
        exchange = suite.call(operation, query={**query, "page": page})
        _page_checks(exchange, page, limit or 25, simple=simple)
        items += exchange.body["data"]
        total = exchange.body["meta"].get("total")
        next_page = link_page(exchange.body["links"]["next"])
        if next_page is None:
            return items, total
        page = next_page
    assert exchange is not None
    suite.expect(False, exchange, PAGINATION, f"links.next still set after {MAX_PAGES} pages")
    return items, total


@pytest.mark.parametrize(
    ("operation", "key", "simple"),
    [
        pytest.param("list_sms_activity", None, True, id="list_sms_activity"),
        pytest.param("list_sms_recipients", "id", True, id="list_sms_recipients"),
        pytest.param("list_sms_messages", "id", False, id="list_sms_messages"),
    ],
)
def test_pagination(operation: str, key: str | None, simple: bool) -> None:
    """Following links.next visits every item exactly once, and meta/links agree with it."""
    # The links carry only `page`, so a client following them gets the default page size.
    followed, total = _crawl(operation, limit=None, simple=simple)
    widest, _ = _crawl(operation, limit=100, simple=simple)
    last = suite.call(operation, query={"page": 1, "limit": 10})
    ids = [identity(item, key) for item in followed]
    suite.expect(
        not (key and repeated(ids)),
        last,
        PAGINATION,
        f"items seen on more than one page: {repeated(ids)[:5]}",
    )
    suite.expect(
        ids == [identity(item, key) for item in widest],
        last,
        PAGINATION,
        f"pages of 25 gave {len(followed)} items, pages of 100 gave {len(widest)} "
        "(or in another order)",
    )
    if total is not None:
        suite.expect(
            total == len(followed),
            last,
            PAGINATION,
            f"meta.total is {total}, the pages held {len(followed)} items",
        )


def test_recipient_update_is_visible() -> None:
    """A recipient's new status (PUT) is what the next GET returns, both ways."""
    recipient_id = _id_for("get_sms_recipient", "list_sms_recipients")
    path = {"sms_recipient_id": recipient_id}
    before = suite.call("get_sms_recipient", path=path).body["data"]["status"]
    for status in [("opt_out" if before == "active" else "active"), before]:
        put = suite.call("update_sms_recipient", path=path, body={"status": status})
        suite.expect(
            put.status == 200 and put.body["data"]["status"] == status,
            put,
            "update_visible",
            f"PUT status={status!r} answered HTTP {put.status} with {put.body}",
        )
        read = suite.call("get_sms_recipient", path=path)
        suite.expect(
            read.body["data"]["status"] == status,
            read,
            "update_visible",
            f"after PUT status={status!r}, GET returns {read.body['data']['status']!r}",
        )


@functools.cache
def _known_number() -> str | None:
    """Return an sms_number_id of the target: a sample webhook's number (None if unknown)."""
    webhook_id = suite.sample_id("get_sms_webhook")
    if webhook_id is None:
        return None
    exchange = suite.call("get_sms_webhook", path={"sms_webhook_id": webhook_id})
    return str(exchange.body["data"]["sms_number"]["id"]) if exchange.status == 200 else None


def _number_or_skip() -> str:
    number_id = _known_number()
    if number_id is None:
        pytest.skip("the target lists no sample SMS webhook, so no sms_number_id is known")
    return number_id


def _known_number_in_positive_cases(case: Case[Any]) -> None:
    """Put a real ``sms_number_id`` into positive webhook list and create cases.

    Webhooks hang off a sending number, and any id the account lacks is a 422; a random id
    never exists, so without this no webhook would ever be listed or created, and no link
    from a created webhook (get, update, delete, then use_after_free) would be followed.
    """
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return
    label = case.operation.label
    if label == "GET /sms-webhooks" and case.query and "sms_number_id" in case.query:
        number_id = _known_number()
        if number_id is not None:
            case.query["sms_number_id"] = number_id
    elif (
        label == "POST /sms-webhooks"
        and isinstance(case.body, dict)
        and "sms_number_id" in case.body
    ):
        number_id = _known_number()
        if number_id is not None:
            case.body["sms_number_id"] = number_id


suite.case_adjusters.append(_known_number_in_positive_cases)


def test_webhook_lifecycle() -> None:
    """A created webhook reads back as updated; once deleted it is 404 and no longer listed."""
    number_id = _number_or_skip()
    body = {
        "sms_number_id": number_id,
        "name": "dlrkit-contract",
        "url": "https://example.com/dlrkit/contract",
        "events": ["sms.delivered", "sms.failed"],
    }
    created = suite.call("create_sms_webhook", body=body)
    suite.expect(
        created.status == 201,
        created,
        "update_visible",
        f"create with a known sms_number_id answered HTTP {created.status}: {created.body}",
    )
    path = {"sms_webhook_id": created.body["data"]["id"]}
    update = {"name": "dlrkit-contract-renamed", "events": [], "enabled": False}
    put = suite.call("update_sms_webhook", path=path, body=update)
    read = suite.call("get_sms_webhook", path=path)
    seen = {key: read.body["data"].get(key) for key in update} if read.status == 200 else None
    suite.expect(
        put.status == 200 and seen == update,
        read,
        "update_visible",
        f"after PUT {update} (HTTP {put.status}), GET answers HTTP {read.status} with {seen}",
    )
    deleted = suite.call("delete_sms_webhook", path=path)
    suite.expect(
        deleted.status == 204,
        deleted,
        "delete_visible",
        f"DELETE answered HTTP {deleted.status}",
    )
    after = [
        suite.call(op, path=path, body=update if op == "update_sms_webhook" else None)
        for op in ("get_sms_webhook", "update_sms_webhook", "delete_sms_webhook")
    ]
    for exchange in after:
        suite.expect(
            exchange.status == 404,
            exchange,
            "delete_visible",
            f"{exchange.label} on a deleted webhook answered HTTP {exchange.status}, not 404",
        )
    listing = suite.call("list_sms_webhooks", query={"sms_number_id": number_id, "limit": 100})
    ids = [row["id"] for row in listing.body["data"]]
    suite.expect(
        path["sms_webhook_id"] not in ids,
        listing,
        "delete_visible",
        f"the deleted webhook {path['sms_webhook_id']} is still listed",
    )


def _baseline(_: Suite, operation_id: str) -> dict[str, dict[str, Any]]:
    if operation_id == "list_sms_webhooks":
        return {"query": {"sms_number_id": _number_or_skip()}}
    if operation_id in {"get_sms_webhook", "update_sms_webhook", "delete_sms_webhook"}:
        # Path boundaries replace the id ("x"), so the sample webhook is never deleted here.
        webhook_id = suite.sample_id("get_sms_webhook") or "k68zxl27x34j9057"
        body = {"body": {"name": "boundary"}} if operation_id == "update_sms_webhook" else {}
        return {"path": {"sms_webhook_id": webhook_id}, **body}
    if operation_id == "get_sms_message":
        return {"path": {"sms_message_id": _id_for(operation_id, "list_sms_messages")}}
    if operation_id in {"get_sms_recipient", "update_sms_recipient"}:
        return {
            "path": {"sms_recipient_id": _id_for("get_sms_recipient", "list_sms_recipients")},
            "body": {"status": "active"} if operation_id == "update_sms_recipient" else {},
        }
    return {}


_UNKNOWN_NUMBER = (
    "a one-character sms_number_id is well-formed but names no number of the account, which "
    "MailerSend answers with 422 (documented); the bound itself cannot be shown accepted"
)
test_known_ids = suite.known_ids_test()
test_auth = suite.auth_test(_baseline)
test_boundaries = suite.boundary_test(
    _baseline,
    skip={
        "list_sms_activity-sms_number_id-minLength": _UNKNOWN_NUMBER,
        "list_sms_recipients-sms_number_id-minLength": _UNKNOWN_NUMBER,
        "list_sms_webhooks-sms_number_id-minLength": _UNKNOWN_NUMBER,
    },
)
test_conformance = suite.conformance_test()
test_stateful = suite.stateful_test()
