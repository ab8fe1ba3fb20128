from typing import Any

import httpx
import pytest
from dlrkit import infobip, mailersend, routee, sentdm
from dlrkit._client import ClientOptions

CLIENTS: dict[str, Any] = {
    "mailersend": lambda **o: mailersend.client("tok", **o),
    "sentdm": lambda **o: sentdm.client("key", "123e4567-e89b-12d3-a456-426614174000", **o),
    "infobip": lambda **o: infobip.client("key", **o),
    "routee": lambda **o: routee.client("id", "secret", base_url="http://routee.test", **o),
}


@pytest.mark.parametrize("provider", sorted(CLIENTS))
def test_every_client_takes_the_core_connection_options(provider: str) -> None:
    """Each provider's client() accepts every ClientOptions key and applies headers/timeout."""
    assert set(ClientOptions.__annotations__) == {
        "timeout", "max_retries", "retry_after_cap", "headers", "transport",
        "async_transport", "app", "verify", "httpx_args",
    }  # fmt: skip
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        token = {"access_token": "t", "token_type": "Bearer", "expires_in": 3600}
        return httpx.Response(200, json=token)

    client = CLIENTS[provider](
        timeout=7.0,
        max_retries=0,
        retry_after_cap=5.0,
        headers={"x-trace": "abc"},
        transport=httpx.MockTransport(handler),
        async_transport=None,
        app=None,
        verify=True,
        httpx_args={},
    )
    with client.get_httpx_client() as http:
        http.get("/ping")
        assert http.timeout == httpx.Timeout(7.0)
    assert seen[-1].headers["x-trace"] == "abc"
