"""Benchmark 4: reference-server requests per second at 50 connections, against Prism.

Each provider's ``dlrkit serve`` and ``prism mock`` of the same spec run side by side on
loopback; the same raw keep-alive load generator (`_loadgen`) drives one list and one get
operation on each, alternating between the two servers round by round.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
from _common import BenchResult, Mode, Table, Target, fmt_ratio, median, ratio
from _loadgen import LoadResult, Request, run_load
from _sdk import PRISM_VERSION, ensure_prism
from _servers import (
    PROVIDERS,
    Served,
    auth_headers,
    prism_mocks,
    routee_query,
    routee_window,
    served_all,
)

__all__ = ["CONCURRENCY", "Operation", "headers_for", "operations", "requests_for", "run"]

CONCURRENCY = 50


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation to load: a label, the request path (relative to the base URL) and body."""

    label: str
    method: str
    path: str
    body: bytes = b""


def operations(provider: str, server: Served) -> list[Operation]:
    """Return the list and get operations benchmarked for ``provider``."""
    ids = server.sample_ids
    if provider == "mailersend":
        message = ids["get_sms_message"][0]
        return [
            Operation("list GET /sms-activity?limit=25", "GET", "/sms-activity?limit=25"),
            Operation("get GET /sms-messages/{id}", "GET", f"/sms-messages/{message}"),
        ]
    if provider == "sentdm":
        message = ids["get_message_status"][0]
        return [
            Operation(
                "list GET /v3/contacts?page_size=20", "GET", "/v3/contacts?page=1&page_size=20"
            ),
            Operation("get GET /v3/messages/{id}", "GET", f"/v3/messages/{message}"),
        ]
    if provider == "infobip":
        message = ids["messageId"][0]
        return [
            Operation("list GET /sms/1/reports?limit=50", "GET", "/sms/1/reports?limit=50"),
            Operation(
                "lookup GET /sms/1/reports?messageId=", "GET", f"/sms/1/reports?messageId={message}"
            ),
        ]
    query = urlencode({**routee_query(*routee_window()), "size": "20"})
    message = ids["get_sms_tracking"][0]
    return [
        Operation("list POST /sms/tracking?size=20", "POST", f"/sms/tracking?{query}", b"[]"),
        Operation("get GET /sms/tracking/single/{id}", "GET", f"/sms/tracking/single/{message}"),
    ]


def requests_for(base_path: str, operation: Operation, headers: dict[str, str]) -> list[Request]:
    """Return the load generator's request for ``operation`` under ``base_path``."""
    headers = {**headers, "Accept": "application/json"}
    if operation.body:
        headers["Content-Type"] = "application/json"
    return [Request(operation.method, base_path + operation.path, headers, operation.body)]


def headers_for(provider: str, server: Served) -> dict[str, str]:
    """Return ``provider``'s auth headers (Routee: a token fetched from ``server``)."""
    if provider != "routee":
        return auth_headers(provider)
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        return auth_headers(provider, client)


def _measure(
    origin: str, requests: list[Request], seconds: float, samples: list[float], bad: list[int]
) -> None:
    result: LoadResult = run_load(origin, requests, concurrency=CONCURRENCY, seconds=seconds)
    samples.append(result.rps)
    bad.append(result.failed)


def run(mode: Mode) -> BenchResult:
    """Load every provider's list and get operation on both servers and compare."""
    result = BenchResult("throughput")
    prism, why = ensure_prism()
    seconds, rounds = mode.seconds(0.5, 5.0), mode.pick(1, 3)
    table = Table(
        f"4. Reference-server throughput at {CONCURRENCY} connections (median requests/s)",
        ["provider", "operation", "dlrkit serve rps", "Prism rps", "dlrkit / Prism", "errors"],
    )
    if prism is None:
        table.notes.append(f"Prism column skipped: {why}")
    with ExitStack() as stack:
        # All servers start at once; idle ones cost nothing while another is measured.
        servers = stack.enter_context(served_all(PROVIDERS))
        prisms = stack.enter_context(prism_mocks(prism, PROVIDERS)) if prism else {}
        for provider in PROVIDERS:
            rows = _provider(
                provider, servers[provider], prisms.get(provider), seconds, rounds, result
            )
            for row in rows:
                table.add(*row)
    table.notes += [
        f"Prism = @stoplight/prism-cli {PRISM_VERSION} `prism mock` of the same spec (static "
        "examples); both servers are single processes on loopback",
        "infobip has one operation, so the second row filters it by messageId; the server hands "
        "each report out once, so after the 500 seeded ones its batches are empty (Prism "
        "always returns its static example)",
        "errors = responses outside 2xx plus transport errors, dlrkit/Prism",
    ]
    result.tables.append(table)
    return result


def _provider(
    provider: str,
    server: Served,
    prism_origin: str | None,
    seconds: float,
    rounds: int,
    result: BenchResult,
) -> Iterator[list[object]]:
    headers = headers_for(provider, server)
    for operation in operations(provider, server):
        ours = requests_for(server.base_path, operation, headers)
        theirs = requests_for("", operation, headers)
        rps: dict[str, list[float]] = {"dlrkit": [], "prism": []}
        bad: dict[str, list[int]] = {"dlrkit": [], "prism": []}
        run_load(server.origin, ours, concurrency=CONCURRENCY, seconds=seconds / 5)
        if prism_origin:
            run_load(prism_origin, theirs, concurrency=CONCURRENCY, seconds=seconds / 5)
        for i in range(rounds):
            sides = [("dlrkit", server.origin, ours), ("prism", prism_origin, theirs)]
            for name, origin, requests in sides if i % 2 == 0 else sides[::-1]:
                if origin is not None:
                    _measure(origin, requests, seconds, rps[name], bad[name])
        ours_rps, theirs_rps = median(rps["dlrkit"]), median(rps["prism"])
        errors = f"{sum(bad['dlrkit'])}/{sum(bad['prism']) if prism_origin else 'n/a'}"
        if sum(bad["dlrkit"]):
            result.failures.append(
                f"throughput {provider} {operation.label}: {sum(bad['dlrkit'])} errors"
            )
        result.data[f"{provider} {operation.label}"] = {"rps": rps, "errors": bad}
        speed = ratio(ours_rps, theirs_rps)
        result.targets.append(
            Target(
                f"throughput {provider} {operation.label.split(' ')[0]}: at least Prism's",
                None if speed is None else speed >= 1,
                f"dlrkit serves {fmt_ratio(speed)} Prism's requests/s",
            )
        )
        yield [provider, operation.label, ours_rps, theirs_rps, fmt_ratio(speed), errors]
