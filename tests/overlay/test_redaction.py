from __future__ import annotations

import base64

import dlrkit
import httpx
import pytest
from dlrkit._call import Caller
from dlrkit._errors import make_status_error
from dlrkit._redact import REDACTED, redact, redact_url, secrets_in_headers
from hypothesis import given
from hypothesis import strategies as st

from overlay import fakes, strategies

TOKEN = fakes.TOKEN


def test_redact_masks_every_occurrence() -> None:
    """Every occurrence of every secret is replaced by the marker."""
    text = f"key {TOKEN} again {TOKEN} and s3cr3t"
    assert redact(text, [TOKEN, "s3cr3t"]) == f"key {REDACTED} again {REDACTED} and {REDACTED}"


def test_redact_ignores_empty_and_tiny_secrets() -> None:
    """None, empty and very short secrets do not shred ordinary text."""
    assert redact("a normal sentence", [None, "", "a", "no"]) == "a normal sentence"


@given(strategies.tokens, st.text(), st.text())
def test_redacted_text_never_contains_the_token(token: str, before: str, after: str) -> None:
    """Whatever surrounds a token, the redacted text does not contain it."""
    assert token not in redact(before + token + after + token, [token, "Bearer " + token])


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Authorization": "Bearer abcd1234"}, ["Bearer abcd1234", "abcd1234"]),
        ({"Authorization": "App 003026bbc1"}, ["App 003026bbc1", "003026bbc1"]),
        ({"x-api-key": "9f1c2d3e"}, ["9f1c2d3e"]),
        ({"Accept": "application/json"}, []),
    ],
)
def test_secrets_in_headers(headers: dict[str, str], expected: list[str]) -> None:
    """Credential headers give their value and the part after the scheme."""
    assert secrets_in_headers(headers) == expected


def test_basic_auth_password_is_a_secret() -> None:
    """For Basic auth the decoded application secret is collected too."""
    encoded = base64.b64encode(b"app-id:app-secret-value").decode()
    assert "app-secret-value" in secrets_in_headers({"Authorization": f"Basic {encoded}"})


def test_redact_url_masks_password_and_key_params() -> None:
    """URL passwords and key-like query parameters are masked; the rest is kept."""
    url = "https://user:pw@api.test/v1/x?api_key=abc123&page=2"
    assert redact_url(url) == f"https://user:{REDACTED}@api.test/v1/x?api_key={REDACTED}&page=2"


@given(strategies.tokens)
def test_echoed_token_never_reaches_status_error(token: str) -> None:
    """A server echoing the token in every error field cannot leak it into str or repr."""
    request = httpx.Request("GET", "https://api.test/x", headers={"X-Api-Key": token})
    response = httpx.Response(401, request=request)
    error = make_status_error(
        "acme",
        response,
        code=f"BAD_{token}",
        message=f"key {token} is invalid",
        details={token: [f"value {token}"]},
        request_id=token,
    )
    for text in (str(error), repr(error), error.message, repr(error.details), str(error.code)):
        assert token not in text


def test_echoed_token_in_body_is_redacted_through_call() -> None:
    """An error body that quotes the Authorization header is redacted in the raised error."""

    def handler(request: httpx.Request) -> httpx.Response:
        auth = request.headers["Authorization"]
        return httpx.Response(401, json={"message": f"invalid credentials: {auth}"})

    with pytest.raises(dlrkit.AuthenticationError) as info:
        Caller("acme").call(fakes.sync_detailed, fakes.Widget, "w", client=fakes.Client(handler))
    assert TOKEN not in str(info.value)
    assert TOKEN not in repr(info.value)
    assert REDACTED in str(info.value)


def test_token_in_unparseable_success_body_is_redacted() -> None:
    """A parse failure whose reason quotes the token does not show it."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"echo": request.headers["Authorization"]})

    def detailed(*, client: fakes.Client) -> fakes.Response[fakes.Widget]:
        response = client.get_httpx_client().get("/w")
        raise KeyError(f"id (body was {response.text})")

    with pytest.raises(dlrkit.ResponseValidationError) as info:
        Caller("acme").call(detailed, fakes.Widget, client=fakes.Client(handler))
    assert TOKEN not in str(info.value)
    assert TOKEN not in repr(info.value)


def test_connection_error_masks_url_credentials() -> None:
    """A connection error names the URL with key-like query values masked."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    def detailed(*, client: fakes.Client) -> fakes.Response[fakes.Widget]:
        client.get_httpx_client().get("/w", params={"access_token": TOKEN})
        raise AssertionError("unreachable")

    with pytest.raises(dlrkit.APIConnectionError) as info:
        Caller("acme").call(detailed, fakes.Widget, client=fakes.Client(handler))
    assert TOKEN not in str(info.value)
    assert f"access_token={REDACTED}" in str(info.value)
