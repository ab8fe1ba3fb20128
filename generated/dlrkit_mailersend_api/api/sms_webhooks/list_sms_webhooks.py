from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.sms_webhook_list import SmsWebhookList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sms_number_id: str,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sms_number_id"] = sms_number_id

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-webhooks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsWebhookList | ValidationError | None:
    if response.status_code == 200:
        response_200 = SmsWebhookList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorMessage.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorMessage.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ValidationError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorMessage.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorMessage.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorMessage | SmsWebhookList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    sms_number_id: str,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ErrorMessage | SmsWebhookList | ValidationError]:
    """List the SMS webhooks of a sending number

     Lists the webhooks registered for one SMS number with the length-aware paginator
    (`meta.total`, `meta.last_page`, `meta.links[]`; recorded 2022 and 2024). Each recorded
    list held one webhook, so the order is not known (the reference server lists them in
    creation order).
    `sms_number_id` is required: the Python and PHP SDKs require it and the Go SDK sends it
    whenever set. An id the account does not have gives 422 with the recorded wording
    `The sms number id field is required. #MS42209` (sic: "required", although the id was
    sent; recorded 2025). `page` and `limit` are sent by the Go, PHP and Node SDKs; their
    bounds are not documented for this endpoint, so the other MailerSend lists' bounds
    (page >= 1, limit 10..100, default 25) are assumed. `meta.per_page` was the string
    `"25"` in 2022 and the integer `25` in 2024.

    Args:
        sms_number_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookList | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_number_id=sms_number_id,
        page=page,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    sms_number_id: str,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ErrorMessage | SmsWebhookList | ValidationError | None:
    """List the SMS webhooks of a sending number

     Lists the webhooks registered for one SMS number with the length-aware paginator
    (`meta.total`, `meta.last_page`, `meta.links[]`; recorded 2022 and 2024). Each recorded
    list held one webhook, so the order is not known (the reference server lists them in
    creation order).
    `sms_number_id` is required: the Python and PHP SDKs require it and the Go SDK sends it
    whenever set. An id the account does not have gives 422 with the recorded wording
    `The sms number id field is required. #MS42209` (sic: "required", although the id was
    sent; recorded 2025). `page` and `limit` are sent by the Go, PHP and Node SDKs; their
    bounds are not documented for this endpoint, so the other MailerSend lists' bounds
    (page >= 1, limit 10..100, default 25) are assumed. `meta.per_page` was the string
    `"25"` in 2022 and the integer `25` in 2024.

    Args:
        sms_number_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookList | ValidationError
    """

    return sync_detailed(
        client=client,
        sms_number_id=sms_number_id,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    sms_number_id: str,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ErrorMessage | SmsWebhookList | ValidationError]:
    """List the SMS webhooks of a sending number

     Lists the webhooks registered for one SMS number with the length-aware paginator
    (`meta.total`, `meta.last_page`, `meta.links[]`; recorded 2022 and 2024). Each recorded
    list held one webhook, so the order is not known (the reference server lists them in
    creation order).
    `sms_number_id` is required: the Python and PHP SDKs require it and the Go SDK sends it
    whenever set. An id the account does not have gives 422 with the recorded wording
    `The sms number id field is required. #MS42209` (sic: "required", although the id was
    sent; recorded 2025). `page` and `limit` are sent by the Go, PHP and Node SDKs; their
    bounds are not documented for this endpoint, so the other MailerSend lists' bounds
    (page >= 1, limit 10..100, default 25) are assumed. `meta.per_page` was the string
    `"25"` in 2022 and the integer `25` in 2024.

    Args:
        sms_number_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookList | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_number_id=sms_number_id,
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    sms_number_id: str,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ErrorMessage | SmsWebhookList | ValidationError | None:
    """List the SMS webhooks of a sending number

     Lists the webhooks registered for one SMS number with the length-aware paginator
    (`meta.total`, `meta.last_page`, `meta.links[]`; recorded 2022 and 2024). Each recorded
    list held one webhook, so the order is not known (the reference server lists them in
    creation order).
    `sms_number_id` is required: the Python and PHP SDKs require it and the Go SDK sends it
    whenever set. An id the account does not have gives 422 with the recorded wording
    `The sms number id field is required. #MS42209` (sic: "required", although the id was
    sent; recorded 2025). `page` and `limit` are sent by the Go, PHP and Node SDKs; their
    bounds are not documented for this endpoint, so the other MailerSend lists' bounds
    (page >= 1, limit 10..100, default 25) are assumed. `meta.per_page` was the string
    `"25"` in 2022 and the integer `25` in 2024.

    Args:
        sms_number_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            sms_number_id=sms_number_id,
            page=page,
            limit=limit,
        )
    ).parsed
