"""sent.dm bodies as the API sends them, and a small in-memory contacts server."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from dlrkit import sentdm
from dlrkit_sentdm_api.client import AuthenticatedClient

KEY = "6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70"
PROFILE = "0b5c8d1e-7a4f-4c2b-9e1d-5f6a7b8c9d0e"
MESSAGE_ID = "8ba7b830-9dad-11d1-80b4-00c04fd430c8"
META = {"request_id": "req_7X9zKp2jDw", "timestamp": "2026-03-11T21:25:50.1716529+00:00"}
DOC_URL = "https://docs.sent.dm/reference/api/error-catalog"


def envelope(data: Any) -> dict[str, Any]:
    """Wrap ``data`` in the success envelope."""
    return {"success": True, "data": data, "error": None, "meta": {**META, "version": "v3"}}


def error_envelope(
    code: str, message: str, details: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """Return sent.dm's error envelope, as in the error catalog."""
    error = {"code": code, "message": message, "details": details, "doc_url": DOC_URL}
    return {"success": False, "data": None, "error": error, "meta": {**META, "version": "v3"}}


def contact(number: int) -> dict[str, Any]:
    """Return a minimal contact row, numbered for identity checks."""
    return {
        "id": str(uuid.UUID(int=number + 1)),
        "phone_number": f"+1415{number:07d}",
        "created_at": "2026-03-11T21:18:50.17173+00:00",
    }


def message(status: str = "DELIVERED", **fields: Any) -> dict[str, Any]:
    """Return a message status like the docs' example: queued, sent, delivered."""
    body: dict[str, Any] = {
        "id": MESSAGE_ID,
        "phone": "+14155551234",
        "channel": "sms",
        "status": status,
        "created_at": "2026-03-11T21:18:50.17173+00:00",
        "price": 0.0055,
        "active_contact_price": 0.015,
        "events": [
            {"status": "QUEUED", "timestamp": "2026-03-11T21:18:50.17173+00:00"},
            {"status": "SENT", "timestamp": "2026-03-11T21:18:51.1716529+00:00"},
            {
                "status": status,
                "timestamp": "2026-03-11T21:19:50.175326+00:00",
                "description": "Message delivered to recipient",
            },
        ],
    }
    return body | fields


def activities() -> dict[str, Any]:
    """Return an activity log like the docs' example, newest first."""
    rows = [
        ("DELIVERED", "2026-03-11T21:25:50.1716529+00:00", "0.0450", "+15550001111"),
        ("SENT", "2026-03-11T21:20:50.17173+00:00", "0.0450", "+15550001111"),
        ("PROCESSED", "2026-03-11T21:19:50.175326+00:00", "0.0450", None),
        ("ACCEPTED", "2026-03-11T21:18:50.17173+00:00", None, None),
    ]
    return {
        "message_id": MESSAGE_ID,
        "activities": [
            {
                "status": status,
                "description": f"Message {status.lower()}",
                "from": sender,
                "timestamp": stamp,
                "price": price,
                "active_contact_price": None if price is None else "0.0150",
            }
            for status, stamp, price, sender in rows
        ],
    }


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """Return a JSON response."""
    return httpx.Response(status, content=json.dumps(body).encode(), headers=headers)


class ContactsServer:
    """Serves ``total`` contacts in 1-based pages and records every request."""

    def __init__(self, total: int) -> None:
        self.rows = [contact(n) for n in range(total)]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """Answer one page request."""
        self.requests.append(request)
        page = int(request.url.params.get("page", "1"))
        size = int(request.url.params.get("page_size", "20"))
        pages = -(-len(self.rows) // size)
        pagination = {
            "page": page,
            "page_size": size,
            "total_count": len(self.rows),
            "total_pages": pages,
            "has_more": page < pages,
            "cursors": None,
        }
        rows = self.rows[(page - 1) * size : page * size]
        return json_response(200, envelope({"contacts": rows, "pagination": pagination}))


def mock_client(
    handler: Callable[[httpx.Request], httpx.Response], **options: Any
) -> AuthenticatedClient:
    """Return a dlrkit.sentdm client whose requests go to ``handler``."""
    transport = httpx.MockTransport(handler)
    return sentdm.client(KEY, transport=transport, async_transport=transport, **options)
