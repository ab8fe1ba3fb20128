"""Callback deduplication: the key of an event, where seen keys live, and the claim protocol.

Providers retry a callback until they get a 2xx, and none sends an event id, so the same
event can arrive twice: after a timeout, after a 2xx that was lost on the way back, or
inside another Infobip batch. `dedupe_key` is the one rule, shared by all four providers;
``SCHEMES[provider].dedupe_key`` says which payload fields feed it (a test checks that the
two agree). `SeenStore` is what the receiver asks "which of these keys are new?"; the
default `MemorySeen` is bounded and per process, and anything with the two methods (Redis,
a database table) can stand in for it across processes.
"""

from __future__ import annotations

import contextlib
import inspect
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Collection, Iterable, MutableSet, Sequence
from typing import Protocol, TypeVar, cast

import anyio

from dlrkit._errors import InvalidFieldError
from dlrkit._event import DeliveryEvent

__all__ = [
    "DEFAULT_SEEN_CAPACITY",
    "DedupeKey",
    "Deduper",
    "MemorySeen",
    "SeenStore",
    "as_seen_store",
    "dedupe_key",
]

#: ``(provider, message_id, part_id, raw_status)``; see `dedupe_key`.
DedupeKey = tuple[str, str, str | None, str]

#: Keys `MemorySeen` keeps by default; measured with UUID ids: 26 MB, 35 MB with a part id.
DEFAULT_SEEN_CAPACITY = 100_000

_T = TypeVar("_T")


def dedupe_key(event: DeliveryEvent) -> DedupeKey:
    """Return what identifies ``event`` across retries: the same report gives the same key.

    ``(provider, message_id, part_id, raw_status)``: one message (or part) reaching one
    status, in the provider's own words. No timestamp is part of it, so a retry that was
    re-stamped is still a duplicate; a message's *next* status is a new key. Which payload
    field fills each slot, per provider, is ``SCHEMES[provider].dedupe_key``.
    """
    return (event.provider, event.message_id, event.part_id, event.raw_status)


class SeenStore(Protocol):
    """Where a receiver remembers the keys of events it handed to ``on_events``.

    Both methods may be plain or ``async``. ``add_new(keys)`` must, atomically, add the
    keys and return those that were not there before (Redis: ``SET key 1 NX EX ttl`` per
    key; SQL: ``INSERT ... ON CONFLICT DO NOTHING RETURNING``). ``discard(keys)`` forgets
    keys again: the receiver calls it when ``on_events`` raised, so the provider's retry is
    processed rather than skipped.
    """

    def add_new(
        self, keys: Sequence[DedupeKey]
    ) -> Iterable[DedupeKey] | Awaitable[Iterable[DedupeKey]]:
        """Add ``keys``; return those that were new."""
        ...

    def discard(self, keys: Collection[DedupeKey]) -> object:
        """Forget ``keys`` (any that are missing are ignored)."""
        ...


class MemorySeen:
    """The default `SeenStore`: in memory, per process, at most ``capacity`` keys.

    Beyond ``capacity`` the key added (or re-delivered) least recently is forgotten first;
    a retry of a forgotten event counts as new and reaches ``on_events`` again, so size it
    above the number of events a provider may retry (Routee retries for about 24 h). It is
    thread-safe, but every process (each uvicorn or gunicorn worker) has its own: with
    several workers, a retry routed to another worker is not recognised; share a store
    (Redis...) instead.
    """

    def __init__(self, capacity: int = DEFAULT_SEEN_CAPACITY) -> None:
        given: object = capacity  # checked for callers who ignore the annotation
        if isinstance(given, bool) or not isinstance(given, int) or given < 1:
            raise InvalidFieldError("capacity", capacity, "must be a positive number of keys")
        self.capacity = capacity
        self._keys: OrderedDict[DedupeKey, None] = OrderedDict()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<MemorySeen {len(self)}/{self.capacity} keys>"

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def add_new(self, keys: Sequence[DedupeKey]) -> list[DedupeKey]:
        """Add ``keys``; return those that were new, in order (see the class docstring)."""
        new: list[DedupeKey] = []
        with self._lock:
            for key in keys:
                if key in self._keys:
                    self._keys.move_to_end(key)  # re-delivered: still live at the provider
                else:
                    self._keys[key] = None
                    new.append(key)
            while len(self._keys) > self.capacity:
                self._keys.popitem(last=False)
        return new

    def discard(self, keys: Collection[DedupeKey]) -> None:
        """Forget ``keys``."""
        with self._lock:
            for key in keys:
                self._keys.pop(key, None)


