from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.routee_error import RouteeError
from ...models.sms_part_tracking import SmsPartTracking
from ...types import Response


def _get_kwargs(
    message_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms/tracking/single/{message_id}".format(
            message_id=quote(str(message_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthError | RouteeError | list[SmsPartTracking] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SmsPartTracking.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:

        def _parse_response_401(data: object) -> OAuthError | RouteeError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auth_error_type_0 = RouteeError.from_dict(data)

                return componentsschemas_auth_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_auth_error_type_1 = OAuthError.from_dict(data)

            return componentsschemas_auth_error_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 403:

        def _parse_response_403(data: object) -> OAuthError | RouteeError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auth_error_type_0 = RouteeError.from_dict(data)

                return componentsschemas_auth_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_auth_error_type_1 = OAuthError.from_dict(data)

            return componentsschemas_auth_error_type_1

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = RouteeError.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = RouteeError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthError | RouteeError | list[SmsPartTracking]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[OAuthError | RouteeError | list[SmsPartTracking]]:
    """Track a single SMS

     Returns the tracking objects of every part of one SMS message, as a bare JSON array
    (one element per SMS part, all sharing the same `messageId`). Not a page.

    Args:
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | RouteeError | RouteeError | list[SmsPartTracking]]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> OAuthError | RouteeError | list[SmsPartTracking] | None:
    """Track a single SMS

     Returns the tracking objects of every part of one SMS message, as a bare JSON array
    (one element per SMS part, all sharing the same `messageId`). Not a page.

    Args:
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | RouteeError | RouteeError | list[SmsPartTracking]
    """

    return sync_detailed(
        message_id=message_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[OAuthError | RouteeError | list[SmsPartTracking]]:
    """Track a single SMS

     Returns the tracking objects of every part of one SMS message, as a bare JSON array
    (one element per SMS part, all sharing the same `messageId`). Not a page.

    Args:
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | RouteeError | RouteeError | list[SmsPartTracking]]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> OAuthError | RouteeError | list[SmsPartTracking] | None:
    """Track a single SMS

     Returns the tracking objects of every part of one SMS message, as a bare JSON array
    (one element per SMS part, all sharing the same `messageId`). Not a page.

    Args:
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | RouteeError | RouteeError | list[SmsPartTracking]
    """

    return (
        await asyncio_detailed(
            message_id=message_id,
            client=client,
        )
    ).parsed
