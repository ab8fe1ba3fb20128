"""Infobip contract: GET /sms/1/reports, and each report is delivered only once."""

from __future__ import annotations

from typing import Any

import pytest

from dlrkit_contract._suite import Suite

suite = Suite.for_module("infobip")

OPERATION = "get_sms_delivery_reports"
# Enough rounds to drain any data set the reference server builds.
_MAX_ROUNDS = 200


def _message_ids(body: Any) -> list[str]:
    return [str(report.get("messageId")) for report in body["results"]]


def test_reports_returned_once() -> None:
    """Draining the queue returns every report exactly once, then nothing more."""
    # Fuzzing drains reports, so this runs first, and on a fresh server when embedded.
    target = suite.fresh() or suite
    # A remote run's preflight took one report (limit=1); it counts as seen.
    seen = {m for e in target.preflight.exchanges if e.status == 200 for m in _message_ids(e.body)}
    small = target.call(OPERATION, query={"limit": 7})
    small_batch = _message_ids(small.body)
    first = target.call(OPERATION, query={"limit": 1000})
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
        exchange = target.call(OPERATION, query={"limit": 1000})
    else:
        target.expect(False, exchange, "reports_returned_once", "the queue never drained")


def _baseline(_: Suite, __: str) -> dict[str, dict[str, Any]]:
    return {}


test_auth = suite.auth_test(_baseline)
test_boundaries = suite.boundary_test(_baseline)
test_conformance = suite.conformance_test()
test_stateful = suite.stateful_test()
