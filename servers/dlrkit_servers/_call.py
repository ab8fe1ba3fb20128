"""The request as a handler sees it: a plain object, fully read before the handler runs."""

from __future__ import annotations

import json
import math
from typing import Any

from starlette.datastructures import URL, Headers
from starlette.types import Scope

from dlrkit_servers._errors import InputError
from dlrkit_servers._query import Query

__all__ = ["Call"]


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text[:20]}")
    return value


def _no_constants(text: str) -> object:
    raise ValueError(f"{text} is not valid JSON")


class Call:
    """One HTTP request routed to a handler.

    ``route`` is the matched path template as declared (relative to the base path; empty when no
    route matched) and ``path_params`` its decoded values. ``body`` holds the whole body once
    the core has read it, which it does after auth and before the handler.
    """

    __slots__ = (
        "_query",
        "base_path",
        "body",
        "headers",
        "method",
        "path",
        "path_params",
        "route",
        "scope",
    )

    def __init__(self, scope: Scope, base_path: str) -> None:
        self.scope = scope
        self.base_path = base_path
        self.method: str = scope["method"]
        self.path: str = scope["path"]
        self.headers = Headers(scope=scope)
        self.route = ""
        self.path_params: dict[str, str] = {}
        self.body = b""
        self._query: Query | None = None

    def __repr__(self) -> str:
        return f"Call({self.method} {self.path})"

    @property
    def query(self) -> Query:
        """The decoded query string."""
        if self._query is None:
            self._query = Query.parse(self.scope.get("query_string", b""))
        return self._query

    @property
    def base_url(self) -> str:
        """Origin the client used (from ``Host``) plus the base path, without a trailing slash."""
        url = URL(scope=self.scope)
        return f"{url.scheme}://{url.netloc}{self.base_path}"

    @property
    def content_type(self) -> str:
        """The media type of the body, lower-cased, without parameters ("" when absent)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    def json(self) -> Any:
        """Parse the body as JSON (finite numbers only); ``InputError`` if it is not."""
        if not self.body.strip():
            raise InputError.of("body", "missing", "a JSON request body is required")
        try:
            return json.loads(self.body, parse_float=_finite, parse_constant=_no_constants)
        except (ValueError, RecursionError) as exc:
            # JSONDecodeError and UnicodeDecodeError are ValueErrors; deep nesting recurses.
            message = f"the request body is not valid JSON: {exc}"
            raise InputError.of("body", "invalid_json", message) from None

    def json_object(self) -> dict[str, Any]:
        """Parse the body as a JSON object; ``wrong_type`` for any other JSON value."""
        value = self.json()
        if not isinstance(value, dict):
            message = f"the request body must be a JSON object, got {_kind(value)}"
            raise InputError.of("body", "wrong_type", message)
        return value

    def json_array(self) -> list[Any]:
        """Parse the body as a JSON array; ``wrong_type`` for any other JSON value."""
        value = self.json()
        if not isinstance(value, list):
            message = f"the request body must be a JSON array, got {_kind(value)}"
            raise InputError.of("body", "wrong_type", message)
        return value

    def form(self) -> Query:
        """Parse the body as ``application/x-www-form-urlencoded``."""
        return Query.parse(self.body)


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
