from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import stamina
from dlrkit import InvalidFieldError
from dlrkit._retry_after import retry_after_seconds
from dlrkit._transport import RetryPolicy, RetryTransport, _should_retry
from hypothesis import given
from hypothesis import strategies as st

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
IN_30S = format_datetime(NOW + timedelta(seconds=30), usegmt=True)
AN_HOUR_AGO = format_datetime(NOW - timedelta(hours=1), usegmt=True)
POLICY = RetryPolicy(safe_post_paths={"/sms/tracking"})
BASE = "https://api.example.test"


# (method, path, status, Retry-After, decision): False = stop, True = backoff, float = wait.
RESPONSE_TABLE = [
    ("GET", "/x", 503, None, True),
    ("GET", "/x", 500, None, True),
    ("GET", "/x", 502, None, True),
    ("GET", "/x", 504, None, True),
    ("GET", "/x", 429, None, True),
    ("GET", "/x", 429, "7", 7.0),
    ("GET", "/x", 429, "1.5", 1.5),
    ("GET", "/x", 429, "0", 0.0),
    ("GET", "/x", 503, "60", 60.0),
    ("GET", "/x", 429, IN_30S, 30.0),
    ("GET", "/x", 429, AN_HOUR_AGO, 0.0),
    ("GET", "/x", 429, "61", False),
    ("GET", "/x", 429, "86400", False),
    ("GET", "/x", 429, "soon", True),
    ("GET", "/x", 429, "-5", True),
    ("GET", "/x", 200, None, False),
    ("GET", "/x", 400, None, False),
    ("GET", "/x", 401, None, False),
    ("GET", "/x", 404, None, False),
    ("GET", "/x", 501, None, False),
    ("HEAD", "/x", 503, None, True),
    ("OPTIONS", "/x", 503, None, True),
    ("PUT", "/x", 503, None, True),
    ("DELETE", "/x", 429, "3", 3.0),
    ("POST", "/x", 503, None, False),
    ("POST", "/x", 429, "1", False),
    ("PATCH", "/x", 503, None, False),
    ("POST", "/sms/tracking", 503, None, True),
    ("POST", "/sms/tracking", 429, "2", 2.0),
    ("PUT", "/sms/tracking/other", 503, None, True),
    ("POST", "/sms/tracking/other", 503, None, False),
]


@pytest.mark.parametrize(("method", "path", "status", "retry_after", "decision"), RESPONSE_TABLE)
def test_response_policy_table(
    method: str, path: str, status: int, retry_after: str | None, decision: bool | float
) -> None:
    """The retry decision for a response follows the documented table."""
    request = httpx.Request(method, BASE + path)
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    outcome = _should_retry(request, httpx.Response(status, headers=headers), POLICY, now=NOW)
    assert outcome == decision
    assert type(outcome) is type(decision)


ERROR_TABLE = [
    ("GET", httpx.ConnectError("refused"), True),
    ("GET", httpx.ConnectTimeout("slow"), True),
    ("GET", httpx.ReadTimeout("slow"), True),
    ("GET", httpx.ReadError("reset"), True),
    ("GET", httpx.RemoteProtocolError("dropped"), True),
    ("GET", httpx.PoolTimeout("busy"), True),
    ("GET", httpx.DecodingError("bad gzip"), False),
    ("GET", ValueError("not a transport error"), False),
    ("POST", httpx.ConnectError("refused"), True),  # the request never left
    ("POST", httpx.PoolTimeout("busy"), True),
    ("POST", httpx.ReadTimeout("slow"), False),  # it may have been processed
    ("POST", httpx.RemoteProtocolError("dropped"), False),
]


@pytest.mark.parametrize(("method", "error", "decision"), ERROR_TABLE)
def test_error_policy_table(method: str, error: Exception, decision: bool) -> None:
    """The retry decision for a transport error follows the documented table."""
    request = httpx.Request(method, BASE + "/x")
    assert _should_retry(request, error, POLICY) is decision


@given(st.text())
def test_retry_after_never_raises(value: str) -> None:
    """Any Retry-After text gives a wait >= 0 or None, never an exception."""
    try:
        headers = httpx.Headers({"Retry-After": value})
    except (UnicodeEncodeError, httpx.LocalProtocolError):
        return  # httpx itself refuses such a header value
    wait = retry_after_seconds(headers, now=NOW)
    assert wait is None or wait >= 0


Script = Callable[[httpx.Request], httpx.Response]


def scripted(*steps: int | Exception) -> tuple[Script, list[httpx.Request]]:
    """Return a handler answering with the given statuses (or raising the errors) in turn."""
    seen: list[httpx.Request] = []
    queue: Iterator[int | Exception] = iter(steps)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        step = next(queue, steps[-1])
        if isinstance(step, Exception):
            raise step
        return httpx.Response(step, headers={"Retry-After": "0"} if step == 429 else {})

    return handler, seen


