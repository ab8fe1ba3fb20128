from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.sms_recipient_update import SmsRecipientUpdate
from ...models.sms_recipient_update_response import SmsRecipientUpdateResponse
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    sms_recipient_id: str,
    *,
    body: SmsRecipientUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/sms-recipients/{sms_recipient_id}".format(
            sms_recipient_id=quote(str(sms_recipient_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsRecipientUpdateResponse | ValidationError | None:
    if response.status_code == 200:
        response_200 = SmsRecipientUpdateResponse.from_dict(response.json())

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
) -> Response[ErrorMessage | SmsRecipientUpdateResponse | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sms_recipient_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SmsRecipientUpdate,
) -> Response[ErrorMessage | SmsRecipientUpdateResponse | ValidationError]:
    """Update an SMS recipient's status

     Sets a recipient to `active` or `opt_out`. An unknown id gives 404. The success status
    code was not observed; 200 follows the docs.

    Doc inconsistencies: the docs' parameter table lists `status` as a query parameter, but
    the SDKs send it as a JSON body (recorded: `{"status": "opt_out"}`); the docs' Node example
    for this call shows `recipient.list`; the docs' 200 example has a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`).

    Args:
        sms_recipient_id (str):
        body (SmsRecipientUpdate): New recipient status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsRecipientUpdateResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_recipient_id=sms_recipient_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sms_recipient_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SmsRecipientUpdate,
) -> ErrorMessage | SmsRecipientUpdateResponse | ValidationError | None:
    """Update an SMS recipient's status

     Sets a recipient to `active` or `opt_out`. An unknown id gives 404. The success status
    code was not observed; 200 follows the docs.

    Doc inconsistencies: the docs' parameter table lists `status` as a query parameter, but
    the SDKs send it as a JSON body (recorded: `{"status": "opt_out"}`); the docs' Node example
    for this call shows `recipient.list`; the docs' 200 example has a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`).

    Args:
        sms_recipient_id (str):
        body (SmsRecipientUpdate): New recipient status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsRecipientUpdateResponse | ValidationError
    """

    return sync_detailed(
        sms_recipient_id=sms_recipient_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sms_recipient_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SmsRecipientUpdate,
) -> Response[ErrorMessage | SmsRecipientUpdateResponse | ValidationError]:
    """Update an SMS recipient's status

     Sets a recipient to `active` or `opt_out`. An unknown id gives 404. The success status
    code was not observed; 200 follows the docs.

    Doc inconsistencies: the docs' parameter table lists `status` as a query parameter, but
    the SDKs send it as a JSON body (recorded: `{"status": "opt_out"}`); the docs' Node example
    for this call shows `recipient.list`; the docs' 200 example has a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`).

    Args:
        sms_recipient_id (str):
        body (SmsRecipientUpdate): New recipient status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsRecipientUpdateResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_recipient_id=sms_recipient_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sms_recipient_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SmsRecipientUpdate,
) -> ErrorMessage | SmsRecipientUpdateResponse | ValidationError | None:
    """Update an SMS recipient's status

     Sets a recipient to `active` or `opt_out`. An unknown id gives 404. The success status
    code was not observed; 200 follows the docs.

    Doc inconsistencies: the docs' parameter table lists `status` as a query parameter, but
    the SDKs send it as a JSON body (recorded: `{"status": "opt_out"}`); the docs' Node example
    for this call shows `recipient.list`; the docs' 200 example has a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`).

    Args:
        sms_recipient_id (str):
        body (SmsRecipientUpdate): New recipient status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsRecipientUpdateResponse | ValidationError
    """

    return (
        await asyncio_detailed(
            sms_recipient_id=sms_recipient_id,
            client=client,
            body=body,
        )
    ).parsed
