"""Callback load: concurrent provider streams against `dlrkit.callbacks.receiver` under uvicorn.

For each provider, a child process serves ``dlrkit.callbacks.receiver(provider, on_events,
secret=...)`` with uvicorn on 127.0.0.1 (port 0). ``--streams`` concurrent streams (one
httpx ``AsyncClient`` each, one keep-alive connection) then POST correctly signed callbacks
for ``--seconds``, in the provider's real shape: MailerSend one signed event per POST,
sent.dm Standard Webhooks headers, Infobip ``{"results": [...]}`` batches, Routee one POST
per SMS part (two parts per message). Like a provider they

* re-send a fraction (``--resend``) of earlier requests, from any stream, including ones
  already answered 2xx and ones still in flight; Infobip also re-sends old reports inside
  new batches;
* retry a request that was not answered 2xx (up to 10 attempts), because the app's
  ``on_events`` raises on every ``1/--fail``-th call (a database hiccup), which the
  receiver answers 500.

The app counts every event its ``on_events`` accepted. Afterwards the checks are: every
event of a request answered 2xx reached ``on_events`` exactly once (none lost, none twice),
nothing reached it that was never sent, every event sent was answered 2xx in the end, and
every non-2xx answer was an injected failure. Exit 1 if a check fails.

``python benchmarks/callbacks_load.py [--providers ...] [--seconds 30] [--streams 50]``
prints requests/s, events/s, latency percentiles and server CPU per request, beside a
baseline run under the same load (an app that only reads and decodes the body; skip it with
``--no-baseline``); ``run.py --only callbacks_load`` runs it too (3 s at 10 streams in smoke
mode). The streams and the server share the machine, and
an httpx client costs more CPU per request than the receiver, so the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import logging
import random
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from _common import BenchResult, Mode, Table, fmt_ratio, ratio
from _servers import cpu_seconds, serve_app_printing_port, start_app_process, stop
from dlrkit_contract._signing import signer_for

if TYPE_CHECKING:
    from dlrkit.callbacks import DedupeKey

__all__ = [
    "PROVIDERS",
    "CallbackLoadReport",
    "judge",
    "main",
    "run",
    "run_callback_load",
]

PROVIDERS = ("mailersend", "sentdm", "infobip", "routee")
# Throwaway secrets of a throwaway local receiver.
MS_SECRET = "dlrkit-bench-callback-secret"  # noqa: S105
SW_SECRET = "whsec_" + base64.b64encode(b"dlrkit bench callbacks, 32 bytes").decode()
SECRETS = {"mailersend": MS_SECRET, "sentdm": SW_SECRET}
SENTDM_WEBHOOK_ID = "5f0c7e2a-3b1d-4c8e-9a6f-2d4b8e1c7a90"  # constant per webhook, as sent.dm's

_ATTEMPTS = 10
_START_TIMEOUT = 60.0
_RESEND_POOL = 2000
_DELIVERED_PATH = "/_bench/delivered"


# -- What a stream sends ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sent:
    """One request body and the keys of the events in it (``message|part|raw_status``)."""

    body: bytes
    keys: tuple[str, ...]


def _key(message_id: str, part_id: str | None, raw_status: str) -> str:
    """Spell an event's identity from what the client generated (not from dlrkit's key)."""
    return f"{message_id}|{part_id or ''}|{raw_status}"


def _ids(stream: int, n: int) -> str:
    return str(uuid.UUID(int=(stream + 1) << 64 | n))


def _mailersend(stream: int, n: int) -> list[Sent]:
    sms_id = f"{stream:08x}{n:016x}"
    sent = []
    for kind, status in (("sms.sent", "sent"), ("sms.delivered", "delivered")):
        body = {
            "type": kind,
            "sms_number_id": "7z3m5jgrogdpyo6n",
            "created_at": "2026-12-05T12:00:05.000000Z",
            "sms_webhook_id": "7z3m5jgrogdpyo6n",
            "url": "http://127.0.0.1/hooks",
            "data": {
                "from": "+12345678901",
                "to": "+98765432109",
                "created_at": "2026-12-05T12:00:00.000000Z",
                "status": status,
                "sms_message_id": sms_id,
                "sms": {
                    "id": sms_id,
                    "from": "+12345678901",
                    "to": "+98765432109",
                    "text": "Your code is 1234",
                    "status": status,
                    "segment_count": 1,
                    "error_type": None,
                    "error_description": None,
                    "created_at": "2026-12-05T12:00:00.000000Z",
                    "recipient": {
                        "id": sms_id,
                        "number": "+98765432109",
                        "status": "active",
                        "created_at": "2026-12-05T12:00:00.000000Z",
                    },
                },
            },
        }
        raw = json.dumps(body).replace("/", "\\/").encode()  # MailerSend escapes slashes
        sent.append(Sent(raw, (_key(sms_id, sms_id, kind),)))
    return sent


def _sentdm(stream: int, n: int) -> list[Sent]:
    message_id = _ids(stream, n)
    sent = []
    for status in ("SENT", "DELIVERED"):
        body = {
            "field": "message",
            "event": f"message.{status.lower()}",
            "timestamp": "2026-12-05T12:00:05Z",
            "payload": {
                "account_id": "7ba7b820-9dad-11d1-80b4-00c04fd430c8",
                "message_id": message_id,
                "message_status": status,
                "channel": "sms",
                "outbound_number": "+1987654321",
                "body": None,
                "updated_at": "2026-12-05T12:00:04Z",
            },
        }
        sent.append(Sent(json.dumps(body).encode(), (_key(message_id, None, status),)))
    return sent


def _infobip_report(message_id: str, status: str) -> dict[str, Any]:
    group, group_id = ("DELIVERED", 3) if status == "DELIVERED_TO_HANDSET" else ("PENDING", 1)
    return {
        "bulkId": "BULK-ID-bench",
        "messageId": message_id,
        "to": "41793026727",
        "sentAt": "2026-12-05T12:00:00.000+0000",
        "doneAt": "2026-12-05T12:00:05.000+0000",
        "messageCount": 1,
        "price": {"pricePerMessage": 0.01, "currency": "EUR"},
        "status": {
            "groupId": group_id,
            "groupName": group,
            "id": 5 if group_id == 3 else 7,
            "name": status,
            "description": status.replace("_", " ").lower(),
        },
        "error": {
            "groupId": 0,
            "groupName": "OK",
            "id": 0,
            "name": "NO_ERROR",
            "description": "No Error",
            "permanent": False,
        },
    }


def _routee(stream: int, n: int) -> list[Sent]:
    message_id = _ids(stream, n)
    sent = []
    for part in (1, 2):
        sms_id = _ids(stream + 1_000_000, 2 * n + part)
        body: dict[str, Any] = {
            "messageId": message_id,
            "smsId": sms_id,
            "part": part,
            "parts": 2,
            "to": "+306948530920",
            "from": "Routee",
            "country": "GR",
            "operator": "Vodafone",
            "groups": [],
            "campaignName": "",
            "status": {"name": "Delivered", "updatedDate": "2026-12-05T12:00:05Z"},
            "message": "Your code is 1234",
            "applicationName": "default",
            "latency": 1,
            "price": 0.006,
            "direction": "Outbound",
            "originatingService": "Sms",
        }
        sent.append(Sent(json.dumps(body).encode(), (_key(message_id, sms_id, "Delivered"),)))
    return sent


def sign(provider: str, body: bytes) -> dict[str, str]:
    """Return the headers ``provider`` would send with ``body``, signed now.

    The contract suite's signer plays the provider here too: one signing recipe, written with
    hmac directly, never with the dlrkit code under test.
    """
    secret = SECRETS.get(provider)
    return signer_for(provider).sign(
        body, secret, webhook_id=SENTDM_WEBHOOK_ID, timestamp=int(time.time())
    )


class _Source:
    """What the streams of one run send: new events, and copies of earlier requests."""

    def __init__(self, provider: str, *, resend: float, batch: int, seed: int) -> None:
        self.provider, self.resend, self.batch = provider, resend, batch
        self.random = random.Random(seed)
        self.pool: list[Sent] = []  # recent requests, any stream may re-send one
        self.reports: list[tuple[str, str]] = []  # Infobip: recent (messageId, status)
        self.generated: set[str] = set()
        self.counters: Counter[int] = Counter()
        self.pending: dict[int, list[Sent]] = {}

    def next(self, stream: int) -> tuple[Sent, bool]:
        """Return the next request of ``stream`` and whether it is a re-send."""
        if self.pool and self.random.random() < self.resend:
            if self.provider == "infobip" and self.random.random() < 0.5:
                return self._rebatch(stream), True
            return self.random.choice(self.pool), True
        queued = self.pending.setdefault(stream, [])
        if not queued:
            queued += self._new(stream)
        sent = queued.pop(0)
        self.generated.update(sent.keys)
        self._remember(sent)
        return sent, False

    def _new(self, stream: int) -> list[Sent]:
        n = self.counters[stream]
        self.counters[stream] += 1
        if self.provider == "mailersend":
            return _mailersend(stream, n)
        if self.provider == "sentdm":
            return _sentdm(stream, n)
        if self.provider == "routee":
            return _routee(stream, n)
        size = self.random.randint(1, self.batch)
        reports = []
        for i in range(size):
            message_id = _ids(stream, n * 1000 + i)
            status = "PENDING_ENROUTE" if i % 4 == 3 else "DELIVERED_TO_HANDSET"
            reports.append((message_id, status))
        return [self._infobip(reports)]

    def _infobip(self, reports: list[tuple[str, str]]) -> Sent:
        body = {"results": [_infobip_report(m, s) for m, s in reports]}
        self.reports += reports
        del self.reports[: -_RESEND_POOL * 4]
        keys = tuple(_key(m, None, s) for m, s in reports)
        return Sent(json.dumps(body).encode(), keys)

    def _rebatch(self, stream: int) -> Sent:
        """Return an Infobip batch of old reports (retried) and one new report."""
        old = self.random.sample(self.reports, min(len(self.reports), self.random.randint(1, 5)))
        n = self.counters[stream]
        self.counters[stream] += 1
        fresh = (_ids(stream, n * 1000), "DELIVERED_TO_HANDSET")
        sent = self._infobip([*old, fresh])
        self.generated.update(sent.keys)
        self._remember(sent)
        return sent

    def _remember(self, sent: Sent) -> None:
        self.pool.append(sent)
        if len(self.pool) > _RESEND_POOL:
            del self.pool[: _RESEND_POOL // 2]


# -- The app under test (child process) -------------------------------------------------------


class _Forgetful:
    """A seen store that remembers nothing: a receiver without dedupe, for the self-check."""

    def add_new(self, keys: Sequence[DedupeKey]) -> list[DedupeKey]:
        return list(keys)

    def discard(self, keys: Collection[DedupeKey]) -> None:
        return None


def _serve(provider: str, fail: float, *, forgetful: bool = False, baseline: bool = False) -> None:
    """Serve the receiver (or the baseline) on 127.0.0.1:0, print ``port N``, until SIGTERM."""
    from dlrkit import DeliveryEvent, callbacks

    # The injected failures would each log a traceback; they are counted instead.
    logging.getLogger("dlrkit.callbacks").setLevel(logging.CRITICAL)
    delivered: Counter[str] = Counter()
    injected = calls = 0

    async def on_events(events: list[DeliveryEvent]) -> None:
        nonlocal injected, calls
        calls += 1
        if int(calls * fail) > int((calls - 1) * fail):  # every 1/fail-th call, not by chance
            injected += 1
            raise RuntimeError("injected failure")
        for event in events:
            delivered[_key(event.message_id, event.part_id, event.raw_status)] += 1

    seen = _Forgetful() if forgetful else None
    hook = callbacks.receiver(provider, on_events, secret=SECRETS.get(provider), seen=seen)

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == _DELIVERED_PATH:
            body = json.dumps({"delivered": delivered, "injected": injected}).encode()
            headers = [(b"content-type", b"application/json")]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await (_baseline if baseline else hook)(scope, receive, send)

    serve_app_printing_port(app)


async def _baseline(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Do the least a callback endpoint does: read the body, decode the JSON, answer 200.

    No signature check, no parsing into events, no dedupe: the receiver's ratio to this is
    what verifying, parsing and deduplicating cost under the same load.
    """
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    payload = json.loads(b"".join(chunks))
    count = len(payload["results"]) if "results" in payload else 1
    body = json.dumps({"received": count}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _start(
    provider: str, fail: float, *, forgetful: bool, baseline: bool
) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, str(Path(__file__).resolve()), "--serve", provider]
    command += ["--fail", repr(fail)]
    command += ["--forgetful"] if forgetful else []
    command += ["--baseline"] if baseline else []
    return start_app_process(command, f"the {provider} receiver", _START_TIMEOUT)