def send(method: str, path: str, handler: Script, policy: RetryPolicy, mode: str) -> int:
    """Send one request through a RetryTransport, sync or async; return the final status."""
    if mode == "sync":
        transport = RetryTransport(policy, transport=httpx.MockTransport(handler))
        with httpx.Client(transport=transport, base_url=BASE) as client:
            return client.request(method, path).status_code

    async def run() -> int:
        transport = RetryTransport(policy, async_transport=httpx.MockTransport(handler))
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
            return (await client.request(method, path)).status_code

    return asyncio.run(run())


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@MODES
def test_retries_until_success(mode: str) -> None:
    """Transient failures are retried and the eventual success is returned."""
    handler, seen = scripted(503, 429, 200)
    assert send("GET", "/x", handler, RetryPolicy(), mode) == 200
    assert len(seen) == 3


@MODES
def test_last_response_is_returned_not_raised(mode: str) -> None:
    """After max_retries the last error response comes back, for typed errors downstream."""
    handler, seen = scripted(503)
    assert send("GET", "/x", handler, RetryPolicy(max_retries=2), mode) == 503
    assert len(seen) == 3


@MODES
@pytest.mark.parametrize(
    ("method", "path", "attempts"), [("POST", "/x", 1), ("POST", "/sms/tracking", 4)]
)
def test_only_safe_posts_are_retried(mode: str, method: str, path: str, attempts: int) -> None:
    """A POST is sent once unless its path is whitelisted as safe."""
    handler, seen = scripted(503)
    assert send(method, path, handler, POLICY, mode) == 503
    assert len(seen) == attempts


@MODES
def test_zero_retries_sends_once(mode: str) -> None:
    """max_retries=0 turns retrying off."""
    handler, seen = scripted(503, 200)
    assert send("GET", "/x", handler, RetryPolicy(max_retries=0), mode) == 503
    assert len(seen) == 1


class _TrackedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that records whether it was closed."""

    def __init__(self) -> None:
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield b""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b""

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


@MODES
def test_responses_that_are_retried_get_closed(mode: str) -> None:
    """Every response that asks for a retry, the first included, is closed before resending."""
    streams: list[_TrackedStream] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if len(streams) == 2:
            return httpx.Response(200)
        streams.append(_TrackedStream())
        return httpx.Response(503, stream=streams[-1])

    assert send("GET", "/x", handler, RetryPolicy(), mode) == 200
    assert [stream.closed for stream in streams] == [True, True]


@MODES
def test_connection_errors_are_retried_then_raised(mode: str) -> None:
    """Connection errors are retried; when they persist the last one propagates."""
    handler, seen = scripted(httpx.ConnectError("refused"))
    with pytest.raises(httpx.ConnectError):
        send("GET", "/x", handler, RetryPolicy(max_retries=3), mode)
    assert len(seen) == 4


@MODES
def test_connection_error_then_success(mode: str) -> None:
    """A dropped connection followed by a good answer returns the good answer."""
    handler, seen = scripted(httpx.ReadError("reset"), 200)
    assert send("GET", "/x", handler, RetryPolicy(), mode) == 200
    assert len(seen) == 2


@MODES
def test_retry_after_over_cap_returns_at_once(mode: str) -> None:
    """A Retry-After longer than the cap is not waited for: the 429 comes back at once."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(429, headers={"Retry-After": "3600"})

    assert send("GET", "/x", handler, RetryPolicy(), mode) == 429
    assert len(seen) == 1


def test_request_body_is_resent_intact() -> None:
    """A retried request carries the same body each time."""
    handler, seen = scripted(503, 200)
    transport = RetryTransport(POLICY, transport=httpx.MockTransport(handler))
    with httpx.Client(transport=transport, base_url=BASE) as client:
        client.post("/sms/tracking", json={"dateStart": "2024-01-01T00:00Z"})
    # Decoded: httpx 0.27 and 0.28 serialize JSON with different spacing.
    assert [json.loads(r.read()) for r in seen] == [{"dateStart": "2024-01-01T00:00Z"}] * 2


def test_retry_after_overrides_backoff() -> None:
    """Stamina waits the server's Retry-After, not its exponential backoff."""
    waits: list[float] = []
    handler, _ = scripted(429, 200)  # scripted 429s carry Retry-After: 0
    policy = RetryPolicy(wait_initial=30.0, wait_jitter=0.0)  # would be a 30 s backoff
    stamina.instrumentation.set_on_retry_hooks([lambda details: waits.append(details.wait_for)])
    try:
        with stamina.set_testing(False):
            assert send("GET", "/x", handler, policy, "sync") == 200
    finally:
        stamina.instrumentation.set_on_retry_hooks(None)
    assert waits == [0.0]


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_retries", -1), ("max_retries", 1.5), ("max_retries", True), ("retry_after_cap", -1)],
)
def test_policy_rejects_bad_settings(field: str, value: object) -> None:
    """RetryPolicy rejects negative or non-numeric settings, naming the field."""
    with pytest.raises(InvalidFieldError, match=field):
        RetryPolicy(**{field: value})  # type: ignore[arg-type]
