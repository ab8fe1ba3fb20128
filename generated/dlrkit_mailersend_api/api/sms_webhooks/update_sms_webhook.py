from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.sms_webhook_response import SmsWebhookResponse
from ...models.sms_webhook_update import SmsWebhookUpdate
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    sms_webhook_id: str,
    *,
    body: SmsWebhookUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/sms-webhooks/{sms_webhook_id}".format(
            sms_webhook_id=quote(str(sms_webhook_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsWebhookResponse | ValidationError | None:
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
) -> Response[ErrorMessage | SmsWebhookResponse | ValidationError]:
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
    body: SmsWebhookUpdate,
) -> Response[ErrorMessage | SmsWebhookResponse | ValidationError]:
    """Update an SMS webhook

     Changes any subset of `url`, `name`, `events` and `enabled`; fields left out keep their
    values and `updated_at` moves. An unknown id gives 404 before the body is validated.
    `events: []` is accepted and stores an empty list (recorded 2022: the Java SDK always
    sends `events`, so its name-only update cleared the subscriptions), unlike create,
    which needs at least one event. The sending number cannot be changed. The 2026 docs'
    URL check (a signed `webhook.test` ping) applies to updates too.

    Args:
        sms_webhook_id (str):
        body (SmsWebhookUpdate): The fields to change; any subset, `{}` changes nothing but
            `updated_at`. `events` may be empty (recorded). Unknown fields, `sms_number_id` included,
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_webhook_id=sms_webhook_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SmsWebhookUpdate,
) -> ErrorMessage | SmsWebhookResponse | ValidationError | None:
    """Update an SMS webhook

     Changes any subset of `url`, `name`, `events` and `enabled`; fields left out keep their
    values and `updated_at` moves. An unknown id gives 404 before the body is validated.
    `events: []` is accepted and stores an empty list (recorded 2022: the Java SDK always
    sends `events`, so its name-only update cleared the subscriptions), unlike create,
    which needs at least one event. The sending number cannot be changed. The 2026 docs'
    URL check (a signed `webhook.test` ping) applies to updates too.

    Args:
        sms_webhook_id (str):
        body (SmsWebhookUpdate): The fields to change; any subset, `{}` changes nothing but
            `updated_at`. `events` may be empty (recorded). Unknown fields, `sms_number_id` included,
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookResponse | ValidationError
    """

    return sync_detailed(
        sms_webhook_id=sms_webhook_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SmsWebhookUpdate,
) -> Response[ErrorMessage | SmsWebhookResponse | ValidationError]:
    """Update an SMS webhook

     Changes any subset of `url`, `name`, `events` and `enabled`; fields left out keep their
    values and `updated_at` moves. An unknown id gives 404 before the body is validated.
    `events: []` is accepted and stores an empty list (recorded 2022: the Java SDK always
    sends `events`, so its name-only update cleared the subscriptions), unlike create,
    which needs at least one event. The sending number cannot be changed. The 2026 docs'
    URL check (a signed `webhook.test` ping) applies to updates too.

    Args:
        sms_webhook_id (str):
        body (SmsWebhookUpdate): The fields to change; any subset, `{}` changes nothing but
            `updated_at`. `events` may be empty (recorded). Unknown fields, `sms_number_id` included,
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_webhook_id=sms_webhook_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sms_webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SmsWebhookUpdate,
) -> ErrorMessage | SmsWebhookResponse | ValidationError | None:
    """Update an SMS webhook

     Changes any subset of `url`, `name`, `events` and `enabled`; fields left out keep their
    values and `updated_at` moves. An unknown id gives 404 before the body is validated.
    `events: []` is accepted and stores an empty list (recorded 2022: the Java SDK always
    sends `events`, so its name-only update cleared the subscriptions), unlike create,
    which needs at least one event. The sending number cannot be changed. The 2026 docs'
    URL check (a signed `webhook.test` ping) applies to updates too.

    Args:
        sms_webhook_id (str):
        body (SmsWebhookUpdate): The fields to change; any subset, `{}` changes nothing but
            `updated_at`. `events` may be empty (recorded). Unknown fields, `sms_number_id` included,
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookResponse | ValidationError
    """

    return (
        await asyncio_detailed(
            sms_webhook_id=sms_webhook_id,
            client=client,
            body=body,
        )
    ).parsed
