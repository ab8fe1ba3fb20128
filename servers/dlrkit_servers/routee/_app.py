"""Routee's routes, handlers and :func:`create_server`.

The error codes are listed in ``_errors``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from dlrkit_servers._core import (
    AuthHook,
    Call,
    Checks,
    Clock,
    Issue,
    Query,
    ReferenceServer,
    Response,
    aware_utc,
    json_response,
    show,
)
from dlrkit_servers.routee._data import WINDOW, DataSet, Part, build_data, stamp
from dlrkit_servers.routee._errors import TOKEN_PATH, RouteeErrors, routee_error
from dlrkit_servers.routee._push import RouteePush
from dlrkit_servers.routee._search import (
    DEFAULT_SIZE,
    INT32_MAX,
    MAX_SIZE,
    Filter,
    Sort,
    matches,
    page_body,
    read_date,
    read_filters,
    read_sort,
    sort_parts,
    window,
)
from dlrkit_servers.routee._tokens import TokenStore, api_auth, token_endpoint

__all__ = ["DEFAULT_MESSAGES", "DEFAULT_TOKEN_TTL", "RouteeServer", "create_server"]

DEFAULT_MESSAGES = 2000
DEFAULT_TOKEN_TTL = 3600.0
_SAMPLES = 3


def _paging(call: Call, checks: Checks) -> tuple[int, int]:
    query = call.query
    page = checks.get(lambda: query.get_int("page", default=0, minimum=0, maximum=INT32_MAX), 0)
    size = checks.get(
        lambda: query.get_int("size", default=DEFAULT_SIZE, minimum=1, maximum=MAX_SIZE),
        DEFAULT_SIZE,
    )
    return page, size


def _earliest_start(now: datetime) -> datetime:
    """Return the oldest ``dateStart`` accepted at ``now``.

    That is 7 days back, rounded down to the minute, less one minute: a client that truncates
    "7 days ago" to minutes, as Routee's examples do, is not refused.
    """
    return (now - WINDOW).replace(second=0, microsecond=0) - timedelta(minutes=1)


class RouteeServer(ReferenceServer):
    """The Routee reference server; ``data`` and ``tokens`` are exposed for tests."""

    def __init__(
        self, data: DataSet, clock: Callable[[], datetime], tokens: TokenStore, auth: AuthHook
    ) -> None:
        self.data = data
        self.tokens = tokens
        self._clock = clock
        super().__init__(
            name="routee",
            routes={
                "/sms/tracking": {"POST": self._track},
                "/sms/tracking/single/{messageId}": {"GET": self._single},
                "/sms/tracking/campaign/{campaignTrackingId}": {"GET": self._campaign},
                TOKEN_PATH: {"POST": token_endpoint(tokens)},
            },
            auth=auth,
            errors=RouteeErrors(),
            sample_ids=_samples(data),
            state={"push": RouteePush(data)},
        )

    def now(self) -> datetime:
        """Return the server's current time (the injected clock, or the pinned ``now``)."""
        return self._clock()

    def _track(self, call: Call) -> Response:
        query, checks = call.query, Checks()
        start, end = self._window(query, checks)
        page, size = _paging(call, checks)
        sort: Sort | None = checks.get(lambda: read_sort(query), None)
        tracking_id = checks.get(lambda: query.get_str("trackingId"), None)
        if tracking_id == "":
            checks.issues.append(Issue("trackingId", "invalid", "trackingId must not be empty", ""))
        campaign_only = checks.get(lambda: query.get_bool("campaign"), None)
        filters: list[Filter] = checks.get(lambda: read_filters(call), [])
        checks.done()
        # checks.done() raised unless both dates parsed.
        assert start is not None  # noqa: S101 -- narrows the type
        assert end is not None  # noqa: S101 -- narrows the type
        source: Sequence[Part] = self.data.parts
        if tracking_id is not None:
            found = self.data.by_campaign.get(tracking_id)
            if found is None:
                # Routee's error table lists this 404-coded error on a 400 for this endpoint.
                properties = {"trackingId": f"no campaign has trackingId {show(tracking_id)}"}
                return routee_error(400, "404009001", "Campaign not found.", properties)
            source = found
        # Parts are in date order: bisect the window, then filter only what is in it.
        selected = window(source, start, end)
        if campaign_only:
            selected = [p for p in selected if p.multi["campaignTrackingId"] is not None]
        if filters:
            selected = [p for p in selected if matches(p.multi, filters)]
        return _page(sort_parts(selected, sort), page, size)

    def _window(self, query: Query, checks: Checks) -> tuple[datetime | None, datetime | None]:
        """Parse ``dateStart``/``dateEnd``; refuse a start older than 7 days or an end before it."""
        start = checks.get(lambda: read_date(query, "dateStart"), None)
        end = checks.get(lambda: read_date(query, "dateEnd"), None)
        oldest = _earliest_start(self.now())
        if start is not None and start < oldest:
            raw = query.get_str("dateStart", default="")
            message = (
                f"dateStart must be within the latest 7 days (not before {stamp(oldest)}), "
                f"got {show(raw)}"
            )
            checks.issues.append(Issue("dateStart", "too_small", message, raw))
        if start is not None and end is not None and end < start:
            raw = query.get_str("dateEnd", default="")
            message = f"dateEnd must not be before dateStart, got {show(raw)}"
            checks.issues.append(Issue("dateEnd", "invalid", message, raw))
        return start, end

    def _single(self, call: Call) -> Response:
        parts = self.data.by_message.get(call.path_params["messageId"])
        if parts is None:
            return routee_error(404, "404005000", "Tracking not found.")
        return json_response([part.single for part in parts])

    def _campaign(self, call: Call) -> Response:
        checks = Checks()
        page, size = _paging(call, checks)
        checks.done()
        parts = self.data.by_campaign.get(call.path_params["campaignTrackingId"])
        if parts is None:
            return routee_error(404, "404009001", "Campaign not found.")
        return _page(parts, page, size)


