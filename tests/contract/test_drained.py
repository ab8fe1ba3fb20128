"""A drained Infobip queue is a gap, not a pass (issue 9, finding 6)."""

from __future__ import annotations

import io

import httpx
from dlrkit_contract import Settings, run
from dlrkit_contract._serving import served
from dlrkit_contract._settings import EMBEDDED_TOKEN
from dlrkit_servers import create_app


def test_drained_queue_is_listed_as_skipped_and_not_as_run() -> None:
    """With no reports left, reports_returned_once is skipped with its reason, never 'run'."""
    server = create_app("infobip", token=EMBEDDED_TOKEN, seed=0)
    with served(server.app) as origin:
        headers = {"Authorization": f"App {EMBEDDED_TOKEN}"}
        with httpx.Client(base_url=origin, headers=headers, timeout=30) as client:
            for _ in range(100):
                if not client.get("/sms/1/reports", params={"limit": 1000}).json()["results"]:
                    break
        settings = Settings.resolve(seed=0, profile="ci", token=EMBEDDED_TOKEN, environ={})
        settings = settings.with_(base_url=origin, select="reports_returned_once")
        result = run(["infobip"], settings, stream=io.StringIO())
    found = result.providers["infobip"]
    checks = {c for stats in found.operations.values() for c in stats.checks}
    assert "reports_returned_once" not in checks
    assert "batch_limit" not in checks
    assert any("report queue was empty" in gap for gap in found.gaps())
