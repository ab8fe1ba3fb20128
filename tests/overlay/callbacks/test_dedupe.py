"""The receiver's deduplication: retries after a 2xx, batches, concurrency, failures, stores."""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import logging
import re
from collections import Counter
from collections.abc import Awaitable, Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest
from dlrkit import DeliveryEvent, InvalidFieldError, callbacks, normalize
from hypothesis import given, settings
from hypothesis import strategies as st

from .support import MS_SECRET, SW_SECRET, vector

App = Callable[..., Awaitable[None]]
SAMPLES = {
    "mailersend": "derived_sms_delivered",
    "sentdm": "derived_message_delivered",
    "infobip": "java_sdk_v3_delivery_report",
    "routee": "derived_current_docs_part",
}
SECRETS = {"mailersend": MS_SECRET, "sentdm": SW_SECRET}


def _request(content: bytes | str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {"content": content, "headers": headers or {}}


async def _post_all(app: App, requests: Sequence[dict[str, Any]]) -> list[httpx.Response]:
    """POST every request concurrently to ``app`` in one event loop."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hooks") as client:
        return list(await asyncio.gather(*(client.post("/", **r) for r in requests)))


def _post(app: App, *requests: dict[str, Any]) -> list[httpx.Response]:
    """POST the requests one after the other (each waits for the previous answer)."""

    async def run() -> list[httpx.Response]:
        return [(await _post_all(app, [r]))[0] for r in requests]

    return asyncio.run(run())


def _sample(provider: str) -> dict[str, Any]:
    v = vector(provider, SAMPLES[provider])
    return _request(v.body, v.headers)


def _receiver(provider: str, on_events: Any, **kwargs: Any) -> callbacks.CallbackReceiver:
    if provider == "sentdm":
        kwargs.setdefault("tolerance", 10**10)  # the fixture's timestamp is fixed
    return callbacks.receiver(provider, on_events, secret=SECRETS.get(provider), **kwargs)


def _report(n: int, status: str = "DELIVERED_TO_HANDSET") -> dict[str, Any]:
    return {
        "messageId": f"msg-{n}",
        "to": "41793026727",
        "sentAt": "2019-11-09T16:00:00.000+0000",
        "doneAt": "2019-11-09T16:00:00.000+0000",
        "messageCount": 1,
        "price": {"pricePerMessage": 0.01, "currency": "EUR"},
        "status": {
            "groupId": 3,
            "groupName": "DELIVERED",
            "id": 5,
            "name": status,
            "description": "-",
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


def _batch(*reports: int) -> dict[str, Any]:
    return _request(json.dumps({"results": [_report(n) for n in reports]}))


@pytest.mark.parametrize("provider", sorted(SAMPLES))
def test_a_retry_after_a_2xx_is_answered_200_and_not_handed_over_again(provider: str) -> None:
    """The provider re-sends an event it got 200 for: 200 again, on_events called once."""
    got: list[list[DeliveryEvent]] = []
    app = _receiver(provider, got.append)
    first, retry = _post(app, _sample(provider), _sample(provider))
    assert (first.status_code, retry.status_code) == (200, 200)
    assert first.json() == retry.json()
    assert len(got) == 1
    assert len(got[0]) == first.json()["received"] > 0


def test_an_event_re_sent_inside_another_infobip_batch_is_skipped_alone() -> None:
    """Batch [1, 2] then [2, 3]: the second call gets report 3 only; both answer their size."""
    got: list[list[str]] = []
    app = callbacks.receiver("infobip", lambda events: got.append([e.message_id for e in events]))
    first, second = _post(app, _batch(1, 2), _batch(2, 3))
    assert got == [["msg-1", "msg-2"], ["msg-3"]]
    assert (first.json(), second.json()) == ({"received": 2}, {"received": 2})


def test_a_report_twice_in_one_batch_is_handed_over_once() -> None:
    """A batch that repeats a report gives on_events one copy, in first-seen order."""
    got: list[list[str]] = []
    app = callbacks.receiver("infobip", lambda events: got.append([e.message_id for e in events]))
    _post(app, _batch(4, 1, 4, 2))
    assert got == [["msg-4", "msg-1", "msg-2"]]


def test_a_new_status_of_the_same_message_is_a_new_event() -> None:
    """Only the same status is a duplicate: the message's next status reaches on_events."""
    got: list[str] = []
    app = callbacks.receiver("infobip", lambda events: got.extend(e.raw_status for e in events))
    pending = json.dumps({"results": [_report(1, "PENDING_ENROUTE")]})
    _post(app, _request(pending), _batch(1), _request(pending))
    assert got == ["PENDING_ENROUTE", "DELIVERED_TO_HANDSET"]


def test_a_failed_on_events_leaves_the_keys_unseen_so_the_retry_is_processed() -> None:
    """on_events raises: 500, keys forgotten; the retry reaches on_events; later ones do not."""
    calls: list[list[str]] = []

    def flaky(events: list[DeliveryEvent]) -> None:
        calls.append([e.message_id for e in events])
        if len(calls) == 1:
            raise RuntimeError("database down")

    app = callbacks.receiver("infobip", flaky)
    answers = _post(app, _batch(1, 2), _batch(1, 2), _batch(1, 2))
    assert [r.status_code for r in answers] == [500, 200, 200]
    assert calls == [["msg-1", "msg-2"], ["msg-1", "msg-2"]]


def test_two_concurrent_deliveries_of_one_event_reach_on_events_once() -> None:
    """Two copies arrive together: one on_events call; the other waits for it, then 200."""
    calls: list[str] = []
    order: list[str] = []

    async def slow(events: list[DeliveryEvent]) -> None:
        calls.append(events[0].message_id)
        await asyncio.sleep(0.05)
        order.append("on_events returned")

    app = callbacks.receiver("infobip", slow)

    async def run() -> list[httpx.Response]:
        return await _post_all(app, [_batch(1), _batch(1)])

    answers = asyncio.run(run())
    assert [r.status_code for r in answers] == [200, 200]
    assert calls == ["msg-1"]
    assert order == ["on_events returned"]


def test_when_the_first_concurrent_delivery_fails_the_waiting_copy_delivers() -> None:
    """The holder's on_events raises: it gets 500, the waiting copy hands the event over."""
    calls: list[str] = []

    async def fails_first(events: list[DeliveryEvent]) -> None:
        calls.append(events[0].message_id)
        await asyncio.sleep(0.05)
        if len(calls) == 1:
            raise RuntimeError("database down")

    app = callbacks.receiver("infobip", fails_first)
    answers = asyncio.run(_post_all(app, [_batch(1), _batch(1)]))
    assert sorted(r.status_code for r in answers) == [200, 500]
    assert calls == ["msg-1", "msg-1"]
    assert _post(app, _batch(1))[0].status_code == 200
    assert len(calls) == 2  # delivered by the waiting copy, so the later retry is skipped


def test_memory_seen_forgets_the_least_recently_seen_key_beyond_capacity() -> None:
    """Capacity 3: a fourth key evicts the oldest; a re-delivered key counts as recent."""
    seen = callbacks.MemorySeen(capacity=3)
    k = [("infobip", f"m{i}", None, "DELIVERED") for i in range(5)]
    assert seen.add_new([k[0], k[1], k[2]]) == [k[0], k[1], k[2]]
    assert seen.add_new([k[0]]) == []  # k0 is now the most recent
    assert seen.add_new([k[3]]) == [k[3]]
    assert k[1] not in seen
    assert (k[0] in seen, k[2] in seen, len(seen)) == (True, True, 3)
    assert repr(seen) == "<MemorySeen 3/3 keys>"
    seen.discard([k[0], k[4]])
    assert seen.add_new([k[0]]) == [k[0]]


def test_beyond_capacity_a_forgotten_event_is_handed_over_again() -> None:
    """What the docs promise past the bound: at-least-once, never a lost event."""
    got: list[str] = []
    app = callbacks.receiver(
        "infobip",
        lambda events: got.extend(e.message_id for e in events),
        seen=callbacks.MemorySeen(capacity=2),
    )
    _post(app, _batch(1), _batch(2), _batch(3), _batch(1))
    assert got == ["msg-1", "msg-2", "msg-3", "msg-1"]


def test_the_default_store_is_a_memory_seen_of_the_stated_capacity() -> None:
    """No seen= gives each receiver its own MemorySeen of DEFAULT_SEEN_CAPACITY keys."""
    first = callbacks.receiver("routee", lambda e: None)
    second = callbacks.receiver("routee", lambda e: None)
    store = first.dedupe.store
    assert isinstance(store, callbacks.MemorySeen)
    assert store.capacity == callbacks.DEFAULT_SEEN_CAPACITY == 100_000
    assert store is not second.dedupe.store


@pytest.mark.parametrize("capacity", [0, -1, True, 2.5, "10"])
def test_a_bad_capacity_is_named(capacity: object) -> None:
    """MemorySeen refuses anything but a positive int, naming the field and the value."""
    with pytest.raises(InvalidFieldError) as caught:
        callbacks.MemorySeen(capacity=capacity)  # type: ignore[arg-type]
    assert caught.value.field == "capacity"
    assert caught.value.value == capacity


@pytest.mark.parametrize("seen", ["keys", 3, frozenset(), object()])
def test_a_bad_seen_fails_when_the_app_is_built(seen: object) -> None:
    """seen= must be None, a MutableSet or a store: anything else is named at build time."""
    with pytest.raises(InvalidFieldError) as caught:
        callbacks.receiver("routee", lambda e: None, seen=seen)  # type: ignore[arg-type]
    assert caught.value.field == "seen"


def test_a_plain_set_can_hold_the_keys() -> None:
    """seen=set(): the caller's set holds dedupe_key tuples and dedupes retries."""
    keys: set[callbacks.DedupeKey] = set()
    got: list[DeliveryEvent] = []
    app = callbacks.receiver("infobip", got.extend, seen=keys)
    _post(app, _batch(1, 2), _batch(2))
    assert keys == {callbacks.dedupe_key(e) for e in got}
    assert len(got) == 2


def test_a_plain_set_forgets_the_keys_of_a_failed_on_events() -> None:
    """With seen=set(), a failing on_events leaves the set without its keys, so it retries."""
    keys: set[callbacks.DedupeKey] = set()
    calls: list[int] = []

    def flaky(events: list[DeliveryEvent]) -> None:
        calls.append(len(events))
        if len(calls) == 1:
            raise RuntimeError("down")

    app = callbacks.receiver("infobip", flaky, seen=keys)
    assert _post(app, _batch(1, 2))[0].status_code == 500
    assert keys == set()
    assert _post(app, _batch(1, 2))[0].status_code == 200
    assert (calls, len(keys)) == ([2, 2], 2)


class AsyncStore:
    """A shared-store stand-in with async methods, as a Redis client would have."""

    def __init__(self) -> None:
        self.keys: set[callbacks.DedupeKey] = set()
        self.discarded: list[callbacks.DedupeKey] = []

    async def add_new(self, keys: Sequence[callbacks.DedupeKey]) -> list[callbacks.DedupeKey]:
        """Add the keys; return the new ones."""
        await asyncio.sleep(0)
        new = [k for k in keys if k not in self.keys]
        self.keys.update(new)
        return new

    async def discard(self, keys: Collection[callbacks.DedupeKey]) -> None:
        """Forget the keys, and note that it was asked to."""
        self.discarded += keys
        self.keys.difference_update(keys)


def test_an_async_store_is_awaited_and_told_to_forget_after_a_failure() -> None:
    """A store with async add_new/discard: used as is; a failed on_events discards its keys."""
    store = AsyncStore()
    calls: list[int] = []

    def flaky(events: list[DeliveryEvent]) -> None:
        calls.append(len(events))
        if len(calls) == 1:
            raise RuntimeError("down")

    app = callbacks.receiver("infobip", flaky, seen=store)
    assert app.dedupe.store is store
    answers = _post(app, _batch(1), _batch(1), _batch(1))
    assert [r.status_code for r in answers] == [500, 200, 200]
    assert calls == [1, 1]
    assert store.discarded == [("infobip", "msg-1", None, "DELIVERED_TO_HANDSET")]


class BrokenStore:
    """A store whose backend is down."""

    def add_new(self, keys: Sequence[callbacks.DedupeKey]) -> list[callbacks.DedupeKey]:
        """Fail, as a store whose backend is down does."""
        raise ConnectionError("redis down")

    def discard(self, keys: Collection[callbacks.DedupeKey]) -> None:
        """Fail too."""
        raise ConnectionError("redis down")


def test_a_store_failure_is_a_500_without_calling_on_events(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """If the store cannot answer, the event is neither delivered nor acknowledged."""
    got: list[object] = []
    app = callbacks.receiver("infobip", got.append, seen=BrokenStore())
    assert _post(app, _batch(1))[0].status_code == 500
    assert got == []
    assert "seen store failed" in caplog.text


def test_a_store_returning_keys_in_another_form_is_a_500_not_a_silent_skip(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """add_new must return the keys it was given; text keys would hide every event."""

    class Stringly(AsyncStore):
        async def add_new(self, keys: Sequence[callbacks.DedupeKey]) -> list[Any]:
            """Return the new keys as text, as a careless Redis store might."""
            return [json.dumps(k) for k in await super().add_new(keys)]

    got: list[object] = []
    store = Stringly()
    app = callbacks.receiver("infobip", got.append, seen=store)
    assert _post(app, _batch(1))[0].status_code == 500
    assert got == []
    assert "not one of the keys it was given" in caplog.text
    assert store.keys == set()  # what it added was discarded, so a fixed store retries it


def test_a_store_that_cannot_forget_is_logged_as_skipping_retries(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """on_events fails and the store cannot discard: 500, and an error says retries skip."""

    class Forgetful(AsyncStore):
        async def discard(self, keys: Collection[callbacks.DedupeKey]) -> None:
            """Fail to forget."""
            raise ConnectionError("redis down")

    def broken(events: list[DeliveryEvent]) -> None:
        raise RuntimeError("database down")

    app = callbacks.receiver("infobip", broken, seen=Forgetful())
    with caplog.at_level(logging.ERROR, logger="dlrkit.callbacks"):
        assert _post(app, _batch(1, 2))[0].status_code == 500
    assert "failed to forget 2 keys" in caplog.text


# -- Property: any interleaving of copies delivers each key exactly once ------------------

batches = st.lists(st.lists(st.integers(0, 5), min_size=1, max_size=4), min_size=1, max_size=12)
# Per on_events call, in call order: whether it raises, and how often it yields first.
behaviours = st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(batches, behaviours)
def test_any_interleaving_delivers_each_acknowledged_key_exactly_once(
    plan: list[list[int]], behaviour: list[tuple[bool, int]]
) -> None:
    """Concurrent copies sharing reports, some on_events calls failing: keys go over once.

    Each key is handed over at most once, every report of a 200 reached on_events, and
    only through a request answered 200.
    """
    delivered: Counter[str] = Counter()
    calls = 0

    async def on_events(events: list[DeliveryEvent]) -> None:
        nonlocal calls
        fail, yields = behaviour[calls % len(behaviour)]
        calls += 1
        for _ in range(yields):
            await asyncio.sleep(0)
        if fail:
            raise RuntimeError("boom")
        delivered.update(e.message_id for e in events)

    bodies = [json.dumps({"results": [_report(n) for n in reports]}) for reports in plan]
    app = callbacks.receiver("infobip", on_events)
    answers = asyncio.run(_post_all(app, [_request(b) for b in bodies]))
    answered = list(zip(bodies, answers, strict=True))
    acknowledged = set().union(*(_ids(b) for b, r in answered if r.is_success))
    assert all(n == 1 for n in delivered.values()), delivered
    assert acknowledged <= set(delivered)
    assert set(delivered) <= acknowledged
    assert all(r.status_code in (200, 500) for r in answers)


def _ids(body: str) -> set[str]:
    return {r["messageId"] for r in json.loads(body)["results"]}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 8), min_size=1, max_size=30), st.integers(1, 12))
def test_memory_seen_is_exactly_the_last_capacity_distinct_keys(
    stream: list[int], capacity: int
) -> None:
    """MemorySeen matches a least-recently-seen model written out here, for any stream.

    add_new reports a key new iff it is not among the ``capacity`` most recently seen
    distinct keys.
    """
    seen = callbacks.MemorySeen(capacity=capacity)
    recent: list[int] = []
    for n in stream:
        key = ("routee", str(n), None, "Delivered")
        expected_new = n not in recent
        assert seen.add_new([key]) == ([key] if expected_new else [])
        recent = [m for m in recent if m != n] + [n]
        recent = recent[-capacity:]
    assert len(seen) == len(recent)


# -- SCHEMES' dedupe_key text and dedupe_key agree ------------------------------------------


def _doc_slots(provider: str) -> list[list[str]]:
    """Return SCHEMES' dedupe key as slots of alternatives: ``(a, b or c)`` -> [[a], [b, c]]."""
    text = callbacks.SCHEMES[provider].dedupe_key
    assert text.startswith("("), text
    assert text.endswith(")"), text
    return [re.split(r"\s+or\s+", slot.strip()) for slot in text[1:-1].split(",")]


def _leaves(node: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    elif node is not None:
        yield path


def _changed(value: object) -> object:
    """Return ``value`` changed as little as possible: the last digit, else the last letter."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    assert isinstance(value, str)
    for i in range(len(value) - 1, -1, -1):
        if value[i].isdigit():
            return value[:i] + ("8" if value[i] == "9" else str(int(value[i]) + 1)) + value[i + 1 :]
    for i in range(len(value) - 1, -1, -1):
        if value[i].isalpha():
            return (
                value[:i] + ("y" if value[i] in "zZ" else chr(ord(value[i]) + 1)) + value[i + 1 :]
            )
    return value + "x"


# A documented key field whose minimal change would not parse: a valid other value instead.
_OTHER_VALUE = {("mailersend", "type"): "sms.failed"}


def _set(payload: Any, path: tuple[str | int, ...], value: object) -> Any:
    changed = copy.deepcopy(payload)
    node = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def _keys(provider: str, payload: object) -> list[callbacks.DedupeKey] | None:
    try:
        return [callbacks.dedupe_key(e) for e in normalize(provider, payload)]
    except InvalidFieldError:
        return None


def _dotted(provider: str, path: tuple[str | int, ...]) -> str:
    rest = path[2:] if provider == "infobip" else path  # ("results", i, ...): one report
    return ".".join(str(p) for p in rest)


@pytest.mark.parametrize("provider", sorted(SAMPLES))
def test_the_key_changes_exactly_when_a_field_schemes_names_changes(provider: str) -> None:
    """The key depends on exactly the fields SCHEMES[provider].dedupe_key names.

    Each value of a real body is changed in turn: the events' dedupe_key changes if and
    only if the value is one that the text names (the first of ``a or b``).
    """
    payload = json.loads(vector(provider, SAMPLES[provider]).body)
    named = {slot[0] for slot in _doc_slots(provider)}
    original = _keys(provider, payload)
    assert original
    exercised: set[str] = set()
    for path in _leaves(payload):
        dotted = _dotted(provider, path)
        value = _OTHER_VALUE.get((provider, dotted), _changed(_get(payload, path)))
        keys = _keys(provider, _set(payload, path, value))
        if keys is None or len(keys) != len(original):
            assert dotted not in named, f"{dotted}: a changed value does not parse"
            continue
        exercised.add(dotted)
        assert (keys != original) == (dotted in named), dotted
    assert named <= exercised


@pytest.mark.parametrize("provider", sorted(SAMPLES))
def test_a_fallback_field_fills_the_slot_when_the_first_is_absent(provider: str) -> None:
    """For ``a or b``: remove ``a`` and the key follows ``b``."""
    payload = json.loads(vector(provider, SAMPLES[provider]).body)
    prefix: tuple[str | int, ...] = ("results", 0) if provider == "infobip" else ()
    for slot in _doc_slots(provider):
        for first, fallback in itertools.pairwise(slot):
            first_path = (*prefix, *first.split("."))
            fallback_path = (*prefix, *fallback.split("."))
            without = _set(payload, first_path, None)
            before = _keys(provider, without)
            after = _keys(
                provider, _set(without, fallback_path, _changed(_get(payload, fallback_path)))
            )
            assert before, first
            assert after, fallback
            assert before != after, (first, fallback)


def _get(payload: Any, path: tuple[str | int, ...]) -> object:
    node = payload
    for step in path:
        node = node[step]
    return node


def test_the_readme_states_the_default_capacity_and_that_it_is_per_process() -> None:
    """The README's dedupe paragraph gives the capacity the code uses, and says per process."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    start = readme.index("**Retries are deduplicated.**")
    paragraph = readme[start : readme.index("\n\n", start)]
    assert f"{callbacks.DEFAULT_SEEN_CAPACITY:,}" in paragraph
    assert "per process" in paragraph
    assert "`DEFAULT_SEEN_CAPACITY`" in paragraph


def test_dedupe_key_is_provider_message_part_and_raw_status() -> None:
    """The key of a parsed Routee part: its provider, messageId, smsId and status.name."""
    payload = json.loads(vector("routee", "derived_current_docs_part").body)
    (event,) = normalize("routee", payload)
    assert callbacks.dedupe_key(event) == (
        "routee",
        payload["messageId"],
        payload["smsId"],
        payload["status"]["name"],
    )
