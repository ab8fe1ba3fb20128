"""Message logs: every message of the last 48 hours, newest first, read without consuming.

The logs are a view over the same reports the drain-once queue hands out (see ``_data``):
reading them changes nothing, so the same query gives the same rows until messages age out
of the retention window or new ones arrive.

Order: ``sentAt`` descending, ties by ``messageId`` descending. A cursor is the position of
the last row of a page (its ``sentAt`` and ``messageId``) plus a fingerprint of the filters,
so the next page starts right after that row. Each row of a traversal is visited exactly once
even while new messages arrive (they sort before the start and are not visited), and a cursor
sent with other filters is refused instead of silently paging a different query.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from dlrkit_servers.infobip._data import Report, ReportStore, parse_timestamp

__all__ = ["RETENTION", "LogFilters", "LogIndex", "LogPage", "decode_cursor"]

#: How long Infobip keeps logs: "Available are the logs for the last 48 hours".
RETENTION = timedelta(hours=48)
_CURSOR_VERSION = 1

# (sentAt, messageId): the sort key of a row, ascending; pages walk it backwards.
_Key = tuple[datetime, str]
# (key, doneAt, report), parsed once per rebuild.
_Row = tuple[_Key, datetime, Report]


@dataclass(frozen=True, slots=True)
class LogFilters:
    """The filters of ``/sms/1/logs`` and ``/sms/3/logs``; ``None`` means not given.

    Sets match any of their values (the repeatable ``bulkId``, ``messageId`` and
    ``campaignReferenceId``); everything else is an exact, case-sensitive match.
    """

    sender: str | None = None
    destination: str | None = None
    bulk_ids: frozenset[str] | None = None
    message_ids: frozenset[str] | None = None
    campaign_reference_ids: frozenset[str] | None = None
    general_status: str | None = None
    sent_since: datetime | None = None
    sent_until: datetime | None = None
    mcc: str | None = None
    mnc: str | None = None
    application_id: str | None = None
    entity_id: str | None = None

    def fingerprint(self) -> str:
        """Return a short digest of the filters, bound into each cursor."""
        parts = [
            self.sender,
            self.destination,
            *(None if s is None else sorted(s) for s in self._sets()),
            self.general_status,
            None if self.sent_since is None else self.sent_since.isoformat(),
            None if self.sent_until is None else self.sent_until.isoformat(),
            self.mcc,
            self.mnc,
            self.application_id,
            self.entity_id,
        ]
        text = json.dumps(parts, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def _sets(self) -> tuple[frozenset[str] | None, ...]:
        return (self.bulk_ids, self.message_ids, self.campaign_reference_ids)

    def matches(self, report: Report, sent_at: datetime) -> bool:
        """Tell whether ``report`` (sent at ``sent_at``) satisfies every given filter."""
        body = report.body
        if self.sent_since is not None and sent_at < self.sent_since:
            return False
        if self.sent_until is not None and sent_at >= self.sent_until:
            return False
        singles = (
            (self.sender, body.get("from")),
            (self.destination, body.get("to")),
            (self.general_status, body["status"]["groupName"]),
            (self.application_id, report.application_id),
            (self.entity_id, report.entity_id),
        )
        if any(want is not None and want != have for want, have in singles):
            return False
        sets = (
            (self.bulk_ids, report.bulk_id),
            (self.message_ids, report.message_id),
            (self.campaign_reference_ids, report.campaign_reference_id),
        )
        if any(want is not None and have not in want for want, have in sets):
            return False
        if self.mcc is not None:
            network = str(body.get("mccMnc", ""))
            if not network.startswith(self.mcc):
                return False
            if self.mnc is not None and network[len(self.mcc) :] != self.mnc:
                return False
        return True


@dataclass(frozen=True, slots=True)
class LogPage:
    """One page of logs and, when more rows match, the cursor of the next page."""

    reports: list[Report]
    next_cursor: str | None


class CursorError(ValueError):
    """A cursor that this server did not issue for these filters."""


def encode_cursor(key: _Key, fingerprint: str) -> str:
    """Return the opaque ``nextCursor`` that resumes after the row ``key``."""
    payload = {"v": _CURSOR_VERSION, "t": key[0].isoformat(), "m": key[1], "f": fingerprint}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, fingerprint: str) -> _Key:
    """Return the position a cursor resumes after; `CursorError` for a foreign or altered cursor."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        ok = isinstance(payload, dict) and payload.get("v") == _CURSOR_VERSION
        when = datetime.fromisoformat(payload["t"]) if ok else None
        message_id = payload["m"] if ok else None
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise CursorError("not a cursor this server issued") from None
    if when is None or when.tzinfo is None or not isinstance(message_id, str):
        raise CursorError("not a cursor this server issued")
    if payload.get("f") != fingerprint:
        raise CursorError("issued for other filters; send the filters of the first request")
    return when, message_id


class LogIndex:
    """Every report of a store sorted by ``(sentAt, messageId)``, rebuilt when reports arrive."""

    def __init__(self, store: ReportStore) -> None:
        self._store = store
        self._size = -1
        self._keys: list[_Key] = []
        self._rows: list[_Row] = []
        self._by_id: dict[str, _Row] = {}

    def _refresh(self) -> None:
        reports = self._store.reports
        if len(reports) == self._size:
            return
        rows = sorted(
            (
                (parse_timestamp(r.body["sentAt"]), r.message_id),
                parse_timestamp(r.body["doneAt"]),
                r,
            )
            for r in reports
        )
        self._keys = [key for key, _, _ in rows]
        self._rows = rows
        self._by_id = {row[2].message_id: row for row in rows}
        self._size = len(reports)

    def page(
        self,
        filters: LogFilters,
        limit: int,
        now: datetime,
        after: _Key | None = None,
        *,
        paged: bool = False,
    ) -> LogPage:
        """Up to ``limit`` matching rows newest first, after the cursor position ``after``.

        Only messages whose last status change (``doneAt``) is within `RETENTION` of ``now``
        are visible. With ``paged``, the page carries the cursor of the next page when
        another matching row exists.
        """
        self._refresh()
        oldest = now - RETENTION
        found: list[tuple[_Key, Report]] = []
        for key, done_at, report in self._candidates(filters, after):
            if done_at < oldest:
                continue
            if not filters.matches(report, key[0]):
                continue
            if len(found) == limit:
                last_key = found[-1][0]
                cursor = encode_cursor(last_key, filters.fingerprint()) if paged else None
                return LogPage([r for _, r in found], cursor)
            found.append((key, report))
        return LogPage([r for _, r in found], None)

    def _candidates(self, filters: LogFilters, after: _Key | None) -> Iterator[_Row]:
        if filters.message_ids is not None:
            # A handful of ids: look them up instead of scanning every row.
            hits = [self._by_id[m] for m in filters.message_ids if m in self._by_id]
            hits.sort(key=lambda hit: hit[0], reverse=True)
            return iter([hit for hit in hits if after is None or hit[0] < after])
        end = len(self._keys) if after is None else bisect.bisect_left(self._keys, after)
        rows = self._rows
        return (rows[i] for i in range(end - 1, -1, -1))
