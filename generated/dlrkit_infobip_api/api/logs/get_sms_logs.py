import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.known_sms_status_group_name import KnownSmsStatusGroupName
from ...models.sms_api_error_v3 import SmsApiErrorV3
from ...models.sms_logs_v3_response import SmsLogsV3Response
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    destination: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
    use_cursor: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["mcc"] = mcc

    params["mnc"] = mnc

    params["sender"] = sender

    params["destination"] = destination

    json_bulk_id: list[str] | Unset = UNSET
    if not isinstance(bulk_id, Unset):
        json_bulk_id = bulk_id

    params["bulkId"] = json_bulk_id

    json_message_id: list[str] | Unset = UNSET
    if not isinstance(message_id, Unset):
        json_message_id = message_id

    params["messageId"] = json_message_id

    json_general_status: str | Unset = UNSET
    if not isinstance(general_status, Unset):
        json_general_status = general_status.value

    params["generalStatus"] = json_general_status

    json_sent_since: str | Unset = UNSET
    if not isinstance(sent_since, Unset):
        json_sent_since = sent_since.isoformat()
    params["sentSince"] = json_sent_since

    json_sent_until: str | Unset = UNSET
    if not isinstance(sent_until, Unset):
        json_sent_until = sent_until.isoformat()
    params["sentUntil"] = json_sent_until

    params["limit"] = limit

    params["entityId"] = entity_id

    params["applicationId"] = application_id

    json_campaign_reference_id: list[str] | Unset = UNSET
    if not isinstance(campaign_reference_id, Unset):
        json_campaign_reference_id = campaign_reference_id

    params["campaignReferenceId"] = json_campaign_reference_id

    params["useCursor"] = use_cursor

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms/3/logs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SmsApiErrorV3 | SmsLogsV3Response | None:
    if response.status_code == 200:
        response_200 = SmsLogsV3Response.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = SmsApiErrorV3.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = SmsApiErrorV3.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = SmsApiErrorV3.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = SmsApiErrorV3.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = SmsApiErrorV3.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SmsApiErrorV3 | SmsLogsV3Response]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    destination: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
    use_cursor: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> Response[SmsApiErrorV3 | SmsLogsV3Response]:
    """Get outbound SMS message logs (v3)

     Returns the logs of sent messages: one row per message with its current status, price
    and content. Logs are **not consumed** by reading: the same query returns the same rows
    again and again while the messages are within the 48-hour retention window. Use logs to
    look at messages (a timeline, a user interface); use delivery reports to be told once
    about each status change.

    Without `limit` at most 50 rows are returned; the maximum is 1000. Rows come newest
    first (by `sentAt`). Infobip does not document the order; "if not set, the latest 50
    records are returned" implies it. The reference server also breaks ties by `messageId`.

    **Cursor paging**: send `useCursor=true` on the first request; the response then has a
    `cursor` object. While `cursor.nextCursor` is present, send it back as `cursor` (with the
    same filters and `useCursor=true`) for the next page; its absence means the last page.
    Without `useCursor` there is no `cursor` object and no way to page except narrowing
    the `sentSince`/`sentUntil` window.

    Rate limit: 120 requests a minute per account (`x-throttling-info`); more gets `429`.

    Doc gap: Infobip's spec documents no `400` for this operation; an invalid filter
    (e.g. `limit=5000`, `mnc` without `mcc`, a `cursor` that was never issued) must be
    refused somehow, and is answered here with the v3 `ApiError` shape and code `E400`,
    as the reference server does.

    Args:
        mcc (str | Unset):
        mnc (str | Unset):
        sender (str | Unset):
        destination (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (list[str] | Unset):
        use_cursor (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SmsApiErrorV3 | SmsLogsV3Response]
    """

    kwargs = _get_kwargs(
        mcc=mcc,
        mnc=mnc,
        sender=sender,
        destination=destination,
        bulk_id=bulk_id,
        message_id=message_id,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        limit=limit,
        entity_id=entity_id,
        application_id=application_id,
        campaign_reference_id=campaign_reference_id,
        use_cursor=use_cursor,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    destination: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
    use_cursor: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> SmsApiErrorV3 | SmsLogsV3Response | None:
    """Get outbound SMS message logs (v3)

     Returns the logs of sent messages: one row per message with its current status, price
    and content. Logs are **not consumed** by reading: the same query returns the same rows
    again and again while the messages are within the 48-hour retention window. Use logs to
    look at messages (a timeline, a user interface); use delivery reports to be told once
    about each status change.

    Without `limit` at most 50 rows are returned; the maximum is 1000. Rows come newest
    first (by `sentAt`). Infobip does not document the order; "if not set, the latest 50
    records are returned" implies it. The reference server also breaks ties by `messageId`.

    **Cursor paging**: send `useCursor=true` on the first request; the response then has a
    `cursor` object. While `cursor.nextCursor` is present, send it back as `cursor` (with the
    same filters and `useCursor=true`) for the next page; its absence means the last page.
    Without `useCursor` there is no `cursor` object and no way to page except narrowing
    the `sentSince`/`sentUntil` window.

    Rate limit: 120 requests a minute per account (`x-throttling-info`); more gets `429`.

    Doc gap: Infobip's spec documents no `400` for this operation; an invalid filter
    (e.g. `limit=5000`, `mnc` without `mcc`, a `cursor` that was never issued) must be
    refused somehow, and is answered here with the v3 `ApiError` shape and code `E400`,
    as the reference server does.

    Args:
        mcc (str | Unset):
        mnc (str | Unset):
        sender (str | Unset):
        destination (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (list[str] | Unset):
        use_cursor (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SmsApiErrorV3 | SmsLogsV3Response
    """

    return sync_detailed(
        client=client,
        mcc=mcc,
        mnc=mnc,
        sender=sender,
        destination=destination,
        bulk_id=bulk_id,
        message_id=message_id,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        limit=limit,
        entity_id=entity_id,
        application_id=application_id,
        campaign_reference_id=campaign_reference_id,
        use_cursor=use_cursor,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    destination: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
    use_cursor: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> Response[SmsApiErrorV3 | SmsLogsV3Response]:
    """Get outbound SMS message logs (v3)

     Returns the logs of sent messages: one row per message with its current status, price
    and content. Logs are **not consumed** by reading: the same query returns the same rows
    again and again while the messages are within the 48-hour retention window. Use logs to
    look at messages (a timeline, a user interface); use delivery reports to be told once
    about each status change.

    Without `limit` at most 50 rows are returned; the maximum is 1000. Rows come newest
    first (by `sentAt`). Infobip does not document the order; "if not set, the latest 50
    records are returned" implies it. The reference server also breaks ties by `messageId`.

    **Cursor paging**: send `useCursor=true` on the first request; the response then has a
    `cursor` object. While `cursor.nextCursor` is present, send it back as `cursor` (with the
    same filters and `useCursor=true`) for the next page; its absence means the last page.
    Without `useCursor` there is no `cursor` object and no way to page except narrowing
    the `sentSince`/`sentUntil` window.

    Rate limit: 120 requests a minute per account (`x-throttling-info`); more gets `429`.

    Doc gap: Infobip's spec documents no `400` for this operation; an invalid filter
    (e.g. `limit=5000`, `mnc` without `mcc`, a `cursor` that was never issued) must be
    refused somehow, and is answered here with the v3 `ApiError` shape and code `E400`,
    as the reference server does.

    Args:
        mcc (str | Unset):
        mnc (str | Unset):
        sender (str | Unset):
        destination (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (list[str] | Unset):
        use_cursor (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SmsApiErrorV3 | SmsLogsV3Response]
    """

    kwargs = _get_kwargs(
        mcc=mcc,
        mnc=mnc,
        sender=sender,
        destination=destination,
        bulk_id=bulk_id,
        message_id=message_id,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        limit=limit,
        entity_id=entity_id,
        application_id=application_id,
        campaign_reference_id=campaign_reference_id,
        use_cursor=use_cursor,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    destination: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
    use_cursor: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> SmsApiErrorV3 | SmsLogsV3Response | None:
    """Get outbound SMS message logs (v3)

     Returns the logs of sent messages: one row per message with its current status, price
    and content. Logs are **not consumed** by reading: the same query returns the same rows
    again and again while the messages are within the 48-hour retention window. Use logs to
    look at messages (a timeline, a user interface); use delivery reports to be told once
    about each status change.

    Without `limit` at most 50 rows are returned; the maximum is 1000. Rows come newest
    first (by `sentAt`). Infobip does not document the order; "if not set, the latest 50
    records are returned" implies it. The reference server also breaks ties by `messageId`.

    **Cursor paging**: send `useCursor=true` on the first request; the response then has a
    `cursor` object. While `cursor.nextCursor` is present, send it back as `cursor` (with the
    same filters and `useCursor=true`) for the next page; its absence means the last page.
    Without `useCursor` there is no `cursor` object and no way to page except narrowing
    the `sentSince`/`sentUntil` window.

    Rate limit: 120 requests a minute per account (`x-throttling-info`); more gets `429`.

    Doc gap: Infobip's spec documents no `400` for this operation; an invalid filter
    (e.g. `limit=5000`, `mnc` without `mcc`, a `cursor` that was never issued) must be
    refused somehow, and is answered here with the v3 `ApiError` shape and code `E400`,
    as the reference server does.

    Args:
        mcc (str | Unset):
        mnc (str | Unset):
        sender (str | Unset):
        destination (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (list[str] | Unset):
        use_cursor (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SmsApiErrorV3 | SmsLogsV3Response
    """

    return (
        await asyncio_detailed(
            client=client,
            mcc=mcc,
            mnc=mnc,
            sender=sender,
            destination=destination,
            bulk_id=bulk_id,
            message_id=message_id,
            general_status=general_status,
            sent_since=sent_since,
            sent_until=sent_until,
            limit=limit,
            entity_id=entity_id,
            application_id=application_id,
            campaign_reference_id=campaign_reference_id,
            use_cursor=use_cursor,
            cursor=cursor,
        )
    ).parsed
