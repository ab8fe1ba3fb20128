"""The shared callback sender against a fake PushSource and a real local receiver.

Every wait has a deadline (``wait_settled``); no assertion depends on how long anything took.
The pacing is checked on a fake clock (test_pacing.py and the last tests here).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from dlrkit_contract._serving import served
from dlrkit_servers._posting import ProcessPoster
from dlrkit_servers._push import Endpoint, PushEvent
from dlrkit_servers._sender import CallbackSender, UrlDestination

from push.receiver import Received, Recorder

SECRET = "fake-source-secret-4711"  # noqa: S105 -- a test secret
SETTLE = 30.0
START = datetime(2026, 1, 1, tzinfo=UTC)


class FakeSource:
    """``count`` events; bodies list their keys; ``X-Sig`` is an HMAC of the body."""

    provider = "fake"
    schedule = "fake: no real schedule"
    signed = True

    def __init__(
        self, count: int, *, batch_max: int = 1, attempts: int = 3, timeout: float = 5.0
    ) -> None:
        self.batch_max = batch_max
        self.attempts = attempts
        self.timeout = timeout
        self.only_200 = False
        self._events = [
            PushEvent(
                key=f"e{index:03d}",
                kind="status",
                at=START + timedelta(seconds=index),
                message_id=f"m{index}",
                status="DELIVERED",
                item={"n": index},
            )
            for index in range(count)
        ]

    def events(self) -> Sequence[PushEvent]:
        """Return the events, oldest first."""
        return self._events

    def success(self, status: int) -> bool:
        """Any 2xx, or only 200 when ``only_200``."""
        return status == 200 if self.only_200 else 200 <= status < 300

    def body(self, events: Sequence[PushEvent], *, endpoint: Endpoint) -> bytes:
        """Return ``{"keys": [...], "endpoint": id}``."""
        keys = [event.key for event in events]
        return json.dumps({"keys": keys, "endpoint": endpoint.id}).encode()

    def headers(
        self, body: bytes, *, delivery_id: str, secret: str | None, now: datetime
    ) -> dict[str, str]:
        """Return the delivery id and, with a secret, the body's HMAC."""
        headers = {"Content-Type": "application/json", "X-Delivery": delivery_id}
        if secret is not None:
            headers["X-Sig"] = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        return headers


def _keys(request: Received) -> list[str]:
    keys: list[str] = json.loads(request.body)["keys"]
    return keys


@pytest.fixture
def no_leftover_threads() -> Iterator[None]:
    """Fail a test that leaves a sender thread running."""
    yield
    names = [thread.name for thread in threading.enumerate()]
    assert not [name for name in names if name.startswith("dlrkit-callbacks")], names


def _sender(
    source: FakeSource, url: str, *, process: bool = False, **kwargs: float
) -> CallbackSender:
    options = {"rate": 1000.0, "retry_delay": 0.0, **kwargs}
    return CallbackSender(
        source,
        [UrlDestination(url, SECRET)],
        rate=options["rate"],
        retry_delay=options["retry_delay"],
        url=url,
        secret=SECRET,
        process=process,
    )


@pytest.fixture(params=[False, True], ids=["thread", "process"])
def process(request: pytest.FixtureRequest) -> bool:
    """Run a network test with both posters: the sender's thread, and a child process."""
    value: bool = request.param
    return value


@pytest.mark.usefixtures("no_leftover_threads")
def test_every_event_once_in_order_in_batches(process: bool) -> None:
    """7 events, batches of 3: three POSTs (3, 3, 1), released in order, signed, delivered.

    Released in order, not necessarily received in order: POSTs run concurrently (as the
    providers' do), so a later one may arrive first (seen in CI). Release order is the
    sender's promise; arrival order is the receiver's problem, as with the real providers.
    """
    recorder = Recorder()
    source = FakeSource(7, batch_max=3)
    with served(recorder) as origin, _sender(source, origin + "/cb", process=process) as sender:
        assert sender.wait_settled(SETTLE)
    batches = [["e000", "e001", "e002"], ["e003", "e004", "e005"], ["e006"]]
    requests = recorder.requests
    assert sorted(_keys(r) for r in requests) == batches
    report = sender.report()
    released = sorted(report.attempts, key=lambda attempt: attempt.at)
    assert [list(attempt.events) for attempt in released] == batches
    for request in requests:
        expected = hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        assert request.headers["x-sig"] == expected
        assert json.loads(request.body)["endpoint"] == "callback-url"
    assert [o.state for o in report.outcomes] == ["delivered"] * 3
    assert sorted(report.delivered_keys()) == [event.key for event in source.events()]
    assert report.pending == 0


