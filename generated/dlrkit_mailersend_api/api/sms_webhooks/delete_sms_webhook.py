from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...types import Response


def _get_kwargs(
    sms_webhook_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/sms-webhooks/{sms_webhook_id}".format(
            sms_webhook_id=quote(str(sms_webhook_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorMessage | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | ErrorMessage]:
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
) -> Response[Any | ErrorMessage]:
    """Delete an SMS webhook

     Deletes the webhook: 204 with an empty body (recorded 2022 and 2024, with the quota headers).
    Afterwards the id gives 404 on every operation. An unknown id gives 404.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorMessage]
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
) -> Any | ErrorMessage | None:
    """Delete an SMS webhook

     Deletes the webhook: 204 with an empty body (recorded 2022 and 2024, with the quota headers).
    Afterwards the id gives 404 on every operation. An unknown id gives 404.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorMessage
    """

    return sync_detailed(
        sms_webhook_id=sms_webhook_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorMessage]:
    """Delete an SMS webhook

     Deletes the webhook: 204 with an empty body (recorded 2022 and 2024, with the quota headers).
    Afterwards the id gives 404 on every operation. An unknown id gives 404.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorMessage]
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
) -> Any | ErrorMessage | None:
    """Delete an SMS webhook

     Deletes the webhook: 204 with an empty body (recorded 2022 and 2024, with the quota headers).
    Afterwards the id gives 404 on every operation. An unknown id gives 404.

    Args:
        sms_webhook_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorMessage
    """

    return (
        await asyncio_detailed(
            sms_webhook_id=sms_webhook_id,
            client=client,
        )
    ).parsed