class _SetStore:
    """A `SeenStore` over a `MutableSet` the caller owns (and bounds, if it wants to)."""

    def __init__(self, keys: MutableSet[DedupeKey]) -> None:
        self._keys = keys
        self._lock = threading.Lock()  # "check, then add" must be one step

    def add_new(self, keys: Sequence[DedupeKey]) -> list[DedupeKey]:
        with self._lock:
            new = [key for key in dict.fromkeys(keys) if key not in self._keys]
            for key in new:
                self._keys.add(key)
        return new

    def discard(self, keys: Collection[DedupeKey]) -> None:
        with self._lock:
            for key in keys:
                self._keys.discard(key)


def as_seen_store(seen: object) -> SeenStore:
    """Return the `SeenStore` for the receiver's ``seen=`` argument, or `InvalidFieldError`.

    None gives a new `MemorySeen`; a `MutableSet` (a plain ``set`` works) is wrapped; an
    object with callable ``add_new`` and ``discard`` is used as it is.
    """
    if seen is None:
        return MemorySeen()
    if callable(getattr(seen, "add_new", None)) and callable(getattr(seen, "discard", None)):
        return cast(SeenStore, seen)
    if isinstance(seen, MutableSet):
        return _SetStore(seen)
    reason = "must be None, a MutableSet, or an object with add_new(keys) and discard(keys)"
    raise InvalidFieldError("seen", seen, reason)


async def _settled(value: _T | Awaitable[_T]) -> _T:
    if inspect.isawaitable(value):
        return await value
    return value


class _Claim:
    """The keys one request claimed, and the signal for requests waiting on them."""

    __slots__ = ("done", "keys")

    def __init__(self, keys: list[DedupeKey], done: anyio.Event) -> None:
        self.keys, self.done = keys, done


class Deduper:
    """The claim protocol between one receiver and its `SeenStore`.

    `claim` returns the events whose keys are new and holds those keys until `settle`:
    another request of this process carrying one of them waits for the outcome, so it is
    answered 2xx only once the event has reached ``on_events`` (or processes the event
    itself if that failed). Across processes the shared store's ``add_new`` decides alone:
    the loser skips the event at once, and if the winner's ``on_events`` fails, the winner
    answers 500 and the provider's retry of it delivers the event.
    """

    def __init__(self, store: SeenStore) -> None:
        self.store = store
        # Hand-written rather than a lock per key: one dict, entries only while in flight.
        self._in_flight: dict[DedupeKey, anyio.Event] = {}

    async def claim(self, events: Sequence[DeliveryEvent]) -> tuple[list[DeliveryEvent], _Claim]:
        """Return the events of ``events`` to deliver (new keys, each once) and the claim."""
        keyed: dict[DedupeKey, DeliveryEvent] = {}
        for event in events:
            keyed.setdefault(dedupe_key(event), event)  # a batch may repeat a report
        while busy := [self._in_flight[key] for key in keyed if key in self._in_flight]:
            await busy[0].wait()  # then look again: the holder settled, maybe others hold more
        done = anyio.Event()
        for key in keyed:
            self._in_flight[key] = done
        try:
            new = set(await _settled(self.store.add_new(list(keyed))))
            if not new <= keyed.keys():
                # A store that returns keys in another form (JSON text from Redis) would
                # otherwise make every event look seen: fail loudly (500) instead.
                strange = next(iter(new - keyed.keys()))
                raise TypeError(
                    f"{type(self.store).__name__}.add_new returned {strange!r}, "
                    "which is not one of the keys it was given"
                )
        except BaseException:
            # The store may have added some keys before failing; left there, they would make
            # the provider's retry look seen. Forget them (best effort): at worst an event
            # another process holds is handed over twice, never lost.
            with anyio.CancelScope(shield=True), contextlib.suppress(Exception):
                await _settled(self.store.discard(list(keyed)))
            self._release(list(keyed))
            done.set()
            raise
        self._release([key for key in keyed if key not in new])
        fresh = [key for key in keyed if key in new]
        if not fresh:
            done.set()  # nothing held: whoever waited on these keys may look again now
        return [keyed[key] for key in fresh], _Claim(fresh, done)

    async def settle(self, claim: _Claim, *, delivered: bool) -> None:
        """End ``claim``: keep its keys if ``on_events`` returned, else forget them."""
        try:
            if not delivered and claim.keys:
                with anyio.CancelScope(shield=True):
                    await _settled(self.store.discard(claim.keys))
        finally:
            self._release(claim.keys)
            claim.done.set()

    def _release(self, keys: Iterable[DedupeKey]) -> None:
        for key in keys:
            self._in_flight.pop(key, None)
