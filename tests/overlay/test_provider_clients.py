from typing import Any

import httpx
import pytest
from dlrkit import InvalidFieldError, infobip, mailersend, routee, sentdm
from dlrkit._client import ClientOptions

CLIENTS: dict[str, Any] = {
    "mailersend": lambda **o: mailersend.client("tok", **o),
    "sentdm": lambda **o: sentdm.client("key", "123e4567-e89b-12d3-a456-426614174000", **o),
    "infobip": lambda **o: infobip.client("key", **o),
    "routee": lambda **o: routee.client("id", "secret", **{"base_url": "http://routee.test", **o}),
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


# (option, bad value, text the error must show for it)
BAD_OPTIONS: list[tuple[str, object, str]] = [
    ("timeout", "x", "'x'"),
    ("timeout", -1, "-1"),
    ("timeout", 0, "0"),
    ("timeout", float("nan"), "nan"),
    ("timeout", True, "True"),
    ("max_retries", -1, "-1"),
    ("max_retries", 1.5, "1.5"),
    ("max_retries", "3", "'3'"),
    ("retry_after_cap", -1, "-1"),
    ("retry_after_cap", "60", "'60'"),
    ("headers", "x-trace: 1", "<a str>"),
    ("headers", {"x-trace": 1}, "<a int>"),
    ("transport", "http://proxy", "'http://proxy'"),
    ("async_transport", httpx.HTTPTransport(), "HTTPTransport"),
    ("app", 3, "3"),
    ("verify", 3, "3"),
    ("httpx_args", 3, "<a int>"),
]


@pytest.mark.parametrize("provider", sorted(CLIENTS))
@pytest.mark.parametrize(("option", "value", "shown"), BAD_OPTIONS)
def test_every_client_rejects_a_bad_option_when_built(
    provider: str, option: str, value: object, shown: str
) -> None:
    """A wrong option fails in client(), naming the option and the value, before any request."""
    with pytest.raises(InvalidFieldError) as info:
        CLIENTS[provider](**{option: value})
    assert info.value.field.split("[")[0] == option
    assert option in str(info.value)
    assert shown in str(info.value)


@pytest.mark.parametrize("provider", ["mailersend", "sentdm", "routee"])
@pytest.mark.parametrize("base_url", [3, "", "api.test/v1", "ftp://api.test", "https://"])
def test_every_client_rejects_a_base_url_that_is_no_http_url(
    provider: str, base_url: object
) -> None:
    """base_url is checked when the client is built, not by the first request."""
    with pytest.raises(InvalidFieldError, match="base_url"):
        CLIENTS[provider](base_url=base_url)


def test_a_header_value_is_never_shown_in_the_error() -> None:
    """Header values may be credentials: the error names the header and the type only."""
    with pytest.raises(InvalidFieldError) as info:
        mailersend.client("tok", headers={"x-secret": b"hunter22"})  # type: ignore[dict-item]
    assert "hunter22" not in str(info.value)
    assert info.value.field == "headers['x-secret']"
