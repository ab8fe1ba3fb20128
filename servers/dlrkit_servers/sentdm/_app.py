"""sent.dm's routes, envelope, ``VALIDATION_*`` errors and profile scoping."""

from __future__ import annotations

import random
import string
import time
from datetime import datetime
from typing import Any

from dlrkit_servers._core import (
    Abort,
    AuthFailure,
    Call,
    Checks,
    Clock,
    ErrorShapes,
    InputError,
    Issue,
    ReferenceServer,
    Response,
    header_auth,
    json_response,
    show,
)
from dlrkit_servers.sentdm._data import (
    DEFAULT_CONTACTS,
    DEFAULT_MESSAGES,
    DataSet,
    Profile,
    build_data,
)
from dlrkit_servers.sentdm._formats import UUID, net_timestamp
from dlrkit_servers.sentdm._push import SentDmPush

__all__ = ["create_server"]

_DOC_URL = "https://docs.sent.dm/reference/api/error-catalog"
_BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_INT32_MAX = 2**31 - 1
_RATE_LIMIT = 200  # standard endpoints, per minute
_RATE_WINDOW = 60
_PROFILE_HEADER = "x-profile-id"
_SEARCHED = ("phone_number", "format_international", "format_national", "region_code")
_SAMPLE_STATUSES = ("READ", "FAILED", "SCHEDULED")
# Request ids and timestamp ticks must differ between responses and runs: never seeded.
_ENTROPY = random.SystemRandom()


def _request_id() -> str:
    """Return ``req_`` and 10 random base-62 digits, from one random number rather than ten."""
    number = _ENTROPY.randrange(len(_BASE62) ** 10)
    digits = []
    for _ in range(10):
        number, digit = divmod(number, len(_BASE62))
        digits.append(_BASE62[digit])
    return "req_" + "".join(digits)


class _Envelope:
    """Builds ``{success, data, error, meta}`` bodies, each with a fresh ``request_id``."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._window = 0
        self._used = 0

    def send(
        self, status: int, data: Any, error: dict[str, Any] | None, headers: dict[str, str]
    ) -> Response:
        request_id = _request_id()
        meta = {
            "request_id": request_id,
            "timestamp": net_timestamp(self._clock.now(), _ENTROPY),
            "version": "v3",
        }
        body = {"success": error is None, "data": data, "error": error, "meta": meta}
        headers = {**headers, "X-Request-Id": request_id, "X-API-Version": "v3"}
        return json_response(body, status=status, headers=headers)

    def ok(self, data: Any) -> Response:
        """Return a 200 carrying ``data`` and the rate-limit headers."""
        return self.send(200, data, None, self._rate_headers())

    def error(
        self, status: int, code: str, message: str, details: dict[str, list[str]] | None = None
    ) -> Response:
        """Return an error envelope (``data`` null)."""
        error = {"code": code, "message": message, "details": details, "doc_url": _DOC_URL}
        return self.send(status, None, error, {})

    def _rate_headers(self) -> dict[str, str]:
        # Reported, never enforced: a test double must not throttle its test suite. Windows
        # follow the wall clock even when the data clock is pinned.
        now = int(time.time())
        window = now - now % _RATE_WINDOW
        if window != self._window:
            self._window, self._used = window, 0
        self._used += 1
        return {
            "X-RateLimit-Limit": str(_RATE_LIMIT),
            "X-RateLimit-Remaining": str(max(_RATE_LIMIT - self._used, 0)),
            "X-RateLimit-Reset": str(window + _RATE_WINDOW),
        }


def _validation(issue: Issue) -> tuple[str, str, str]:
    """Return the code, the summary and the detail message of one refused input."""
    name = "Page size" if issue.field == "page_size" else "Page"
    value = "" if issue.value is None else f" (got {show(issue.value)})"
    if issue.field == "id":
        return "VALIDATION_001", "Invalid message ID format.", f"Must be a UUID{value}."
    if issue.field == _PROFILE_HEADER and issue.reason == "invalid":
        return "VALIDATION_003", "Invalid profile ID format.", f"Must be a UUID{value}."
    if issue.reason == "too_small":
        summary = f"{name} must be greater than 0"
        return "VALIDATION_005", summary, summary + value
    if issue.reason == "too_large":
        summary = f"{name} must be at most {_INT32_MAX}"
        return "VALIDATION_005", summary, summary + value
    return "VALIDATION_001", "One or more validation errors occurred.", issue.message


class _Errors(ErrorShapes):
    """sent.dm's error envelopes for what the core refuses."""

    def __init__(self, envelope: _Envelope) -> None:
        self.envelope = envelope

    def not_found(self, call: Call) -> Response:
        message = f"No endpoint matches {call.method} {show(call.path)}."
        return self.envelope.error(404, "NOT_FOUND", message)

    def method_not_allowed(self, call: Call, allowed: tuple[str, ...]) -> Response:
        message = f"Method {call.method} is not allowed here; allowed: {', '.join(allowed)}."
        return self.envelope.error(405, "METHOD_NOT_ALLOWED", message)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Response:
        if failure == "missing":
            message = "User is not authenticated: the x-api-key header is missing."
            return self.envelope.error(401, "AUTH_001", message)
        return self.envelope.error(401, "AUTH_002", "The API key is invalid or has expired.")

    def invalid_input(self, call: Call, error: InputError) -> Response:
        details: dict[str, list[str]] = {}
        for issue in error.issues:
            details.setdefault(issue.field, []).append(_validation(issue)[2])
        code, summary, _ = _validation(error.issues[0])
        if len(details) > 1:
            summary = "One or more validation errors occurred."
        return self.envelope.error(400, code, summary, details)

    def internal_error(self, call: Call) -> Response:
        return self.envelope.error(500, "INTERNAL_001", "An unexpected error occurred.")


