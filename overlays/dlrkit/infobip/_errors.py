"""Infobip's ``requestError.serviceException`` body, read into the core's typed errors."""

from __future__ import annotations

import httpx

from dlrkit._call import Caller, ErrorBody, coerce_details


def parse_error(response: httpx.Response) -> ErrorBody:
    """Read ``{requestError: {serviceException: {messageId, text, validationErrors}}}``.

    ``code`` is ``messageId`` (``UNAUTHORIZED``, ``BAD_REQUEST``... or a UUID) and
    ``details`` is ``validationErrors``. Any other body raises, so `Caller` falls back to
    the default parser.
    """
    exception = response.json()["requestError"]["serviceException"]
    code = exception.get("messageId")
    return ErrorBody(
        message=str(exception.get("text") or ""),
        code=None if code is None else str(code),
        details=coerce_details(exception.get("validationErrors")),
        request_id=response.headers.get("x-request-id"),
    )


CALLER = Caller("infobip", parse_error)
