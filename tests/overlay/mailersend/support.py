"""Constants and helpers shared by the MailerSend overlay tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
from dlrkit import mailersend
from dlrkit._asgi import SyncASGITransport
from dlrkit_mailersend_api.client import AuthenticatedClient
from dlrkit_servers import ReferenceServer
from waiting import pages

TOKEN = "mlsn.0f1e2d3c4b5a69788796a5b4c3d2e1f0aabbccdd"  # noqa: S105 -- fake, to hunt for
NOW = datetime(2025, 7, 29, 14, 31, 52, tzinfo=UTC)
SEED = 3

Handler = Callable[[httpx.Request], httpx.Response]


def close(client: AuthenticatedClient) -> None:
    """Close the sync side of ``client`` (stops the in-process server's thread)."""
    client.get_httpx_client().close()


def mock_client(handler: Handler, **kwargs: Any) -> AuthenticatedClient:
    """Return a MailerSend client whose requests go to ``handler`` (sync and async)."""
    transport = httpx.MockTransport(handler)
    return mailersend.client(TOKEN, transport=transport, async_transport=transport, **kwargs)


def raw_pages(server: ReferenceServer, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every row of a listing, by a plain httpx loop over ``page`` (no dlrkit involved)."""
    transport = SyncASGITransport(server.app)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    rows: list[dict[str, Any]] = []
    with httpx.Client(transport=transport, base_url="http://ms.test/v1", headers=headers) as http:
        for page in pages(1):
            body = http.get(path, params={**params, "page": page}).raise_for_status().json()
            rows.extend(body["data"])
            if body["links"]["next"] is None:
                return rows
    raise AssertionError("unreachable: pages() raises first")


def activity_row(index: int) -> dict[str, Any]:
    """Return the ``index``-th row of a fake activity listing (distinct per index)."""
    return {
        "from": "+18332647501",
        "to": f"+1620{index:07d}",
        "created_at": f"2022-02-21T08:{index // 60 % 60:02d}:{index % 60:02d}.627000Z",
        "content": "Lorem ipsum",
        "status": "delivered",
        "sms_message_id": f"{index:024x}",
    }


class FakeListing:
    """A MailerSend-like ``/sms-activity`` holding ``total`` rows; records every request."""

    def __init__(self, total: int) -> None:
        self.rows = [activity_row(i) for i in range(total)]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """Serve one page of the simple paginator (``links.next`` null on the last)."""
        self.requests.append(request)
        page = int(request.url.params.get("page", "1"))
        limit = int(request.url.params.get("limit", "25"))
        start = (page - 1) * limit
        chunk = self.rows[start : start + limit]
        more = len(self.rows) > start + limit
        path = "https://api.mailersend.com/v1/sms-activity"
        body = {
            "data": chunk,
            "links": {
                "first": f"{path}?page=1",
                "last": None,
                "prev": f"{path}?page={page - 1}" if page > 1 else None,
                "next": f"{path}?page={page + 1}" if more else None,
            },
            "meta": {
                "current_page": page,
                "from": start + 1 if chunk else None,
                "path": path,
                "per_page": limit,
                "to": start + len(chunk) if chunk else None,
            },
        }
        return httpx.Response(200, json=body)