# -- The run and its checks -------------------------------------------------------------------


@dataclass(slots=True)
class CallbackLoadReport:
    """What one provider's run did and what its checks found."""

    provider: str
    streams: int
    seconds: float = 0.0
    requests: int = 0
    resent: int = 0
    retried: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    events_sent: int = 0
    events_acknowledged: int = 0
    generated: int = 0
    delivered: int = 0
    injected_failures: int = 0
    duplicates: int = 0
    lost: int = 0
    unknown: int = 0
    never_acknowledged: int = 0
    latencies: list[float] = field(default_factory=list)
    #: CPU seconds the server process used during the run (Linux), None elsewhere.
    server_cpu: float | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        """Callback requests per second (re-sends and retries included)."""
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def eps(self) -> float:
        """Events per second carried by requests answered 2xx (copies included)."""
        return self.events_acknowledged / self.seconds if self.seconds else 0.0

    @property
    def new_eps(self) -> float:
        """Distinct events per second handed to ``on_events``."""
        return self.delivered / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float | None:
        """Server CPU milliseconds per request, None where it could not be read."""
        if self.server_cpu is None or not self.requests:
            return None
        return self.server_cpu * 1000 / self.requests

    def percentile(self, q: float) -> float | None:
        """Latency percentile ``q`` (0-100) in milliseconds, None without requests."""
        if not self.latencies:
            return None
        if len(self.latencies) == 1:
            return self.latencies[0] * 1000
        cuts = statistics.quantiles(self.latencies, n=1000, method="inclusive")
        return cuts[min(998, max(0, round(q * 10) - 1))] * 1000


