"""Infobip's route, auth and ``requestError.serviceException`` error bodies."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from dlrkit_servers._core import (
    Abort,
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
from dlrkit_servers.infobip._logs import CursorError, LogFilters, LogIndex, decode_cursor
from dlrkit_servers.infobip._push import InfobipPush
from dlrkit_servers.infobip._throttle import Throttle
from dlrkit_servers.infobip._views import log_v1, log_v3, report_v3

__all__ = ["InfobipServer", "create_server"]

DEFAULT_REPORTS = 500
_DEFAULT_LIMIT = 50
_MAX_LIMIT = 1000
_MAX_PLATFORM_ID = 255
_SAMPLES = 3
_MAX_LIST_VALUE = 2048  # "Maximum length 2048 characters", read per value
_GENERAL_STATUSES = ("ACCEPTED", "PENDING", "UNDELIVERABLE", "DELIVERED", "EXPIRED", "REJECTED")
_MCC = re.compile(r"[0-9]{3}", re.ASCII)
_MNC = re.compile(r"[0-9]{2,3}", re.ASCII)
# Infobip's `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, its v3 examples' `+01:00` and RFC 3339's `Z`.
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?"
    r"(?:([Zz])|([+-])(\d{2}):?(\d{2}))",
    re.ASCII,
)
_V3_PREFIX = "/sms/3/"
_V3_ACTION_400 = "Check the syntax, violations and adjust the request."


def _service_exception(
    status: int, message_id: str, text: str, validation: dict[str, list[str]] | None = None
) -> Response:
    exception: dict[str, Any] = {"messageId": message_id, "text": text}
    if validation:
        exception["validationErrors"] = validation
    return json_response({"requestError": {"serviceException": exception}}, status=status)


def _api_error(
    status: int,
    description: str,
    action: str | None = None,
    violations: list[dict[str, str]] | None = None,
) -> Response:
    """Infobip's v3 ``ApiError`` body (``errorCode`` is ``E<status>``)."""
    body: dict[str, Any] = {"errorCode": f"E{status}", "description": description}
    if action is not None:
        body["action"] = action
    body |= {"violations": violations or [], "resources": []}
    return json_response(body, status=status)


def _v3(call: Call) -> bool:
    return call.path.startswith(_V3_PREFIX)


class _Errors(ErrorShapes):
    """Infobip's error bodies: ``requestError`` on v1 paths, ``ApiError`` on ``/sms/3/``."""

    def not_found(self, call: Call) -> Response:
        return _service_exception(404, "NOT_FOUND", "Requested URL not found")

    def method_not_allowed(self, call: Call, allowed: tuple[str, ...]) -> Response:
        text = f"Request method {show(call.method)} is not supported"
        if _v3(call):
            return _api_error(405, text)
        return _service_exception(405, "METHOD_NOT_ALLOWED", text)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Response:
        if _v3(call):
            return _api_error(
                401,
                "The request lacks valid authentication credentials for the requested resource.",
                "Check the resources and adjust authentication credentials.",
            )
        return _service_exception(401, "UNAUTHORIZED", "Invalid login details")

    def invalid_input(self, call: Call, error: InputError) -> Response:
        if _v3(call):
            violations = [{"property": i.field, "violation": i.message} for i in error.issues]
            return _api_error(400, "Bad request", _V3_ACTION_400, violations)
        validation: dict[str, list[str]] = {}
        for issue in error.issues:
            validation.setdefault(issue.field, []).append(issue.message)
        return _service_exception(400, "BAD_REQUEST", "Bad request", validation)

    def internal_error(self, call: Call) -> Response:
        if _v3(call):
            return _api_error(500, "Something went wrong.")
        text = "Something went wrong. Please contact support."
        return _service_exception(500, "GENERAL_ERROR", text)


def _filters(call: Call, checks: Checks, *, lists: bool = False) -> Filters:
    """Read the reports filters; with ``lists`` (logs) the repeatable ids are left to `_id_set`."""
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
        bulk_id=None if lists else text("bulkId"),
        message_id=None if lists else text("messageId"),
        application_id=text("applicationId", _MAX_PLATFORM_ID),
        entity_id=text("entityId", _MAX_PLATFORM_ID),
        campaign_reference_id=None if lists else text("campaignReferenceId"),
    )