def _page(parts: Sequence[Part], page: int, size: int) -> Response:
    return Response(page_body(parts, page, size), media_type="application/json")


def _samples(data: DataSet) -> dict[str, list[str]]:
    """Message ids of an outbound multipart, a one-part undelivered and an inbound message."""

    def first(wanted: Callable[[Part], bool]) -> str | None:
        return next((p.multi["messageId"] for p in data.parts if wanted(p)), None)

    messages = [
        first(lambda p: p.multi["parts"] > 1 and p.multi["direction"] == "Outbound"),
        first(lambda p: p.multi["parts"] == 1 and p.multi["status"]["status"] == "Undelivered"),
        first(lambda p: p.multi["direction"] == "Inbound"),
    ]
    campaigns = [c.tracking_id for c in data.campaigns if data.by_campaign[c.tracking_id]]
    samples = {
        "get_sms_tracking": list(dict.fromkeys(m for m in messages if m is not None)),
        "track_campaign_sms": campaigns[:_SAMPLES],
    }
    return {key: ids for key, ids in samples.items() if ids}


def _check_text(name: str, value: object) -> str:
    # Say what is wrong with a credential, never what it is.
    if not isinstance(value, str) or not value or value != value.strip() or not value.isprintable():
        raise ValueError(f"{name} must be non-empty printable text without surrounding spaces")
    return value


def create_server(
    *,
    app_id: str,
    app_secret: str,
    seed: int = 0,
    now: datetime | None = None,
    messages: int = DEFAULT_MESSAGES,
    token_ttl: float = DEFAULT_TOKEN_TTL,
    clock: Callable[[], datetime] | None = None,
) -> RouteeServer:
    """Build the Routee server: ``messages`` messages of tracking data from ``seed``.

    Parts are dated within the 7 days before ``now`` (default: the clock at build time).
    ``clock`` (aware datetimes) is the request-time clock for token expiry and the 7-day
    window; it defaults to ``now`` pinned, or the wall clock. Tokens last ``token_ttl``
    seconds. ``/oauth/token`` is served by this same app, so a client whose base URL points
    here also gets its tokens here (the dlrkit overlay moves its token URL to the overridden
    base URL for exactly this).
    """
    if ":" in _check_text("app_id", app_id):
        raise ValueError("app_id must not contain ':' (HTTP Basic splits on it)")
    _check_text("app_secret", app_secret)
    if type(messages) is not int or messages < 0:
        raise ValueError(f"messages must be an int >= 0, got {messages!r}")
    if isinstance(token_ttl, bool) or not isinstance(token_ttl, int | float):
        raise TypeError(f"token_ttl must be a number of seconds, got {token_ttl!r}")
    if not math.isfinite(token_ttl) or token_ttl <= 0:
        raise ValueError(f"token_ttl must be a finite number of seconds > 0, got {token_ttl!r}")
    source = clock if clock is not None else Clock(now).now
    anchor = aware_utc(now) if now is not None else aware_utc(source(), "clock()")
    data = build_data(seed=seed, now=anchor, messages=messages)

    def current() -> datetime:
        return aware_utc(source(), "clock()")

    current()  # a clock with naive times fails here, not on every request
    tokens = TokenStore(current, float(token_ttl))
    auth = api_auth(app_id, app_secret, tokens)
    return RouteeServer(data, current, tokens, auth)
