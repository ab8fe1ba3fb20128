"""Infobip's callbacks: delivery reports pushed in ``{"results": [...]}`` batches, unsigned.

Each report of the data set (the `Report` objects ``/sms/1/reports`` and the logs answer
from) gives its final report at ``doneAt``, the same row the API serves. A message that
reached an operator (final group UNDELIVERABLE, DELIVERED or EXPIRED) first gives an
intermediate ``PENDING_WAITING_DELIVERY`` report at ``sentAt``, as Infobip pushes with
``intermediateReport: true``; a message still ACCEPTED or PENDING in the API gives only
that status, also an intermediate report (without ``intermediateReport`` Infobip pushes
finals only, so ``intermediate=False`` leaves such messages out). REJECTED messages never
reached an operator: one final report.

Bodies are v1 rows by default (``sms-delivery-report``: ``from``, ``smsCount``, ``+0000``
offsets, the data set's mix of ``"Ok"`` and ``"OK"``), byte for byte the rows
``GET /sms/1/reports`` serves; ``version=3`` gives ``GET /sms/3/reports`` rows
(``sms-delivery-report-v3``: ``sender``, ``messageCount``, ``platform``, ``OK``).

**Push and pull.** For real, Infobip delivers a report one way: pushed to the message's
``notifyUrl`` / ``webhooks.delivery.url`` (or a subscription's URL), else kept for the pull
endpoint, where ``/sms/1/reports`` hands it out once. This reference server keeps both ways
open on the same data, so a client can test either: pushing consumes nothing (the pull
queue, ``store.pending``, stays as it is) and pulling cancels no push. Logs were never
consumed by either. Only what both ways show must agree, and does: every report's last
callback is the row the API serves for that message.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Final, Literal

from dlrkit_servers._core import dumps
from dlrkit_servers._push import Endpoint, PushEvent, any_2xx, replay_order, unsigned_headers
from dlrkit_servers.infobip._catalogue import NO_ERROR, STATUSES
from dlrkit_servers.infobip._data import Report, ReportStore, parse_timestamp
from dlrkit_servers.infobip._views import report_v3

__all__ = ["InfobipPush"]

_WAITING: Final = next(s for s in STATUSES if s["name"] == "PENDING_WAITING_DELIVERY")
# Groups of a message handed to an operator, which waited for its delivery report.
_ROUTED_GROUPS: Final = frozenset({2, 3, 4})
# ACCEPTED and PENDING: not final, pushed only as intermediate reports.
_OPEN_GROUPS: Final = frozenset({0, 1})


class InfobipPush:
    """Infobip's `PushSource` over a `ReportStore` (read only: pushing drains nothing).

    ``version`` picks the v1 (default) or v3 row shape; ``intermediate`` says whether the
    sends asked for intermediate (PENDING) reports.
    """

    provider: str = "infobip"
    #: Infobip's default bucket; ``maxBucketSize`` (1-2000) in a Subscriptions profile.
    batch_max: int = 100
    #: The maximum is not documented. Six is the first attempt and the five retries the
    #: spec's description spells out (about 2, 5, 10, 17 and 26 minutes after).
    attempts: int = 6
    #: Per-request callbacks have no documented timeout; this is the Subscriptions profile
    #: example's readTimeout (10000 ms; the range is 1000-90000).
    timeout: float = 10.0
    schedule: str = (
        "Infobip: retry n waits 1 min + n^2 min (about 2, 5, 10, 17, 26 min...), from the "
        "notifyUrl field docs of its OpenAPI; the maximum number of retries is not documented "
        "(6 attempts here: the five waits the spec lists). Timeouts are per subscription "
        "profile (read 1-90 s; 10 s here, the profile example)."
    )
    signed: bool = False

    def __init__(
        self, store: ReportStore, *, version: Literal[1, 3] = 1, intermediate: bool = True
    ) -> None:
        if version not in (1, 3):
            raise ValueError(f"version must be 1 or 3, got {version!r}")
        self._store = store
        self.version = version
        self.intermediate = intermediate
        # The store only grows (add_reports): its size says whether the cache is current.
        self._cache: tuple[int, tuple[PushEvent, ...]] = (-1, ())

    def __repr__(self) -> str:
        return f"<InfobipPush v{self.version} intermediate={self.intermediate}>"

    def events(self) -> Sequence[PushEvent]:
        """Every report's callbacks, by ``(at, key)``; reports added later are included."""
        reports = self._store.reports
        if self._cache[0] != len(reports):
            events = replay_order(event for report in reports for event in self._replay(report))
            self._cache = (len(reports), events)
        return self._cache[1]

    def success(self, status: int) -> bool:
        """Tell whether ``status`` ends delivery: a 2xx (Infobip documents ``200``)."""
        return any_2xx(status)

    def body(self, events: Sequence[PushEvent], *, endpoint: Endpoint) -> bytes:
        """Return ``{"results": [...]}`` with one row per event (1 to 100), compact JSON."""
        if not 1 <= len(events) <= self.batch_max:
            raise ValueError(f"a batch holds 1 to {self.batch_max} reports, got {len(events)}")
        return dumps({"results": [event.item for event in events]})

    def headers(
        self, body: bytes, *, delivery_id: str, secret: str | None, now: datetime
    ) -> dict[str, str]:
        """Return the content type; Infobip signs nothing, so a secret is refused."""
        return unsigned_headers("Infobip", secret)

    def _row(self, report: Report, body: dict[str, Any]) -> dict[str, Any]:
        if self.version == 1:
            return body
        return report_v3(Report(body, *_fields(report)))

    def _replay(self, report: Report) -> Iterator[PushEvent]:
        body = report.body
        group = body["status"]["groupId"]
        final = group not in _OPEN_GROUPS
        if group in _ROUTED_GROUPS and self.intermediate:
            error = body["error"] if body["error"]["id"] == 0 else NO_ERROR
            # Pending since it was sent: the report is dated then and carries no error yet.
            pending = {**body, "doneAt": body["sentAt"], "status": dict(_WAITING)}
            pending["error"] = dict(error)
            yield self._event(report, 0, pending)
        if final or self.intermediate:
            yield self._event(report, 1, body)

    def _event(self, report: Report, step: int, body: dict[str, Any]) -> PushEvent:
        status = body["status"]["name"]
        return PushEvent(
            key=f"{report.message_id}:{step}:{status}",
            kind=status,
            at=parse_timestamp(body["doneAt"]),
            message_id=report.message_id,
            status=status,
            item=self._row(report, body),
        )


def _fields(report: Report) -> tuple[str, str | None, str | None, str | None, str | None]:
    """Return the send-time fields of ``report``, to render another body of its message."""
    return (
        report.message_id,
        report.bulk_id,
        report.application_id,
        report.entity_id,
        report.campaign_reference_id,
    )