@dataclass(slots=True)
class _Observed:
    acknowledged: set[str] = field(default_factory=set)
    failed_keys: set[str] = field(default_factory=set)


async def _stream(
    index: int,
    origin: str,
    source: _Source,
    running: Callable[[], bool],
    report: CallbackLoadReport,
    seen: _Observed,
) -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=origin, limits=limits, timeout=30.0) as client:
        while running():
            sent, resent = source.next(index)
            report.resent += resent
            for attempt in range(_ATTEMPTS):
                report.retried += attempt > 0
                started = time.perf_counter()
                try:
                    response = await client.post(
                        "/hooks", content=sent.body, headers=sign(source.provider, sent.body)
                    )
                except httpx.HTTPError as exc:
                    report.errors[type(exc).__name__] += 1
                    continue
                finally:
                    report.latencies.append(time.perf_counter() - started)
                    report.requests += 1
                    report.events_sent += len(sent.keys)
                report.statuses[response.status_code] += 1
                if response.is_success:
                    seen.acknowledged.update(sent.keys)
                    report.events_acknowledged += len(sent.keys)
                    break
            else:
                seen.failed_keys.update(sent.keys)


def run_callback_load(
    provider: str,
    *,
    seconds: float,
    streams: int,
    resend: float = 0.2,
    fail: float = 0.02,
    batch: int = 20,
    seed: int = 0,
    forgetful: bool = False,
    baseline: bool = False,
    min_requests: int = 0,
) -> CallbackLoadReport:
    """Run the load against one provider's receiver and check it; see the module docstring.

    The streams stop after ``seconds``, but not before ``min_requests`` requests were sent
    (so a short run on a slow machine still exercises re-sends and failures).

    ``forgetful`` serves a receiver whose seen store remembers nothing (no dedupe), so a
    test can show that the checks catch duplicates. ``baseline`` serves `_baseline`
    instead, under the same load, and checks only that every answer was 2xx.
    """
    if provider not in PROVIDERS:
        raise ValueError(f"unknown provider {provider!r}; valid: {', '.join(PROVIDERS)}")
    report = CallbackLoadReport(provider, streams)
    source = _Source(provider, resend=resend, batch=batch, seed=seed)
    seen = _Observed()
    process, origin = _start(provider, fail, forgetful=forgetful, baseline=baseline)
    cpu_before = cpu_seconds(process.pid)
    try:

        async def everyone() -> None:
            loop = asyncio.get_running_loop()
            started = loop.time()
            deadline = started + seconds

            def running() -> bool:
                return loop.time() < deadline or report.requests < min_requests

            tasks = [_stream(i, origin, source, running, report, seen) for i in range(streams)]
            outcomes = await asyncio.wait_for(
                asyncio.gather(*tasks, return_exceptions=True), seconds + 120
            )
            report.seconds = loop.time() - started
            for outcome in outcomes:
                if isinstance(outcome, BaseException):
                    report.errors[f"stream crashed: {outcome!r}"] += 1

        asyncio.run(everyone())
        cpu_after = cpu_seconds(process.pid)
        if cpu_before is not None and cpu_after is not None:
            report.server_cpu = cpu_after - cpu_before
        with httpx.Client(base_url=origin, timeout=30.0) as client:
            state = client.get(_DELIVERED_PATH).json()
    finally:
        stop(process)
        if process.stdout is not None:
            process.stdout.close()
    if baseline:
        if report.errors or set(report.statuses) - set(range(200, 300)):
            report.problems.append(f"baseline: {dict(report.statuses)} {dict(report.errors)}")
        return report
    judge(report, source.generated, seen.acknowledged, seen.failed_keys, state)
    return report


