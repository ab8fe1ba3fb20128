r"""Check the callback test vectors in ``tests/fixtures/callbacks`` against the specs.

Each vector's body validates against the schema of the webhook it names, its headers fit the
declared header parameters, and every published signature is recomputed here from the raw
body, so a vector edited by mistake (a re-serialised body, a lost ``\\/`` escape) fails.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest
from callback_support import EXPECTED_WEBHOOKS, body_errors
from openapi_support import PROVIDERS, load_spec, schema_validator

VECTORS = Path(__file__).resolve().parent.parent / "fixtures" / "callbacks"
KEYS = {"description", "source", "webhook", "secret", "headers", "body"}
# Public: MailerSend documents it as the secret of every `webhook.test` ping.
MAILERSEND_TEST_SECRET = "test_Am3L1GuOIc4blLUuHqAPxxwkZaJyEk8G"  # noqa: S105


def _vectors() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path in sorted(VECTORS.glob("*/*.json")):
        out.append((path.parent.name, path.stem, json.loads(path.read_text(encoding="utf-8"))))
    return out


VECTOR_LIST = _vectors()
IDS = [f"{p}-{n}" for p, n, _ in VECTOR_LIST]


def _header(vector: dict[str, Any], name: str) -> str:
    """Header value by case-insensitive name (HTTP header names are case-insensitive)."""
    (value,) = [v for k, v in vector["headers"].items() if k.lower() == name.lower()]
    return str(value)


def mailersend_signature(secret: str, body: bytes) -> str:
    """Lowercase hex HMAC-SHA256 of the raw body (MailerSend's `Signature`)."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def standard_webhooks_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    """`v1,` + base64 HMAC-SHA256 over `id.timestamp.body`, key = base64 after `whsec_`."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def test_every_provider_has_vectors() -> None:
    """Vectors exist for all four providers, and the signing providers have signed ones."""
    assert {p for p, _, _ in VECTOR_LIST} == set(PROVIDERS)
    signed = {p for p, _, v in VECTOR_LIST if v["secret"] is not None}
    assert signed == {"mailersend", "sentdm"}


@pytest.mark.parametrize(("provider", "name", "vector"), VECTOR_LIST, ids=IDS)
def test_vector_file_shape(provider: str, name: str, vector: dict[str, Any]) -> None:
    """Every vector has the documented keys, a raw string body that is JSON, and a source."""
    assert KEYS <= set(vector) <= KEYS | {"now"}
    assert isinstance(vector["body"], str)
    json.loads(vector["body"])
    assert vector["source"].startswith("[")
    assert _header(vector, "Content-Type") == "application/json"


@pytest.mark.parametrize(("provider", "name", "vector"), VECTOR_LIST, ids=IDS)
def test_vector_body_validates_against_its_webhook(
    provider: str, name: str, vector: dict[str, Any]
) -> None:
    """A vector naming a webhook fits its body schema; one naming none fits no webhook."""
    body = json.loads(vector["body"])
    if vector["webhook"] is None:
        for webhook in EXPECTED_WEBHOOKS[provider]:
            assert body_errors(provider, webhook, body) != [], webhook
    else:
        assert body_errors(provider, vector["webhook"], body) == []


SIGNED_EVENTS = [
    (p, n, v) for p, n, v in VECTOR_LIST if v["webhook"] is not None and v["secret"] is not None
]


@pytest.mark.parametrize(
    ("provider", "name", "vector"), SIGNED_EVENTS, ids=[f"{p}-{n}" for p, n, _ in SIGNED_EVENTS]
)
def test_vector_headers_fit_the_declared_headers(
    provider: str, name: str, vector: dict[str, Any]
) -> None:
    """Signed vectors carry every required header, each valid against its declared schema."""
    post = load_spec(provider)["webhooks"][vector["webhook"]]["post"]
    for ref in post["parameters"]:
        pointer = ref["$ref"]
        param = load_spec(provider)["components"]["parameters"][pointer.rsplit("/", 1)[1]]
        present = [k for k in vector["headers"] if k.lower() == param["name"].lower()]
        if param["required"]:
            assert present, param["name"]
        if present:
            validator = schema_validator(provider, f"{pointer}/schema")
            assert validator.is_valid(_header(vector, param["name"])), param["name"]


MAILERSEND_SIGNED = [
    (n, v) for p, n, v in VECTOR_LIST if p == "mailersend" and v["secret"] is not None
]
SENTDM_SIGNED = [(n, v) for p, n, v in VECTOR_LIST if p == "sentdm" and v["secret"] is not None]


@pytest.mark.parametrize(
    ("name", "vector"), MAILERSEND_SIGNED, ids=[n for n, _ in MAILERSEND_SIGNED]
)
def test_mailersend_signature(name: str, vector: dict[str, Any]) -> None:
    """`Signature` is the lowercase hex HMAC-SHA256 of the raw body; a changed byte breaks it."""
    body = vector["body"].encode()
    expected = _header(vector, "Signature")
    assert mailersend_signature(vector["secret"], body) == expected
    if b"\\/" in body:
        assert mailersend_signature(vector["secret"], body.replace(b"\\/", b"/")) != expected
    assert mailersend_signature(vector["secret"], body + b" ") != expected


@pytest.mark.parametrize(
    ("name", "vector"), MAILERSEND_SIGNED, ids=[n for n, _ in MAILERSEND_SIGNED]
)
def test_mailersend_test_secret_signs_only_the_ping(name: str, vector: dict[str, Any]) -> None:
    """The public test secret signs `webhook.test` vectors only, and those use no other secret."""
    is_ping = json.loads(vector["body"])["type"] == "webhook.test"
    assert (vector["secret"] == MAILERSEND_TEST_SECRET) is is_ping


def test_mailersend_escaped_slashes_are_kept() -> None:
    r"""The derived vector keeps PHP's `\\/` escapes; re-serialising the JSON would lose them."""
    vector = next(v for n, v in MAILERSEND_SIGNED if n == "derived_sms_sent")
    assert "https:\\/\\/www.mailersend.com\\/webhook" in vector["body"]
    reserialised = json.dumps(json.loads(vector["body"]), separators=(",", ":")).encode()
    assert mailersend_signature(vector["secret"], reserialised) != _header(vector, "Signature")


@pytest.mark.parametrize(("name", "vector"), SENTDM_SIGNED, ids=[n for n, _ in SENTDM_SIGNED])
def test_sentdm_signature(name: str, vector: dict[str, Any]) -> None:
    """`X-Webhook-Signature` is Standard Webhooks over `id.timestamp.body`; `now` is in range."""
    msg_id = _header(vector, "X-Webhook-ID")
    timestamp = _header(vector, "X-Webhook-Timestamp")
    body = vector["body"].encode()
    expected = _header(vector, "X-Webhook-Signature")
    assert standard_webhooks_signature(vector["secret"], msg_id, timestamp, body) == expected
    assert (
        standard_webhooks_signature(vector["secret"], msg_id, str(int(timestamp) + 1), body)
        != expected
    )
    assert standard_webhooks_signature(vector["secret"], msg_id + "x", timestamp, body) != expected
    assert abs(vector["now"] - int(timestamp)) <= 300


def test_every_webhook_has_a_vector_or_an_example() -> None:
    """Each webhook entry is exercised by at least one vector body or inline example."""
    covered = {(p, v["webhook"]) for p, _, v in VECTOR_LIST if v["webhook"] is not None}
    for provider, names in EXPECTED_WEBHOOKS.items():
        spec_examples = {
            name
            for name in names
            if load_spec(provider)["webhooks"][name]["post"]["requestBody"]["content"][
                "application/json"
            ].get("examples")
        }
        for name in names:
            assert (provider, name) in covered or name in spec_examples, (provider, name)
    assert {n for _, n in covered} == {n for names in EXPECTED_WEBHOOKS.values() for n in names}
