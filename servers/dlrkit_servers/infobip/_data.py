"""Infobip's seeded delivery reports and the drain-once store that hands them out.

A data set is a pure function of ``(seed, now, count)``: reports whose ``doneAt`` falls in the
48 hours before ``now``, in arrival (``doneAt``) order. Once ``count`` reaches the number of
(status, error) pairs in :func:`coverage_pairs` (34), every documented status and every
error of the catalogue appears at least once; the rest follow realistic weights (mostly
delivered). Most reports belong to one of several bulks, some are single sends without a
``bulkId``; some are multipart (``smsCount`` > 1). Prices are per part, in EUR, and 0 for
rejected messages.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from dlrkit_servers._core import digits, rng_for, uuid4
from dlrkit_servers.infobip._catalogue import ERRORS_BY_STATUS_GROUP, STATUSES

__all__ = ["Filters", "Report", "ReportStore", "coverage_pairs", "parse_timestamp", "timestamp"]

_WINDOW = timedelta(hours=48)
# (country code, national digits, mccMnc values, EUR price per part)
_COUNTRIES: Final = (
    ("41", 9, ("22801", "22802", "22803"), 0.045),
    ("385", 9, ("21901", "21910"), 0.0325),
    ("49", 10, ("26201", "26202", "26203"), 0.0755),
    ("44", 10, ("23410", "23415", "23420"), 0.0385),
    ("1", 10, ("310260", "311480"), 0.0079),
)
_SENDERS: Final = ("InfoSMS", "DLRKIT", "447491163443", "ServiceSMS")
_APPLICATIONS: Final = ("marketing-automation-application", "otp-service")
_ENTITIES: Final = ("promotional-traffic-entity", "transactional-entity")
_CAMPAIGNS: Final = ("summersale", "blackfriday-2019", "welcome-series")
# Status group weights for the reports past the coverage set: mostly delivered.
_GROUP_WEIGHTS: Final = {0: 2, 1: 10, 2: 8, 3: 62, 4: 6, 5: 12}
# Within a group, statuses are equally likely unless weighted here.
_STATUS_WEIGHTS: Final = {
    "DELIVERED_TO_HANDSET": 8,
    "PENDING_WAITING_DELIVERY": 3,
    "PENDING_ENROUTE": 2,
}
_BY_GROUP: Final = {
    group: (
        [s for s in STATUSES if s["groupId"] == group],
        list(
            itertools.accumulate(
                _STATUS_WEIGHTS.get(s["name"], 1) for s in STATUSES if s["groupId"] == group
            )
        ),
    )
    for group in _GROUP_WEIGHTS
}
_GROUPS: Final = list(_GROUP_WEIGHTS)
_GROUP_CUMULATIVE: Final = list(itertools.accumulate(_GROUP_WEIGHTS.values()))
_PARTS: Final = (1, 2, 3, 4)
_PART_CUMULATIVE: Final = list(itertools.accumulate((80, 12, 6, 2)))
_BULK_SHARE = 0.85
_REPORTS_PER_BULK = 50


def timestamp(moment: datetime) -> str:
    """Infobip's ``yyyy-MM-dd'T'HH:mm:ss.SSSZ`` form of an aware UTC time (``+0000``)."""
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}+0000"


def parse_timestamp(text: str) -> datetime:
    """Parse a `timestamp` string (``+0000`` offsets parse since Python 3.11)."""
    return datetime.fromisoformat(text)


