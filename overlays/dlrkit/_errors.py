"""Every exception dlrkit raises on purpose, in one tree.

::

    DlrkitError
    ├── InvalidFieldError (also ValueError)       a value breaks a rule; names field and value
    │   └── TimestampError                        a timestamp that cannot be parsed
    ├── PaginationError                           a pager that would loop or never end
    ├── SignatureError                            a callback failed its signature check
    └── APIError                                  a call to a provider went wrong
        ├── APIConnectionError                    no HTTP response (DNS, refused, reset...)
        │   └── APITimeoutError                   ... because a timeout ran out
        ├── ResponseValidationError               a 2xx body that does not match the spec
        └── APIStatusError                        a non-2xx response
            ├── BadRequestError                   400
            ├── AuthenticationError               401
            ├── PermissionDeniedError             403
            ├── NotFoundError                     404
            ├── ConflictError                     409
            ├── UnprocessableEntityError          422
            ├── RateLimitError                    429 (``retry_after`` in seconds, if sent)
            └── InternalServerError               500-599

Other statuses raise `APIStatusError` itself; `make_status_error` picks the class. Messages
are built only from redacted, shortened text, so no message or ``repr`` shows a credential.
Every `APIError` keeps the evidence: ``request`` (and ``response`` where one came) are the
httpx objects, whose headers still carry the credentials -- inspect them, don't log them.
A message names the method and the URL path (never the query) and, when the call was
retried, how many attempts were made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import httpx

from dlrkit._constants import ATTEMPTS_EXTENSION
from dlrkit._redact import redact, request_secrets, safe_repr, shorten
from dlrkit._retry_after import retry_after_seconds

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DlrkitError",
    "InternalServerError",
    "InvalidFieldError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "SignatureError",
    "TimestampError",
    "UnprocessableEntityError",
    "make_status_error",
]

_MAX_DETAIL_FIELDS = 20


class DlrkitError(Exception):
    """The root of every error dlrkit raises on purpose."""


class InvalidFieldError(DlrkitError, ValueError):
    """``field`` holds ``value``, which breaks the rule stated in ``reason``."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {reason} (got {safe_repr(value)})")


class TimestampError(InvalidFieldError):
    """A timestamp that is not one of the accepted ISO 8601 forms."""


class PaginationError(DlrkitError):
    """A pager stopped because the next page would repeat a page or pass ``max_pages``."""


