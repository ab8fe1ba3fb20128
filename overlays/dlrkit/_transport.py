"""A retrying httpx transport: one readable policy, with stamina doing the waiting.

`_should_retry` is the whole policy. `RetryTransport` wraps any inner transport (a real
connection pool, an `httpx.MockTransport`, an `httpx.ASGITransport`...) and serves both
`httpx.Client` and `httpx.AsyncClient`, because a generated client hands the same
``httpx_args`` to both.
"""

from __future__ import annotations

import logging
import ssl
import threading
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime
from typing import Any, Protocol

import attrs
import httpx
import stamina

from dlrkit import _constants as c
from dlrkit._errors import InvalidFieldError
from dlrkit._retry_after import retry_after_seconds

_HTTP_LOG = logging.getLogger("dlrkit.http")
_RETRY_LOG = logging.getLogger("dlrkit.retry")
ATTEMPTS = c.ATTEMPTS_EXTENSION
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


class _Retry(Exception):  # noqa: N818 -- a signal to stamina, never escapes
    """One failed attempt that the policy says to retry, carried through stamina's loop.

    ``outcome`` is the response or the transport error; ``decision`` is `_should_retry`'s.
    Every retry goes through this class, so `_StaminaFilter` can tell dlrkit's retries
    from other code's. Its text (stamina shows it) is only method, path and status.
    """

    def __init__(
        self, request: httpx.Request, outcome: httpx.Response | Exception, decision: bool | float
    ) -> None:
        self.outcome = outcome
        self.decision = decision
        super().__init__(f"{request.method} {request.url.path}: {_describe(outcome)}")


def _describe(outcome: httpx.Response | Exception) -> str:
    if isinstance(outcome, httpx.Response):
        return f"HTTP {outcome.status_code}"
    return type(outcome).__name__


