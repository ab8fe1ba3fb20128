"""Stand-ins shaped like openapi-python-client output, for testing `Caller` without a spec."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import Any, Generic, TypeVar

import attrs
import httpx
from dlrkit._recorder import install
from dlrkit._transport import RetryPolicy, RetryTransport

T = TypeVar("T")
TOKEN = "mlsn.5f3c9e0b8a7d6e4f2a1b0c9d8e7f6a5b"  # noqa: S105 -- a fake token to hunt for


@attrs.define
class Response(Generic[T]):
    """Like the generated ``types.Response``."""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


@attrs.define
class Widget:
    """A model with one required field, parsed like generated ``from_dict``."""

    id: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Widget:
        """Parse like generated code: a missing key raises KeyError."""
        return cls(id=data["id"])


@attrs.define
class ErrorMessage:
    """A documented error body."""

    message: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorMessage:
        """Parse like generated code."""
        return cls(message=data["message"])


class Client:
    """Holds an httpx client with dlrkit's transport around a handler, as build_client does."""

    def __init__(self, handler: Any, *, max_retries: int = 0) -> None:
        transport = RetryTransport(
            RetryPolicy(max_retries=max_retries),
            transport=httpx.MockTransport(handler),
            async_transport=httpx.MockTransport(handler),
        )
        headers = {"Authorization": f"Bearer {TOKEN}"}
        self.http = httpx.Client(
            base_url="https://api.test/v1", transport=transport, headers=headers
        )
        self.ahttp = httpx.AsyncClient(
            base_url="https://api.test/v1", transport=transport, headers=headers
        )
        install(self.http)
        install(self.ahttp)

    def get_httpx_client(self) -> httpx.Client:
        """Return the sync httpx client."""
        return self.http

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Return the async httpx client."""
        return self.ahttp


def _parse(response: httpx.Response) -> Widget | ErrorMessage | None:
    if response.status_code == 200:
        return Widget.from_dict(response.json())
    if response.status_code == 404:
        return ErrorMessage.from_dict(response.json())
    return None


def _build(response: httpx.Response) -> Response[Widget | ErrorMessage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse(response),
    )


def sync_detailed(widget_id: str, *, client: Client) -> Response[Widget | ErrorMessage]:
    """Like a generated ``get_widget.sync_detailed``."""
    return _build(client.get_httpx_client().request(method="get", url=f"/widgets/{widget_id}"))


async def asyncio_detailed(widget_id: str, *, client: Client) -> Response[Widget | ErrorMessage]:
    """Like a generated ``get_widget.asyncio_detailed``."""
    response = await client.get_async_httpx_client().request(
        method="get", url=f"/widgets/{widget_id}"
    )
    return _build(response)