def judge(
    report: CallbackLoadReport,
    generated: set[str],
    acknowledged: set[str],
    gave_up: set[str],
    state: dict[str, Any],
) -> None:
    """Fill in ``report``'s counts and problems from what was sent, answered and delivered."""
    delivered: Counter[str] = Counter(state["delivered"])
    report.generated, report.delivered = len(generated), len(delivered)
    report.injected_failures = int(state["injected"])
    report.duplicates = sum(n - 1 for n in delivered.values() if n > 1)
    report.lost = len(acknowledged - set(delivered))
    report.unknown = len(set(delivered) - generated)
    report.never_acknowledged = len(generated - acknowledged)
    if report.duplicates:
        report.problems.append(f"{report.duplicates} events handed to on_events more than once")
    if report.lost:
        report.problems.append(f"{report.lost} events answered 2xx never reached on_events")
    if report.unknown:
        report.problems.append(f"{report.unknown} events reached on_events but were never sent")
    if report.never_acknowledged:
        report.problems.append(
            f"{report.never_acknowledged} events never answered 2xx "
            f"({len(gave_up)} after {_ATTEMPTS} attempts)"
        )
    unexpected = {s: n for s, n in report.statuses.items() if not 200 <= s < 300 and s != 500}
    if unexpected:
        report.problems.append(f"answers other than 2xx or an injected 500: {unexpected}")
    if report.statuses[500] != report.injected_failures:
        report.problems.append(
            f"{report.statuses[500]} answers 500 but {report.injected_failures} injected failures"
        )
    if report.errors:
        report.problems.append(f"transport errors: {dict(report.errors)}")
    if not report.requests:
        report.problems.append("no request was sent")


