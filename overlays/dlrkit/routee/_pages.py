"""Auto-pagination over Routee's Spring Data pages (0-based ``page``, ``last`` on the last)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from dlrkit_routee_api.api.tracking import track_campaign_sms, track_sms
from dlrkit_routee_api.client import AuthenticatedClient
from dlrkit_routee_api.models import SmsTracking, SmsTrackingPage, TrackingFilter
from dlrkit_routee_api.types import UNSET

from dlrkit._constants import DEFAULT_MAX_PAGES
from dlrkit._pagination import AsyncPager, Params, SyncPager
from dlrkit.routee._errors import acall, call
from dlrkit.routee._params import (
    Filter,
    check_flag,
    check_id,
    check_page,
    check_size,
    check_text,
    check_window,
    filter_models,
)

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "aiter_campaign_tracking",
    "aiter_sms_tracking",
    "iter_campaign_tracking",
    "iter_sms_tracking",
]

# Larger than the API's default of 20: fewer round trips, still small pages.
DEFAULT_PAGE_SIZE = 100


class _SpringPages:
    """Ask for ``page + 1`` until a page says ``last`` (the pager stops at an empty page)."""

    def items(self, page: SmsTrackingPage) -> Sequence[SmsTracking]:
        return page.content

    def next_params(self, page: SmsTrackingPage, params: Params) -> Params | None:
        if page.last:
            return None
        return {**params, "page": params["page"] + 1}


def _tracking_params(
    date_start: datetime,
    date_end: datetime,
    filters: Iterable[Filter | TrackingFilter],
    sort: str | None,
    tracking_id: str | None,
    campaign: bool | None,
    size: int,
    page: int,
) -> Params:
    start, end = check_window(date_start, date_end)
    return {
        # Always a JSON array, [] for none, as Routee's SDKs send it.
        "body": filter_models(filters),
        "date_start": start,
        "date_end": end,
        "page": check_page(page),
        "size": check_size(size),
        "sort": UNSET if check_text("sort", sort) is None else sort,
        "tracking_id": UNSET if check_text("tracking_id", tracking_id) is None else tracking_id,
        "campaign": UNSET if check_flag("campaign", campaign) is None else campaign,
    }


def iter_sms_tracking(
    client: AuthenticatedClient,
    *,
    date_start: datetime,
    date_end: datetime,
    filters: Iterable[Filter | TrackingFilter] = (),
    sort: str | None = None,
    tracking_id: str | None = None,
    campaign: bool | None = None,
    size: int = DEFAULT_PAGE_SIZE,
    page: int = 0,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> SyncPager[SmsTrackingPage, SmsTracking]:
    """Every SMS part tracked between ``date_start`` and ``date_end`` (``POST /sms/tracking``).

    Dates are timezone-aware datetimes (Routee accepts only the latest 7 days; the server
    decides). ``filters`` must all match (`Filter`), ``sort`` names a tracking field,
    ``tracking_id`` keeps one campaign's messages and ``campaign=True`` only campaign
    messages. ``size`` items per request (1-2000), starting at 0-based ``page``. Arguments
    are checked now; requests start at the first iteration.
    """
    params = _tracking_params(
        date_start, date_end, filters, sort, tracking_id, campaign, size, page
    )

    def fetch(params: Params) -> SmsTrackingPage:
        return call(track_sms.sync_detailed, SmsTrackingPage, client=client, **params)

    return SyncPager(fetch, _SpringPages(), params, max_pages=max_pages)


def aiter_sms_tracking(
    client: AuthenticatedClient,
    *,
    date_start: datetime,
    date_end: datetime,
    filters: Iterable[Filter | TrackingFilter] = (),
    sort: str | None = None,
    tracking_id: str | None = None,
    campaign: bool | None = None,
    size: int = DEFAULT_PAGE_SIZE,
    page: int = 0,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncPager[SmsTrackingPage, SmsTracking]:
    """Iterate like `iter_sms_tracking`, with ``async for``."""
    params = _tracking_params(
        date_start, date_end, filters, sort, tracking_id, campaign, size, page
    )

    async def fetch(params: Params) -> SmsTrackingPage:
        return await acall(track_sms.asyncio_detailed, SmsTrackingPage, client=client, **params)

    return AsyncPager(fetch, _SpringPages(), params, max_pages=max_pages)


def iter_campaign_tracking(
    client: AuthenticatedClient,
    campaign_tracking_id: str,
    *,
    size: int = DEFAULT_PAGE_SIZE,
    page: int = 0,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> SyncPager[SmsTrackingPage, SmsTracking]:
    """Every SMS part of one campaign (``GET /sms/tracking/campaign/{campaignTrackingId}``).

    ``size`` items per request (1-2000), starting at 0-based ``page``.
    """
    tracking_id = check_id("campaign_tracking_id", campaign_tracking_id)
    params = {"page": check_page(page), "size": check_size(size)}

    def fetch(params: Params) -> SmsTrackingPage:
        return call(
            track_campaign_sms.sync_detailed, SmsTrackingPage, tracking_id, client=client, **params
        )

    return SyncPager(fetch, _SpringPages(), params, max_pages=max_pages)


def aiter_campaign_tracking(
    client: AuthenticatedClient,
    campaign_tracking_id: str,
    *,
    size: int = DEFAULT_PAGE_SIZE,
    page: int = 0,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncPager[SmsTrackingPage, SmsTracking]:
    """Iterate like `iter_campaign_tracking`, with ``async for``."""
    tracking_id = check_id("campaign_tracking_id", campaign_tracking_id)
    params = {"page": check_page(page), "size": check_size(size)}

    async def fetch(params: Params) -> SmsTrackingPage:
        return await acall(
            track_campaign_sms.asyncio_detailed,
            SmsTrackingPage,
            tracking_id,
            client=client,
            **params,
        )

    return AsyncPager(fetch, _SpringPages(), params, max_pages=max_pages)
