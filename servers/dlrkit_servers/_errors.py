"""Bad input, early exits and the per-provider shape of the errors the core produces.

Exceptions a handler (or a helper it calls) may raise::

    InputError   bad client input -> ErrorShapes.invalid_input (a provider-shaped 4xx)
    Abort        stop now and send this ready-made response (any status)

Any other exception is a bug in the server: the core logs it and answers with
``ErrorShapes.internal_error`` so that the bug is visible instead of a hung connection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from dlrkit_servers._responses import json_response

T = TypeVar("T")

if TYPE_CHECKING:
    from starlette.responses import Response

    from dlrkit_servers._call import Call

__all__ = ["Abort", "AuthFailure", "ErrorShapes", "InputError", "Issue", "Reason", "show"]

#: Why an input was refused; providers map these to their own messages and codes.
Reason = Literal[
    "missing",
    "repeated",
    "not_integer",
    "too_small",
    "too_large",
    "not_boolean",
    "not_choice",
    "not_datetime",
    "invalid_json",
    "wrong_type",
    "body_too_large",
    "invalid",
]

#: Why authentication failed: no credentials at all, or credentials that do not match.
AuthFailure = Literal["missing", "invalid"]

_SHOWN_CHARS = 60


def show(value: str) -> str:
    """Quote a client-supplied value for an error message, cut to a readable length."""
    if len(value) > _SHOWN_CHARS:
        return repr(value[:_SHOWN_CHARS]) + "..."
    return repr(value)


@dataclass(frozen=True, slots=True)
class Issue:
    """One refused input: the field, why, the value sent and a message naming both."""

    field: str
    reason: Reason
    message: str
    value: str | None = None
    #: The violated limit for ``too_small`` / ``too_large``.
    bound: int | None = None
    #: The accepted values for ``not_choice``.
    choices: tuple[str, ...] = ()


class InputError(Exception):
    """Client input the server refuses; always answered with a 4xx, never a 5xx."""

    def __init__(self, *issues: Issue) -> None:
        if not issues:
            raise ValueError("InputError needs at least one Issue")
        super().__init__("; ".join(issue.message for issue in issues))
        self.issues: tuple[Issue, ...] = issues

    @classmethod
    def of(cls, field: str, reason: Reason, message: str, value: str | None = None) -> InputError:
        """Build an error with a single issue."""
        return cls(Issue(field=field, reason=reason, message=message, value=value))


class Abort(Exception):  # noqa: N818 -- a control-flow signal, not an error condition
    """Stop handling the request and send ``response`` as it is."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class ErrorShapes:
    """How one provider words the errors the core produces.

    Subclass it and override each method to return the provider's own body and status; the
    defaults are a neutral ``{"message": ...}`` JSON shape. The core adds the ``Allow`` header to
    whatever ``method_not_allowed`` returns. A hook must not raise: if it does, the core logs
    the bug and falls back to a bare 500.
    """

    def not_found(self, call: Call) -> Response:
        """Unknown path (no route matched). Also handy for unknown ids in handlers."""
        return json_response({"message": "Not found."}, status=404)

    def method_not_allowed(self, call: Call, allowed: tuple[str, ...]) -> Response:
        """Known path, undeclared method; ``allowed`` is what the route declares."""
        message = f"Method {call.method} is not allowed here; allowed: {', '.join(allowed)}."
        return json_response({"message": message}, status=405)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Response:
        """Answer a request the server's auth hook refused."""
        return json_response({"message": "Unauthenticated."}, status=401)

    def invalid_input(self, call: Call, error: InputError) -> Response:
        """Answer an :class:`InputError` raised by a handler or a parsing helper."""
        errors: dict[str, list[str]] = {}
        for issue in error.issues:
            errors.setdefault(issue.field, []).append(issue.message)
        return json_response({"message": error.issues[0].message, "errors": errors}, status=400)

    def internal_error(self, call: Call) -> Response:
        """Last resort for a bug in the server (already logged by the core)."""
        message = "Internal error in the dlrkit reference server; see its log."
        return json_response({"message": message}, status=500)


class Checks:
    """Collects the issues of every input, so one 4xx names all of them at once.

    ``adapt`` rewrites each collected issue (a provider's own wording); ``done`` raises one
    `InputError` with everything collected, or returns when all inputs were fine.
    """

    def __init__(self, adapt: Callable[[Issue], Issue] | None = None) -> None:
        self.issues: list[Issue] = []
        self._adapt = adapt

    def get(self, read: Callable[[], T], fallback: T) -> T:
        """Return ``read()``, or record its issues and return ``fallback``."""
        try:
            return read()
        except InputError as error:
            adapt = self._adapt
            self.issues.extend(error.issues if adapt is None else map(adapt, error.issues))
            return fallback

    def add(self, field: str, message: str, value: str | None = None) -> None:
        """Record one refused input that no parser raised."""
        self.issues.append(Issue(field, "invalid", message, value))

    def done(self) -> None:
        """Raise every recorded issue as one `InputError`; return if there is none."""
        if self.issues:
            raise InputError(*self.issues)
