from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.routee_error import RouteeError
from ...models.sms_tracking_page import SmsTrackingPage
from ...models.tracking_filter import TrackingFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: list[TrackingFilter] | Unset = UNSET,
    date_start: str,
    date_end: str,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    tracking_id: str | Unset = UNSET,
    campaign: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dateStart"] = date_start

    params["dateEnd"] = date_end

    params["page"] = page

    params["size"] = size

    params["sort"] = sort

    params["trackingId"] = tracking_id

    params["campaign"] = campaign

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms/tracking",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = []
        for body_item_data in body:
            body_item = body_item_data.to_dict()
            _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient | Client,
    body: list[TrackingFilter] | Unset = UNSET,
    date_start: str,
    date_end: str,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    tracking_id: str | Unset = UNSET,
    campaign: bool | Unset = UNSET,
) -> Response[OAuthError | RouteeError | SmsTrackingPage]:
    """Track multiple SMS with filters in a time range

     Returns one page (Spring Data page) of SMS tracking objects sent or received between
    `dateStart` and `dateEnd`, optionally narrowed by the filters in the request body.
    Only a date range within the latest 7 days is accepted; an older range is rejected with
    a 400 Routee error. Pages are 0-based.

    Args:
        date_start (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        date_end (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (str | Unset):
        tracking_id (str | Unset):
        campaign (bool | Unset):
        body (list[TrackingFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | RouteeError | RouteeError | SmsTrackingPage]
    """

    kwargs = _get_kwargs(
        body=body,
        date_start=date_start,
        date_end=date_end,
        page=page,
        size=size,
        sort=sort,
        tracking_id=tracking_id,
        campaign=campaign,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[TrackingFilter] | Unset = UNSET,
    date_start: str,
    date_end: str,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    tracking_id: str | Unset = UNSET,
    campaign: bool | Unset = UNSET,
) -> OAuthError | RouteeError | SmsTrackingPage | None:
    """Track multiple SMS with filters in a time range

     Returns one page (Spring Data page) of SMS tracking objects sent or received between
    `dateStart` and `dateEnd`, optionally narrowed by the filters in the request body.
    Only a date range within the latest 7 days is accepted; an older range is rejected with
    a 400 Routee error. Pages are 0-based.

    Args:
        date_start (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        date_end (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (str | Unset):
        tracking_id (str | Unset):
        campaign (bool | Unset):
        body (list[TrackingFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | RouteeError | RouteeError | SmsTrackingPage
    """

    return sync_detailed(
        client=client,
        body=body,
        date_start=date_start,
        date_end=date_end,
        page=page,
        size=size,
        sort=sort,
        tracking_id=tracking_id,
        campaign=campaign,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[TrackingFilter] | Unset = UNSET,
    date_start: str,
    date_end: str,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    tracking_id: str | Unset = UNSET,
    campaign: bool | Unset = UNSET,
) -> Response[OAuthError | RouteeError | SmsTrackingPage]:
    """Track multiple SMS with filters in a time range

     Returns one page (Spring Data page) of SMS tracking objects sent or received between
    `dateStart` and `dateEnd`, optionally narrowed by the filters in the request body.
    Only a date range within the latest 7 days is accepted; an older range is rejected with
    a 400 Routee error. Pages are 0-based.

    Args:
        date_start (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        date_end (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (str | Unset):
        tracking_id (str | Unset):
        campaign (bool | Unset):
        body (list[TrackingFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | RouteeError | RouteeError | SmsTrackingPage]
    """

    kwargs = _get_kwargs(
        body=body,
        date_start=date_start,
        date_end=date_end,
        page=page,
        size=size,
        sort=sort,
        tracking_id=tracking_id,
        campaign=campaign,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[TrackingFilter] | Unset = UNSET,
    date_start: str,
    date_end: str,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: str | Unset = UNSET,
    tracking_id: str | Unset = UNSET,
    campaign: bool | Unset = UNSET,
) -> OAuthError | RouteeError | SmsTrackingPage | None:
    """Track multiple SMS with filters in a time range

     Returns one page (Spring Data page) of SMS tracking objects sent or received between
    `dateStart` and `dateEnd`, optionally narrowed by the filters in the request body.
    Only a date range within the latest 7 days is accepted; an older range is rejected with
    a 400 Routee error. Pages are 0-based.

    Args:
        date_start (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        date_end (str): ISO-8601 date-time with a `Z` or `±hh:mm` offset; seconds and fraction
            optional (e.g. `2016-08-19T15:00Z`, `2016-08-19T15:00:00.000+03:00`). Not necessarily RFC
            3339.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (str | Unset):
        tracking_id (str | Unset):
        campaign (bool | Unset):
        body (list[TrackingFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | RouteeError | RouteeError | SmsTrackingPage
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            date_start=date_start,
            date_end=date_end,
            page=page,
            size=size,
            sort=sort,
            tracking_id=tracking_id,
            campaign=campaign,
        )
    ).parsed