def coverage_pairs() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(status, error) pairs that together use every status and every error at least once."""
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    used: set[tuple[int, str]] = set()
    for index, status in enumerate(STATUSES):
        errors = ERRORS_BY_STATUS_GROUP[status["groupId"]]
        error = errors[index % len(errors)]
        pairs.append((status, error))
        used.add((error["id"], error["groupName"]))
    for status in STATUSES:
        for error in ERRORS_BY_STATUS_GROUP[status["groupId"]]:
            if (error["id"], error["groupName"]) not in used:
                pairs.append((status, error))
                used.add((error["id"], error["groupName"]))
    return pairs


@dataclass(frozen=True, slots=True)
class Report:
    """One delivery report: its JSON ``body`` and the send-time fields the filters match.

    ``campaign_reference_id`` is not part of a v1 report body, but the filter matches it.
    """

    body: dict[str, Any]
    message_id: str
    bulk_id: str | None
    application_id: str | None
    entity_id: str | None
    campaign_reference_id: str | None


@dataclass(frozen=True, slots=True)
class Filters:
    """The query filters of ``GET /sms/1/reports``; ``None`` means not given."""

    bulk_id: str | None = None
    message_id: str | None = None
    application_id: str | None = None
    entity_id: str | None = None
    campaign_reference_id: str | None = None

    def matches(self, report: Report) -> bool:
        """Tell whether ``report`` satisfies every given filter (exact, case-sensitive)."""
        wanted = (
            (self.bulk_id, report.bulk_id),
            (self.message_id, report.message_id),
            (self.application_id, report.application_id),
            (self.entity_id, report.entity_id),
            (self.campaign_reference_id, report.campaign_reference_id),
        )
        return all(want is None or want == have for want, have in wanted)


@dataclass(slots=True)
class _Send:
    """What one send request shared between its messages."""

    bulk_id: str | None
    sender: str
    sent_at: datetime
    application_id: str | None
    entity_id: str | None
    campaign_reference_id: str | None


class _Maker:
    """Draws reports from seeded streams; later draws continue the same streams."""

    def __init__(self, seed: int) -> None:
        self._ids = rng_for(seed, "infobip.ids")
        self._sends = rng_for(seed, "infobip.sends")
        self._rows = rng_for(seed, "infobip.reports")
        self._coverage = iter(coverage_pairs())

    def make(self, count: int, start: datetime, end: datetime) -> list[Report]:
        """``count`` reports sent in ``[start, end)`` and done by ``end``, sorted by ``doneAt``."""
        sends = self._plan_sends(count, start, end)
        rows = [self._report(send, end) for send in sends]
        rows.sort(key=lambda row: row[0])
        return [report for _, report in rows]

    def _plan_sends(self, count: int, start: datetime, end: datetime) -> list[_Send]:
        rng = self._sends
        bulks = [
            self._send(start, end, bulk=True) for _ in range(max(1, count // _REPORTS_PER_BULK))
        ]
        return [
            rng.choice(bulks) if rng.random() < _BULK_SHARE else self._send(start, end, bulk=False)
            for _ in range(count)
        ]

    def _send(self, start: datetime, end: datetime, *, bulk: bool) -> _Send:
        rng = self._sends
        span = max(1, int((end - start).total_seconds() * 1000))
        tagged = rng.random() < 0.4
        return _Send(
            bulk_id=digits(self._ids, 19) if bulk else None,
            sender=rng.choice(_SENDERS),
            sent_at=start + timedelta(milliseconds=rng.randrange(span)),
            application_id=rng.choice(_APPLICATIONS) if tagged else None,
            entity_id=rng.choice(_ENTITIES) if tagged else None,
            campaign_reference_id=rng.choice(_CAMPAIGNS) if rng.random() < 0.3 else None,
        )

    def _outcome(self) -> tuple[dict[str, Any], dict[str, Any]]:
        pair = next(self._coverage, None)
        if pair is not None:
            return pair
        rng = self._rows
        group = rng.choices(_GROUPS, cum_weights=_GROUP_CUMULATIVE)[0]
        statuses, weights = _BY_GROUP[group]
        status = rng.choices(statuses, cum_weights=weights)[0]
        return status, rng.choice(ERRORS_BY_STATUS_GROUP[group])

    def _report(self, send: _Send, latest: datetime) -> tuple[datetime, Report]:
        rng = self._rows
        status, error = self._outcome()
        country, national, networks, price = rng.choice(_COUNTRIES)
        group = status["groupId"]
        sent_at = min(send.sent_at + timedelta(milliseconds=rng.randrange(5000)), latest)
        done_at = min(sent_at + _delay(rng, group), latest)
        message_id = uuid4(self._ids)
        body: dict[str, Any] = {}
        if send.bulk_id is not None:
            body["bulkId"] = send.bulk_id
        # One draw per number, not one per digit: large data sets build much faster.
        number = rng.randrange(10 ** (national - 1), 10**national)
        body |= {
            "messageId": message_id,
            "to": f"{country}{number}",
            "from": send.sender,
        }
        body |= {"sentAt": timestamp(sent_at), "doneAt": timestamp(done_at)}
        body["smsCount"] = rng.choices(_PARTS, cum_weights=_PART_CUMULATIVE)[0]
        if group != 5:  # rejected before routing: no network
            body["mccMnc"] = rng.choice(networks)
        if rng.random() < 0.3:
            body["callbackData"] = f"order-{rng.randrange(10_000, 100_000)}"
        body["price"] = {"pricePerMessage": 0 if group == 5 else price, "currency": "EUR"}
        body |= {"status": dict(status), "error": dict(error)}
        if send.entity_id is not None:
            body["entityId"] = send.entity_id
        if send.application_id is not None:
            body["applicationId"] = send.application_id
        report = Report(
            body,
            message_id,
            send.bulk_id,
            send.application_id,
            send.entity_id,
            send.campaign_reference_id,
        )
        return done_at, report


def _delay(rng: random.Random, status_group: int) -> timedelta:
    if status_group == 4:  # expired: the validity period the send asked for ran out
        return timedelta(hours=rng.choice((1, 2, 4, 8)))
    if status_group == 5:
        return timedelta(milliseconds=rng.randrange(50, 500))
    return timedelta(milliseconds=rng.randrange(800, 30_000))


class ReportStore:
    """Every report made so far, and which of them are still waiting to be fetched.

    :meth:`drain` selects and marks in one synchronous call, so under any concurrency each
    report is handed out at most once (handlers never await in between).
    """

    def __init__(self, *, seed: int, now: datetime, count: int) -> None:
        if count < 0:
            raise ValueError(f"reports must be >= 0, got {count}")
        self._maker = _Maker(seed)
        self._now = now
        self._all = self._maker.make(count, now - _WINDOW, now - timedelta(minutes=1))
        self._pending: dict[str, Report] = {}
        self._by_bulk: dict[str, dict[str, Report]] = {}
        self.refill()

    @property
    def reports(self) -> tuple[Report, ...]:
        """Every report, fetched or not, in arrival order."""
        return tuple(self._all)

    @property
    def pending(self) -> int:
        """How many reports a client has not fetched yet."""
        return len(self._pending)

    def refill(self) -> None:
        """Make every report fetchable again (tests and benchmarks start over)."""
        self._pending = {}
        self._by_bulk = {}
        self._queue(self._all)

    def add(self, count: int, at: datetime) -> list[Report]:
        """Simulate ``count`` new reports sent shortly before ``at``; they are fetchable next."""
        if count < 0:
            raise ValueError(f"count must be >= 0, got {count}")
        new = self._maker.make(count, at - timedelta(minutes=5), at)
        self._all.extend(new)
        self._queue(new)
        return new

    def drain(self, filters: Filters, limit: int) -> list[Report]:
        """Take up to ``limit`` pending reports matching ``filters``, oldest first, for good."""
        taken = list(itertools.islice(self._candidates(filters), limit))
        for report in taken:
            del self._pending[report.message_id]
            if report.bulk_id is not None:
                del self._by_bulk[report.bulk_id][report.message_id]
        return taken

    def _candidates(self, filters: Filters) -> Iterator[Report]:
        source: Iterator[Report]
        if filters.message_id is not None:
            found = self._pending.get(filters.message_id)
            source = iter(() if found is None else (found,))
        elif filters.bulk_id is not None:
            source = iter(self._by_bulk.get(filters.bulk_id, {}).values())
        else:
            source = iter(self._pending.values())
        return (report for report in source if filters.matches(report))

    def _queue(self, reports: list[Report]) -> None:
        for report in reports:
            self._pending[report.message_id] = report
            if report.bulk_id is not None:
                self._by_bulk.setdefault(report.bulk_id, {})[report.message_id] = report
