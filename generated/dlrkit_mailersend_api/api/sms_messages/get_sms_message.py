from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.sms_message_response import SmsMessageResponse
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    sms_message_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-messages/{sms_message_id}".format(
            sms_message_id=quote(str(sms_message_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsMessageResponse | ValidationError | None:
    if response.status_code == 200:
        response_200 = SmsMessageResponse.from_dict(response.json())

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
) -> Response[ErrorMessage | SmsMessageResponse | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sms_message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorMessage | SmsMessageResponse | ValidationError]:
    """Get an SMS message with its activity

     Returns one SMS send request with its per-recipient SMS (`sms[]`) and every activity event
    (`sms_activity[]`). The docs describe this path twice (SMS Activity "Get activity of a
    single message" and SMS Messages); both are this operation. The id is not
    format-validated: any unknown string gives 404 `Resource not found.`, not 422.

    Doc inconsistencies: in the docs' example `data.to` has two numbers but `sms[]` has one
    entry; its `sms[]` rows lack `created_at` and its `sms_activity[]` rows lack `content`
    (both present elsewhere), and the activity rows are not in time order.

    Args:
        sms_message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsMessageResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_message_id=sms_message_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sms_message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorMessage | SmsMessageResponse | ValidationError | None:
    """Get an SMS message with its activity

     Returns one SMS send request with its per-recipient SMS (`sms[]`) and every activity event
    (`sms_activity[]`). The docs describe this path twice (SMS Activity "Get activity of a
    single message" and SMS Messages); both are this operation. The id is not
    format-validated: any unknown string gives 404 `Resource not found.`, not 422.

    Doc inconsistencies: in the docs' example `data.to` has two numbers but `sms[]` has one
    entry; its `sms[]` rows lack `created_at` and its `sms_activity[]` rows lack `content`
    (both present elsewhere), and the activity rows are not in time order.

    Args:
        sms_message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsMessageResponse | ValidationError
    """

    return sync_detailed(
        sms_message_id=sms_message_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sms_message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorMessage | SmsMessageResponse | ValidationError]:
    """Get an SMS message with its activity

     Returns one SMS send request with its per-recipient SMS (`sms[]`) and every activity event
    (`sms_activity[]`). The docs describe this path twice (SMS Activity "Get activity of a
    single message" and SMS Messages); both are this operation. The id is not
    format-validated: any unknown string gives 404 `Resource not found.`, not 422.

    Doc inconsistencies: in the docs' example `data.to` has two numbers but `sms[]` has one
    entry; its `sms[]` rows lack `created_at` and its `sms_activity[]` rows lack `content`
    (both present elsewhere), and the activity rows are not in time order.

    Args:
        sms_message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsMessageResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_message_id=sms_message_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sms_message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorMessage | SmsMessageResponse | ValidationError | None:
    """Get an SMS message with its activity

     Returns one SMS send request with its per-recipient SMS (`sms[]`) and every activity event
    (`sms_activity[]`). The docs describe this path twice (SMS Activity "Get activity of a
    single message" and SMS Messages); both are this operation. The id is not
    format-validated: any unknown string gives 404 `Resource not found.`, not 422.

    Doc inconsistencies: in the docs' example `data.to` has two numbers but `sms[]` has one
    entry; its `sms[]` rows lack `created_at` and its `sms_activity[]` rows lack `content`
    (both present elsewhere), and the activity rows are not in time order.

    Args:
        sms_message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsMessageResponse | ValidationError
    """

    return (
        await asyncio_detailed(
            sms_message_id=sms_message_id,
            client=client,
        )
    ).parsed