@pytest.mark.usefixtures("no_leftover_threads")
def test_a_500_is_retried_and_a_success_never_sent_again(process: bool) -> None:
    """The first attempt of every POST gets 500, the second 200: exactly two each."""
    recorder = Recorder(lambda request, seen: (0.0, 500 if seen == 0 else 200))
    source = FakeSource(5)
    with served(recorder) as origin, _sender(source, origin + "/cb", process=process) as sender:
        assert sender.wait_settled(SETTLE)
    per_body = Counter(request.body for request in recorder.requests)
    assert sorted(per_body.values()) == [2] * 5
    deliveries = Counter(request.headers["x-delivery"] for request in recorder.requests)
    assert sorted(deliveries.values()) == [2] * 5  # one delivery id across both attempts
    report = sender.report()
    assert Counter(a.status for a in report.attempts) == {500: 5, 200: 5}
    assert {(o.state, o.attempts) for o in report.outcomes} == {("delivered", 2)}


@pytest.mark.usefixtures("no_leftover_threads")
def test_posts_reuse_connections(process: bool) -> None:
    """At the default 20 POSTs/s, 6 POSTs do not open 6 TCP connections.

    The sender reads each answer to its end so that httpcore can pool the connection; closing
    an unread answer cost a new connection per POST (about half the sender's CPU per POST).
    """
    recorder = Recorder()
    source = FakeSource(6)
    with (
        served(recorder) as origin,
        _sender(source, origin + "/cb", rate=20.0, process=process) as sender,
    ):
        assert sender.wait_settled(SETTLE)
    clients = [request.client for request in recorder.requests]
    assert len(clients) == 6
    assert len(set(clients)) < 6, clients


async def _endless_answer(scope: dict[str, object], receive: object, send: Any) -> None:
    """Answer 200 with a body of 4 MiB, in 64 KiB chunks."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    chunk = b"x" * 65536
    for _ in range(63):
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": chunk})


@pytest.mark.usefixtures("no_leftover_threads")
def test_a_huge_answer_body_is_not_read_whole(process: bool) -> None:
    """A 4 MiB answer still delivers the POST (its status counts), once, without a hang."""
    source = FakeSource(2)
    with (
        served(_endless_answer) as origin,
        _sender(source, origin + "/cb", process=process) as sender,
    ):
        assert sender.wait_settled(SETTLE)
    report = sender.report()
    assert [a.status for a in report.attempts] == [200, 200]
    assert {(o.state, o.attempts) for o in report.outcomes} == {("delivered", 1)}


@pytest.mark.usefixtures("no_leftover_threads")
def test_a_timeout_is_retried(process: bool) -> None:
    """No answer within the source's timeout fails the attempt; the retry succeeds."""
    recorder = Recorder(lambda request, seen: (2.0 if seen == 0 else 0.0, 200))
    source = FakeSource(2, timeout=0.3)
    with served(recorder) as origin, _sender(source, origin + "/cb", process=process) as sender:
        assert sender.wait_settled(SETTLE)
    report = sender.report()
    assert Counter(a.error for a in report.attempts) == {"timeout": 2, None: 2}
    assert [o.state for o in report.outcomes] == ["delivered", "delivered"]
    assert all(o.attempts == 2 for o in report.outcomes)


@pytest.mark.usefixtures("no_leftover_threads")
def test_gives_up_after_the_sources_attempts(process: bool) -> None:
    """A receiver that always answers 503 gets exactly ``attempts`` POSTs per body."""
    recorder = Recorder(lambda request, seen: (0.0, 503))
    source = FakeSource(3, attempts=4)
    with served(recorder) as origin, _sender(source, origin + "/cb", process=process) as sender:
        assert sender.wait_settled(SETTLE)
    assert sorted(Counter(r.body for r in recorder.requests).values()) == [4, 4, 4]
    assert {(o.state, o.attempts) for o in sender.report().outcomes} == {("gave_up", 4)}


