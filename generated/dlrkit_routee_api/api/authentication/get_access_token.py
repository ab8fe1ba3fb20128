from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token import AccessToken
from ...models.o_auth_error import OAuthError
from ...models.routee_error import RouteeError
from ...models.token_request import TokenRequest
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessToken | OAuthError | RouteeError | None:
    if response.status_code == 200:
        response_200 = AccessToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> OAuthError | RouteeError:
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

        response_400 = _parse_response_400(response.json())

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

    if response.status_code == 500:
        response_500 = RouteeError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessToken | OAuthError | RouteeError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[AccessToken | OAuthError | RouteeError]:
    """Issue an access token

     OAuth2 client-credentials grant. Authenticate with HTTP Basic
    `base64(applicationId:applicationSecret)`; send `grant_type=client_credentials` and
    optionally `scope` (to narrow the application's permissions) as a form body. Use the
    returned token as `Authorization: Bearer <access_token>` on https://connect.routee.net.
    Tokens last 3600 s by default (an application may be configured for 1 day or 20 years).

    Args:
        body (TokenRequest): Form body of the token request. Other fields are ignored, as RFC 6749
            section 3.2 requires of token endpoints ("MUST ignore unrecognized request parameters").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | OAuthError | RouteeError | RouteeError]
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
    client: AuthenticatedClient,
    body: TokenRequest,
) -> AccessToken | OAuthError | RouteeError | None:
    """Issue an access token

     OAuth2 client-credentials grant. Authenticate with HTTP Basic
    `base64(applicationId:applicationSecret)`; send `grant_type=client_credentials` and
    optionally `scope` (to narrow the application's permissions) as a form body. Use the
    returned token as `Authorization: Bearer <access_token>` on https://connect.routee.net.
    Tokens last 3600 s by default (an application may be configured for 1 day or 20 years).

    Args:
        body (TokenRequest): Form body of the token request. Other fields are ignored, as RFC 6749
            section 3.2 requires of token endpoints ("MUST ignore unrecognized request parameters").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | OAuthError | RouteeError | RouteeError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[AccessToken | OAuthError | RouteeError]:
    """Issue an access token

     OAuth2 client-credentials grant. Authenticate with HTTP Basic
    `base64(applicationId:applicationSecret)`; send `grant_type=client_credentials` and
    optionally `scope` (to narrow the application's permissions) as a form body. Use the
    returned token as `Authorization: Bearer <access_token>` on https://connect.routee.net.
    Tokens last 3600 s by default (an application may be configured for 1 day or 20 years).

    Args:
        body (TokenRequest): Form body of the token request. Other fields are ignored, as RFC 6749
            section 3.2 requires of token endpoints ("MUST ignore unrecognized request parameters").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | OAuthError | RouteeError | RouteeError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> AccessToken | OAuthError | RouteeError | None:
    """Issue an access token

     OAuth2 client-credentials grant. Authenticate with HTTP Basic
    `base64(applicationId:applicationSecret)`; send `grant_type=client_credentials` and
    optionally `scope` (to narrow the application's permissions) as a form body. Use the
    returned token as `Authorization: Bearer <access_token>` on https://connect.routee.net.
    Tokens last 3600 s by default (an application may be configured for 1 day or 20 years).

    Args:
        body (TokenRequest): Form body of the token request. Other fields are ignored, as RFC 6749
            section 3.2 requires of token endpoints ("MUST ignore unrecognized request parameters").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | OAuthError | RouteeError | RouteeError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
