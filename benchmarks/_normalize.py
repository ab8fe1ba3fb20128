"""Benchmark 3: `dlrkit.normalize` events per second on each provider's real payloads.

The payloads are response bodies of the in-process reference servers: every MailerSend
activity page, every Infobip report batch, every Routee tracking page (100 per page) and
the sent.dm message statuses the server offers as samples. The baseline is ``json.loads``
of the same bytes, timed alternately in this process.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from _common import BenchResult, Mode, Table, fmt_ratio, median, ratio
from _loadgen import run_async
from _servers import PROVIDERS, inprocess, routee_query, routee_window

__all__ = ["payloads", "run"]

_PAGE = 100


async def _pages(provider: str) -> list[bytes]:
    bodies: list[bytes] = []
    async with inprocess(provider) as (client, server):
        if provider == "mailersend":
            page = 1
            while True:
                response = await client.get("/sms-activity", params={"limit": _PAGE, "page": page})
                bodies.append(response.content)
                if response.json()["links"]["next"] is None:
                    break
                page += 1
        elif provider == "infobip":
            while True:  # each report is delivered once: read until the queue is empty
                response = await client.get("/sms/1/reports", params={"limit": _PAGE})
                if not response.json()["results"]:
                    break
                bodies.append(response.content)
        elif provider == "routee":
            query = routee_query(*routee_window())
            page = 0
            while True:
                params = {**query, "page": str(page), "size": str(_PAGE)}
                response = await client.post("/sms/tracking", params=params, json=[])
                bodies.append(response.content)
                if response.json()["last"]:
                    break
                page += 1
        else:
            # The spec has no list-messages operation: the server's sample ids are the way in.
            for message_id in server.sample_ids["get_message_status"]:
                response = await client.get(f"/v3/messages/{message_id}")
                response.raise_for_status()
                bodies.append(response.content)
    return bodies


def payloads() -> dict[str, list[bytes]]:
    """Return the response bodies normalized per provider."""

    async def collect() -> dict[str, list[bytes]]:
        return {provider: await _pages(provider) for provider in PROVIDERS}

    return run_async(collect())


def _loop(fn: Callable[[bytes], object], bodies: list[bytes], seconds: float) -> tuple[float, int]:
    """Call ``fn`` over ``bodies`` until ``seconds`` pass; return (seconds, passes)."""
    passes = 0
    started = time.perf_counter()
    while True:
        for body in bodies:
            fn(body)
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return elapsed, passes


def run(mode: Mode) -> BenchResult:
    """Time `dlrkit.normalize` and ``json.loads`` on each provider's payloads."""
    from dlrkit import normalize

    result = BenchResult("normalize")
    table = Table(
        "3. Normalization: dlrkit.normalize(provider, body) (median events per second)",
        [
            "provider",
            "payloads",
            "events",
            "json.loads events/s",
            "normalize events/s",
            "normalize / json.loads time",
        ],
    )
    rounds, seconds = mode.pick(1, 5), mode.seconds(0.05, 1.0)
    for provider, bodies in payloads().items():
        events = sum(len(normalize(provider, body)) for body in bodies)
        rates: dict[str, list[float]] = {"floor": [], "normalize": []}

        def ours(body: bytes, provider: str = provider) -> object:
            return normalize(provider, body)

        for i in range(rounds * 2):
            name = "floor" if i % 2 == 0 else "normalize"
            elapsed, passes = _loop(json.loads if name == "floor" else ours, bodies, seconds)
            rates[name].append(events * passes / elapsed)
        floor, rate = median(rates["floor"]), median(rates["normalize"])
        table.add(provider, len(bodies), events, floor, rate, fmt_ratio(ratio(floor, rate)))
        result.data[provider] = {"payloads": len(bodies), "events": events, "events_per_s": rates}
    table.notes += [
        "bodies are JSON bytes as received; normalize decodes them itself",
        "sentdm: the 3 sample message statuses (the spec has no list-messages operation)",
    ]
    result.tables.append(table)
    return result
