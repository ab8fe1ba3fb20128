"""Infobip's route, auth and ``requestError.serviceException`` error bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from dlrkit_servers._core import (
    AuthFailure,
    AuthHook,
    Call,
    Checks,
    Clock,
    ErrorShapes,
    InputError,
    Issue,
    ReferenceServer,
    Response,
    basic_credentials,
    json_response,
    scheme_credentials,
    secret_matches,
    show,
)
from dlrkit_servers.infobip._data import Filters, Report, ReportStore

__all__ = ["InfobipServer", "create_server"]

DEFAULT_REPORTS = 500
_DEFAULT_LIMIT = 50
_MAX_LIMIT = 1000
_MAX_PLATFORM_ID = 255
_SAMPLES = 3


def _service_exception(
    status: int, message_id: str, text: str, validation: dict[str, list[str]] | None = None
) -> Response:
    exception: dict[str, Any] = {"messageId": message_id, "text": text}
    if validation:
        exception["validationErrors"] = validation
    return json_response({"requestError": {"serviceException": exception}}, status=status)


class _Errors(ErrorShapes):
    """Infobip's v1 error envelope for every error the server produces."""

    def not_found(self, call: Call) -> Response:
        return _service_exception(404, "NOT_FOUND", "Requested URL not found")

    def method_not_allowed(self, call: Call, allowed: tuple[str, ...]) -> Response:
        text = f"Request method {show(call.method)} is not supported"
        return _service_exception(405, "METHOD_NOT_ALLOWED", text)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Response:
        return _service_exception(401, "UNAUTHORIZED", "Invalid login details")

    def invalid_input(self, call: Call, error: InputError) -> Response:
        validation: dict[str, list[str]] = {}
        for issue in error.issues:
            validation.setdefault(issue.field, []).append(issue.message)
        return _service_exception(400, "BAD_REQUEST", "Bad request", validation)

    def internal_error(self, call: Call) -> Response:
        text = "Something went wrong. Please contact support."
        return _service_exception(500, "GENERAL_ERROR", text)


def _filters(call: Call, checks: Checks) -> Filters:
    query = call.query

    def text(name: str, max_length: int | None = None) -> str | None:
        value = checks.get(lambda: query.get_str(name), None)
        if value is not None and max_length is not None and len(value) > max_length:
            message = (
                f"{name} must be at most {max_length} characters, got {len(value)}: {show(value)}"
            )
            checks.issues.append(Issue(name, "too_large", message, value, max_length))
            return None
        return value

    return Filters(
        bulk_id=text("bulkId"),
        message_id=text("messageId"),
        application_id=text("applicationId", _MAX_PLATFORM_ID),
        entity_id=text("entityId", _MAX_PLATFORM_ID),
        campaign_reference_id=text("campaignReferenceId"),
    )


class InfobipServer(ReferenceServer):
    """The Infobip reference server, with hooks to refill or extend its report queue."""

    def __init__(self, store: ReportStore, clock: Clock, auth: AuthHook) -> None:
        self.store = store
        self._clock = clock
        super().__init__(
            name="infobip",
            routes={"/sms/1/reports": {"GET": self._get_reports}},
            auth=auth,
            errors=_Errors(),
            sample_ids=_samples(store),
        )

    def refill(self) -> None:
        """Make every report fetchable again, as if no client had read any."""
        self.store.refill()

    def add_reports(self, count: int) -> list[str]:
        """Simulate ``count`` newly arrived reports; return their message ids."""
        return [report.message_id for report in self.store.add(count, self._clock.now())]

    def _get_reports(self, call: Call) -> Response:
        checks = Checks()
        filters = _filters(call, checks)
        limit = checks.get(
            lambda: call.query.get_int(
                "limit", default=_DEFAULT_LIMIT, minimum=1, maximum=_MAX_LIMIT
            ),
            _DEFAULT_LIMIT,
        )
        # Every check runs before the drain: a refused request consumes nothing.
        checks.done()
        taken = self.store.drain(filters, limit)
        return json_response({"results": [report.body for report in taken]})


def _auth(token: str, basic: tuple[str, str] | None) -> AuthHook:
    """Accept ``Authorization: App <token>``, or Basic ``user:password`` when configured."""

    def check(call: Call) -> AuthFailure | None:
        if "authorization" not in call.headers:
            return "missing"
        key = scheme_credentials(call, "App")
        if key is not None:
            return None if secret_matches(key, token) else "invalid"
        given = basic_credentials(call) if basic is not None else None
        if given is not None and basic is not None:
            user_ok = secret_matches(given[0], basic[0])
            password_ok = secret_matches(given[1], basic[1])
            return None if user_ok and password_ok else "invalid"
        return "invalid"

    return check


def _samples(store: ReportStore) -> dict[str, list[str]]:
    """Filter values that select reports: a multipart, a failed and an in-bulk message."""
    reports = store.reports
    if not reports:
        return {}

    def first(wanted: Callable[[Report], bool]) -> Report:
        return next((report for report in reports if wanted(report)), reports[0])

    messages = [
        first(lambda r: r.body["smsCount"] > 1).message_id,
        first(lambda r: r.body["error"]["permanent"] is True).message_id,
        first(lambda r: r.bulk_id is not None).message_id,
    ]
    bulks = list(dict.fromkeys(r.bulk_id for r in reports if r.bulk_id is not None))
    samples = {"messageId": list(dict.fromkeys(messages)), "bulkId": bulks[:_SAMPLES]}
    for key, attribute in (
        ("applicationId", "application_id"),
        ("entityId", "entity_id"),
        ("campaignReferenceId", "campaign_reference_id"),
    ):
        values = {getattr(r, attribute) for r in reports} - {None}
        samples[key] = sorted(values)[:_SAMPLES]
    return {key: values for key, values in samples.items() if values}


def _check_text(name: str, value: object) -> str:
    # Say what is wrong with a credential, never what it is.
    if not isinstance(value, str) or not value or value != value.strip() or not value.isprintable():
        raise ValueError(f"{name} must be non-empty printable text without surrounding spaces")
    return value


def create_server(
    *,
    token: str,
    seed: int = 0,
    now: datetime | None = None,
    reports: int = DEFAULT_REPORTS,
    username: str | None = None,
    password: str | None = None,
) -> InfobipServer:
    """Build the Infobip server: ``App <token>`` auth, ``reports`` reports from ``seed``.

    Reports are done within the 48 hours before ``now`` (default: the wall clock at build
    time). Give both ``username`` and ``password`` to accept HTTP Basic as well; with neither,
    only ``App`` is accepted.
    """
    if type(reports) is not int or reports < 0:
        raise ValueError(f"reports must be an int >= 0, got {reports!r}")
    _check_text("token", token)
    basic: tuple[str, str] | None = None
    if username is not None or password is not None:
        if username is None or password is None:
            raise ValueError("Basic auth needs both username= and password=")
        if ":" in _check_text("username", username):
            raise ValueError("username must not contain ':' (Basic auth splits on it)")
        basic = (username, _check_text("password", password))
    clock = Clock(now)
    store = ReportStore(seed=seed, now=clock.now(), count=reports)
    return InfobipServer(store, clock, _auth(token, basic))
