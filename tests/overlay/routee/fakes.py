"""A scripted stand-in for Routee behind `httpx.MockTransport`, and a settable clock."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
from dlrkit import routee
from dlrkit_routee_api.client import AuthenticatedClient

APP_ID = "routee-test-app"
APP_SECRET = "rt-secret-7f3c9e0b8a7d6e4f2a1b"  # noqa: S105 -- a fake secret to hunt for
BASE = "https://connect.routee.test"
TOKEN_PREFIX = "rt-token-5b0c9d8e7f6a"  # noqa: S105 -- every issued token starts with it


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        """Return the current reading."""
        return self.now


class FakeRoutee:
    """Issues tokens at /oauth/token and answers the API, counting every request.

    A request with a token in ``valid`` gets ``api_response`` (default: an empty parts
    list); any other token gets ``reject_status`` with Routee's error body.
    """

    def __init__(self, *, expires_in: Any = 3600) -> None:
        self.expires_in = expires_in
        self.token_requests: list[httpx.Request] = []
        self.api_requests: list[httpx.Request] = []
        self.api_tokens: list[str] = []  # the bearer token each API request carried
        self.valid: set[str] = set()
        self.reject_status = 401
        self.token_delay = 0.0
        self.token_script: list[httpx.Response] = []
        self.token_response: Callable[[httpx.Request], httpx.Response] | None = None
        self.api_response: Callable[[httpx.Request], httpx.Response] = lambda _: httpx.Response(
            200, json=[]
        )

    def issue(self, request: httpx.Request) -> httpx.Response:
        """Answer a token request: scripted answers first, else a new valid token."""
        self.token_requests.append(request)
        if self.token_delay:
            time.sleep(self.token_delay)  # widens the window for a concurrent second fetch
        if self.token_script:
            return self.token_script.pop(0)
        if self.token_response is not None:
            return self.token_response(request)
        token = f"{TOKEN_PREFIX}-{len(self.token_requests)}"
        self.valid.add(token)
        body = {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in}
        return httpx.Response(200, json=body)

    def handler(self, request: httpx.Request) -> httpx.Response:
        """Answer any request (the sync MockTransport handler)."""
        if request.url.path.endswith("/oauth/token"):
            return self.issue(request)
        self.api_requests.append(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        self.api_tokens.append(token)  # the flow reuses the request object on a retry
        if token not in self.valid:
            code = f"{self.reject_status}000001"
            body = {"code": code, "developerMessage": "Invalid access token."}
            return httpx.Response(self.reject_status, json=body)
        return self.api_response(request)

    async def ahandler(self, request: httpx.Request) -> httpx.Response:
        """Answer like `handler`, yielding to other tasks before issuing a token."""
        if request.url.path.endswith("/oauth/token"):
            for _ in range(5):  # let every other task reach the token lock meanwhile
                await asyncio.sleep(0)
        return self.handler(request)

    def client(self, **kwargs: Any) -> AuthenticatedClient:
        """Return a dlrkit client whose sync and async requests all come here."""
        kwargs.setdefault("base_url", BASE)
        return routee.client(
            APP_ID,
            APP_SECRET,
            transport=httpx.MockTransport(self.handler),
            async_transport=httpx.MockTransport(self.ahandler),
            **kwargs,
        )


def json_body(request: httpx.Request) -> Any:
    """Return the request's JSON body."""
    return json.loads(request.content)