class _Api:
    """Handlers over a read-only data set (only the rate-limit counter changes)."""

    def __init__(self, data: DataSet, errors: _Errors) -> None:
        self._data = data
        self._errors = errors
        self._envelope = errors.envelope

    def _scope(self, call: Call, checks: Checks) -> str | None:
        """Return the requested profile id (lower case) or None; refused values go to checks."""
        values = call.headers.getlist(_PROFILE_HEADER)
        if not values:
            return None
        if len(values) > 1:
            message = f"{_PROFILE_HEADER} must be given once, got {len(values)} values"
            checks.issues.append(Issue(_PROFILE_HEADER, "repeated", message))
            return None
        if UUID.fullmatch(values[0]) is None:
            message = f"{_PROFILE_HEADER} must be a UUID, got {show(values[0])}"
            checks.issues.append(Issue(_PROFILE_HEADER, "invalid", message, values[0]))
            return None
        return values[0].lower()

    def _profile(self, profile_id: str | None) -> Profile:
        if profile_id is None:
            return self._data.main
        profile = self._data.profiles.get(profile_id)
        if profile is None:
            message = "The API key cannot access the profile given in x-profile-id."
            raise Abort(self._envelope.error(403, "AUTH_004", message))
        return profile

    def _message_scope(self, call: Call) -> tuple[Profile, str]:
        checks = Checks()
        profile_id = self._scope(call, checks)
        raw = call.path_params["id"]
        if UUID.fullmatch(raw) is None:
            message = f"id must be a UUID, got {show(raw)}"
            checks.issues.insert(0, Issue("id", "invalid", message, raw))
        checks.done()
        return self._profile(profile_id), raw.lower()

    def _not_found(self) -> Abort:
        return Abort(self._envelope.error(404, "RESOURCE_003", "Message not found"))

    def message_status(self, call: Call) -> Response:
        profile, message_id = self._message_scope(call)
        found = profile.messages.get(message_id)
        if found is None:
            raise self._not_found()
        return self._envelope.ok(found)

    def message_activities(self, call: Call) -> Response:
        profile, message_id = self._message_scope(call)
        found = profile.activities.get(message_id)
        if found is None:
            raise self._not_found()
        return self._envelope.ok(found)

    def contacts(self, call: Call) -> Response:
        query, checks = call.query, Checks()
        profile_id = self._scope(call, checks)
        page = checks.get(
            lambda: query.get_int("page", default=1, minimum=1, maximum=_INT32_MAX), 1
        )
        size = checks.get(
            lambda: query.get_int("page_size", default=20, minimum=1, maximum=_INT32_MAX), 20
        )
        # The filters are nullable: an empty value filters nothing.
        search = checks.get(lambda: query.get_str("search", default="").strip(), "")
        channel = checks.get(lambda: query.get_str("channel", default="").strip(), "")
        phone = checks.get(lambda: query.get_str("phone", default="").strip(), "")
        checks.done()
        rows = list(self._profile(profile_id).contacts)
        if phone:
            e164 = "+" + "".join(char for char in phone if char in string.digits)
            rows = [row for row in rows if row["format_e164"] == e164]
            if not rows:
                message = "Contact not found with the specified phone number"
                details = {"phone": [f"No contact has the phone number {show(phone)}."]}
                raise Abort(self._envelope.error(404, "RESOURCE_001", message, details))
        if search:
            needle = search.casefold()
            rows = [r for r in rows if any(needle in r[key].casefold() for key in _SEARCHED)]
        if channel:
            name = channel.casefold()
            rows = [r for r in rows if name in r["available_channels"].split(",")]
        total_pages = -(-len(rows) // size)
        start = (page - 1) * size
        pagination = {
            "page": page,
            "page_size": size,
            "total_count": len(rows),
            "total_pages": total_pages,
            "has_more": page < total_pages,
            "cursors": None,
        }
        return self._envelope.ok({"contacts": rows[start : start + size], "pagination": pagination})


def create_server(
    *,
    token: str,
    seed: int = 0,
    now: datetime | None = None,
    contacts: int = DEFAULT_CONTACTS,
    messages: int = DEFAULT_MESSAGES,
) -> ReferenceServer:
    """Build the sent.dm server: ``x-api-key: token``, data from ``seed`` placed before ``now``.

    The key's own profile has ``contacts`` contacts and ``messages`` messages (at least 3 of
    each status); the two child profiles keep their fixed small data sets.
    """
    clock = Clock(now)
    data = build_data(seed, clock.now(), contacts=contacts, messages=messages)
    errors = _Errors(_Envelope(clock))
    api = _Api(data, errors)
    samples = [
        next(key for key, message in data.main.messages.items() if message["status"] == status)
        for status in _SAMPLE_STATUSES
    ]
    return ReferenceServer(
        name="sentdm",
        routes={
            "/v3/messages/{id}/activities": {"GET": api.message_activities},
            "/v3/messages/{id}": {"GET": api.message_status},
            "/v3/contacts": {"GET": api.contacts},
        },
        auth=header_auth("x-api-key", token),
        errors=errors,
        sample_ids={"get_message_status": samples, "list_message_activities": samples},
        state={"push": SentDmPush(data, seed=seed)},
    )
