from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.routee_error import RouteeError
from ...models.sms_tracking_page import SmsTrackingPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_tracking_id: str,
    *,
    page: int | Unset = 0,
    size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms/tracking/campaign/{campaign_tracking_id}".format(
            campaign_tracking_id=quote(str(campaign_tracking_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthError | RouteeError | SmsTrackingPage | None:
    if response.status_code == 200:
        response_200 = SmsTrackingPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = RouteeError.from_dict(response.json())

        return response_400

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
) -> Response[OAuthError | RouteeError | SmsTrackingPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_tracking_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 20,
) -> Response[OAuthError | RouteeError | SmsTrackingPage]:
    """Track the SMS of a campaign

     Returns one page (Spring Data page) of tracking objects of every SMS sent by one
    bulk/campaign send. Pages are 0-based.

    Args:
        campaign_tracking_id (str):
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | RouteeError | RouteeError | SmsTrackingPage]
    """

    kwargs = _get_kwargs(
        campaign_tracking_id=campaign_tracking_id,
        page=page,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_tracking_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 20,
) -> OAuthError | RouteeError | SmsTrackingPage | None:
    """Track the SMS of a campaign

     Returns one page (Spring Data page) of tracking objects of every SMS sent by one
    bulk/campaign send. Pages are 0-based.

    Args:
        campaign_tracking_id (str):
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | RouteeError | RouteeError | SmsTrackingPage
    """

    return sync_detailed(
        campaign_tracking_id=campaign_tracking_id,
        client=client,
        page=page,
        size=size,
    ).parsed


async def asyncio_detailed(
    campaign_tracking_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 20,
) -> Response[OAuthError | RouteeError | SmsTrackingPage]:
    """Track the SMS of a campaign

     Returns one page (Spring Data page) of tracking objects of every SMS sent by one
    bulk/campaign send. Pages are 0-based.

    Args:
        campaign_tracking_id (str):
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | RouteeError | RouteeError | SmsTrackingPage]
    """

    kwargs = _get_kwargs(
        campaign_tracking_id=campaign_tracking_id,
        page=page,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_tracking_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 20,
) -> OAuthError | RouteeError | SmsTrackingPage | None:
    """Track the SMS of a campaign

     Returns one page (Spring Data page) of tracking objects of every SMS sent by one
    bulk/campaign send. Pages are 0-based.

    Args:
        campaign_tracking_id (str):
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | RouteeError | RouteeError | SmsTrackingPage
    """

    return (
        await asyncio_detailed(
            campaign_tracking_id=campaign_tracking_id,
            client=client,
            page=page,
            size=size,
        )
    ).parsed
