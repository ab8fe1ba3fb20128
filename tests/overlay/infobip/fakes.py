"""Infobip bodies as the API sends them, and a small in-memory drain-once server."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
from dlrkit import infobip
from dlrkit_infobip_api.client import AuthenticatedClient

KEY = "003026bbc133714df1834b8638bb496e-8f4b3d9a-e931-478d-a994-28a725159ab9"
NO_ERROR = {
    "groupId": 0,
    "groupName": "Ok",
    "id": 0,
    "name": "NO_ERROR",
    "description": "No Error",
    "permanent": False,
}
DELIVERED = {
    "groupId": 3,
    "groupName": "DELIVERED",
    "id": 5,
    "name": "DELIVERED_TO_HANDSET",
    "description": "Message delivered to handset",
}


def report(number: int = 0, **fields: Any) -> dict[str, Any]:
    """Return the docs' canonical report, numbered for identity checks."""
    body: dict[str, Any] = {
        "bulkId": "BULK-ID-123-xyz",
        "messageId": f"MESSAGE-ID-{number}",
        "to": "41793026727",
        "sentAt": "2019-11-09T16:00:00.000+0000",
        "doneAt": "2019-11-09T16:00:00.000+0000",
        "smsCount": 1,
        "price": {"pricePerMessage": 0.01, "currency": "EUR"},
        "status": dict(DELIVERED),
        "error": dict(NO_ERROR),
    }
    return body | fields


def service_exception(
    message_id: str, text: str, validation: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """Return Infobip's v1 error body."""
    exception: dict[str, Any] = {"messageId": message_id, "text": text}
    if validation is not None:
        exception["validationErrors"] = validation
    return {"requestError": {"serviceException": exception}}


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """Return a JSON response."""
    return httpx.Response(status, content=json.dumps(body).encode(), headers=headers)


class DrainServer:
    """Hands out ``total`` reports once each, ``limit`` at a time; records every request."""

    def __init__(self, total: int) -> None:
        self.reports = [report(n) for n in range(total)]
        self.pending = list(self.reports)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """Answer one batch request, removing what it returns."""
        self.requests.append(request)
        params = request.url.params
        wanted = [
            r for r in self.pending if params.get("messageId", r["messageId"]) == r["messageId"]
        ]
        batch = wanted[: int(params.get("limit", "50"))]
        self.pending = [r for r in self.pending if r not in batch]
        return json_response(200, {"results": batch})


def mock_client(
    handler: Callable[[httpx.Request], httpx.Response], **options: Any
) -> AuthenticatedClient:
    """Return a dlrkit.infobip client whose requests go to ``handler``."""
    transport = httpx.MockTransport(handler)
    return infobip.client(KEY, transport=transport, async_transport=transport, **options)
