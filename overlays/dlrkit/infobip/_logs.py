"""`iter_logs` / `aiter_logs`: page through ``GET /sms/3/logs`` with Infobip's cursor.

Logs are not consumed by reading (unlike reports): the same query gives the same rows for
48 hours. The pager sends ``useCursor=true`` and follows ``cursor.nextCursor`` until a page
has none (the core pager's guards stop a cursor that never ends or repeats a page).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from dlrkit_infobip_api.api.logs import get_sms_logs
from dlrkit_infobip_api.client import AuthenticatedClient
from dlrkit_infobip_api.models import KnownSmsStatusGroupName, SmsLogsV3Response, SmsLogV3
from dlrkit_infobip_api.types import Unset

from dlrkit._constants import DEFAULT_MAX_PAGES
from dlrkit._errors import InvalidFieldError
from dlrkit._pagination import AsyncPager, Params, SyncPager
from dlrkit.infobip._errors import CALLER
from dlrkit.infobip._pages import MAX_LIMIT

_PLATFORM_ID_MAX = 255
_LIST_VALUE_MAX = 2048  # "Maximum length 2048 characters", per value
_MCC_DIGITS = (3,)
_MNC_DIGITS = (2, 3)


class _Cursor:
    """Follow ``cursor.nextCursor``; no cursor (or none next) means the last page."""

    def items(self, page: SmsLogsV3Response) -> Sequence[SmsLogV3]:
        return page.results

    def next_params(self, page: SmsLogsV3Response, params: Params) -> Params | None:
        cursor = page.cursor
        if isinstance(cursor, Unset) or isinstance(cursor.next_cursor, Unset):
            return None
        return {**params, "cursor": cursor.next_cursor}


def _ids(name: str, value: object) -> list[str] | None:
    """One id or several, as the list the generated client sends as repeated keys."""
    if value is None:
        return None
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, Iterable):
        raise InvalidFieldError(name, value, "must be a string or an iterable of strings")
    found: list[str] = []
    for item in values:
        if not isinstance(item, str) or not item:
            raise InvalidFieldError(name, item, "each value must be a non-empty string")
        if len(item) > _LIST_VALUE_MAX:
            raise InvalidFieldError(name, item, f"must be at most {_LIST_VALUE_MAX} characters")
        found.append(item)
    if not found:
        raise InvalidFieldError(name, value, "must name at least one id")
    return found


def _digits(name: str, value: object, lengths: tuple[int, ...]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        raise InvalidFieldError(name, value, "must be decimal digits")
    if len(value) not in lengths:
        raise InvalidFieldError(name, value, f"must have {' or '.join(map(str, lengths))} digits")
    return value


def _when(name: str, value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise InvalidFieldError(name, value, "must be a timezone-aware datetime")
    return value


def _text(name: str, value: object, longest: int | None = None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise InvalidFieldError(name, value, "must be a non-empty string")
    if longest is not None and len(value) > longest:
        raise InvalidFieldError(name, value, f"must be at most {longest} characters")
    return value


def _params(
    *,
    message_id: str | Iterable[str] | None,
    bulk_id: str | Iterable[str] | None,
    campaign_reference_id: str | Iterable[str] | None,
    sender: str | None,
    destination: str | None,
    general_status: str | None,
    sent_since: datetime | None,
    sent_until: datetime | None,
    mcc: str | None,
    mnc: str | None,
    application_id: str | None,
    entity_id: str | None,
    limit: int,
) -> dict[str, Any]:
    if type(limit) is not int or not 1 <= limit <= MAX_LIMIT:
        raise InvalidFieldError("limit", limit, f"must be an int from 1 to {MAX_LIMIT}")
    status: KnownSmsStatusGroupName | None = None
    if general_status is not None:
        try:
            status = KnownSmsStatusGroupName(general_status)
        except ValueError:
            known = ", ".join(s.value for s in KnownSmsStatusGroupName)
            raise InvalidFieldError(
                "general_status", general_status, f"must be one of {known}"
            ) from None
    checked_mnc = _digits("mnc", mnc, _MNC_DIGITS)
    checked_mcc = _digits("mcc", mcc, _MCC_DIGITS)
    if checked_mnc is not None and checked_mcc is None:
        raise InvalidFieldError("mnc", mnc, "needs mcc (Infobip requires the country code)")
    candidates: dict[str, Any] = {
        "message_id": _ids("message_id", message_id),
        "bulk_id": _ids("bulk_id", bulk_id),
        "campaign_reference_id": _ids("campaign_reference_id", campaign_reference_id),
        "sender": _text("sender", sender),
        "destination": _text("destination", destination),
        "general_status": status,
        "sent_since": _when("sent_since", sent_since),
        "sent_until": _when("sent_until", sent_until),
        "mcc": checked_mcc,
        "mnc": checked_mnc,
        "application_id": _text("application_id", application_id, _PLATFORM_ID_MAX),
        "entity_id": _text("entity_id", entity_id, _PLATFORM_ID_MAX),
    }
    params = {key: value for key, value in candidates.items() if value is not None}
    return {**params, "limit": limit, "use_cursor": True}


def iter_logs(
    client: AuthenticatedClient,
    *,
    message_id: str | Iterable[str] | None = None,
    bulk_id: str | Iterable[str] | None = None,
    sender: str | None = None,
    destination: str | None = None,
    general_status: str | None = None,
    sent_since: datetime | None = None,
    sent_until: datetime | None = None,
    mcc: str | None = None,
    mnc: str | None = None,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | Iterable[str] | None = None,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> SyncPager[SmsLogsV3Response, SmsLogV3]:
    """Yield every message log matching the filters (``GET /sms/3/logs``), newest first.

    Reading consumes nothing: iterate again and you get the same rows (while the messages
    are within Infobip's 48-hour retention). Each page asks for up to ``limit`` (1-1000)
    rows; pages are chained with Infobip's cursor until it has no next one.

    Filters: ``message_id``, ``bulk_id``, ``campaign_reference_id`` (one id or several),
    ``sender``, ``destination`` (as in the rows: no ``+``), ``general_status``
    (``DELIVERED``, ``PENDING``...), ``sent_since`` <= ``sentAt`` < ``sent_until`` (aware
    datetimes), ``mcc`` and ``mnc`` (``mnc`` needs ``mcc``), ``application_id``,
    ``entity_id``. ``.iter_pages()`` yields each `SmsLogsV3Response`. Bad arguments raise
    `InvalidFieldError` before any request. Infobip throttles logs at 120 requests a minute.
    """
    params = _params(
        message_id=message_id,
        bulk_id=bulk_id,
        campaign_reference_id=campaign_reference_id,
        sender=sender,
        destination=destination,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        mcc=mcc,
        mnc=mnc,
        application_id=application_id,
        entity_id=entity_id,
        limit=limit,
    )

    def fetch(params: Params) -> SmsLogsV3Response:
        return CALLER.call(get_sms_logs.sync_detailed, SmsLogsV3Response, client=client, **params)

    return SyncPager(fetch, _Cursor(), params, max_pages=max_pages)


def aiter_logs(
    client: AuthenticatedClient,
    *,
    message_id: str | Iterable[str] | None = None,
    bulk_id: str | Iterable[str] | None = None,
    sender: str | None = None,
    destination: str | None = None,
    general_status: str | None = None,
    sent_since: datetime | None = None,
    sent_until: datetime | None = None,
    mcc: str | None = None,
    mnc: str | None = None,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | Iterable[str] | None = None,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncPager[SmsLogsV3Response, SmsLogV3]:
    """Return the async twin of `iter_logs` (same filters; reading consumes nothing)."""
    params = _params(
        message_id=message_id,
        bulk_id=bulk_id,
        campaign_reference_id=campaign_reference_id,
        sender=sender,
        destination=destination,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        mcc=mcc,
        mnc=mnc,
        application_id=application_id,
        entity_id=entity_id,
        limit=limit,
    )

    async def fetch(params: Params) -> SmsLogsV3Response:
        return await CALLER.acall(
            get_sms_logs.asyncio_detailed, SmsLogsV3Response, client=client, **params
        )

    return AsyncPager(fetch, _Cursor(), params, max_pages=max_pages)
