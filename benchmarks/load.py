"""Load: 50 concurrent clients on loopback for 30 s, with no errors and no corrupted state.

Runs ``dlrkit serve infobip`` and ``dlrkit serve mailersend`` and has every client loop over
four requests: drain a few Infobip reports, flip the status of one of its own MailerSend
recipients (PUT), read an activity page and read a message. Afterwards it checks that

* no Infobip report was delivered twice, and every seeded report was delivered once;
* no recipient update was lost: each recipient ends with the status of its owner's last
  acknowledged PUT, and the ``status`` filter of the list agrees;
* no request failed (transport error or non-2xx).

Standalone: ``python benchmarks/load.py [--seconds 30] [--clients 50]`` prints requests per
second and exits 1 if a check failed. ``run.py`` runs it too (3 s in smoke mode).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from _common import BenchResult, Mode, Table
from _loadgen import LoadResult, Request, connection_to, run_async, send_counted
from _servers import Served, build_app, served, static_headers

__all__ = ["LoadReport", "main", "run", "run_load_test"]

_STATUSES = ("active", "opt_out")


@dataclass(slots=True)
class LoadReport:
    """What the load run did and what its checks found."""

    clients: int
    seconds: float = 0.0
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    reports_seeded: int = 0
    reports_delivered: int = 0
    duplicate_reports: int = 0
    recipients_updated: int = 0
    updates_acknowledged: int = 0
    lost_updates: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        """Requests per second over the whole run (both servers)."""
        return self.requests / self.seconds if self.seconds else 0.0


def _recipients(server: Served) -> dict[str, str]:
    """Return every MailerSend recipient id with its status, read through the list."""
    return {row["id"]: row["status"] for row in _recipient_rows(server, {})}


def _opted_out(server: Served) -> set[str]:
    return {row["id"] for row in _recipient_rows(server, {"status": "opt_out"})}


def _recipient_rows(server: Served, filters: dict[str, str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with httpx.Client(base_url=server.base_url, headers=static_headers("mailersend")) as client:
        page = 1
        while True:
            params = {**filters, "limit": "100", "page": str(page)}
            body = client.get("/sms-recipients", params=params).json()
            rows += body["data"]
            if body["links"]["next"] is None:
                return rows
            page += 1


def _seeded_reports() -> list[str]:
    """Return the message ids the Infobip server is seeded with (same seed, built here)."""
    from dlrkit_servers.infobip import InfobipServer

    server = build_app("infobip")
    assert isinstance(server, InfobipServer)
    return [report.message_id for report in server.store.reports]


@dataclass(slots=True)
class _Seen:
    """What the clients observed: every report handed out, and each recipient's last PUT."""

    delivered: list[str] = field(default_factory=list)
    acknowledged: dict[str, str] = field(default_factory=dict)
    puts: int = 0


