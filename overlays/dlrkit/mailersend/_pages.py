"""Auto-pagination over MailerSend's four listings, sync and async.

All four pages carry ``links.next``: null on the last page. The next request is built from
the page number, not from that link, because MailerSend's links drop every filter and the
page size (``?page=2`` only).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Generic, Protocol, TypeAlias, TypeVar

from dlrkit_mailersend_api.api.sms_activity import list_sms_activity
from dlrkit_mailersend_api.api.sms_messages import list_sms_messages
from dlrkit_mailersend_api.api.sms_recipients import list_sms_recipients
from dlrkit_mailersend_api.api.sms_webhooks import list_sms_webhooks
from dlrkit_mailersend_api.client import AuthenticatedClient
from dlrkit_mailersend_api.models.known_sms_activity_status import KnownSmsActivityStatus
from dlrkit_mailersend_api.models.known_sms_recipient_status import KnownSmsRecipientStatus
from dlrkit_mailersend_api.models.sms_activity import SmsActivity
from dlrkit_mailersend_api.models.sms_activity_list import SmsActivityList
from dlrkit_mailersend_api.models.sms_message_list import SmsMessageList
from dlrkit_mailersend_api.models.sms_message_summary import SmsMessageSummary
from dlrkit_mailersend_api.models.sms_recipient import SmsRecipient
from dlrkit_mailersend_api.models.sms_recipient_list import SmsRecipientList
from dlrkit_mailersend_api.models.sms_webhook import SmsWebhook
from dlrkit_mailersend_api.models.sms_webhook_list import SmsWebhookList

from dlrkit._constants import DEFAULT_MAX_PAGES
from dlrkit._pagination import AsyncPager, Params, SyncPager
from dlrkit.mailersend._errors import CALLER
from dlrkit.mailersend._params import (
    MAX_LIMIT,
    activity_statuses,
    check_limit,
    check_text,
    date_range,
    recipient_status,
)

__all__ = [
    "aiter_sms_activity",
    "aiter_sms_messages",
    "aiter_sms_recipients",
    "aiter_sms_webhooks",
    "iter_sms_activity",
    "iter_sms_messages",
    "iter_sms_recipients",
    "iter_sms_webhooks",
]

ItemT = TypeVar("ItemT")
ItemT_co = TypeVar("ItemT_co", covariant=True)
ActivityStatus: TypeAlias = KnownSmsActivityStatus | str


class _Links(Protocol):
    @property
    def next_(self) -> str | None: ...


class _Page(Protocol[ItemT_co]):
    @property
    def data(self) -> Sequence[ItemT_co]: ...
    @property
    def links(self) -> _Links: ...


class _FollowNext(Generic[ItemT]):
    """Ask for ``page + 1`` until ``links.next`` is null."""

    def items(self, page: _Page[ItemT]) -> Sequence[ItemT]:
        return page.data

    def next_params(self, page: _Page[ItemT], params: Params) -> Params | None:
        if page.links.next_ is None:
            return None
        return {**params, "page": int(params["page"]) + 1}


def _start(limit: object, **filters: Any) -> dict[str, Any]:
    kept = {key: value for key, value in filters.items() if value is not None}
    return {"page": 1, "limit": check_limit(limit), **kept}


def _number_id(value: object) -> str | None:
    return None if value is None else check_text(value, field="sms_number_id")


def _activity_params(
    sms_number_id: object, date_from: object, date_to: object, status: object, limit: object
) -> dict[str, Any]:
    return _start(
        limit,
        sms_number_id=_number_id(sms_number_id),
        status=None if status is None else activity_statuses(status),
        **date_range(date_from, date_to),
    )


def _recipient_params(sms_number_id: object, status: object, limit: object) -> dict[str, Any]:
    return _start(
        limit,
        sms_number_id=_number_id(sms_number_id),
        status=None if status is None else recipient_status(status),
    )


def iter_sms_activity(
    client: AuthenticatedClient,
    *,
    sms_number_id: str | None = None,
    date_from: datetime | int | None = None,
    date_to: datetime | int | None = None,
    status: ActivityStatus | Iterable[ActivityStatus] | None = None,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> SyncPager[SmsActivityList, SmsActivity]:
    """Every SMS activity row (``GET /sms-activity``) matching the filters, fetched lazily.

    ``date_from`` / ``date_to``: aware datetimes or Unix seconds. ``status``: one status or
    several (sent as repeated ``status[]``). ``limit``: rows per request, 10-100. Bad
    arguments raise `InvalidFieldError` here, before any request; API failures raise the
    typed errors of `dlrkit` while iterating.
    """
    params = _activity_params(sms_number_id, date_from, date_to, status, limit)

    def fetch(page: Params) -> SmsActivityList:
        return CALLER.call(list_sms_activity.sync_detailed, SmsActivityList, client=client, **page)

    return SyncPager(fetch, _FollowNext[SmsActivity](), params, max_pages=max_pages)


def aiter_sms_activity(
    client: AuthenticatedClient,
    *,
    sms_number_id: str | None = None,
    date_from: datetime | int | None = None,
    date_to: datetime | int | None = None,
    status: ActivityStatus | Iterable[ActivityStatus] | None = None,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncPager[SmsActivityList, SmsActivity]:
    """Return the async twin of `iter_sms_activity`, for ``async for row in ...``."""
    params = _activity_params(sms_number_id, date_from, date_to, status, limit)

    async def fetch(page: Params) -> SmsActivityList:
        return await CALLER.acall(
            list_sms_activity.asyncio_detailed, SmsActivityList, client=client, **page
        )

    return AsyncPager(fetch, _FollowNext[SmsActivity](), params, max_pages=max_pages)


def iter_sms_recipients(
    client: AuthenticatedClient,
    *,
    sms_number_id: str | None = None,
    status: KnownSmsRecipientStatus | str | None = None,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> SyncPager[SmsRecipientList, SmsRecipient]:
    """Every SMS recipient (``GET /sms-recipients``), optionally of one number or status.

    ``status`` is ``"active"`` or ``"opt_out"``; ``limit`` is 10-100 per request.
    """
    params = _recipient_params(sms_number_id, status, limit)

    def fetch(page: Params) -> SmsRecipientList:
        return CALLER.call(
            list_sms_recipients.sync_detailed, SmsRecipientList, client=client, **page
        )

    return SyncPager(fetch, _FollowNext[SmsRecipient](), params, max_pages=max_pages)


def aiter_sms_recipients(
    client: AuthenticatedClient,
    *,
    sms_number_id: str | None = None,
    status: KnownSmsRecipientStatus | str | None = None,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncPager[SmsRecipientList, SmsRecipient]:
    """Do what `iter_sms_recipients` does, asynchronously."""
    params = _recipient_params(sms_number_id, status, limit)

    async def fetch(page: Params) -> SmsRecipientList:
        return await CALLER.acall(
            list_sms_recipients.asyncio_detailed, SmsRecipientList, client=client, **page
        )

    return AsyncPager(fetch, _FollowNext[SmsRecipient](), params, max_pages=max_pages)


def iter_sms_messages(
    client: AuthenticatedClient, *, limit: int = MAX_LIMIT, max_pages: int = DEFAULT_MAX_PAGES
) -> SyncPager[SmsMessageList, SmsMessageSummary]:
    """Every SMS message (``GET /sms-messages``), newest first; ``limit`` is 10-100."""
    params = _start(limit)

    def fetch(page: Params) -> SmsMessageList:
        return CALLER.call(list_sms_messages.sync_detailed, SmsMessageList, client=client, **page)

    return SyncPager(fetch, _FollowNext[SmsMessageSummary](), params, max_pages=max_pages)


def aiter_sms_messages(
    client: AuthenticatedClient, *, limit: int = MAX_LIMIT, max_pages: int = DEFAULT_MAX_PAGES
) -> AsyncPager[SmsMessageList, SmsMessageSummary]:
    """Do what `iter_sms_messages` does, asynchronously."""
    params = _start(limit)

    async def fetch(page: Params) -> SmsMessageList:
        return await CALLER.acall(
            list_sms_messages.asyncio_detailed, SmsMessageList, client=client, **page
        )

    return AsyncPager(fetch, _FollowNext[SmsMessageSummary](), params, max_pages=max_pages)


def _webhook_params(sms_number_id: object, limit: object) -> dict[str, Any]:
    return _start(limit, sms_number_id=check_text(sms_number_id, field="sms_number_id"))


def iter_sms_webhooks(
    client: AuthenticatedClient,
    sms_number_id: str,
    *,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> SyncPager[SmsWebhookList, SmsWebhook]:
    """Every SMS webhook of one sending number (``GET /sms-webhooks``); ``limit`` is 10-100.

    The number is required (webhooks belong to a number); one the account does not have
    raises `UnprocessableEntityError` (``#MS42209``) on the first page.
    """
    params = _webhook_params(sms_number_id, limit)

    def fetch(page: Params) -> SmsWebhookList:
        return CALLER.call(list_sms_webhooks.sync_detailed, SmsWebhookList, client=client, **page)

    return SyncPager(fetch, _FollowNext[SmsWebhook](), params, max_pages=max_pages)


def aiter_sms_webhooks(
    client: AuthenticatedClient,
    sms_number_id: str,
    *,
    limit: int = MAX_LIMIT,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncPager[SmsWebhookList, SmsWebhook]:
    """Do what `iter_sms_webhooks` does, asynchronously."""
    params = _webhook_params(sms_number_id, limit)

    async def fetch(page: Params) -> SmsWebhookList:
        return await CALLER.acall(
            list_sms_webhooks.asyncio_detailed, SmsWebhookList, client=client, **page
        )

    return AsyncPager(fetch, _FollowNext[SmsWebhook](), params, max_pages=max_pages)
