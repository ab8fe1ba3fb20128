from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.known_sms_activity_status import KnownSmsActivityStatus
from ...models.sms_activity_list import SmsActivityList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sms_number_id: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    status: list[KnownSmsActivityStatus] | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sms_number_id"] = sms_number_id

    params["date_from"] = date_from

    params["date_to"] = date_to

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status[]"] = json_status

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-activity",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | SmsActivityList | ValidationError | None:
    if response.status_code == 200:
        response_200 = SmsActivityList.from_dict(response.json())

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
) -> Response[ErrorMessage | SmsActivityList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    sms_number_id: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    status: list[KnownSmsActivityStatus] | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ErrorMessage | SmsActivityList | ValidationError]:
    """List SMS activity

     Lists SMS activity events, one row per status change per recipient, with a simple
    paginator (`links.last` is always null and `meta` has no `total`; follow `links.next`
    until it is null). An unknown `sms_number_id` gives 422, not an empty list.

    Doc inconsistencies: the docs' Python example passes `limit = 200` (documented maximum
    is 100) and an integer `sms_number_id` (ids are hashed strings); the docs' 200 example lists
    its four rows in no time order (delivered, processed, queued, sent), reports
    `meta.to: 1` for four rows, and a non-null `links.next` on a page of 4 rows with
    `per_page` 25.

    Args:
        sms_number_id (str | Unset):
        date_from (int | Unset):
        date_to (int | Unset):
        status (list[KnownSmsActivityStatus] | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsActivityList | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_number_id=sms_number_id,
        date_from=date_from,
        date_to=date_to,
        status=status,
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
    sms_number_id: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    status: list[KnownSmsActivityStatus] | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ErrorMessage | SmsActivityList | ValidationError | None:
    """List SMS activity

     Lists SMS activity events, one row per status change per recipient, with a simple
    paginator (`links.last` is always null and `meta` has no `total`; follow `links.next`
    until it is null). An unknown `sms_number_id` gives 422, not an empty list.

    Doc inconsistencies: the docs' Python example passes `limit = 200` (documented maximum
    is 100) and an integer `sms_number_id` (ids are hashed strings); the docs' 200 example lists
    its four rows in no time order (delivered, processed, queued, sent), reports
    `meta.to: 1` for four rows, and a non-null `links.next` on a page of 4 rows with
    `per_page` 25.

    Args:
        sms_number_id (str | Unset):
        date_from (int | Unset):
        date_to (int | Unset):
        status (list[KnownSmsActivityStatus] | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsActivityList | ValidationError
    """

    return sync_detailed(
        client=client,
        sms_number_id=sms_number_id,
        date_from=date_from,
        date_to=date_to,
        status=status,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    sms_number_id: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    status: list[KnownSmsActivityStatus] | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ErrorMessage | SmsActivityList | ValidationError]:
    """List SMS activity

     Lists SMS activity events, one row per status change per recipient, with a simple
    paginator (`links.last` is always null and `meta` has no `total`; follow `links.next`
    until it is null). An unknown `sms_number_id` gives 422, not an empty list.

    Doc inconsistencies: the docs' Python example passes `limit = 200` (documented maximum
    is 100) and an integer `sms_number_id` (ids are hashed strings); the docs' 200 example lists
    its four rows in no time order (delivered, processed, queued, sent), reports
    `meta.to: 1` for four rows, and a non-null `links.next` on a page of 4 rows with
    `per_page` 25.

    Args:
        sms_number_id (str | Unset):
        date_from (int | Unset):
        date_to (int | Unset):
        status (list[KnownSmsActivityStatus] | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | SmsActivityList | ValidationError]
    """

    kwargs = _get_kwargs(
        sms_number_id=sms_number_id,
        date_from=date_from,
        date_to=date_to,
        status=status,
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    sms_number_id: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    status: list[KnownSmsActivityStatus] | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ErrorMessage | SmsActivityList | ValidationError | None:
    """List SMS activity

     Lists SMS activity events, one row per status change per recipient, with a simple
    paginator (`links.last` is always null and `meta` has no `total`; follow `links.next`
    until it is null). An unknown `sms_number_id` gives 422, not an empty list.

    Doc inconsistencies: the docs' Python example passes `limit = 200` (documented maximum
    is 100) and an integer `sms_number_id` (ids are hashed strings); the docs' 200 example lists
    its four rows in no time order (delivered, processed, queued, sent), reports
    `meta.to: 1` for four rows, and a non-null `links.next` on a page of 4 rows with
    `per_page` 25.

    Args:
        sms_number_id (str | Unset):
        date_from (int | Unset):
        date_to (int | Unset):
        status (list[KnownSmsActivityStatus] | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | SmsActivityList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            sms_number_id=sms_number_id,
            date_from=date_from,
            date_to=date_to,
            status=status,
            page=page,
            limit=limit,
        )
    ).parsed
