from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.sms_api_error_v3 import SmsApiErrorV3
from ...models.sms_reports_v3_response import SmsReportsV3Response
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bulkId"] = bulk_id

    params["messageId"] = message_id

    params["limit"] = limit

    params["entityId"] = entity_id

    params["applicationId"] = application_id

    params["campaignReferenceId"] = campaign_reference_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms/3/reports",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SmsApiErrorV3 | SmsReportsV3Response | None:
    if response.status_code == 200:
        response_200 = SmsReportsV3Response.from_dict(response.json())

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
) -> Response[SmsApiErrorV3 | SmsReportsV3Response]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> Response[SmsApiErrorV3 | SmsReportsV3Response]:
    """Get outbound SMS delivery reports (v3)

     The v3 twin of `GET /sms/1/reports`, with the v3 field names. Each report is returned
    **only once**: a request returns reports that arrived since the last request, within
    the last 48 hours. If the message status changes again after retrieval, the next
    request returns a new report for the updated status. Without `limit` at most 50 are
    returned; the maximum is 1000.

    Which queue a read drains: Infobip does not say whether `/sms/1/reports` and
    `/sms/3/reports` share one queue. This spec (and the reference server) takes the
    cautious reading: an account has **one** report queue, and a report read through
    either version is gone from both. Never read both versions for one account.

    Doc gap: Infobip's spec documents only `200`, `401`, `403` and `500` here. `400` (an
    invalid `limit` or filter) and `429` (the general throttling of non-sending APIs)
    are listed too, with the v3 `ApiError` shape.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SmsApiErrorV3 | SmsReportsV3Response]
    """

    kwargs = _get_kwargs(
        bulk_id=bulk_id,
        message_id=message_id,
        limit=limit,
        entity_id=entity_id,
        application_id=application_id,
        campaign_reference_id=campaign_reference_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> SmsApiErrorV3 | SmsReportsV3Response | None:
    """Get outbound SMS delivery reports (v3)

     The v3 twin of `GET /sms/1/reports`, with the v3 field names. Each report is returned
    **only once**: a request returns reports that arrived since the last request, within
    the last 48 hours. If the message status changes again after retrieval, the next
    request returns a new report for the updated status. Without `limit` at most 50 are
    returned; the maximum is 1000.

    Which queue a read drains: Infobip does not say whether `/sms/1/reports` and
    `/sms/3/reports` share one queue. This spec (and the reference server) takes the
    cautious reading: an account has **one** report queue, and a report read through
    either version is gone from both. Never read both versions for one account.

    Doc gap: Infobip's spec documents only `200`, `401`, `403` and `500` here. `400` (an
    invalid `limit` or filter) and `429` (the general throttling of non-sending APIs)
    are listed too, with the v3 `ApiError` shape.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SmsApiErrorV3 | SmsReportsV3Response
    """

    return sync_detailed(
        client=client,
        bulk_id=bulk_id,
        message_id=message_id,
        limit=limit,
        entity_id=entity_id,
        application_id=application_id,
        campaign_reference_id=campaign_reference_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> Response[SmsApiErrorV3 | SmsReportsV3Response]:
    """Get outbound SMS delivery reports (v3)

     The v3 twin of `GET /sms/1/reports`, with the v3 field names. Each report is returned
    **only once**: a request returns reports that arrived since the last request, within
    the last 48 hours. If the message status changes again after retrieval, the next
    request returns a new report for the updated status. Without `limit` at most 50 are
    returned; the maximum is 1000.

    Which queue a read drains: Infobip does not say whether `/sms/1/reports` and
    `/sms/3/reports` share one queue. This spec (and the reference server) takes the
    cautious reading: an account has **one** report queue, and a report read through
    either version is gone from both. Never read both versions for one account.

    Doc gap: Infobip's spec documents only `200`, `401`, `403` and `500` here. `400` (an
    invalid `limit` or filter) and `429` (the general throttling of non-sending APIs)
    are listed too, with the v3 `ApiError` shape.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SmsApiErrorV3 | SmsReportsV3Response]
    """

    kwargs = _get_kwargs(
        bulk_id=bulk_id,
        message_id=message_id,
        limit=limit,
        entity_id=entity_id,
        application_id=application_id,
        campaign_reference_id=campaign_reference_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    entity_id: str | Unset = UNSET,
    application_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> SmsApiErrorV3 | SmsReportsV3Response | None:
    """Get outbound SMS delivery reports (v3)

     The v3 twin of `GET /sms/1/reports`, with the v3 field names. Each report is returned
    **only once**: a request returns reports that arrived since the last request, within
    the last 48 hours. If the message status changes again after retrieval, the next
    request returns a new report for the updated status. Without `limit` at most 50 are
    returned; the maximum is 1000.

    Which queue a read drains: Infobip does not say whether `/sms/1/reports` and
    `/sms/3/reports` share one queue. This spec (and the reference server) takes the
    cautious reading: an account has **one** report queue, and a report read through
    either version is gone from both. Never read both versions for one account.

    Doc gap: Infobip's spec documents only `200`, `401`, `403` and `500` here. `400` (an
    invalid `limit` or filter) and `429` (the general throttling of non-sending APIs)
    are listed too, with the v3 `ApiError` shape.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        entity_id (str | Unset):
        application_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SmsApiErrorV3 | SmsReportsV3Response
    """

    return (
        await asyncio_detailed(
            client=client,
            bulk_id=bulk_id,
            message_id=message_id,
            limit=limit,
            entity_id=entity_id,
            application_id=application_id,
            campaign_reference_id=campaign_reference_id,
        )
    ).parsed
