"""Routee's error bodies, read into the core's typed errors.

The API answers ``{"code": "404005000", "developerMessage": ..., "properties": {field: msg}}``
(``code``: 3-digit HTTP status + 3-digit module + 3-digit error). Token and bearer failures
may instead carry an RFC 6749 body ``{"error": "invalid_client", "error_description": ...}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ParamSpec, TypeVar

import httpx

from dlrkit._call import Caller, ErrorBody, coerce_details, default_error_parser

__all__ = ["CALLER", "PROVIDER", "acall", "call", "parse_error"]

P = ParamSpec("P")
T = TypeVar("T")

PROVIDER = "routee"


def parse_error(response: httpx.Response) -> ErrorBody:
    """Read a Routee or OAuth2 error body; anything else falls back to the core's parser."""
    body = response.json()
    if not isinstance(body, Mapping):
        return default_error_parser(response)
    request_id = response.headers.get("x-request-id")
    if "developerMessage" in body or "code" in body:
        code = body.get("code")
        return ErrorBody(
            message=str(body.get("developerMessage") or ""),
            code=None if code is None else str(code),
            details=coerce_details(body.get("properties")),
            request_id=request_id,
        )
    if "error" in body and not isinstance(body["error"], Mapping):
        return ErrorBody(
            message=str(body.get("error_description") or body["error"]),
            code=str(body["error"]),
            request_id=request_id,
        )
    return default_error_parser(response)


CALLER = Caller(PROVIDER, parse_error)


# Routee calls go through the core Caller directly: it re-raises errors that are already
# typed (a failed token fetch in `RouteeAuth`) as they are.
call = CALLER.call
acall = CALLER.acall
