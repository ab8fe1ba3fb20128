"""Infobip contract: reports (v1, v3) are delivered once; logs (v1, v3) are repeatable.

Provider rules: each report is returned only once; logs return the same rows however often
they are read; the v3 logs cursor visits each row exactly once; v1 and v3 logs agree on every
message's status, times and price.
"""

from __future__ import annotations

from typing import Any

import pytest
from schemathesis import Case

from dlrkit_contract._paging import MAX_PAGES, repeated
from dlrkit_contract._suite import Suite

suite = Suite.for_module("infobip")

OPERATION = "get_sms_delivery_reports"
LOGS = "get_sms_logs"
LOGS_V1 = "get_sms_logs_v1"
# Enough rounds to drain any data set the reference server builds.
_MAX_ROUNDS = 200
# Small pages, so a cursor walk over the reference data takes many steps.
_PAGE = 37
_AGREE = ("status", "sentAt", "doneAt", "price")


def _valid_log_filters(case: Case[Any]) -> None:
    """Keep positive log cases valid where the schema cannot say so.

    A ``cursor`` must be one the server issued (a random string is rightly refused), and
    ``mnc`` needs ``mcc`` (Infobip: "Mobile Country Code is required if this property is used").
    """
    meta = case.meta
    if case.operation.definition.raw.get("operationId") not in (LOGS, LOGS_V1):
        return
    if meta is None or not meta.generation.mode.is_positive or not case.query:
        return
    case.query.pop("cursor", None)
    if "mnc" in case.query and "mcc" not in case.query:
        del case.query["mnc"]


suite.case_adjusters.append(_valid_log_filters)


def _message_ids(body: Any) -> list[str]:
    return [str(report.get("messageId")) for report in body["results"]]


@pytest.mark.parametrize("operation", [OPERATION, "get_sms_delivery_reports_v3"])
def test_reports_returned_once(operation: str) -> None:
    """Draining the queue (v1 or v3) returns every report exactly once, then nothing more."""
    # Fuzzing drains reports, so this runs first, and on a fresh server when embedded.
    target = suite.fresh() or suite
    # A remote run's preflight took one report (limit=1); it counts as seen.
    seen = {m for e in target.preflight.exchanges if e.status == 200 for m in _message_ids(e.body)}
    small = target.call(operation, query={"limit": 7})
    small_batch = _message_ids(small.body)
    first = target.call(operation, query={"limit": 1000})
    if not (seen or small_batch or _message_ids(first.body)):
        # Nothing to count: recording the checks as run would claim what was not shown.
        if target is suite:
            pytest.skip(
                "the target's report queue was empty (drained by an earlier run?), so "
                "reports_returned_once and batch_limit showed nothing"
            )
        target.expect(False, first, "reports_returned_once", "a fresh server has no reports")
    if small_batch:
        target.expect(
            len(small_batch) <= 7,
            small,
            "batch_limit",
            f"limit=7 returned {len(small_batch)} reports",
        )
    seen.update(small_batch)
    exchange = first
    for _ in range(_MAX_ROUNDS):
        batch = _message_ids(exchange.body)
        repeated = sorted(
            {m for m in batch if m in seen} | {m for m in batch if batch.count(m) > 1}
        )
        target.expect(
            not repeated,
            exchange,
            "reports_returned_once",
            f"messageIds returned again: {', '.join(repeated[:5])}",
        )
        if not batch:
            break
        seen.update(batch)
        exchange = target.call(operation, query={"limit": 1000})
    else:
        target.expect(False, exchange, "reports_returned_once", "the queue never drained")


def _rows(target: Suite, operation: str, **query: Any) -> list[dict[str, Any]]:
    exchange = target.call(operation, query={"limit": 1000, **query})
    rows: list[dict[str, Any]] = exchange.body["results"]
    return rows


def test_logs_are_repeatable() -> None:
    """Reading logs consumes nothing: the same query returns the same rows again."""
    for operation in (LOGS, LOGS_V1):
        first = suite.call(operation, query={"limit": 1000})
        again = suite.call(operation, query={"limit": 1000})
        lost = sorted(
            {str(r.get("messageId")) for r in first.body["results"]}
            - {str(r.get("messageId")) for r in again.body["results"]}
        )
        suite.expect(
            not lost,
            again,
            "logs_repeatable",
            f"{len(lost)} rows of the first read are gone in the second: {', '.join(lost[:5])}",
        )
        if not first.body["results"]:
            pytest.skip("the target has no logs to check")


def test_logs_cursor_is_consistent() -> None:
    """The cursor visits each row once, skips none, and each page keeps its limit."""
    whole = suite.call(LOGS, query={"limit": 1000})
    expected = [str(r.get("messageId")) for r in whole.body["results"]]
    seen: list[str] = []
    query: dict[str, Any] = {"limit": _PAGE, "useCursor": "true"}
    for _ in range(MAX_PAGES):
        page = suite.call(LOGS, query=query)
        rows = page.body["results"]
        cursor = page.body.get("cursor")
        suite.expect(
            isinstance(cursor, dict) and len(rows) <= _PAGE,
            page,
            "cursor_consistency",
            f"useCursor=true must give a cursor object and at most {_PAGE} rows, "
            f"got cursor={cursor!r} and {len(rows)} rows",
        )
        seen += [str(r.get("messageId")) for r in rows]
        twice = repeated(seen)
        suite.expect(
            not twice, page, "cursor_consistency", f"rows returned twice: {', '.join(twice[:5])}"
        )
        following = cursor.get("nextCursor") if isinstance(cursor, dict) else None
        if following is None:
            break
        query = {"limit": _PAGE, "useCursor": "true", "cursor": following}
    else:
        suite.expect(False, page, "cursor_consistency", f"no last page after {MAX_PAGES} pages")
    if len(expected) < 1000:  # one read held every row: the walk must find exactly those
        skipped = sorted(set(expected) - set(seen))
        suite.expect(
            not skipped,
            page,
            "cursor_consistency",
            f"{len(skipped)} rows never visited by the cursor: {', '.join(skipped[:5])}",
        )
    if not expected:
        pytest.skip("the target has no logs to walk")


def test_v1_and_v3_logs_agree() -> None:
    """Both logs versions show each message with the same status, times and price."""
    v3 = {str(r.get("messageId")): r for r in _rows(suite, LOGS)}
    exchange = suite.call(LOGS_V1, query={"limit": 1000})
    v1 = {str(r.get("messageId")): r for r in exchange.body["results"]}
    only = sorted(set(v1) ^ set(v3))
    suite.expect(
        len(v1) == 1000 or not only,  # a full page may cut the two lists at different rows
        exchange,
        "versions_agree",
        f"messages in one logs version only: {', '.join(only[:5])}",
    )
    differ = [
        f"{message_id}.{key}"
        for message_id in sorted(set(v1) & set(v3))
        for key in _AGREE
        if v1[message_id].get(key) != v3[message_id].get(key)
    ]
    suite.expect(
        not differ,
        exchange,
        "versions_agree",
        f"v1 and v3 logs disagree on {', '.join(differ[:5])}",
    )
    if not v3:
        pytest.skip("the target has no logs to compare")


def _baseline(_: Suite, __: str) -> dict[str, dict[str, Any]]:
    return {}


test_auth = suite.auth_test(_baseline)
test_boundaries = suite.boundary_test(_baseline)
test_conformance = suite.conformance_test()
test_stateful = suite.stateful_test()
