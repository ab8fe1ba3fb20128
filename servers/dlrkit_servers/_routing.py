"""The route table: path template -> {method: handler}, checked when the server is built.

Templates are the spec's paths (``/sms-messages/{sms_message_id}``), relative to the server's
base path. A ``{name}`` segment matches one non-empty path segment (no ``/``) and is passed
decoded. Static templates win over templated ones; templated ones are tried in the order given.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.responses import Response

    from dlrkit_servers._call import Call

__all__ = ["METHODS", "Handler", "Route", "RouteTable", "Routes"]

#: A handler runs synchronously on the event loop, so no other request interleaves with it.
Handler = Callable[["Call"], "Response"]
Routes = Mapping[str, Mapping[str, Handler]]

#: Declarable methods, in the order an ``Allow`` header lists them.
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_PARAM = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class Route:
    """One compiled template and the handlers of its declared methods."""

    template: str
    pattern: re.Pattern[str] | None  # None for a static path
    handlers: Mapping[str, Handler]
    allowed: tuple[str, ...]


class RouteTable:
    """Matches request paths (base path included) to routes."""

    def __init__(self, base_path: str, routes: Routes) -> None:
        if base_path and (not base_path.startswith("/") or base_path.endswith("/")):
            raise ValueError(f"base_path must be '' or '/name' without a trailing /: {base_path!r}")
        if not routes:
            raise ValueError("a server needs at least one route")
        self._static: dict[str, Route] = {}
        self._templated: list[Route] = []
        for template, handlers in routes.items():
            route = _compile(base_path, template, handlers)
            if route.pattern is None:
                self._static[base_path + template] = route
            else:
                self._templated.append(route)

    def match(self, path: str) -> tuple[Route, dict[str, str]] | None:
        """Return the route for ``path`` and its parameters, or None for an unknown path."""
        route = self._static.get(path)
        if route is not None:
            return route, {}
        for route in self._templated:
            assert route.pattern is not None  # noqa: S101 -- narrows the type; _templated holds patterns
            found = route.pattern.fullmatch(path)
            if found is not None:
                return route, found.groupdict()
        return None


def _compile(base_path: str, template: str, handlers: Mapping[str, Handler]) -> Route:
    if not template.startswith("/"):
        raise ValueError(f"route templates start with '/': {template!r}")
    if not handlers:
        raise ValueError(f"route {template!r} declares no method")
    for method, handler in handlers.items():
        if method not in METHODS:
            raise ValueError(f"route {template!r}: unknown method {method!r}; use one of {METHODS}")
        if inspect.iscoroutinefunction(handler) or not callable(handler):
            raise TypeError(
                f"route {template!r} {method}: handlers must be plain (synchronous) callables "
                "so that each request runs without interleaving"
            )
    allowed = tuple(method for method in METHODS if method in handlers)
    # split() alternates static text (even indexes) and parameter names (odd indexes).
    pieces = _PARAM.split(template)
    static, names = pieces[::2], pieces[1::2]
    if any("{" in text or "}" in text for text in static):
        raise ValueError(f"route {template!r}: unbalanced braces")
    if len(set(names)) != len(names) or not all(name.isidentifier() for name in names):
        raise ValueError(f"route {template!r}: parameters must be distinct identifiers")
    if not names:
        return Route(template, None, dict(handlers), allowed)
    regex = "".join(
        f"(?P<{piece}>[^/]+)" if index % 2 else re.escape(piece)
        for index, piece in enumerate(pieces)
    )
    return Route(template, re.compile(re.escape(base_path) + regex), dict(handlers), allowed)
