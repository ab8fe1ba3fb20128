"""Benchmark 6: `parse_callback` on one callback per provider, signature check included.

Each provider's body is a published test vector (``tests/fixtures/callbacks``), verified with
its own secret (MailerSend, sent.dm) and parsed into `DeliveryEvent` objects. The baseline is
``json.loads`` of the same bytes, timed alternately in this process. The README target: at
most 10x ``json.loads`` for MailerSend.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable

from _common import REPO, BenchResult, Mode, Table, Target, fmt_ratio, median, ratio

__all__ = ["run"]

_FIXTURES = REPO / "tests" / "fixtures" / "callbacks"
_VECTORS = {
    "mailersend": "derived_sms_delivered",
    "sentdm": "derived_message_delivered",
    "infobip": "java_sdk_v3_delivery_report",
    "routee": "ufairiya_2016_delivered",
}
_TARGET = 10.0


def _per_call(fn: Callable[[], object], seconds: float) -> float:
    """Call ``fn`` for about ``seconds``; return the mean time of one call in microseconds."""
    calls = 0
    started = time.perf_counter()
    deadline = started + seconds
    while True:
        for _ in range(50):
            fn()
        calls += 50
        now = time.perf_counter()
        if now >= deadline:
            return (now - started) / calls * 1e6


def run(mode: Mode) -> BenchResult:
    """Time ``parse_callback`` and ``json.loads`` on each provider's callback body."""
    from dlrkit import callbacks

    result = BenchResult("callbacks")
    table = Table(
        "6. Callbacks: parse_callback(body, headers, secret=...) on one request (median us)",
        ["provider", "body bytes", "events", "json.loads us", "parse_callback us", "x json.loads"],
    )
    rounds, seconds = mode.pick(1, 7), mode.seconds(0.05, 0.5)
    for provider, name in _VECTORS.items():
        vector = json.loads((_FIXTURES / provider / f"{name}.json").read_text())
        body: bytes = vector["body"].encode()
        headers, secret, now = vector["headers"], vector["secret"], vector.get("now")
        events = callbacks.parse_callback(provider, body, headers, secret=secret, now=now)
        if not events:
            result.failures.append(f"callbacks {provider}: {name} gave no events")
            continue

        ours = functools.partial(
            callbacks.parse_callback, provider, body, headers, secret=secret, now=now
        )
        floor = functools.partial(json.loads, body)

        samples: dict[str, list[float]] = {"floor": [], "parse": []}
        for _ in range(rounds):  # alternate, so both sides see the same machine load
            samples["floor"].append(_per_call(floor, seconds))
            samples["parse"].append(_per_call(ours, seconds))
        floor_us, parse_us = median(samples["floor"]), median(samples["parse"])
        cost = ratio(parse_us, floor_us)
        table.add(provider, len(body), len(events), floor_us, parse_us, fmt_ratio(cost))
        result.data[provider] = {"vector": name, "events": len(events), "us": samples}
        if provider == "mailersend":
            result.targets.append(
                Target(
                    f"callbacks {provider}: parse_callback within {_TARGET:g}x of json.loads",
                    None if cost is None else cost <= _TARGET,
                    f"parse_callback costs {fmt_ratio(cost)} json.loads",
                )
            )
    table.notes += [
        "parse_callback includes the signature check (MailerSend, sent.dm), header lookup, "
        "JSON decoding, the generated-model check and building the events",
        "the Infobip body is a 2-report batch; the others are one event each",
    ]
    result.tables.append(table)
    return result
