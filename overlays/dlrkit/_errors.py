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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import httpx

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
    """A call to ``provider`` failed; ``message`` says how."""

    def __init__(self, message: str, *, provider: str) -> None:
        self.message = message
        self.provider = provider
        super().__init__(message)


class APIConnectionError(APIError):
    """No HTTP response arrived (name resolution, refused or dropped connection...)."""


class APITimeoutError(APIConnectionError):
    """No HTTP response arrived before a timeout ran out."""


class ResponseValidationError(APIError):
    """A successful response whose body does not match the spec of ``operation``."""

    def __init__(
        self, *, provider: str, operation: str, reason: str, status_code: int | None = None
    ) -> None:
        self.operation = operation
        self.reason = shorten(reason, 200)
        self.status_code = status_code
        status = f" (HTTP {status_code})" if status_code is not None else ""
        super().__init__(
            f"{provider} {operation}{status}: response does not match the spec: {self.reason}",
            provider=provider,
        )


class APIStatusError(APIError):
    """A non-2xx response, with what the provider's error body said.

    ``code`` is the provider's own error code, ``details`` maps a field to its messages and
    ``request_id`` identifies the call in the provider's logs. ``response`` is the raw
    response for anything else (its request still carries the credentials: don't log it).
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
    ) -> None:
        self.status_code = status_code
        self.code = code
        self.details = dict(details or {})
        self.request_id = request_id
        self.response = response
        super().__init__(message, provider=provider)

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        text = f"{self.provider} returned HTTP {self.status_code}{code}: {self.message}"
        if self.details:
            fields = "; ".join(f"{k}: {', '.join(v)}" for k, v in self.details.items())
            text += f" [{fields}]"
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text

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