# -- Output -----------------------------------------------------------------------------------


Pair = tuple[CallbackLoadReport, CallbackLoadReport | None]


def _ratio(a: float | None, b: float | None) -> str:
    return fmt_ratio(ratio(a, b))


def _table(pairs: list[Pair], resend: float, fail: float) -> Table:
    """Return one row per provider: the receiver's figures, and its baseline's beside them."""
    reports = [r for r, _ in pairs]
    streams = reports[0].streams if reports else 0
    seconds = max((r.seconds for r in reports), default=0.0)
    table = Table(
        f"Callback load: {streams} streams per provider against dlrkit.callbacks.receiver "
        f"under uvicorn, {seconds:.0f} s each",
        [
            "provider",
            "requests",
            "requests/s",
            "baseline req/s",
            "ratio",
            "events/s",
            "new events/s",
            "re-sent",
            "500 (injected)",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "server CPU ms/req",
            "baseline CPU ms/req",
            "twice",
            "lost",
            "verdict",
        ],
    )
    for r, base in pairs:
        table.add(
            r.provider,
            r.requests,
            r.rps,
            None if base is None else base.rps,
            "n/a" if base is None else _ratio(r.rps, base.rps),
            r.eps,
            r.new_eps,
            r.resent,
            r.injected_failures,
            r.percentile(50),
            r.percentile(90),
            r.percentile(99),
            r.cpu_ms_per_request,
            None if base is None else base.cpu_ms_per_request,
            r.duplicates,
            r.lost,
            "ok" if not r.problems and not (base and base.problems) else "FAILED",
        )
        table.notes += [f"{r.provider}: {p}" for p in r.problems]
        table.notes += [f"{r.provider} baseline: {p}" for p in base.problems] if base else []
    table.notes.append(
        f"re-send rate {resend:.0%} (any earlier request, in flight or answered 2xx; Infobip "
        f"also old reports in new batches); on_events fails {fail:.0%} of calls (500, "
        "retried). events/s counts events in 2xx requests, copies included; new events/s "
        "counts distinct events handed to on_events. Baseline: the same load against an ASGI "
        "app that only reads the body, decodes the JSON and answers 200 (no signature check, "
        "parsing or dedupe), run right after. The httpx streams and the server share the "
        "machine's cores, so requests/s is a floor; server CPU ms per request is the figure "
        "that least depends on the client."
    )
    return table


