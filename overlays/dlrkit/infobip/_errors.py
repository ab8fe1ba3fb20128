"""Infobip's error bodies, read into the core's typed errors.

v1 paths answer ``{requestError: {serviceException: {messageId, text, validationErrors}}}``;
``/sms/3/`` paths answer ``ApiError`` ``{errorCode, description, action, violations}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from dlrkit._call import Caller, ErrorBody, coerce_details


def _violations(value: object) -> dict[str, list[str]]:
    details: dict[str, list[str]] = {}
    if not isinstance(value, list):
        return details
    for item in value:
        if isinstance(item, Mapping):
            field = str(item.get("property") or "")
            details.setdefault(field, []).append(str(item.get("violation") or ""))
    return details


def parse_error(response: httpx.Response) -> ErrorBody:
    """Read either error shape into ``code``, ``message`` and per-field ``details``.

    v1: ``code`` is ``messageId`` (``UNAUTHORIZED``, ``BAD_REQUEST``... or a UUID) and
    ``details`` is ``validationErrors``. v3: ``code`` is ``errorCode`` (``E400``...),
    ``message`` its ``description`` and ``details`` the ``violations`` by property. Any other
    body raises, so `Caller` falls back to the default parser.
    """
    body: Any = response.json()
    request_id = response.headers.get("x-request-id")
    if isinstance(body, Mapping) and "errorCode" in body and "requestError" not in body:
        code = body.get("errorCode")
        return ErrorBody(
            message=str(body.get("description") or ""),
            code=None if code is None else str(code),
            details=_violations(body.get("violations")),
            request_id=request_id,
        )
    exception = body["requestError"]["serviceException"]
    code = exception.get("messageId")
    return ErrorBody(
        message=str(exception.get("text") or ""),
        code=None if code is None else str(code),
        details=coerce_details(exception.get("validationErrors")),
        request_id=request_id,
    )


CALLER = Caller("infobip", parse_error)