def _sent_time(call: Call, checks: Checks, name: str) -> datetime | None:
    """Read an aware time in any of Infobip's forms; an offset is required (docs give one)."""
    raw = checks.get(lambda: call.query.get_str(name), None)
    if raw is None:
        return None
    found = _DATE_TIME.fullmatch(raw)
    if found is None:
        message = (
            f"{name} must be a date-time with an offset, like 2015-02-22T17:42:05.390+0100 "
            f"or 2015-02-22T17:42:05.390+01:00, got {show(raw)}"
        )
        checks.issues.append(Issue(name, "not_datetime", message, raw))
        return None
    year, month, day, hour, minute, second = (int(found.group(i)) for i in range(1, 7))
    fraction = (found.group(7) or "").ljust(6, "0")[:6]
    offset = timedelta(0)
    if found.group(8) is None:
        offset = timedelta(hours=int(found.group(10)), minutes=int(found.group(11)))
        if found.group(9) == "-":
            offset = -offset
    try:
        # RFC 3339 allows a leap second (60); it is read as the last instant of its minute.
        moment = datetime(
            year, month, day, hour, minute, min(second, 59), int(fraction),
            tzinfo=timezone(offset),
        )  # fmt: skip
    except ValueError:
        checks.issues.append(
            Issue(name, "not_datetime", f"{name} is not a valid date-time, got {show(raw)}", raw)
        )
        return None
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        # Year 1 or 9999 pushed out of range by the offset: before or after any message.
        return (
            datetime.min.replace(tzinfo=UTC)
            if moment.year == 1
            else datetime.max.replace(tzinfo=UTC)
        )


def _id_set(call: Call, checks: Checks, name: str) -> frozenset[str] | None:
    """Read a repeatable id filter: repeated keys or comma lists; each value <= 2048 chars."""
    values = call.query.get_all(name)
    if not values:
        return None
    ids: set[str] = set()
    for value in values:
        if len(value) > _MAX_LIST_VALUE:
            message = (
                f"{name} must be at most {_MAX_LIST_VALUE} characters per value, "
                f"got {len(value)}: {show(value)}"
            )
            checks.issues.append(Issue(name, "too_large", message, value, _MAX_LIST_VALUE))
            continue
        ids.update(part for part in value.split(",") if part)
    return frozenset(ids)


def _network(call: Call, checks: Checks) -> tuple[str | None, str | None]:
    mcc = checks.get(lambda: call.query.get_str("mcc"), None)
    mnc = checks.get(lambda: call.query.get_str("mnc"), None)
    if mcc is not None and _MCC.fullmatch(mcc) is None:
        checks.add("mcc", f"mcc must be 3 decimal digits, got {show(mcc)}", mcc)
    if mnc is not None and _MNC.fullmatch(mnc) is None:
        checks.add("mnc", f"mnc must be 2 or 3 decimal digits, got {show(mnc)}", mnc)
    if mnc is not None and mcc is None:
        checks.add("mnc", f"mnc needs mcc (Mobile Country Code), got mnc={show(mnc)} alone", mnc)
    return mcc, mnc


def _log_filters(call: Call, checks: Checks, *, v3: bool) -> LogFilters:
    base = _filters(call, checks, lists=True)
    mcc, mnc = _network(call, checks)
    sender_key, destination_key = ("sender", "destination") if v3 else ("from", "to")
    return LogFilters(
        sender=checks.get(lambda: call.query.get_str(sender_key), None),
        destination=checks.get(lambda: call.query.get_str(destination_key), None),
        bulk_ids=_id_set(call, checks, "bulkId"),
        message_ids=_id_set(call, checks, "messageId"),
        campaign_reference_ids=_id_set(call, checks, "campaignReferenceId"),
        general_status=checks.get(
            lambda: call.query.get_choice("generalStatus", _GENERAL_STATUSES), None
        ),
        sent_since=_sent_time(call, checks, "sentSince"),
        sent_until=_sent_time(call, checks, "sentUntil"),
        mcc=mcc,
        mnc=mnc,
        application_id=base.application_id,
        entity_id=base.entity_id,
    )


def _limit(call: Call, checks: Checks) -> int:
    return checks.get(
        lambda: call.query.get_int("limit", default=_DEFAULT_LIMIT, minimum=1, maximum=_MAX_LIMIT),
        _DEFAULT_LIMIT,
    )


