"""The callback sender shared by every reference server: replays a PushSource to destinations.

Design: a **background thread with its own event loop**, started by
:meth:`CallbackSender.start` (``ReferenceServer`` calls it from the ASGI lifespan under uvicorn,
and in-process users call it, or use ``with server:``). Not an asyncio task of the API's loop,
because in-process servers have no running loop of their own: ``httpx.ASGITransport`` and
``dlrkit_contract.served`` run no lifespan, and a task would only advance while a request is
being awaited. A thread also keeps a slow or hanging receiver from ever sharing the API's loop.
The thread decides what to send, when, and what to record; the HTTP exchange itself is made
by a poster (``_posting``): with ``process=True`` (``create_app``'s default) a child process,
because an httpx exchange inside the API's process took up to 17 % of the API's requests/s at
20 POSTs/s by taking the GIL at every step (``python benchmarks/run.py --only
callbacks_cost`` measures it); with ``process=False`` the thread's own httpx client.

What it does, for each destination separately (``--callback-url``, or MailerSend's webhooks):

* replays ``source.events()`` in order from the start, skipping the events the destination does
  not subscribe to or that come while it is disabled, grouping up to ``source.batch_max`` of
  them into one POST (``source.body``), with fresh ``source.headers`` on every attempt; POSTs
  are released in order but up to 64 run at once (as the providers' do), so a receiver may
  see a later one first;
* an answer that ``source.success`` accepts ends that POST, which is never sent again; any
  other answer, no answer within ``source.timeout`` or a connection error is retried after
  ``retry_delay`` seconds, up to ``source.attempts`` attempts in all, then given up;
* all destinations together start at most ``rate`` POSTs (attempts) per second.

Every attempt and outcome is recorded (:meth:`CallbackSender.report`): ids, event keys, URL
without credentials, status or error kind. Never a secret, a header or a body.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

import httpx

from dlrkit_servers._pacing import Pacer
from dlrkit_servers._posting import MAX_IN_FLIGHT, ProcessPoster, ThreadPoster
from dlrkit_servers._push import Destination, Destinations, Endpoint, PushEvent, PushSource

__all__ = ["Attempt", "CallbackSender", "Outcome", "Report", "UrlDestination"]

logger = logging.getLogger("dlrkit_servers.callbacks")

#: Id of the one destination of a provider without registrations (``--callback-url``).
URL_DESTINATION_ID = "callback-url"
# How often the destinations are read again (MailerSend webhooks registered while serving).
_POLL_SECONDS = 0.2
_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
_NAMESPACE = uuid.UUID("5d1e3a0c-6f0b-4d8e-9a55-0c2b1f4e7a11")


def redact(url: str) -> str:
    """Return ``url`` without user:password (records and logs never show credentials)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


@dataclass(frozen=True, slots=True)
class Attempt:
    """One POST attempt: ``status`` when answered, else ``error`` (``timeout``, ``connect``...)."""

    delivery_id: str
    destination: str
    url: str
    events: tuple[str, ...]
    number: int
    #: When the pacer released it, on the sender's clock (``time.monotonic`` unless injected).
    at: float
    status: int | None
    error: str | None
    ok: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one POST (one delivery) ended."""

    delivery_id: str
    destination: str
    events: tuple[str, ...]
    state: Literal["delivered", "gave_up", "dropped"]
    attempts: int


@dataclass(frozen=True, slots=True)
class Report:
    """A snapshot of the sender's record; ``pending`` counts POSTs not yet ended."""

    attempts: tuple[Attempt, ...]
    outcomes: tuple[Outcome, ...]
    skipped: int
    pending: int

    def delivered_keys(self) -> list[str]:
        """Event keys of every delivered POST, in the order the POSTs ended.

        Keys repeat across destinations. POSTs run concurrently: this is not always the order
        they were released in.
        """
        return [key for o in self.outcomes if o.state == "delivered" for key in o.events]


