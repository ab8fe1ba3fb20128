from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.sms_webhook_response import SmsWebhookResponse
from ...types import Response


def _get_kwargs(
    sms_webhook_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-webhooks/{sms_webhook_id}".format(
            sms_webhook_id=quote(str(sms_webhook_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsWebhookResponse | None:
    if response.status_code == 200:
        response_200 = SmsWebhookResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorMessage.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorMessage.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorMessage.from_dict(response.json())

        return response_404

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
) -> Response[ErrorMessage | SmsWebhookResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorMessage | SmsWebhookResponse]:
    """Get an SMS webhook

     Returns one webhook with its sending number. An unknown (or deleted) id gives 404 `Resource not
    found.` (recorded 2026, pretty-printed, and unlike the older 404s of the other operations with the
    quota headers); the id is not format-validated.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookResponse]
    """

    kwargs = _get_kwargs(
        sms_webhook_id=sms_webhook_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorMessage | SmsWebhookResponse | None:
    """Get an SMS webhook

     Returns one webhook with its sending number. An unknown (or deleted) id gives 404 `Resource not
    found.` (recorded 2026, pretty-printed, and unlike the older 404s of the other operations with the
    quota headers); the id is not format-validated.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookResponse
    """

    return sync_detailed(
        sms_webhook_id=sms_webhook_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorMessage | SmsWebhookResponse]:
    """Get an SMS webhook

     Returns one webhook with its sending number. An unknown (or deleted) id gives 404 `Resource not
    found.` (recorded 2026, pretty-printed, and unlike the older 404s of the other operations with the
    quota headers); the id is not format-validated.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookResponse]
    """

    kwargs = _get_kwargs(
        sms_webhook_id=sms_webhook_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorMessage | SmsWebhookResponse | None:
    """Get an SMS webhook

     Returns one webhook with its sending number. An unknown (or deleted) id gives 404 `Resource not
    found.` (recorded 2026, pretty-printed, and unlike the older 404s of the other operations with the
    quota headers); the id is not format-validated.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookResponse
    """

    return (
        await asyncio_detailed(
            sms_webhook_id=sms_webhook_id,
            client=client,
        )
    ).parsed