async def _client(
    index: int,
    infobip: Served,
    mailersend: Served,
    own: list[str],
    running: Callable[[], bool],
    result: LoadResult,
    seen: _Seen,
) -> None:
    reports, ms = connection_to(infobip.origin), connection_to(mailersend.origin)
    ib_headers = {**static_headers("infobip"), "Accept": "application/json"}
    ms_headers = {**static_headers("mailersend"), "Accept": "application/json"}
    put_headers = {**ms_headers, "Content-Type": "application/json"}
    base = mailersend.base_path
    message = mailersend.sample_ids["get_sms_message"][index % 3]
    try:
        for step in itertools.count():
            if not running():
                return
            limit = 1 + (index + step) % 5
            request = Request("GET", f"/sms/1/reports?limit={limit}", ib_headers)
            response = await send_counted(reports, request, result)
            if response is not None and response.status == 200:
                seen.delivered += [r["messageId"] for r in json.loads(response.body)["results"]]
            if own:
                recipient = own[step % len(own)]
                status = _STATUSES[(step // len(own) + index) % 2]
                body = json.dumps({"status": status}).encode()
                request = Request("PUT", f"{base}/sms-recipients/{recipient}", put_headers, body)
                response = await send_counted(ms, request, result)
                if response is not None and response.status == 200:
                    seen.acknowledged[recipient] = json.loads(response.body)["data"]["status"]
                    seen.puts += 1
            page = 1 + step % 20
            request = Request("GET", f"{base}/sms-activity?limit=25&page={page}", ms_headers)
            await send_counted(ms, request, result)
            await send_counted(
                ms, Request("GET", f"{base}/sms-messages/{message}", ms_headers), result
            )
    finally:
        await reports.close()
        await ms.close()


def run_load_test(*, seconds: float, clients: int) -> LoadReport:
    """Run the load and the checks; see the module docstring."""
    report = LoadReport(clients)
    seeded = _seeded_reports()
    report.reports_seeded = len(seeded)
    with served("infobip") as infobip, served("mailersend") as mailersend:
        before = _recipients(mailersend)
        ids = sorted(before)
        owned = [ids[i::clients] for i in range(clients)]
        seen = _Seen()
        result = LoadResult()

        async def everyone() -> None:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + seconds
            started = loop.time()

            def running() -> bool:
                return loop.time() < deadline

            tasks = [
                _client(i, infobip, mailersend, owned[i], running, result, seen)
                for i in range(clients)
            ]
            outcomes = await asyncio.wait_for(
                asyncio.gather(*tasks, return_exceptions=True), seconds + 60
            )
            result.seconds = loop.time() - started
            for outcome in outcomes:
                if isinstance(outcome, BaseException):
                    result.errors[type(outcome).__name__] += 1

        run_async(everyone())
        with httpx.Client(base_url=infobip.base_url, headers=static_headers("infobip")) as client:
            # Whatever the clients left in the queue, so every seeded report is accounted for.
            while batch := client.get("/sms/1/reports", params={"limit": 1000}).json()["results"]:
                seen.delivered += [r["messageId"] for r in batch]
        after = _recipients(mailersend)
        opted_out = _opted_out(mailersend)
    _judge(report, result, seeded, seen, before, after, opted_out)
    return report


def _judge(
    report: LoadReport,
    result: LoadResult,
    seeded: list[str],
    seen: _Seen,
    before: dict[str, str],
    after: dict[str, str],
    opted_out: set[str],
) -> None:
    report.seconds, report.requests = result.seconds, result.requests
    report.statuses, report.errors = result.statuses, result.errors
    counts = Counter(seen.delivered)
    report.reports_delivered = len(counts)
    report.duplicate_reports = sum(n - 1 for n in counts.values())
    report.recipients_updated = len(seen.acknowledged)
    report.updates_acknowledged = seen.puts
    expected = {**before, **seen.acknowledged}
    report.lost_updates = sum(1 for rid, status in expected.items() if after.get(rid) != status)
    if report.duplicate_reports:
        report.problems.append(f"{report.duplicate_reports} Infobip reports delivered twice")
    if set(counts) != set(seeded):
        missing, extra = len(set(seeded) - set(counts)), len(set(counts) - set(seeded))
        report.problems.append(f"Infobip reports: {missing} never delivered, {extra} unknown")
    if report.lost_updates:
        report.problems.append(f"{report.lost_updates} recipient updates lost")
    wanted_out = {rid for rid, status in expected.items() if status == "opt_out"}
    if opted_out != wanted_out:
        report.problems.append("the recipient list's status filter disagrees with the updates")
    if result.failed:
        bad = {s: n for s, n in result.statuses.items() if not 200 <= s < 300}
        report.problems.append(f"{result.failed} failed requests: {bad} {dict(result.errors)}")


def run(mode: Mode) -> BenchResult:
    """Run the load test for run.py: 30 s at 50 clients (3 s in smoke mode)."""
    report = run_load_test(seconds=mode.seconds(3.0, 30.0), clients=50)
    result = BenchResult("load")
    table = Table(
        f"Load: {report.clients} concurrent clients on loopback for {report.seconds:.0f} s",
        [
            "requests",
            "requests/s",
            "failed",
            "reports delivered",
            "delivered twice",
            "updates (recipients)",
            "updates lost",
            "verdict",
        ],
    )
    table.add(
        report.requests,
        report.rps,
        sum(report.errors.values()) + sum(n for s, n in report.statuses.items() if s >= 300),
        f"{report.reports_delivered}/{report.reports_seeded}",
        report.duplicate_reports,
        f"{report.updates_acknowledged} ({report.recipients_updated})",
        report.lost_updates,
        "ok" if not report.problems else "FAILED",
    )
    table.notes += report.problems
    table.notes.append(
        "each client loops: Infobip GET /sms/1/reports?limit=1..5, MailerSend PUT of one of "
        "its own recipients, GET /sms-activity, GET /sms-messages/{id}; two server processes"
    )
    result.tables.append(table)
    result.failures += [f"load: {problem}" for problem in report.problems]
    result.data = {
        "clients": report.clients,
        "seconds": report.seconds,
        "requests": report.requests,
        "rps": report.rps,
        "statuses": {str(k): v for k, v in report.statuses.items()},
        "errors": dict(report.errors),
        "reports_seeded": report.reports_seeded,
        "reports_delivered": report.reports_delivered,
        "duplicate_reports": report.duplicate_reports,
        "recipients_updated": report.recipients_updated,
        "updates_acknowledged": report.updates_acknowledged,
        "lost_updates": report.lost_updates,
        "problems": report.problems,
    }
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the load test from the command line; exit 1 if any check failed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="default 30")
    parser.add_argument("--clients", type=int, default=50, help="default 50")
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= 600 or not 0 < args.clients <= 500:
        parser.error("--seconds must be in (0, 600] and --clients in (0, 500]")
    report = run_load_test(seconds=args.seconds, clients=args.clients)
    print(
        f"{report.requests} requests in {report.seconds:.1f} s = {report.rps:,.0f} requests/s "
        f"at {report.clients} clients; reports delivered {report.reports_delivered}/"
        f"{report.reports_seeded}, twice {report.duplicate_reports}; {report.updates_acknowledged} "
        f"updates of {report.recipients_updated} recipients, lost {report.lost_updates}"
    )
    for problem in report.problems:
        print(f"FAILED: {problem}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
