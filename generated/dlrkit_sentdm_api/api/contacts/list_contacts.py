from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_list_envelope import ContactListEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    search: str | Unset = UNSET,
    channel: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    x_profile_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_profile_id, Unset):
        headers["x-profile-id"] = x_profile_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["search"] = search

    params["channel"] = channel

    params["phone"] = phone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/contacts",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactListEnvelope | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = ContactListEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorEnvelope.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactListEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    search: str | Unset = UNSET,
    channel: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    x_profile_id: str | Unset = UNSET,
) -> Response[ContactListEnvelope | ErrorEnvelope]:
    """Get contacts list

     Returns one page of the authenticated customer's contacts, optionally filtered by a
    search term, channel or phone number. Pages are 1-indexed; keep requesting `page + 1`
    while `pagination.has_more` is true. (The legacy v2 endpoint is zero-indexed and
    camelCase; it is not modelled here.) There is no get-contact-by-id operation in this
    spec, so the list has no links.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        search (str | Unset):
        channel (str | Unset):
        phone (str | Unset):
        x_profile_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactListEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        search=search,
        channel=channel,
        phone=phone,
        x_profile_id=x_profile_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    search: str | Unset = UNSET,
    channel: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    x_profile_id: str | Unset = UNSET,
) -> ContactListEnvelope | ErrorEnvelope | None:
    """Get contacts list

     Returns one page of the authenticated customer's contacts, optionally filtered by a
    search term, channel or phone number. Pages are 1-indexed; keep requesting `page + 1`
    while `pagination.has_more` is true. (The legacy v2 endpoint is zero-indexed and
    camelCase; it is not modelled here.) There is no get-contact-by-id operation in this
    spec, so the list has no links.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        search (str | Unset):
        channel (str | Unset):
        phone (str | Unset):
        x_profile_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactListEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        search=search,
        channel=channel,
        phone=phone,
        x_profile_id=x_profile_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    search: str | Unset = UNSET,
    channel: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    x_profile_id: str | Unset = UNSET,
) -> Response[ContactListEnvelope | ErrorEnvelope]:
    """Get contacts list

     Returns one page of the authenticated customer's contacts, optionally filtered by a
    search term, channel or phone number. Pages are 1-indexed; keep requesting `page + 1`
    while `pagination.has_more` is true. (The legacy v2 endpoint is zero-indexed and
    camelCase; it is not modelled here.) There is no get-contact-by-id operation in this
    spec, so the list has no links.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        search (str | Unset):
        channel (str | Unset):
        phone (str | Unset):
        x_profile_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactListEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        search=search,
        channel=channel,
        phone=phone,
        x_profile_id=x_profile_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    search: str | Unset = UNSET,
    channel: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    x_profile_id: str | Unset = UNSET,
) -> ContactListEnvelope | ErrorEnvelope | None:
    """Get contacts list

     Returns one page of the authenticated customer's contacts, optionally filtered by a
    search term, channel or phone number. Pages are 1-indexed; keep requesting `page + 1`
    while `pagination.has_more` is true. (The legacy v2 endpoint is zero-indexed and
    camelCase; it is not modelled here.) There is no get-contact-by-id operation in this
    spec, so the list has no links.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        search (str | Unset):
        channel (str | Unset):
        phone (str | Unset):
        x_profile_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactListEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            search=search,
            channel=channel,
            phone=phone,
            x_profile_id=x_profile_id,
        )
    ).parsed