@pytest.mark.usefixtures("no_leftover_threads")
def test_only_200_counts_where_the_source_says_so(process: bool) -> None:
    """Routee's rule: a 204 is not success, so it is retried until attempts run out."""
    recorder = Recorder(lambda request, seen: (0.0, 204 if seen == 0 else 200))
    source = FakeSource(1)
    source.only_200 = True
    with served(recorder) as origin, _sender(source, origin + "/cb", process=process) as sender:
        assert sender.wait_settled(SETTLE)
    assert [a.status for a in sender.report().attempts] == [204, 200]


@pytest.mark.usefixtures("no_leftover_threads")
def test_connection_errors_are_retried_then_given_up(process: bool) -> None:
    """Nothing listening: every attempt is a transport error, then the POST is given up."""
    with served(Recorder()) as origin:
        closed = origin  # the port is free again once served() ends
    source = FakeSource(2, attempts=2)
    with _sender(source, closed + "/cb", process=process) as sender:
        assert sender.wait_settled(SETTLE)
    report = sender.report()
    assert all((a.error or "").startswith("transport error") for a in report.attempts)
    assert len(report.attempts) == 4
    assert {o.state for o in report.outcomes} == {"gave_up"}


@pytest.mark.usefixtures("no_leftover_threads")
def test_stop_cancels_posts_in_flight_and_ends_the_thread(process: bool) -> None:
    """A receiver that never answers in time does not keep the sender from stopping."""
    recorder = Recorder(lambda request, seen: (5.0, 200))
    source = FakeSource(3, timeout=60.0)
    with served(recorder) as origin:
        sender = _sender(source, origin + "/slow", process=process)
        sender.start()
        deadline = datetime.now(UTC) + timedelta(seconds=SETTLE)
        while not recorder.requests and datetime.now(UTC) < deadline:
            threading.Event().wait(0.01)
        assert recorder.requests
        sender.stop(timeout=10.0)
        assert not sender.running
    states = {o.state for o in sender.report().outcomes}
    assert states == {"dropped"}


def test_no_secret_in_repr_record_or_description(process: bool) -> None:
    """The secret is neither in the sender's repr, its description nor its record."""
    recorder = Recorder()
    source = FakeSource(2)
    with served(recorder) as origin:
        url = origin.replace("http://", "http://user:pw-in-url@") + "/cb"
        with _sender(source, url, process=process) as sender:
            assert sender.wait_settled(SETTLE)
    shown = repr(sender) + sender.describe() + repr(sender.report())
    shown += repr(UrlDestination(url, SECRET))
    assert SECRET not in shown
    assert "pw-in-url" not in shown
    assert len(recorder.requests) == 2


def test_pacing_on_a_fake_clock() -> None:
    """At most ``rate`` attempts per second: starts are 1/rate apart on the sender's clock."""
    now = [0.0]

    def clock() -> float:
        return now[0]

    async def sleep(seconds: float) -> None:
        now[0] += max(seconds, 0.001)
        await asyncio.sleep(0)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500 if b"e001" in request.content else 200)

    source = FakeSource(6, attempts=2)
    sender = CallbackSender(
        source,
        [UrlDestination("http://receiver.test/cb", None)],
        rate=4.0,
        retry_delay=0.0,
        clock=clock,
        sleep=sleep,
        transport=httpx.MockTransport(answer),
    )
    with sender:
        assert sender.wait_settled(SETTLE)
    starts = sorted(attempt.at for attempt in sender.report().attempts)
    assert len(starts) == 7  # six events, one retried
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert min(gaps) >= 0.25 - 1e-9


class BrokenSource(FakeSource):
    """A source whose body() raises: the sender records it and goes on."""

    def body(self, events: Sequence[PushEvent], *, endpoint: Endpoint) -> bytes:
        """Fail for the second event only."""
        if events[0].key == "e001":
            raise KeyError("bug in a source")
        return super().body(events, endpoint=endpoint)


@pytest.mark.usefixtures("no_leftover_threads")
def test_a_failing_source_is_recorded_and_the_rest_still_sent() -> None:
    """A source bug on one POST is an attempt error; the other events are still delivered."""
    recorder = Recorder()
    source = BrokenSource(3, attempts=2)
    with served(recorder) as origin, _sender(source, origin + "/cb") as sender:
        assert sender.wait_settled(SETTLE)
    report = sender.report()
    assert sorted(_keys(r)[0] for r in recorder.requests) == ["e000", "e002"]
    assert {a.error for a in report.attempts if not a.ok} == {"source error (KeyError)"}
    assert sorted(report.delivered_keys()) == ["e000", "e002"]


