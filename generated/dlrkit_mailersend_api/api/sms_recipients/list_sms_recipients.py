from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.known_sms_recipient_status import KnownSmsRecipientStatus
from ...models.sms_recipient_list import SmsRecipientList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: KnownSmsRecipientStatus | Unset = UNSET,
    sms_number_id: str | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["sms_number_id"] = sms_number_id

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-recipients",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsRecipientList | ValidationError | None:
    if response.status_code == 200:
        response_200 = SmsRecipientList.from_dict(response.json())

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
) -> Response[ErrorMessage | SmsRecipientList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: KnownSmsRecipientStatus | Unset = UNSET,
    sms_number_id: str | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ErrorMessage | SmsRecipientList | ValidationError]:
    """List SMS recipients

     Lists SMS recipients with a simple paginator (`links.last` is always null and `meta` has
    no `total`; follow `links.next`). An unknown `sms_number_id` gives 422.

    Doc inconsistencies: the docs' 200 example is not JSON (it elides rows with `...`),
    omits `links` and `meta`, and shows a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`). Real responses return `meta.per_page` as a string
    (`"10"`) when `limit` is passed and as an integer (`25`) when it is not.

    Args:
        status (KnownSmsRecipientStatus | Unset): Recipient statuses.
        sms_number_id (str | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsRecipientList | ValidationError]
    """

    kwargs = _get_kwargs(
        status=status,
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
    status: KnownSmsRecipientStatus | Unset = UNSET,
    sms_number_id: str | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ErrorMessage | SmsRecipientList | ValidationError | None:
    """List SMS recipients

     Lists SMS recipients with a simple paginator (`links.last` is always null and `meta` has
    no `total`; follow `links.next`). An unknown `sms_number_id` gives 422.

    Doc inconsistencies: the docs' 200 example is not JSON (it elides rows with `...`),
    omits `links` and `meta`, and shows a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`). Real responses return `meta.per_page` as a string
    (`"10"`) when `limit` is passed and as an integer (`25`) when it is not.

    Args:
        status (KnownSmsRecipientStatus | Unset): Recipient statuses.
        sms_number_id (str | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsRecipientList | ValidationError
    """

    return sync_detailed(
        client=client,
        status=status,
        sms_number_id=sms_number_id,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: KnownSmsRecipientStatus | Unset = UNSET,
    sms_number_id: str | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ErrorMessage | SmsRecipientList | ValidationError]:
    """List SMS recipients

     Lists SMS recipients with a simple paginator (`links.last` is always null and `meta` has
    no `total`; follow `links.next`). An unknown `sms_number_id` gives 422.

    Doc inconsistencies: the docs' 200 example is not JSON (it elides rows with `...`),
    omits `links` and `meta`, and shows a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`). Real responses return `meta.per_page` as a string
    (`"10"`) when `limit` is passed and as an integer (`25`) when it is not.

    Args:
        status (KnownSmsRecipientStatus | Unset): Recipient statuses.
        sms_number_id (str | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsRecipientList | ValidationError]
    """

    kwargs = _get_kwargs(
        status=status,
        sms_number_id=sms_number_id,
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: KnownSmsRecipientStatus | Unset = UNSET,
    sms_number_id: str | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ErrorMessage | SmsRecipientList | ValidationError | None:
    """List SMS recipients

     Lists SMS recipients with a simple paginator (`links.last` is always null and `meta` has
    no `total`; follow `links.next`). An unknown `sms_number_id` gives 422.

    Doc inconsistencies: the docs' 200 example is not JSON (it elides rows with `...`),
    omits `links` and `meta`, and shows a malformed `created_at`
    (`2022-01-01T12:00:0003.000000Z`). Real responses return `meta.per_page` as a string
    (`"10"`) when `limit` is passed and as an integer (`25`) when it is not.

    Args:
        status (KnownSmsRecipientStatus | Unset): Recipient statuses.
        sms_number_id (str | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsRecipientList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            sms_number_id=sms_number_id,
            page=page,
            limit=limit,
        )
    ).parsed
