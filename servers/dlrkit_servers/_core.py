"""The kit a provider module is written with: import everything from here.

See ``servers/README.md`` for the contract a provider module fulfils and a worked example.
"""

from __future__ import annotations

from starlette.responses import Response

from dlrkit_servers._auth import (
    AuthHook,
    basic_credentials,
    header_auth,
    no_auth,
    scheme_auth,
    scheme_credentials,
    secret_matches,
)
from dlrkit_servers._call import Call
from dlrkit_servers._data import Clock, aware_utc, digits, hex_id, instant_between, rng_for, uuid4
from dlrkit_servers._errors import (
    Abort,
    AuthFailure,
    Checks,
    ErrorShapes,
    InputError,
    Issue,
    Reason,
    show,
)
from dlrkit_servers._query import INT64_MAX, INT64_MIN, Query
from dlrkit_servers._responses import dumps, json_response
from dlrkit_servers._routing import Handler, Routes
from dlrkit_servers._server import DEFAULT_MAX_BODY, ReferenceServer

__all__ = [
    "DEFAULT_MAX_BODY",
    "INT64_MAX",
    "INT64_MIN",
    "Abort",
    "AuthFailure",
    "AuthHook",
    "Call",
    "Checks",
    "Clock",
    "ErrorShapes",
    "Handler",
    "InputError",
    "Issue",
    "Query",
    "Reason",
    "ReferenceServer",
    "Response",
    "Routes",
    "aware_utc",
    "basic_credentials",
    "digits",
    "dumps",
    "header_auth",
    "hex_id",
    "instant_between",
    "json_response",
    "no_auth",
    "rng_for",
    "scheme_auth",
    "scheme_credentials",
    "secret_matches",
    "show",
    "uuid4",
]