class InfobipServer(ReferenceServer):
    """The Infobip reference server, with hooks to refill or extend its report queue."""

    def __init__(
        self, store: ReportStore, clock: Clock, auth: AuthHook, throttle: Throttle | None = None
    ) -> None:
        self.store = store
        self.logs = LogIndex(store)
        self._clock = clock
        self._throttle = throttle
        super().__init__(
            name="infobip",
            routes={
                "/sms/1/reports": {"GET": self._get_reports},
                "/sms/3/reports": {"GET": self._get_reports_v3},
                "/sms/1/logs": {"GET": self._get_logs_v1},
                "/sms/3/logs": {"GET": self._get_logs_v3},
            },
            auth=auth,
            errors=_Errors(),
            sample_ids=_samples(store),
            state={"push": InfobipPush(store)},
        )

    def refill(self) -> None:
        """Make every report fetchable again, as if no client had read any."""
        self.store.refill()

    def add_reports(self, count: int) -> list[str]:
        """Simulate ``count`` newly arrived reports; return their message ids."""
        return [report.message_id for report in self.store.add(count, self._clock.now())]

    def _drain(self, call: Call) -> list[Report]:
        checks = Checks()
        filters = _filters(call, checks)
        limit = _limit(call, checks)
        # Every check runs before the drain: a refused request consumes nothing.
        checks.done()
        return self.store.drain(filters, limit)

    def _get_reports(self, call: Call) -> Response:
        return json_response({"results": [report.body for report in self._drain(call)]})

    def _get_reports_v3(self, call: Call) -> Response:
        # One queue per account: a report read here is gone from /sms/1/reports too.
        return json_response({"results": [report_v3(report) for report in self._drain(call)]})

    def _admit(self, call: Call) -> None:
        """Refuse a logs request over the configured rate with Infobip's 429 body."""
        if self._throttle is None or self._throttle.admit():
            return
        if _v3(call):
            action = (
                "Check request rate limit specified in the API endpoint documentation resource."
            )
            raise Abort(_api_error(429, "Too many requests sent.", action))
        raise Abort(_service_exception(429, "TOO_MANY_REQUESTS", "Too many requests"))

    def _get_logs_v1(self, call: Call) -> Response:
        self._admit(call)
        checks = Checks()
        filters = _log_filters(call, checks, v3=False)
        limit = _limit(call, checks)
        checks.done()
        page = self.logs.page(filters, limit, self._clock.now())
        return json_response({"results": [log_v1(report) for report in page.reports]})

    def _get_logs_v3(self, call: Call) -> Response:
        self._admit(call)
        checks = Checks()
        filters = _log_filters(call, checks, v3=True)
        limit = _limit(call, checks)
        paged = checks.get(lambda: call.query.get_bool("useCursor", default=False), False)
        cursor = checks.get(lambda: call.query.get_str("cursor"), None)
        after = None
        if cursor is not None and not paged:
            checks.add("cursor", "cursor needs useCursor=true", cursor)
        elif cursor is not None:
            try:
                after = decode_cursor(cursor, filters.fingerprint())
            except CursorError as error:
                checks.add("cursor", f"cursor {show(cursor)}: {error}", cursor)
        checks.done()
        page = self.logs.page(filters, limit, self._clock.now(), after, paged=paged)
        body: dict[str, Any] = {"results": [log_v3(report) for report in page.reports]}
        if paged:
            body["cursor"] = {"limit": limit}
            if page.next_cursor is not None:
                body["cursor"]["nextCursor"] = page.next_cursor
        return json_response(body)


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
    logs_per_minute: int | None = None,
) -> InfobipServer:
    """Build the Infobip server: ``App <token>`` auth, ``reports`` reports from ``seed``.

    Reports are done within the 48 hours before ``now`` (default: the wall clock at build
    time). Give both ``username`` and ``password`` to accept HTTP Basic as well; with neither,
    only ``App`` is accepted. ``logs_per_minute`` (off by default; Infobip's is 120) answers
    log requests over that rate in any sliding minute with Infobip's 429 body.
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
    throttle = None if logs_per_minute is None else Throttle(logs_per_minute)
    return InfobipServer(store, clock, _auth(token, basic), throttle)
