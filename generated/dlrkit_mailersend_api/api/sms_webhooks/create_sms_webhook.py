from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.sms_webhook_create import SmsWebhookCreate
from ...models.sms_webhook_response import SmsWebhookResponse
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: SmsWebhookCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms-webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsWebhookResponse | ValidationError | None:
    if response.status_code == 201:
        response_201 = SmsWebhookResponse.from_dict(response.json())

        return response_201

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
) -> Response[ErrorMessage | SmsWebhookResponse | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SmsWebhookCreate,
) -> Response[ErrorMessage | SmsWebhookResponse | ValidationError]:
    """Create an SMS webhook

     Registers a webhook for one SMS number (webhooks are per number, not per message) and
    answers 201 with the stored webhook; `enabled` defaults to true (recorded 2024). An
    `sms_number_id` the account does not have gives 422
    `The sms number id field is required. #MS42209` (recorded 2025).

    Field rules come from the SDKs (the docs' parameter table was not readable): `url` a
    URL (py `HttpUrl`, php `Assertion::url`), written here as an http(s) URL pattern of
    printable ASCII, with no documented maximum length; `name` 1 to 191 characters; at
    least one event, each `sms.sent`, `sms.delivered` or `sms.failed`.

    Not in the response: the signing secret. No recorded SMS-webhook response (2022, 2024)
    carries one, though the Python SDK's model has an optional `signing_secret` and the
    email-webhooks create response does return `secret`; as recorded, the secret is read
    from the dashboard. The newer docs (2026) say MailerSend first POSTs a `webhook.test`
    ping, signed with the public test secret, to the URL and saves the webhook only if it
    answers 2xx; the error returned otherwise is not documented, so it is not listed here.
    Unknown body fields are ignored (Laravel validation); the Go SDK's `status` field is
    seen in no other source.

    Args:
        body (SmsWebhookCreate): A new webhook. The field rules are the SDKs' (the server's own
            table was not readable); unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SmsWebhookCreate,
) -> ErrorMessage | SmsWebhookResponse | ValidationError | None:
    """Create an SMS webhook

     Registers a webhook for one SMS number (webhooks are per number, not per message) and
    answers 201 with the stored webhook; `enabled` defaults to true (recorded 2024). An
    `sms_number_id` the account does not have gives 422
    `The sms number id field is required. #MS42209` (recorded 2025).

    Field rules come from the SDKs (the docs' parameter table was not readable): `url` a
    URL (py `HttpUrl`, php `Assertion::url`), written here as an http(s) URL pattern of
    printable ASCII, with no documented maximum length; `name` 1 to 191 characters; at
    least one event, each `sms.sent`, `sms.delivered` or `sms.failed`.

    Not in the response: the signing secret. No recorded SMS-webhook response (2022, 2024)
    carries one, though the Python SDK's model has an optional `signing_secret` and the
    email-webhooks create response does return `secret`; as recorded, the secret is read
    from the dashboard. The newer docs (2026) say MailerSend first POSTs a `webhook.test`
    ping, signed with the public test secret, to the URL and saves the webhook only if it
    answers 2xx; the error returned otherwise is not documented, so it is not listed here.
    Unknown body fields are ignored (Laravel validation); the Go SDK's `status` field is
    seen in no other source.

    Args:
        body (SmsWebhookCreate): A new webhook. The field rules are the SDKs' (the server's own
            table was not readable); unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookResponse | ValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SmsWebhookCreate,
) -> Response[ErrorMessage | SmsWebhookResponse | ValidationError]:
    """Create an SMS webhook

     Registers a webhook for one SMS number (webhooks are per number, not per message) and
    answers 201 with the stored webhook; `enabled` defaults to true (recorded 2024). An
    `sms_number_id` the account does not have gives 422
    `The sms number id field is required. #MS42209` (recorded 2025).

    Field rules come from the SDKs (the docs' parameter table was not readable): `url` a
    URL (py `HttpUrl`, php `Assertion::url`), written here as an http(s) URL pattern of
    printable ASCII, with no documented maximum length; `name` 1 to 191 characters; at
    least one event, each `sms.sent`, `sms.delivered` or `sms.failed`.

    Not in the response: the signing secret. No recorded SMS-webhook response (2022, 2024)
    carries one, though the Python SDK's model has an optional `signing_secret` and the
    email-webhooks create response does return `secret`; as recorded, the secret is read
    from the dashboard. The newer docs (2026) say MailerSend first POSTs a `webhook.test`
    ping, signed with the public test secret, to the URL and saves the webhook only if it
    answers 2xx; the error returned otherwise is not documented, so it is not listed here.
    Unknown body fields are ignored (Laravel validation); the Go SDK's `status` field is
    seen in no other source.

    Args:
        body (SmsWebhookCreate): A new webhook. The field rules are the SDKs' (the server's own
            table was not readable); unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsWebhookResponse | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SmsWebhookCreate,
) -> ErrorMessage | SmsWebhookResponse | ValidationError | None:
    """Create an SMS webhook

     Registers a webhook for one SMS number (webhooks are per number, not per message) and
    answers 201 with the stored webhook; `enabled` defaults to true (recorded 2024). An
    `sms_number_id` the account does not have gives 422
    `The sms number id field is required. #MS42209` (recorded 2025).

    Field rules come from the SDKs (the docs' parameter table was not readable): `url` a
    URL (py `HttpUrl`, php `Assertion::url`), written here as an http(s) URL pattern of
    printable ASCII, with no documented maximum length; `name` 1 to 191 characters; at
    least one event, each `sms.sent`, `sms.delivered` or `sms.failed`.

    Not in the response: the signing secret. No recorded SMS-webhook response (2022, 2024)
    carries one, though the Python SDK's model has an optional `signing_secret` and the
    email-webhooks create response does return `secret`; as recorded, the secret is read
    from the dashboard. The newer docs (2026) say MailerSend first POSTs a `webhook.test`
    ping, signed with the public test secret, to the URL and saves the webhook only if it
    answers 2xx; the error returned otherwise is not documented, so it is not listed here.
    Unknown body fields are ignored (Laravel validation); the Go SDK's `status` field is
    seen in no other source.

    Args:
        body (SmsWebhookCreate): A new webhook. The field rules are the SDKs' (the server's own
            table was not readable); unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsWebhookResponse | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
