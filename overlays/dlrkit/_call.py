"""`Caller`: run a generated ``*_detailed`` function and get typed results or typed errors.

A generated ``sync_detailed`` returns whatever its spec allows, error models included, and
raises raw ``httpx`` or ``KeyError`` exceptions. `Caller.call` turns that into one contract:
the expected model, or an exception from the `dlrkit._errors` tree.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any, ParamSpec, Protocol, TypeVar

import attrs
import httpx

from dlrkit._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    DlrkitError,
    ResponseValidationError,
    attempts_note,
    make_status_error,
)
from dlrkit._recorder import ResponseRecorder, recorder_of
from dlrkit._redact import redact, redact_url, request_secrets, shorten

P = ParamSpec("P")
T = TypeVar("T")


class DetailedResponse(Protocol):
    """What dlrkit reads of a generated ``types.Response``."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Any: ...
    @property
    def parsed(self) -> Any: ...


@attrs.frozen
class ErrorBody:
    """What a provider's error body says, in the shape every `APIStatusError` carries."""

    message: str = ""
    code: str | None = None
    details: Mapping[str, list[str]] = attrs.field(factory=dict)
    request_id: str | None = None


ErrorParser = Callable[[httpx.Response], ErrorBody]


def coerce_details(value: object) -> dict[str, list[str]]:
    """Return ``{field: [message, ...]}`` from a loosely shaped details object (else ``{}``)."""
    if not isinstance(value, Mapping):
        return {}
    details: dict[str, list[str]] = {}
    for key, messages in value.items():
        items = messages if isinstance(messages, list | tuple) else [messages]
        details[str(key)] = [str(item) for item in items if item is not None]
    return details


def default_error_parser(response: httpx.Response) -> ErrorBody:
    """Read common error shapes; providers with their own shape pass their own parser.

    Understands ``{"message", "errors": {field: [..]}}``, ``{"error": {"code", "message",
    "details"}}`` and ``{"code", "message"}``; anything else gives a short text of the
    body. ``request_id`` comes from ``X-Request-Id``.
    """
    request_id = response.headers.get("x-request-id")
    try:
        body = response.json()
    except ValueError:
        return ErrorBody(message=shorten(response.text, 200), request_id=request_id)
    if not isinstance(body, Mapping):
        return ErrorBody(message=shorten(str(body), 200), request_id=request_id)
    error = body.get("error")
    source = error if isinstance(error, Mapping) else body
    message = source.get("message") or (error if isinstance(error, str) else "")
    code = source.get("code")
    return ErrorBody(
        message=str(message),
        code=None if code is None else str(code),
        details=coerce_details(source.get("details") or source.get("errors")),
        request_id=request_id,
    )


@attrs.frozen
class Caller:
    """Calls one provider's generated functions with its error parser.

    ``caller.call(fn, Expected, client=..., **kwargs)`` runs ``fn`` (a generated
    ``sync_detailed``) and returns the parsed body if it is an ``Expected``; ``acall`` does
    the same for ``asyncio_detailed``. Otherwise it raises:

    * `APITimeoutError` / `APIConnectionError` -- no response;
    * the `APIStatusError` subclass for the status -- any non-2xx response, with the fields
      ``parse_error`` read from its body (the default parser if it fails);
    * `ResponseValidationError` -- a 2xx body the generated model could not parse, or one
      that parsed to something other than ``Expected``.
    """

    provider: str
    parse_error: ErrorParser = default_error_parser

    def call(
        self,
        fn: Callable[P, DetailedResponse],
        expected: type[T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run ``fn(*args, **kwargs)`` and return its parsed ``expected`` result."""
        operation = _operation(fn)
        with _recording(recorder_of(kwargs.get("client"), asynchronous=False)) as last:
            try:
                detailed = fn(*args, **kwargs)
            except DlrkitError:
                raise  # already typed, e.g. by an auth flow that failed to get a token
            except httpx.RequestError as exc:
                raise self._connection_error(exc, operation) from exc
            except Exception as exc:
                raw = last()
                if raw is None:  # failed before any response: a caller or client bug
                    raise
                raise self._parse_failure(raw, exc, operation) from exc
            return self._result(detailed, last(), expected, operation)

    async def acall(
        self,
        fn: Callable[P, Awaitable[DetailedResponse]],
        expected: type[T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Await ``fn(*args, **kwargs)`` and return its parsed ``expected`` result."""
        operation = _operation(fn)
        with _recording(recorder_of(kwargs.get("client"), asynchronous=True)) as last:
            try:
                detailed = await fn(*args, **kwargs)
            except DlrkitError:
                raise  # already typed, e.g. by an auth flow that failed to get a token
            except httpx.RequestError as exc:
                raise self._connection_error(exc, operation) from exc
            except Exception as exc:
                raw = last()
                if raw is None:
                    raise
                raise self._parse_failure(raw, exc, operation) from exc
            return self._result(detailed, last(), expected, operation)

    def _result(
        self,
        detailed: DetailedResponse,
        raw: httpx.Response | None,
        expected: type[T],
        operation: str,
    ) -> T:
        status = int(detailed.status_code)
        if not 200 <= status < 300:
            if raw is None or raw.status_code != status:  # a client not made by build_client
                raw = httpx.Response(status, headers=detailed.headers, content=detailed.content)
            raise self.status_error(raw)
        parsed = detailed.parsed
        if not isinstance(parsed, expected):
            reason = f"expected {expected.__name__}, got {type(parsed).__name__}"
            raise ResponseValidationError(
                provider=self.provider,
                operation=operation,
                reason=reason,
                status_code=status,
                response=raw if raw is not None and raw.status_code == status else None,
            )
        return parsed

    def status_error(self, response: httpx.Response) -> APIStatusError:
        """Build the typed error for a non-2xx ``response`` from its body."""
        try:
            body = self.parse_error(response)
        except Exception:
            body = default_error_parser(response)
        return make_status_error(
            self.provider,
            response,
            code=body.code,
            message=body.message,
            details=body.details,
            request_id=body.request_id,
        )

    def _parse_failure(
        self, raw: httpx.Response, exc: Exception, operation: str
    ) -> APIStatusError | ResponseValidationError:
        if not 200 <= raw.status_code < 300:
            return self.status_error(raw)
        reason = redact(f"{type(exc).__name__}: {exc}", request_secrets(raw))
        return ResponseValidationError(
            provider=self.provider,
            operation=operation,
            reason=reason,
            status_code=raw.status_code,
            response=raw,
        )

    def _connection_error(self, exc: httpx.RequestError, operation: str) -> APIConnectionError:
        request: httpx.Request | None
        try:
            request = exc.request
            where = f"{request.method} {redact_url(request.url)}"
        except RuntimeError:  # an error raised before the request existed
            request, where = None, operation
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        verb = "timed out" if cls is APITimeoutError else "failed"
        detail = shorten(str(exc) or type(exc).__name__, 200)
        tries = attempts_note(request)
        message = f"{self.provider} {where} {verb}: {detail}" + (f" ({tries})" if tries else "")
        return cls(message, provider=self.provider, request=request)


def _recording(
    recorder: ResponseRecorder | None,
) -> AbstractContextManager[Callable[[], httpx.Response | None]]:
    """Record the client's responses in the block; without a recorder, report none."""
    if recorder is None:
        return nullcontext(lambda: None)
    return recorder.recording()


def _operation(fn: Callable[..., object]) -> str:
    """Name a generated function by its module: ``...api.sms_activity.list_sms_activity``."""
    module = getattr(fn, "__module__", None) or ""
    return module.rsplit(".", 1)[-1] or getattr(fn, "__name__", "call")