def _data(r: CallbackLoadReport) -> dict[str, Any]:
    return {
        "streams": r.streams,
        "seconds": r.seconds,
        "requests": r.requests,
        "rps": r.rps,
        "events_per_s": r.eps,
        "new_events_per_s": r.new_eps,
        "resent": r.resent,
        "retried": r.retried,
        "statuses": {str(k): v for k, v in r.statuses.items()},
        "generated": r.generated,
        "delivered": r.delivered,
        "injected_failures": r.injected_failures,
        "duplicates": r.duplicates,
        "lost": r.lost,
        "latency_ms": {f"p{q}": r.percentile(q) for q in (50, 90, 99)},
        "server_cpu_ms_per_request": r.cpu_ms_per_request,
        "problems": r.problems,
    }


def _pair_data(pair: Pair) -> dict[str, Any]:
    r, base = pair
    return {**_data(r), "baseline": None if base is None else _data(base)}


def run_all(providers: list[str], *, baseline: bool = True, **options: Any) -> list[Pair]:
    """Run each provider's receiver, then (if ``baseline``) the baseline under the same load."""
    pairs: list[Pair] = []
    for provider in providers:
        print(f"[callbacks_load] {provider}: receiver...", file=sys.stderr, flush=True)
        report = run_callback_load(provider, **options)
        base = None
        if baseline:
            print(f"[callbacks_load] {provider}: baseline...", file=sys.stderr, flush=True)
            base = run_callback_load(provider, baseline=True, **options)
        pairs.append((report, base))
    return pairs


def run(mode: Mode) -> BenchResult:
    """Run every provider for run.py: 30 s at 50 streams each (3 s at 10 in smoke mode)."""
    seconds, streams = mode.seconds(3.0, 30.0), mode.pick(10, 50)
    pairs = run_all(list(PROVIDERS), seconds=seconds, streams=streams)
    result = BenchResult("callbacks_load")
    result.tables.append(_table(pairs, 0.2, 0.02))
    for r, base in pairs:
        result.failures += [f"callbacks_load {r.provider}: {p}" for p in r.problems]
        result.failures += [
            f"callbacks_load {r.provider} baseline: {p}" for p in (base.problems if base else [])
        ]
    result.data = {r.provider: _pair_data((r, base)) for r, base in pairs}
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the callback load from the command line; exit 1 if any check failed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--providers", nargs="+", choices=PROVIDERS, default=list(PROVIDERS))
    parser.add_argument("--seconds", type=float, default=30.0, help="per provider; default 30")
    parser.add_argument("--streams", type=int, default=50, help="default 50")
    parser.add_argument("--resend", type=float, default=0.2, help="re-sent share; default 0.2")
    parser.add_argument("--fail", type=float, default=0.02, help="failing on_events; 0.02")
    parser.add_argument("--batch", type=int, default=20, help="largest Infobip batch; 20")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline runs")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--serve", choices=PROVIDERS, help=argparse.SUPPRESS)
    parser.add_argument("--forgetful", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        _serve(args.serve, args.fail, forgetful=args.forgetful, baseline=args.baseline)
        return 0
    if not 0 < args.seconds <= 600 or not 0 < args.streams <= 500:
        parser.error("--seconds must be in (0, 600] and --streams in (0, 500]")
    if not 0 <= args.resend < 1 or not 0 <= args.fail <= 0.5 or not 1 <= args.batch <= 2000:
        parser.error("--resend in [0, 1), --fail in [0, 0.5], --batch in [1, 2000]")
    pairs = run_all(
        args.providers,
        baseline=not args.no_baseline,
        seconds=args.seconds,
        streams=args.streams,
        resend=args.resend,
        fail=args.fail,
        batch=args.batch,
        seed=args.seed,
    )
    print(_table(pairs, args.resend, args.fail).render())
    if args.json:
        args.json.write_text(
            json.dumps({p[0].provider: _pair_data(p) for p in pairs}, indent=2) + "\n"
        )
    failed = [p for r, base in pairs for p in [*r.problems, *(base.problems if base else [])]]
    for problem in failed:
        print(f"FAILED: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
