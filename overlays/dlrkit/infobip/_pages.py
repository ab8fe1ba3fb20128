"""`iter_delivery_reports` / `aiter_delivery_reports`: drain the one-time report queue.

``GET /sms/1/reports`` (``version=1``, the default) and ``GET /sms/3/reports``
(``version=3``, v3 field names) hand each report out once, so there is no page number: the
same request is repeated until a batch comes back empty (the core pager's ``drain=True``).
Infobip does not say whether the two versions share one queue; assume they do and read
only one of them per account.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Literal, Protocol, TypeVar, overload

from dlrkit_infobip_api.api.delivery_reports import (
    get_sms_delivery_reports,
    get_sms_delivery_reports_v3,
)
from dlrkit_infobip_api.client import AuthenticatedClient
from dlrkit_infobip_api.models import (
    SmsReport,
    SmsReportsResponse,
    SmsReportsV3Response,
    SmsReportV3,
)

from dlrkit._constants import DEFAULT_MAX_PAGES
from dlrkit._errors import InvalidFieldError
from dlrkit._pagination import AsyncPager, Params, SyncPager
from dlrkit.infobip._errors import CALLER

MAX_LIMIT = 1000
_ItemT = TypeVar("_ItemT")
_PLATFORM_ID_MAX = 255  # applicationId and entityId, per the v3 reports docs


class _Batch(Protocol[_ItemT]):
    """A drain batch: v1's `SmsReportsResponse` or v3's `SmsReportsV3Response`."""

    results: list[_ItemT]


_PageT = TypeVar("_PageT", bound=_Batch[Any])


class _Drain(Generic[_PageT, _ItemT]):
    """Ask again, unchanged; the pager stops at the first empty batch (v1 and v3 alike)."""

    def items(self, page: _PageT) -> Sequence[_ItemT]:
        results: list[_ItemT] = page.results
        return results

    def next_params(self, page: _PageT, params: Params) -> Params | None:
        return params


def _version(value: object) -> Literal[1, 3]:
    if value == 1 and type(value) is int:
        return 1
    if value == 3 and type(value) is int:
        return 3
    raise InvalidFieldError("version", value, "must be 1 (/sms/1/reports) or 3 (/sms/3/reports)")


def _params(
    bulk_id: str | None,
    message_id: str | None,
    limit: int,
    application_id: str | None,
    entity_id: str | None,
    campaign_reference_id: str | None,
) -> dict[str, Any]:
    if type(limit) is not int or not 1 <= limit <= MAX_LIMIT:
        raise InvalidFieldError("limit", limit, f"must be an int from 1 to {MAX_LIMIT}")
    params: dict[str, Any] = {"limit": limit}
    filters: tuple[tuple[str, object, int | None], ...] = (
        ("bulk_id", bulk_id, None),
        ("message_id", message_id, None),
        ("application_id", application_id, _PLATFORM_ID_MAX),
        ("entity_id", entity_id, _PLATFORM_ID_MAX),
        ("campaign_reference_id", campaign_reference_id, None),
    )
    for name, value, longest in filters:
        if value is None:
            continue
        if not isinstance(value, str) or not value:
            raise InvalidFieldError(name, value, "must be a non-empty string")
        if longest is not None and len(value) > longest:
            raise InvalidFieldError(name, value, f"must be at most {longest} characters")
        params[name] = value
    return params


@overload
def iter_delivery_reports(
    client: AuthenticatedClient,
    *,
    bulk_id: str | None = None,
    message_id: str | None = None,
    limit: int = MAX_LIMIT,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    version: Literal[1] = 1,
) -> SyncPager[SmsReportsResponse, SmsReport]: ...
@overload
def iter_delivery_reports(
    client: AuthenticatedClient,
    *,
    bulk_id: str | None = None,
    message_id: str | None = None,
    limit: int = MAX_LIMIT,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    version: Literal[3],
) -> SyncPager[SmsReportsV3Response, SmsReportV3]: ...
def iter_delivery_reports(
    client: AuthenticatedClient,
    *,
    bulk_id: str | None = None,
    message_id: str | None = None,
    limit: int = MAX_LIMIT,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    version: Literal[1, 3] = 1,
) -> SyncPager[SmsReportsResponse, SmsReport] | SyncPager[SmsReportsV3Response, SmsReportV3]:
    """Yield every pending delivery report (``GET /sms/1/reports``), batch after batch.

    WARNING: reading consumes. Infobip returns each report only once (and only for 48
    hours), so reports this iterator yields are gone from the API: keep them, and don't
    iterate the same pager twice expecting the same items. Each batch asks for up to
    ``limit`` (1-1000) reports; iteration stops at the first empty batch.

    Filters: ``bulk_id``, ``message_id``, ``application_id``, ``entity_id``,
    ``campaign_reference_id``. ``version=3`` reads ``/sms/3/reports`` and yields
    `SmsReportV3` rows (``sender``, ``messageCount``, ``platform``). ``.iter_pages()``
    yields each batch. Bad arguments raise `InvalidFieldError` before any request. To look
    at messages without consuming anything, use `iter_logs`.
    """
    params = _params(bulk_id, message_id, limit, application_id, entity_id, campaign_reference_id)
    if _version(version) == 3:

        def fetch_v3(params: Params) -> SmsReportsV3Response:
            return CALLER.call(
                get_sms_delivery_reports_v3.sync_detailed,
                SmsReportsV3Response,
                client=client,
                **params,
            )

        return SyncPager(
            fetch_v3,
            _Drain[SmsReportsV3Response, SmsReportV3](),
            params,
            max_pages=max_pages,
            drain=True,
        )

    def fetch(params: Params) -> SmsReportsResponse:
        return CALLER.call(
            get_sms_delivery_reports.sync_detailed,
            SmsReportsResponse,
            client=client,
            **params,
        )

    return SyncPager(
        fetch, _Drain[SmsReportsResponse, SmsReport](), params, max_pages=max_pages, drain=True
    )


@overload
def aiter_delivery_reports(
    client: AuthenticatedClient,
    *,
    bulk_id: str | None = None,
    message_id: str | None = None,
    limit: int = MAX_LIMIT,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    version: Literal[1] = 1,
) -> AsyncPager[SmsReportsResponse, SmsReport]: ...
@overload
def aiter_delivery_reports(
    client: AuthenticatedClient,
    *,
    bulk_id: str | None = None,
    message_id: str | None = None,
    limit: int = MAX_LIMIT,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    version: Literal[3],
) -> AsyncPager[SmsReportsV3Response, SmsReportV3]: ...
def aiter_delivery_reports(
    client: AuthenticatedClient,
    *,
    bulk_id: str | None = None,
    message_id: str | None = None,
    limit: int = MAX_LIMIT,
    application_id: str | None = None,
    entity_id: str | None = None,
    campaign_reference_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    version: Literal[1, 3] = 1,
) -> AsyncPager[SmsReportsResponse, SmsReport] | AsyncPager[SmsReportsV3Response, SmsReportV3]:
    """Return the async twin of `iter_delivery_reports`; reading consumes reports the same way."""
    params = _params(bulk_id, message_id, limit, application_id, entity_id, campaign_reference_id)
    if _version(version) == 3:

        async def fetch_v3(params: Params) -> SmsReportsV3Response:
            return await CALLER.acall(
                get_sms_delivery_reports_v3.asyncio_detailed,
                SmsReportsV3Response,
                client=client,
                **params,
            )

        return AsyncPager(
            fetch_v3,
            _Drain[SmsReportsV3Response, SmsReportV3](),
            params,
            max_pages=max_pages,
            drain=True,
        )

    async def fetch(params: Params) -> SmsReportsResponse:
        return await CALLER.acall(
            get_sms_delivery_reports.asyncio_detailed,
            SmsReportsResponse,
            client=client,
            **params,
        )

    return AsyncPager(
        fetch, _Drain[SmsReportsResponse, SmsReport](), params, max_pages=max_pages, drain=True
    )
