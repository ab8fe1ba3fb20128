from __future__ import annotations

import json

import pytest
from dlrkit import DlrkitError, callbacks
from hypothesis import given, settings
from hypothesis import strategies as st

from .support import MS_SECRET, SW_SECRET, mailersend_signature, sentdm_signature, vector

NOW = 1_760_000_000
PROVIDERS = ["mailersend", "sentdm", "infobip", "routee"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)


def _mutations(provider: str) -> st.SearchStrategy[object]:
    """Return any JSON, or a real body of ``provider`` with one value at any depth replaced."""
    name = {
        "mailersend": "derived_sms_failed",
        "sentdm": "derived_message_delivered",
        "infobip": "java_sdk_v3_delivery_report",
        "routee": "derived_current_docs_part",
    }[provider]
    base = json.loads(vector(provider, name).body)

    @st.composite
    def mutate(draw: st.DrawFn) -> object:
        node = base = json.loads(vector(provider, name).body)
        while isinstance(node, dict | list) and node:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            key = draw(st.sampled_from(keys))
            if draw(st.booleans()) or not isinstance(node[key], dict | list):
                node[key] = draw(json_values)
                break
            node = node[key]
        return base

    return st.one_of(json_values, mutate(), st.just(base))


def _signed(provider: str, body: bytes) -> dict[str, str]:
    if provider == "mailersend":
        return mailersend_signature(body)
    if provider == "sentdm":
        return sentdm_signature(body, NOW)
    return {}


def _parse(provider: str, body: bytes, headers: dict[str, str]) -> None:
    secret = {"mailersend": MS_SECRET, "sentdm": SW_SECRET}.get(provider)
    try:
        events = callbacks.parse_callback(provider, body, headers, secret=secret, now=NOW)
    except DlrkitError:
        return
    assert isinstance(events, list)


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_signed_json_raises_only_dlrkit_errors(provider: str, data: st.DataObject) -> None:
    """Correctly signed arbitrary or mutated JSON gives events or a DlrkitError, nothing else."""
    body = json.dumps(data.draw(_mutations(provider))).encode()
    _parse(provider, body, _signed(provider, body))


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=100, deadline=None)
@given(body=st.binary(max_size=200))
def test_any_signed_bytes_raise_only_dlrkit_errors(provider: str, body: bytes) -> None:
    """Correctly signed arbitrary bytes (not JSON, not UTF-8) never escape as another error."""
    _parse(provider, body, _signed(provider, body))


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=100, deadline=None)
@given(
    body=st.binary(max_size=100) | st.text(max_size=100),
    headers=st.dictionaries(st.text(max_size=25), st.text(max_size=40), max_size=4)
    | st.lists(st.tuples(st.binary(max_size=20), st.binary(max_size=40)), max_size=4),
)
def test_any_headers_raise_only_dlrkit_errors(
    provider: str, body: bytes | str, headers: object
) -> None:
    """Arbitrary bodies with arbitrary headers never raise anything but a DlrkitError."""
    _parse(provider, body, headers)  # type: ignore[arg-type]


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=40, deadline=None)
@given(data=st.data(), sign=st.booleans())
def test_the_receiver_never_answers_5xx_to_bad_input(
    provider: str, data: st.DataObject, sign: bool
) -> None:
    """Any body, signed or not, gets 200, 400 or 401 from the receiver, never a 5xx."""
    import asyncio

    import httpx

    body = json.dumps(data.draw(_mutations(provider))).encode()
    if data.draw(st.booleans()):
        body = data.draw(st.binary(max_size=64))
    headers = _signed(provider, body) if sign else {}
    secret = {"mailersend": MS_SECRET, "sentdm": SW_SECRET}.get(provider)
    # A wide window: the signatures are dated NOW, and the receiver reads the real clock.
    app = callbacks.receiver(provider, lambda events: None, secret=secret, tolerance=10**10)

    async def post() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hooks") as client:
            return (await client.post("/", content=body, headers=headers)).status_code

    assert asyncio.run(post()) in {200, 400, 401}