class SignatureError(DlrkitError):
    """A ``provider`` callback failed the signature ``check``; ``reason`` says how.

    ``check`` is one of ``"missing header"``, ``"bad header"``, ``"bad signature"``,
    ``"stale timestamp"``, ``"future timestamp"`` or ``"test secret"``. The message names the
    check and the header, never the secret nor the signature sent.
    """

    def __init__(self, provider: str, check: str, reason: str) -> None:
        self.provider = provider
        self.check = check
        self.reason = reason
        super().__init__(f"{provider} callback rejected ({check}): {reason}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class APIError(DlrkitError):
    """A call to ``provider`` failed; ``message`` says how, ``request`` is what was sent.

    ``attempts`` is how many times the request was sent (more than 1 after retries).
    """

    def __init__(
        self, message: str, *, provider: str, request: httpx.Request | None = None
    ) -> None:
        self.message = message
        self.provider = provider
        self.request = request
        super().__init__(message)

    @property
    def attempts(self) -> int:
        """How many attempts the retry transport made (1 when it was not retried or unknown)."""
        if self.request is None:
            return 1
        count = self.request.extensions.get(ATTEMPTS_EXTENSION, 1)
        return count if isinstance(count, int) and count > 0 else 1


def where(request: httpx.Request | None) -> str:
    """Return ``"GET /v1/path"`` for ``request`` (no host, no query: they may hold secrets)."""
    return "" if request is None else f"{request.method} {request.url.path}"


def attempts_note(request: httpx.Request | None) -> str | None:
    """Return ``"4 attempts"`` if ``request`` was sent more than once, else None."""
    count = request.extensions.get(ATTEMPTS_EXTENSION, 1) if request is not None else 1
    return f"{count} attempts" if isinstance(count, int) and count > 1 else None


def _request_of(response: httpx.Response | None) -> httpx.Request | None:
    if response is None:
        return None
    try:
        return response.request
    except RuntimeError:  # a response built by hand, never sent
        return None


class APIConnectionError(APIError):
    """No HTTP response arrived (name resolution, refused or dropped connection...)."""


class APITimeoutError(APIConnectionError):
    """No HTTP response arrived before a timeout ran out."""


class ResponseValidationError(APIError):
    """A successful response whose body does not match the spec of ``operation``.

    ``response`` is the httpx response (when one is known) and ``body`` its decoded JSON,
    or its text when it is not JSON (None without a response).
    """

    def __init__(
        self,
        *,
        provider: str,
        operation: str,
        reason: str,
        status_code: int | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.operation = operation
        self.reason = shorten(reason, 200)
        self.response = response
        self.body = _decoded(response)
        if status_code is None and response is not None:
            status_code = response.status_code
        self.status_code = status_code
        request = _request_of(response)
        notes = [where(request), f"HTTP {status_code}" if status_code is not None else ""]
        notes.append(attempts_note(request) or "")
        shown = "; ".join(note for note in notes if note)
        context = f" ({shown})" if shown else ""
        super().__init__(
            f"{provider} {operation}{context}: response does not match the spec: {self.reason}",
            provider=provider,
            request=request,
        )


def _decoded(response: httpx.Response | None) -> object:
    if response is None:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


class APIStatusError(APIError):
    """A non-2xx response, with what the provider's error body said.

    ``code`` is the provider's own error code, ``details`` maps a field to its messages and
    ``request_id`` identifies the call in the provider's logs. ``response`` and ``request``
    are the raw httpx objects for anything else (the request still carries the credentials:
    don't log it).
    """

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        status_code: int,
        code: str | None = None,
        details: Mapping[str, list[str]] | None = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
        request: httpx.Request | None = None,
    ) -> None:
        self.status_code = status_code
        self.code = code
        self.details = dict(details or {})
        self.request_id = request_id
        self.response = response
        super().__init__(message, provider=provider, request=request or _request_of(response))

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        call = where(self.request)
        text = f"{self.provider} {call + ' ' if call else ''}returned HTTP {self.status_code}{code}"
        text += f": {self.message}"
        if self.details:
            fields = "; ".join(f"{k}: {', '.join(v)}" for k, v in self.details.items())
            text += f" [{fields}]"
        notes = self._notes()
        if notes:
            text += f" ({'; '.join(notes)})"
        return text

    def _notes(self) -> list[str]:
        notes = [f"request id {self.request_id}"] if self.request_id else []
        tries = attempts_note(self.request)
        return [*notes, tries] if tries else notes

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class BadRequestError(APIStatusError):
    """HTTP 400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """HTTP 401: the credentials are missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """HTTP 404: no such resource."""


class ConflictError(APIStatusError):
    """HTTP 409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422: the request was understood but failed validation."""


class RateLimitError(APIStatusError):
    """HTTP 429: too many requests; ``retry_after`` is the server's wait in seconds, if sent."""

    retry_after: float | None = None

    def _notes(self) -> list[str]:
        notes = super()._notes()
        if self.retry_after is not None:
            notes.insert(0, f"retry after {self.retry_after:g} s")
        return notes


class InternalServerError(APIStatusError):
    """HTTP 5xx: the provider failed."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(
    provider: str,
    response: httpx.Response,
    *,
    code: str | None = None,
    message: str | None = None,
    details: Mapping[str, list[str]] | None = None,
    request_id: str | None = None,
    secrets: Iterable[str | None] = (),
) -> APIStatusError:
    """Build the `APIStatusError` subclass for ``response.status_code``, with redacted text.

    Every text is cut short and stripped of ``secrets`` and of the credentials the request
    sent, so an error body that echoes the token cannot leak it.
    """
    hidden = [*secrets, *request_secrets(response)]

    def clean(text: str, limit: int = 300) -> str:
        return shorten(redact(text, hidden), limit)

    status = response.status_code
    cls = InternalServerError if 500 <= status <= 599 else _STATUS_CLASSES.get(status)
    kept = list((details or {}).items())[:_MAX_DETAIL_FIELDS]
    error = (cls or APIStatusError)(
        clean(message) if message else (response.reason_phrase or f"HTTP {status}"),
        provider=provider,
        status_code=status,
        code=clean(code, 80) if code else None,
        details={clean(k, 80): [clean(m, 200) for m in v] for k, v in kept},
        request_id=clean(request_id, 80) if request_id else None,
        response=response,
    )
    if isinstance(error, RateLimitError):
        error.retry_after = retry_after_seconds(response.headers)
    return error


# Users see these classes as the package exports them: `dlrkit.NotFoundError` in tracebacks
# and reprs, not `dlrkit._errors.NotFoundError`.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and issubclass(_obj, DlrkitError):
        _obj.__module__ = "dlrkit"
