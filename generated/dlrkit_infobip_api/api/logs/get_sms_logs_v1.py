import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error_response import ApiErrorResponse
from ...models.known_sms_status_group_name import KnownSmsStatusGroupName
from ...models.sms_logs_v1_response import SmsLogsV1Response
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

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

    params["mcc"] = mcc

    params["mnc"] = mnc

    params["applicationId"] = application_id

    params["entityId"] = entity_id

    json_campaign_reference_id: list[str] | Unset = UNSET
    if not isinstance(campaign_reference_id, Unset):
        json_campaign_reference_id = campaign_reference_id

    params["campaignReferenceId"] = json_campaign_reference_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms/1/logs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiErrorResponse | SmsLogsV1Response | None:
    if response.status_code == 200:
        response_200 = SmsLogsV1Response.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ApiErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ApiErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ApiErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiErrorResponse | SmsLogsV1Response]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
) -> Response[ApiErrorResponse | SmsLogsV1Response]:
    """Get outbound SMS message logs (v1, deprecated)

     Deprecated by Infobip since 2024-05-16 in favour of `GET /sms/3/logs`; still specified
    because accounts use it. Same rows as v3 logs with the v1 field names: a v1 log row
    is a v1 report row plus `text` and without `callbackData`. Logs are **not consumed**:
    they can be read again and again for 48 hours. Without `limit` at most 50 rows are
    returned (newest first); the maximum is 1000. There is no cursor: to read more,
    narrow the `sentSince`/`sentUntil` window. Rate limit: 120 requests a minute; more
    gets `429`.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        mcc (str | Unset):
        mnc (str | Unset):
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | SmsLogsV1Response]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        bulk_id=bulk_id,
        message_id=message_id,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        limit=limit,
        mcc=mcc,
        mnc=mnc,
        application_id=application_id,
        entity_id=entity_id,
        campaign_reference_id=campaign_reference_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
) -> ApiErrorResponse | SmsLogsV1Response | None:
    """Get outbound SMS message logs (v1, deprecated)

     Deprecated by Infobip since 2024-05-16 in favour of `GET /sms/3/logs`; still specified
    because accounts use it. Same rows as v3 logs with the v1 field names: a v1 log row
    is a v1 report row plus `text` and without `callbackData`. Logs are **not consumed**:
    they can be read again and again for 48 hours. Without `limit` at most 50 rows are
    returned (newest first); the maximum is 1000. There is no cursor: to read more,
    narrow the `sentSince`/`sentUntil` window. Rate limit: 120 requests a minute; more
    gets `429`.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        mcc (str | Unset):
        mnc (str | Unset):
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | SmsLogsV1Response
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        bulk_id=bulk_id,
        message_id=message_id,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        limit=limit,
        mcc=mcc,
        mnc=mnc,
        application_id=application_id,
        entity_id=entity_id,
        campaign_reference_id=campaign_reference_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
) -> Response[ApiErrorResponse | SmsLogsV1Response]:
    """Get outbound SMS message logs (v1, deprecated)

     Deprecated by Infobip since 2024-05-16 in favour of `GET /sms/3/logs`; still specified
    because accounts use it. Same rows as v3 logs with the v1 field names: a v1 log row
    is a v1 report row plus `text` and without `callbackData`. Logs are **not consumed**:
    they can be read again and again for 48 hours. Without `limit` at most 50 rows are
    returned (newest first); the maximum is 1000. There is no cursor: to read more,
    narrow the `sentSince`/`sentUntil` window. Rate limit: 120 requests a minute; more
    gets `429`.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        mcc (str | Unset):
        mnc (str | Unset):
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | SmsLogsV1Response]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        bulk_id=bulk_id,
        message_id=message_id,
        general_status=general_status,
        sent_since=sent_since,
        sent_until=sent_until,
        limit=limit,
        mcc=mcc,
        mnc=mnc,
        application_id=application_id,
        entity_id=entity_id,
        campaign_reference_id=campaign_reference_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    bulk_id: list[str] | Unset = UNSET,
    message_id: list[str] | Unset = UNSET,
    general_status: KnownSmsStatusGroupName | Unset = UNSET,
    sent_since: datetime.datetime | Unset = UNSET,
    sent_until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    mcc: str | Unset = UNSET,
    mnc: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: list[str] | Unset = UNSET,
) -> ApiErrorResponse | SmsLogsV1Response | None:
    """Get outbound SMS message logs (v1, deprecated)

     Deprecated by Infobip since 2024-05-16 in favour of `GET /sms/3/logs`; still specified
    because accounts use it. Same rows as v3 logs with the v1 field names: a v1 log row
    is a v1 report row plus `text` and without `callbackData`. Logs are **not consumed**:
    they can be read again and again for 48 hours. Without `limit` at most 50 rows are
    returned (newest first); the maximum is 1000. There is no cursor: to read more,
    narrow the `sentSince`/`sentUntil` window. Rate limit: 120 requests a minute; more
    gets `429`.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        bulk_id (list[str] | Unset):
        message_id (list[str] | Unset):
        general_status (KnownSmsStatusGroupName | Unset): Status group names documented by
            Infobip.
        sent_since (datetime.datetime | Unset):
        sent_until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        mcc (str | Unset):
        mnc (str | Unset):
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | SmsLogsV1Response
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            bulk_id=bulk_id,
            message_id=message_id,
            general_status=general_status,
            sent_since=sent_since,
            sent_until=sent_until,
            limit=limit,
            mcc=mcc,
            mnc=mnc,
            application_id=application_id,
            entity_id=entity_id,
            campaign_reference_id=campaign_reference_id,
        )
    ).parsed
