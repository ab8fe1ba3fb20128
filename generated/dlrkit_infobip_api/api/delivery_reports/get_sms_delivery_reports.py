from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error_response import ApiErrorResponse
from ...models.sms_reports_response import SmsReportsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bulkId"] = bulk_id

    params["messageId"] = message_id

    params["limit"] = limit

    params["applicationId"] = application_id

    params["entityId"] = entity_id

    params["campaignReferenceId"] = campaign_reference_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms/1/reports",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiErrorResponse | SmsReportsResponse | None:
    if response.status_code == 200:
        response_200 = SmsReportsResponse.from_dict(response.json())

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
) -> Response[ApiErrorResponse | SmsReportsResponse]:
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
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> Response[ApiErrorResponse | SmsReportsResponse]:
    """Get outbound SMS delivery reports

     Returns a batch of delivery reports for sent SMS. Each report is returned **only once**:
    a request returns only reports that arrived since the last request, within the last
    48 hours, so a repeated identical call yields only newer reports (often none).
    Without `limit`, at most 50 reports are returned; the maximum is 1000. There is no
    other pagination and no date filter. The docs do not state the order of a batch;
    clients must not rely on one.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | SmsReportsResponse]
    """

    kwargs = _get_kwargs(
        bulk_id=bulk_id,
        message_id=message_id,
        limit=limit,
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
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> ApiErrorResponse | SmsReportsResponse | None:
    """Get outbound SMS delivery reports

     Returns a batch of delivery reports for sent SMS. Each report is returned **only once**:
    a request returns only reports that arrived since the last request, within the last
    48 hours, so a repeated identical call yields only newer reports (often none).
    Without `limit`, at most 50 reports are returned; the maximum is 1000. There is no
    other pagination and no date filter. The docs do not state the order of a batch;
    clients must not rely on one.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | SmsReportsResponse
    """

    return sync_detailed(
        client=client,
        bulk_id=bulk_id,
        message_id=message_id,
        limit=limit,
        application_id=application_id,
        entity_id=entity_id,
        campaign_reference_id=campaign_reference_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bulk_id: str | Unset = UNSET,
    message_id: str | Unset = UNSET,
    limit: int | Unset = 50,
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> Response[ApiErrorResponse | SmsReportsResponse]:
    """Get outbound SMS delivery reports

     Returns a batch of delivery reports for sent SMS. Each report is returned **only once**:
    a request returns only reports that arrived since the last request, within the last
    48 hours, so a repeated identical call yields only newer reports (often none).
    Without `limit`, at most 50 reports are returned; the maximum is 1000. There is no
    other pagination and no date filter. The docs do not state the order of a batch;
    clients must not rely on one.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | SmsReportsResponse]
    """

    kwargs = _get_kwargs(
        bulk_id=bulk_id,
        message_id=message_id,
        limit=limit,
        application_id=application_id,
        entity_id=entity_id,
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
    application_id: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    campaign_reference_id: str | Unset = UNSET,
) -> ApiErrorResponse | SmsReportsResponse | None:
    """Get outbound SMS delivery reports

     Returns a batch of delivery reports for sent SMS. Each report is returned **only once**:
    a request returns only reports that arrived since the last request, within the last
    48 hours, so a repeated identical call yields only newer reports (often none).
    Without `limit`, at most 50 reports are returned; the maximum is 1000. There is no
    other pagination and no date filter. The docs do not state the order of a batch;
    clients must not rely on one.

    Args:
        bulk_id (str | Unset):
        message_id (str | Unset):
        limit (int | Unset):  Default: 50.
        application_id (str | Unset):
        entity_id (str | Unset):
        campaign_reference_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | SmsReportsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            bulk_id=bulk_id,
            message_id=message_id,
            limit=limit,
            application_id=application_id,
            entity_id=entity_id,
            campaign_reference_id=campaign_reference_id,
        )
    ).parsed