@pytest.mark.usefixtures("no_leftover_threads")
def test_lifecycle_is_idempotent_and_bounded() -> None:
    """stop() before start() and twice is harmless; start() twice starts one thread."""
    sender = _sender(FakeSource(1), "http://127.0.0.1:9/unused")
    sender.stop()
    assert not sender.wait_settled(0.05)  # never started: never settled
    assert "stopped" in repr(sender)
    with served(Recorder()) as origin:
        sender = _sender(FakeSource(1), origin + "/cb")
        sender.start()
        sender.start()
        assert sender.running
        assert sender.wait_settled(SETTLE)
        sender.stop()
        sender.stop()
    assert not sender.running


@pytest.mark.usefixtures("no_leftover_threads")
def test_the_asgi_lifespan_starts_and_stops_the_sender() -> None:
    """Under uvicorn (lifespan on) the server's sender runs between startup and shutdown."""
    from dlrkit_servers import create_app

    recorder = Recorder()
    with served(recorder) as origin:
        server = create_app(
            "mailersend", token=SECRET, size=1, callback_url=origin + "/cb", callback_rate=500.0
        )
        sender = server.callbacks
        assert sender is not None
        messages: list[dict[str, object]] = [
            {"type": "lifespan.startup"},
            {"type": "lifespan.shutdown"},
        ]
        sent: list[dict[str, object]] = []
        running: list[bool] = []

        async def receive() -> dict[str, object]:
            if sent:
                running.append(sender.running)
                assert sender.wait_settled(SETTLE)
            return messages.pop(0)

        async def send(message: dict[str, object]) -> None:
            sent.append(message)

        asyncio.run(server.app({"type": "lifespan"}, receive, send))  # type: ignore[arg-type]
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]
    assert running == [True]
    assert not sender.running
    assert len(recorder.requests) == len(sender.events)


@pytest.mark.usefixtures("no_leftover_threads")
def test_a_dead_poster_child_fails_its_posts_and_is_replaced() -> None:
    """Kill the child with a POST in flight: that attempt fails, a new child sends the retry."""
    recorder = Recorder(lambda request, seen: (1.5 if seen == 0 else 0.0, 200))
    source = FakeSource(1, attempts=3)
    with served(recorder) as origin, _sender(source, origin + "/cb", process=True) as sender:
        deadline = time.monotonic() + SETTLE
        while not recorder.requests:  # the first attempt is waiting on its answer
            assert time.monotonic() < deadline, "no POST arrived"
            time.sleep(0.01)
        poster = sender._poster  # the test reaches the child it kills
        assert isinstance(poster, ProcessPoster)
        assert poster.pid is not None
        os.kill(poster.pid, signal.SIGKILL)
        assert sender.wait_settled(SETTLE)
        starts = poster.starts
    report = sender.report()
    assert [a.error for a in report.attempts] == ["transport error (poster process exited)", None]
    assert [(o.state, o.attempts) for o in report.outcomes] == [("delivered", 2)]
    assert starts == 2


@pytest.mark.usefixtures("no_leftover_threads")
def test_the_poster_child_ends_with_the_sender() -> None:
    """After stop() no child process is left, even one with a POST still in flight."""
    recorder = Recorder(lambda request, seen: (30.0, 200))
    source = FakeSource(2, timeout=60.0)
    with served(recorder) as origin:
        sender = _sender(source, origin + "/cb", process=True)
        sender.start()
        deadline = time.monotonic() + SETTLE
        while not recorder.requests:
            assert time.monotonic() < deadline, "no POST arrived"
            time.sleep(0.01)
        poster = sender._poster  # the test checks the child it made
        assert isinstance(poster, ProcessPoster)
        pid = poster.pid
        assert pid is not None
        sender.stop(timeout=15.0)
    with pytest.raises(ProcessLookupError):  # exited and reaped, not a zombie
        os.kill(pid, 0)


def test_a_test_transport_cannot_cross_into_a_child() -> None:
    """``transport=`` with ``process=True`` is refused up front, naming both."""
    with pytest.raises(ValueError, match=r"transport needs process=False"):
        CallbackSender(
            FakeSource(1),
            [UrlDestination("http://receiver.test/cb", None)],
            rate=1.0,
            retry_delay=0.0,
            transport=httpx.MockTransport(lambda request: httpx.Response(200)),
            process=True,
        )