class _StaminaFilter(logging.Filter):
    """Drop stamina's own stdlib record for a dlrkit retry; ``dlrkit.retry`` logs it instead.

    stamina's default hook logs every scheduled retry as a bare ``stamina.retry_scheduled``
    WARNING, which Python prints to stderr when the app configured no logging. Its hooks
    are process-wide (``set_on_retry_hooks``), so a library must not replace them; this
    filter drops only the records caused by dlrkit's `_Retry` and leaves the app's own
    stamina retries, and every other hook (Prometheus, structlog), as they are.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        cause = getattr(record, "stamina.caused_by", "")
        return not (isinstance(cause, str) and cause.startswith(f"{_Retry.__name__}("))


logging.getLogger("stamina").addFilter(_StaminaFilter())


class _Attempts(Protocol):
    def __iter__(self) -> Iterator[stamina.Attempt]: ...
    def __aiter__(self) -> AsyncIterator[stamina.Attempt]: ...


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Retry transient failures under ``policy``, for both sync and async clients.

    Sync requests go to ``transport`` and async ones to ``async_transport``; a missing one
    is created on first use as a real connection pool (with ``verify``). After the last
    attempt the last response is returned (not raised), so typed errors are built from it;
    the last transport error propagates unchanged. Either way the request's
    ``extensions["dlrkit.attempts"]`` (`ATTEMPTS`) says how many attempts were made.

    Logging: each attempt's outcome at DEBUG on ``dlrkit.http`` and each scheduled retry at
    INFO on ``dlrkit.retry`` (method, URL path, attempt, wait): never a header, a query
    string or a body, so never a credential.
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

    def _retrying(self) -> _Attempts:
        return stamina.retry_context(
            on=_decision,
            attempts=self.policy.max_retries + 1,
            timeout=None,  # attempts bound the loop; a timeout would cut a Retry-After short
            wait_initial=self.policy.wait_initial,
            wait_max=self.policy.wait_max,
            wait_jitter=self.policy.wait_jitter,
        )

    def _check(
        self, request: httpx.Request, outcome: httpx.Response | Exception, started: float
    ) -> _Retry | None:
        """Log ``outcome`` and return the retry signal for it, or None when it is final."""
        if _HTTP_LOG.isEnabledFor(logging.DEBUG):
            _HTTP_LOG.debug(
                "%s %s -> %s in %.3f s",
                request.method,
                request.url.path,
                _describe(outcome),
                time.perf_counter() - started,
            )
        decision = _should_retry(request, outcome, self.policy)
        return None if decision is False else _Retry(request, outcome, decision)

    def _announce(self, request: httpx.Request, attempt: int, retry: _Retry) -> None:
        """Log the retry that stamina is about to schedule after failed ``attempt``."""
        total = self.policy.max_retries + 1
        request.extensions[ATTEMPTS] = attempt
        if attempt >= total or not _RETRY_LOG.isEnabledFor(logging.INFO):
            return
        if retry.decision is True:
            low = min(self.policy.wait_max, self.policy.wait_initial * 2 ** (attempt - 1))
            high = min(self.policy.wait_max, low + self.policy.wait_jitter)
            wait = f"{low:.2f}-{high:.2f} s (backoff)"
        else:
            wait = f"{float(retry.decision):.2f} s (Retry-After)"
        _RETRY_LOG.info(
            "retrying %s %s after %s: attempt %d of %d failed, next in %s",
            request.method,
            request.url.path,
            _describe(retry.outcome),
            attempt,
            total,
            wait,
            extra={
                "dlrkit_method": request.method,
                "dlrkit_path": request.url.path,
                "dlrkit_attempt": attempt,
                "dlrkit_attempts": total,
                "dlrkit_wait": retry.decision if retry.decision is not True else None,
            },
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the sync inner transport, retrying under the policy."""
        inner = self._sync_inner()
        request.extensions[ATTEMPTS] = 1
        # The first attempt runs outside stamina: most requests succeed at once, and building
        # stamina's loop costs more than the rest of this transport. A first attempt that
        # asks for a retry is replayed as stamina's attempt 1, so the waits, hooks and test
        # mode stay stamina's.
        started = time.perf_counter()
        try:
            response = inner.handle_request(request)
        except Exception as exc:
            first = self._check(request, exc, started)
            if first is None:
                raise
        else:
            first = self._check(request, response, started)
            if first is None:
                return response
        retry = first
        try:
            for attempt in self._retrying():
                with attempt:
                    if attempt.num > 1:
                        if isinstance(retry.outcome, httpx.Response):
                            retry.outcome.close()  # retried: free its connection
                        request.extensions[ATTEMPTS] = attempt.num
                        started = time.perf_counter()
                        try:
                            response = inner.handle_request(request)
                        except Exception as exc:
                            checked = self._check(request, exc, started)
                            if checked is None:
                                raise
                        else:
                            checked = self._check(request, response, started)
                            if checked is None:
                                return response
                        retry = checked
                    self._announce(request, attempt.num, retry)
                    raise retry
        except _Retry as last:
            final = last.outcome
        else:  # pragma: no cover
            raise AssertionError("stamina made no attempt")
        return _final(final)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the async inner transport, retrying under the policy."""
        inner = self._async_inner()
        request.extensions[ATTEMPTS] = 1
        started = time.perf_counter()
        try:  # first attempt outside stamina, as in `handle_request`
            response = await inner.handle_async_request(request)
        except Exception as exc:
            first = self._check(request, exc, started)
            if first is None:
                raise
        else:
            first = self._check(request, response, started)
            if first is None:
                return response
        retry = first
        try:
            async for attempt in self._retrying():
                with attempt:
                    if attempt.num > 1:
                        if isinstance(retry.outcome, httpx.Response):
                            await retry.outcome.aclose()  # retried: free its connection
                        request.extensions[ATTEMPTS] = attempt.num
                        started = time.perf_counter()
                        try:
                            response = await inner.handle_async_request(request)
                        except Exception as exc:
                            checked = self._check(request, exc, started)
                            if checked is None:
                                raise
                        else:
                            checked = self._check(request, response, started)
                            if checked is None:
                                return response
                        retry = checked
                    self._announce(request, attempt.num, retry)
                    raise retry
        except _Retry as last:
            final = last.outcome
        else:  # pragma: no cover
            raise AssertionError("stamina made no attempt")
        return _final(final)

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


def _decision(error: Exception) -> bool | float:
    """Return the decision a `_Retry` carries (stamina's backoff hook); else never retry."""
    return error.decision if isinstance(error, _Retry) else False


def _final(outcome: httpx.Response | Exception) -> httpx.Response:
    """Return the last response, or raise the last transport error, after the last attempt.

    Called outside the ``except`` block, so the error keeps its own ``__context__``.
    """
    if isinstance(outcome, Exception):
        raise outcome
    return outcome
