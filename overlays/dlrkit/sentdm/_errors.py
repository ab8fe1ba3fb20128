"""sent.dm's error envelope, read into the core's typed errors."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from dlrkit._call import Caller, ErrorBody, coerce_details


def parse_error(response: httpx.Response) -> ErrorBody:
    """Read ``{success: false, error: {code, message, details}, meta: {request_id}}``.

    ``request_id`` is ``meta.request_id``, else the ``X-Request-Id`` header. A body that is
    not this envelope (401/403 may come empty) raises, so `Caller` falls back to the
    default parser.
    """
    body = response.json()
    error = body["error"]
    if not isinstance(error, Mapping):
        raise TypeError("no error object in the envelope")
    meta = body.get("meta")
    request_id = meta.get("request_id") if isinstance(meta, Mapping) else None
    code = error.get("code")
    return ErrorBody(
        message=str(error.get("message") or ""),
        code=None if code is None else str(code),
        details=coerce_details(error.get("details")),
        request_id=str(request_id or response.headers.get("x-request-id") or "") or None,
    )


CALLER = Caller("sentdm", parse_error)
