"""A retrying httpx transport: one readable policy, with stamina doing the waiting.

`_should_retry` is the whole policy. `RetryTransport` wraps any inner transport (a real
connection pool, an `httpx.MockTransport`, an `httpx.ASGITransport`...) and serves both
`httpx.Client` and `httpx.AsyncClient`, because a generated client hands the same
``httpx_args`` to both.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar
from datetime import datetime
from typing import Any, Protocol

import attrs
import httpx
import stamina

from dlrkit import _constants as c
from dlrkit._errors import InvalidFieldError
from dlrkit._retry_after import retry_after_seconds

# The final response of the latest request in this thread or task; `call` reads it when a
# generated parser fails before handing the response back.
_LAST_RESPONSE: ContextVar[httpx.Response | None] = ContextVar("dlrkit_last_response", default=None)
# Errors after which the request never reached the server, so any method may be resent.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def _non_negative(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidFieldError(attribute.name, value, "must be a number >= 0")


def _count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidFieldError(attribute.name, value, "must be an int >= 0")


def _paths(paths: Iterable[str]) -> frozenset[str]:
    return frozenset(paths)


@attrs.frozen
class RetryPolicy:
    """When and how long to retry; the defaults live in ``_constants.py``.

    ``max_retries`` counts retries after the first attempt (0 turns retrying off).
    ``safe_post_paths`` are full URL paths (``/sms/tracking``) whose POST only reads, so it
    may be resent. A ``Retry-After`` above ``retry_after_cap`` seconds is not waited for.
    """

    max_retries: int = attrs.field(default=c.DEFAULT_MAX_RETRIES, validator=_count)
    retry_after_cap: float = attrs.field(default=c.DEFAULT_RETRY_AFTER_CAP, validator=_non_negative)
    safe_post_paths: frozenset[str] = attrs.field(default=frozenset(), converter=_paths)
    wait_initial: float = attrs.field(default=c.WAIT_INITIAL, validator=_non_negative)
    wait_max: float = attrs.field(default=c.WAIT_MAX, validator=_non_negative)
    wait_jitter: float = attrs.field(default=c.WAIT_JITTER, validator=_non_negative)


def _should_retry(
    request: httpx.Request,
    outcome: httpx.Response | Exception,
    policy: RetryPolicy,
    *,
    now: datetime | None = None,
) -> bool | float:
    """Decide whether to resend ``request`` after ``outcome`` (stamina's backoff-hook contract).

    Returns ``False`` to stop, ``True`` to retry after the exponential backoff, or a float to
    retry after exactly that many seconds (the server's ``Retry-After``).

    * Only idempotent methods and the policy's safe POST paths are resent, except after an
      error that proves the request never left (connect errors, pool timeouts).
    * Transport errors: timeouts, network errors and dropped connections are retried.
    * Responses: 429, 500, 502, 503 and 504 are retried. A ``Retry-After`` (seconds or HTTP
      date) is honoured; one longer than ``policy.retry_after_cap`` stops retrying, so the
      caller gets the 429 at once instead of blocking for minutes.
    """
    method = request.method.upper()
    replayable = method in c.IDEMPOTENT_METHODS or (
        method == "POST" and request.url.path in policy.safe_post_paths
    )
    if isinstance(outcome, Exception):
        return isinstance(outcome, _NOT_SENT) or (replayable and isinstance(outcome, _TRANSIENT))
    if not replayable or outcome.status_code not in c.RETRY_STATUSES:
        return False
    wait = retry_after_seconds(outcome.headers, now=now)
    if wait is None:
        return True
    return wait if wait <= policy.retry_after_cap else False


class _RetryableResponse(Exception):  # noqa: N818 -- a signal to stamina, never escapes
    """Carries a response that asks for a retry through stamina's exception-based loop."""

    def __init__(
        self, request: httpx.Request, response: httpx.Response, decision: bool | float
    ) -> None:
        self.response = response
        self.decision = decision
        # Only method and path: stamina's retry log shows this text.
        super().__init__(f"HTTP {response.status_code} for {request.method} {request.url.path}")


class _Attempts(Protocol):
    def __iter__(self) -> Iterator[stamina.Attempt]: ...
    def __aiter__(self) -> AsyncIterator[stamina.Attempt]: ...


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Retry transient failures under ``policy``, for both sync and async clients.

    Sync requests go to ``transport`` and async ones to ``async_transport``; a missing one
    is created on first use as a real connection pool (with ``verify``). After the last
    attempt the last response is returned (not raised), so typed errors are built from it;
    the last transport error propagates unchanged.
    """

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        verify: ssl.SSLContext | str | bool = True,
    ) -> None:
        self.policy = policy or RetryPolicy()
        self._sync = transport
        self._async = async_transport
        self._verify = verify
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RetryTransport({self.policy!r})"

    def _retrying(self, request: httpx.Request) -> _Attempts:
        def hook(error: Exception) -> bool | float:
            if isinstance(error, _RetryableResponse):
                return error.decision
            return _should_retry(request, error, self.policy)

        return stamina.retry_context(
            on=hook,
            attempts=self.policy.max_retries + 1,
            timeout=None,  # attempts bound the loop; a timeout would cut a Retry-After short
            wait_initial=self.policy.wait_initial,
            wait_max=self.policy.wait_max,
            wait_jitter=self.policy.wait_jitter,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the sync inner transport, retrying under the policy."""
        inner = self._sync_inner()
        # The first attempt runs outside stamina: most requests succeed at once, and building
        # stamina's loop costs more than the rest of this transport. A first attempt that
        # asks for a retry is replayed as stamina's attempt 1, so the waits, logs, hooks and
        # test mode stay stamina's.
        try:
            response = inner.handle_request(request)
        except Exception as exc:
            if _should_retry(request, exc, self.policy) is False:
                raise
            first: Exception | None = exc
            previous: httpx.Response | None = None
        else:
            decision = _should_retry(request, response, self.policy)
            if decision is False:
                return _remember(response)
            first, previous = _RetryableResponse(request, response, decision), response
        try:
            for attempt in self._retrying(request):
                with attempt:
                    if first is not None:
                        replay, first = first, None
                        raise replay
                    if previous is not None:
                        previous.close()
                    response = inner.handle_request(request)
                    decision = _should_retry(request, response, self.policy)
                    if decision is not False:
                        previous = response
                        raise _RetryableResponse(request, response, decision)
                    return _remember(response)
        except _RetryableResponse as last:
            return _remember(last.response)
        raise AssertionError("stamina made no attempt")  # pragma: no cover

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the async inner transport, retrying under the policy."""
        inner = self._async_inner()
        try:  # first attempt outside stamina, as in `handle_request`
            response = await inner.handle_async_request(request)
        except Exception as exc:
            if _should_retry(request, exc, self.policy) is False:
                raise
            first: Exception | None = exc
            previous: httpx.Response | None = None
        else:
            decision = _should_retry(request, response, self.policy)
            if decision is False:
                return _remember(response)
            first, previous = _RetryableResponse(request, response, decision), response
        try:
            async for attempt in self._retrying(request):
                with attempt:
                    if first is not None:
                        replay, first = first, None
                        raise replay
                    if previous is not None:
                        await previous.aclose()
                    response = await inner.handle_async_request(request)
                    decision = _should_retry(request, response, self.policy)
                    if decision is not False:
                        previous = response
                        raise _RetryableResponse(request, response, decision)
                    return _remember(response)
        except _RetryableResponse as last:
            return _remember(last.response)
        raise AssertionError("stamina made no attempt")  # pragma: no cover

    def _sync_inner(self) -> httpx.BaseTransport:
        with self._lock:
            if self._sync is None:
                self._sync = httpx.HTTPTransport(verify=self._verify)
            return self._sync

    def _async_inner(self) -> httpx.AsyncBaseTransport:
        with self._lock:
            if self._async is None:
                self._async = httpx.AsyncHTTPTransport(verify=self._verify)
            return self._async

    def close(self) -> None:
        """Close the sync inner transport, if one was made or given."""
        if self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        """Close the async inner transport, if one was made or given."""
        if self._async is not None:
            await self._async.aclose()


def _remember(response: httpx.Response) -> httpx.Response:
    _LAST_RESPONSE.set(response)
    return response


@contextlib.contextmanager
def recording_responses() -> Iterator[ContextVar[httpx.Response | None]]:
    """Within the block, the variable holds the final response of the latest request."""
    token = _LAST_RESPONSE.set(None)
    try:
        yield _LAST_RESPONSE
    finally:
        _LAST_RESPONSE.reset(token)