@dataclass(frozen=True, slots=True)
class UrlDestination:
    """``--callback-url`` for a provider without registrations: every event, one secret."""

    url: str = field(repr=False)
    secret: str | None = field(repr=False)
    id: str = URL_DESTINATION_ID

    def __repr__(self) -> str:
        return f"UrlDestination({redact(self.url)!r})"

    def accepts(self, event: PushEvent) -> bool:
        """Every event."""
        return True

    def target(self) -> tuple[Endpoint, str | None]:
        """Return the URL, always."""
        return Endpoint(self.id, self.url), self.secret


@dataclass(slots=True)
class _Job:
    destination: Destination
    events: tuple[PushEvent, ...]
    delivery_id: str
    attempt: int = 0
    body: bytes | None = None
    #: When the pacer let the current attempt go (the sender's clock).
    released: float = 0.0


@dataclass(slots=True)
class _Cursor:
    destination: Destination
    position: int = 0


class CallbackSender:
    """Replays ``source`` to ``destinations`` from a thread of its own; see the module doc.

    ``clock``, ``sleep`` and ``transport`` are test hooks: a fake clock and sleep run the
    pacing and retry timing without wall time, an ``httpx`` transport replaces the network.
    The secret is kept by the destinations and never shown (not in ``repr`` either).
    """

    def __init__(
        self,
        source: PushSource,
        destinations: Destinations | Sequence[Destination],
        *,
        rate: float,
        retry_delay: float,
        url: str | None = None,
        secret: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        process: bool = False,
    ) -> None:
        if process and transport is not None:
            raise ValueError("a test transport needs process=False (it cannot cross processes)")
        self.source = source
        #: Whether POSTs are made by a child process (see ``_posting``) or this thread.
        self.process = process
        self.rate = rate
        self.retry_delay = retry_delay
        #: The ``--callback-url`` (``None`` for a sender built on destinations alone).
        self.url = url
        self._secret = secret
        self._destinations = destinations
        self._clock = clock
        self._sleep_hook = sleep
        self._transport = transport
        self._events = tuple(source.events())
        self._cursors: dict[str, _Cursor] = {}
        self._order: list[str] = []  # round-robin over destinations
        self._turn = 0
        self._retries: list[tuple[float, int, _Job]] = []
        self._seq = itertools.count()
        self._in_flight = 0
        self._lock = threading.Condition()
        self._attempts: list[Attempt] = []
        self._outcomes: list[Outcome] = []
        self._skipped = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._stopping = False
        self._started = threading.Event()
        self._failure: BaseException | None = None
        self._refreshes = 0  # how many times the destinations were read
        self._poster: ThreadPoster | ProcessPoster | None = None  # set by the thread

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<CallbackSender {self.source.provider} {state} rate={self.rate}/s>"

    @property
    def secret(self) -> str | None:
        """The secret ``url``'s callbacks are signed with (``dlrkit serve`` prints it)."""
        return self._secret

    def describe(self) -> str:
        """Return what ``dlrkit serve`` prints about callbacks (without the secret)."""
        source = self.source
        lines = [
            f"callbacks: {len(self._events)} {source.provider} events to "
            f"{redact(self.url or '(registered webhooks only)')}, at most {self.rate:g}/s, "
            f"{source.batch_max} per POST, {source.attempts} attempts "
            f"{self.retry_delay:g} s apart, {source.timeout:g} s timeout",
            f"  the real schedule: {source.schedule}",
        ]
        return "\n".join(lines)

    @property
    def events(self) -> tuple[PushEvent, ...]:
        """Every event the source replays, in order."""
        return self._events

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stopping

    @property
    def running(self) -> bool:
        """Whether the sender's thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the thread (once; later calls do nothing). Waits until its loop runs."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._thread_main, name=f"dlrkit-callbacks-{self.source.provider}", daemon=True
        )
        self._thread.start()
        if not self._started.wait(_START_TIMEOUT):
            raise RuntimeError("the callback sender did not start within 10 s")
        if self._failure is not None:
            raise RuntimeError("the callback sender failed to start") from self._failure

    def stop(self, timeout: float = _STOP_TIMEOUT) -> None:
        """Stop sending: cancel POSTs in flight, close the client, join the thread.

        Raises ``RuntimeError`` if the thread is still alive after ``timeout`` seconds.
        """
        thread, loop = self._thread, self._loop
        if thread is None:
            return
        self._stopping = True
        if loop is not None and self._wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended
                loop.call_soon_threadsafe(self._wake.set)
        thread.join(timeout)
        if thread.is_alive():
            raise RuntimeError(f"the callback sender did not stop within {timeout} s")

    def __enter__(self) -> CallbackSender:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the record ------------------------------------------------------------------------

    def report(self) -> Report:
        """Return a snapshot of every attempt and outcome so far."""
        with self._lock:
            return Report(
                tuple(self._attempts), tuple(self._outcomes), self._skipped, self._pending()
            )

    def wait_settled(self, timeout: float) -> bool:
        """Wait until every destination registered so far has nothing left to send or retry.

        Returns False if that did not happen within ``timeout`` seconds (or the sender stopped).
        """
        deadline = time.monotonic() + timeout
        with self._lock:
            # Destinations registered before this call must have been read (a later refresh).
            since = self._refreshes
            while True:
                if self._failure is not None:
                    return False
                if self._refreshes > since and self._pending() == 0:
                    return True
                left = deadline - time.monotonic()
                if left <= 0 or not self.running:
                    return False
                self._lock.wait(min(left, _POLL_SECONDS))

    def _pending(self) -> int:
        fresh = sum(len(self._events) - c.position for c in self._cursors.values())
        return fresh + len(self._retries) + self._in_flight

    # -- the thread ------------------------------------------------------------------------

    def _thread_main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as error:  # kept for start() and wait_settled()
            self._failure = error
            logger.exception("the %s callback sender stopped on an error", self.source.provider)
        finally:
            self._started.set()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            with self._lock:
                self._lock.notify_all()

    async def _sleep(self, seconds: float) -> None:
        if self._sleep_hook is not None:
            await self._sleep_hook(seconds)
            return
        assert self._wake is not None  # noqa: S101 -- set in _main before any wait
        # A timer that sets the event, not asyncio.wait_for: on 3.11 wait_for can leak a
        # CancelledError when its timeout and the event race (seen under coverage).
        wake = self._wake
        timer = asyncio.get_running_loop().call_later(max(seconds, 0.0), wake.set)
        try:
            await wake.wait()
        finally:
            timer.cancel()
            wake.clear()

    async def _main(self) -> None:
        self._wake = asyncio.Event()
        pacer = Pacer(
            self.rate, clock=self._clock, sleep=self._sleep, stopped=lambda: self._stopping
        )
        tasks: set[asyncio.Task[None]] = set()
        poster: ThreadPoster | ProcessPoster = (
            ProcessPoster(self.source.timeout)
            if self.process
            else ThreadPoster(self.source.timeout, self._transport)
        )
        self._poster = poster
        async with poster:
            self._started.set()
            last_poll = -1e18
            try:
                while not self._stopping:
                    now = self._clock()
                    if now - last_poll >= _POLL_SECONDS or last_poll > now:
                        self._refresh()
                        last_poll = now
                    job, wait = self._next_job(now)
                    if job is None:
                        await self._sleep(min(wait, _POLL_SECONDS))
                        continue
                    # Room first, then the slot: a wait for room must not eat into the pacing.
                    while len(tasks) >= MAX_IN_FLIGHT:
                        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                    await pacer.wait()
                    if self.stopping:
                        self._drop(job)
                        break
                    job.released = self._clock()
                    task = asyncio.create_task(self._attempt(poster, job))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
            finally:
                for task in tasks:
                    task.cancel()
                if tasks:
                    await asyncio.wait(tasks, timeout=_STOP_TIMEOUT / 2)

    def _refresh(self) -> None:
        found = self._destinations
        current = found.current() if not isinstance(found, Sequence) else found
        ids = {destination.id for destination in current}
        with self._lock:
            for destination in current:
                if destination.id not in self._cursors:
                    self._cursors[destination.id] = _Cursor(destination)
                    self._order.append(destination.id)
            for gone in [key for key in self._cursors if key not in ids]:
                # Deleted: nothing more to send, not even its retries.
                cursor = self._cursors.pop(gone)
                self._order.remove(gone)
                self._skipped += len(self._events) - cursor.position
                kept = [item for item in self._retries if item[2].destination.id != gone]
                for _, _, job in self._retries:
                    if job.destination.id == gone:
                        self._end(job, "dropped")
                self._retries = kept
                heapq.heapify(self._retries)
            self._refreshes += 1
            self._lock.notify_all()

    def _next_job(self, now: float) -> tuple[_Job | None, float]:
        """Return a due retry, else the next fresh POST (round-robin), else how long to wait."""
        with self._lock:
            if self._retries and self._retries[0][0] <= now:
                self._in_flight += 1
                return heapq.heappop(self._retries)[2], 0.0
            for _ in range(len(self._order)):
                key = self._order[self._turn % len(self._order)]
                self._turn += 1
                job = self._fresh(self._cursors[key])
                if job is not None:
                    return job, 0.0
            self._lock.notify_all()
            wait = self._retries[0][0] - now if self._retries else _POLL_SECONDS
            return None, max(wait, 0.0)

    def _fresh(self, cursor: _Cursor) -> _Job | None:
        destination = cursor.destination
        batch: list[PushEvent] = []
        live = destination.target() is not None
        while cursor.position < len(self._events) and len(batch) < self.source.batch_max:
            event = self._events[cursor.position]
            cursor.position += 1
            if live and destination.accepts(event):
                batch.append(event)
            else:
                self._skipped += 1
        if not batch:
            return None
        self._in_flight += 1  # counted from here, so pending never drops to 0 in between
        keys = "|".join(event.key for event in batch)
        delivery_id = str(uuid.uuid5(_NAMESPACE, f"{destination.id}|{keys}"))
        return _Job(destination, tuple(batch), delivery_id)

    def _drop(self, job: _Job) -> None:
        with self._lock:
            self._in_flight -= 1
            self._end(job, "dropped")

    async def _attempt(self, poster: ThreadPoster | ProcessPoster, job: _Job) -> None:
        try:
            await self._post(poster, job)
        except asyncio.CancelledError:
            with self._lock:
                self._in_flight -= 1
                self._end(job, "dropped")
            raise

    async def _post(self, poster: ThreadPoster | ProcessPoster, job: _Job) -> None:
        target = job.destination.target()
        if target is None:  # disabled or deleted since it was queued
            with self._lock:
                self._in_flight -= 1
                self._end(job, "dropped")
            return
        endpoint, secret = target
        job.attempt += 1
        status: int | None = None
        error: str | None = None
        try:
            if job.body is None:
                job.body = self.source.body(job.events, endpoint=endpoint)
            headers = self.source.headers(
                job.body, delivery_id=job.delivery_id, secret=secret, now=datetime.now(UTC)
            )
            status, error = await poster.post(endpoint.url, job.body, headers, self.source.timeout)
        except Exception as exc:  # a bug in a source: record it and go on with the others
            error = f"source error ({type(exc).__name__})"
            logger.exception("the %s callback source failed", self.source.provider)
        ok = status is not None and self.source.success(status)
        attempt = Attempt(
            job.delivery_id,
            endpoint.id,
            redact(endpoint.url),
            tuple(event.key for event in job.events),
            job.attempt,
            job.released,
            status,
            error,
            ok,
        )
        with self._lock:
            self._attempts.append(attempt)
            if ok:
                self._in_flight -= 1
                self._end(job, "delivered")
            elif job.destination.id not in self._cursors:
                self._in_flight -= 1
                self._end(job, "dropped")
            elif job.attempt >= self.source.attempts:
                self._in_flight -= 1
                self._end(job, "gave_up")
            else:
                self._in_flight -= 1
                due = self._clock() + self.retry_delay
                heapq.heappush(self._retries, (due, next(self._seq), job))
            self._lock.notify_all()
        if self._wake is not None:
            self._wake.set()

    def _end(self, job: _Job, state: Literal["delivered", "gave_up", "dropped"]) -> None:
        """Record how ``job`` ended (the caller holds the lock)."""
        keys = tuple(event.key for event in job.events)
        self._outcomes.append(
            Outcome(job.delivery_id, job.destination.id, keys, state, job.attempt)
        )
        self._lock.notify_all()
