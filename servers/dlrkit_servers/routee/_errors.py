"""Routee's error bodies, and the 9-digit codes this server uses.

The API answers with ``{code, developerMessage, properties?}``; the token endpoint with RFC 6749
§5.2 bodies. The spec's ``AuthError`` allows both.

Error codes (9 digits: HTTP status, module, error; the 400s are ours, Routee documents none for
these resources)::

    400005001 a required date is missing     400005005 bad page or size
    400005002 a date is not ISO-8601         400005006 bad sort
    400005003 dateStart older than 7 days    400005007 bad filter body
    400005004 dateEnd before dateStart       400005008 any other bad parameter
    404009001 unknown trackingId (on a 400, as Routee's filter endpoint documents it)
    401000000 no credentials   401000001 bad token   401000002 expired token
    403000000 token without the sms scope    404005000 unknown messageId
    404009001 unknown campaignTrackingId     404000000 unknown path
    405000000 undeclared method              500000000 server bug
"""

from __future__ import annotations

from typing import Any

from dlrkit_servers._core import (
    AuthFailure,
    Call,
    ErrorShapes,
    InputError,
    Issue,
    Response,
    json_response,
    show,
)

__all__ = ["TOKEN_PATH", "RouteeErrors", "oauth_error", "routee_error"]

#: The token endpoint's path: its errors take the OAuth2 shape.
TOKEN_PATH = "/oauth/token"  # noqa: S105 -- a path, not a secret
_DATE_CODES = {"missing": "400005001", "not_datetime": "400005002", "too_small": "400005003"}


def routee_error(
    status: int, code: str, message: str, properties: dict[str, str] | None = None
) -> Response:
    """Routee's ``{code, developerMessage, properties?}``; 401s carry a Bearer challenge."""
    body: dict[str, Any] = {"code": code, "developerMessage": message}
    if properties:
        body["properties"] = properties
    headers = None
    if status == 401:
        error = ', error="invalid_token"' if code != "401000000" else ""
        headers = {"WWW-Authenticate": f'Bearer realm="Routee"{error}'}
    return json_response(body, status=status, headers=headers)


def _code(issue: Issue) -> str:
    field = issue.field
    if field in ("dateStart", "dateEnd"):
        if field == "dateEnd" and issue.reason == "invalid":
            return "400005004"
        return _DATE_CODES.get(issue.reason, "400005008")
    if field in ("page", "size"):
        return "400005005"
    if field == "sort":
        return "400005006"
    return "400005007" if field.startswith("body") else "400005008"


class RouteeErrors(ErrorShapes):
    """Routee's envelope on the API; RFC 6749 bodies on the token endpoint."""

    def not_found(self, call: Call) -> Response:
        return routee_error(404, "404000000", f"No resource at {show(call.path)}.")

    def method_not_allowed(self, call: Call, allowed: tuple[str, ...]) -> Response:
        message = f"Request method {show(call.method)} is not supported; use {', '.join(allowed)}."
        return routee_error(405, "405000000", message)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Response:
        if call.route == TOKEN_PATH:
            return oauth_error(401, "invalid_client", "Bad application credentials.")
        if failure == "missing":
            return routee_error(401, "401000000", "Full authentication is required.")
        return routee_error(401, "401000001", "Invalid access token.")

    def invalid_input(self, call: Call, error: InputError) -> Response:
        first = error.issues[0]
        if call.route == TOKEN_PATH:
            return oauth_error(400, "invalid_request", first.message)
        properties: dict[str, str] = {}
        for issue in error.issues:
            known = properties.get(issue.field)
            properties[issue.field] = (
                issue.message if known is None else f"{known}; {issue.message}"
            )
        return routee_error(400, _code(first), first.message, properties)

    def internal_error(self, call: Call) -> Response:
        message = "Internal error in the dlrkit reference server; see its log."
        return routee_error(500, "500000000", message)


def oauth_error(status: int, error: str, description: str) -> Response:
    """Build an RFC 6749 §5.2 error; 401s challenge for HTTP Basic as §5.2 asks."""
    headers = {"WWW-Authenticate": 'Basic realm="Routee"'} if status == 401 else None
    body = {"error": error, "error_description": description}
    return json_response(body, status=status, headers=headers)
