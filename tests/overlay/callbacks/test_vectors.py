from __future__ import annotations

import json

import pytest
from dlrkit import (
    DeliveryStatus,
    InvalidFieldError,
    SignatureError,
    callbacks,
    mailersend,
    normalize,
)

from .support import Vector, vector, vectors

SIGNED = [v for v in vectors() if v.secret is not None]
UNSIGNED_EVENTS = [v for v in vectors() if v.secret is None and v.webhook is not None]


def test_every_published_signed_vector_is_here() -> None:
    """The fact sheet's MailerSend and sent.dm test vectors are all among the fixtures."""
    names = {(v.provider, v.name) for v in SIGNED}
    assert {
        ("mailersend", "node_sdk_email_activity_sent"),
        ("mailersend", "symfony_webhook_test"),
        ("mailersend", "derived_sms_sent"),
        ("sentdm", "standard_webhooks_spec_vector"),
        ("sentdm", "derived_message_delivered"),
    } <= names


@pytest.mark.parametrize("v", SIGNED, ids=lambda v: f"{v.provider}/{v.name}")
def test_signed_vector_passes_verification(v: Vector) -> None:
    """Each published signature verifies; a body that is no SMS event then fails on a field."""
    parse = callbacks.parse_callback
    if v.webhook is None:  # an email event / the bare spec vector: signed right, not ours
        with pytest.raises(InvalidFieldError) as caught:
            parse(v.provider, v.body.encode(), v.headers, secret=v.secret, now=v.now)
        assert not isinstance(caught.value, SignatureError)
        assert caught.value.field in {"type", "field"}
    else:
        events = parse(v.provider, v.body.encode(), v.headers, secret=v.secret, now=v.now)
        assert all(e.provider == v.provider for e in events)
        assert len(events) == (0 if v.webhook == "webhook.test" else 1)


@pytest.mark.parametrize("v", SIGNED, ids=lambda v: f"{v.provider}/{v.name}")
def test_signed_vector_with_one_byte_changed_is_rejected(v: Vector) -> None:
    """Changing one byte of any signed vector's body fails the signature check."""
    body = bytearray(v.body.encode())
    body[len(body) // 2] ^= 0x01
    with pytest.raises(SignatureError) as caught:
        callbacks.parse_callback(v.provider, bytes(body), v.headers, secret=v.secret, now=v.now)
    assert caught.value.check == "bad signature"


def test_mailersend_vector_verifies_over_escaped_slashes() -> None:
    """The signature covers the raw bytes with the escaped slashes, not re-serialized JSON."""
    v = vector("mailersend", "derived_sms_sent")
    assert "\\/" in v.body
    reserialized = json.dumps(json.loads(v.body), separators=(",", ":")).encode()
    assert mailersend.parse_callback(v.body, v.headers, secret=v.secret)
    with pytest.raises(SignatureError, match="bad signature"):
        mailersend.parse_callback(reserialized, v.headers, secret=v.secret)


@pytest.mark.parametrize("v", UNSIGNED_EVENTS, ids=lambda v: f"{v.provider}/{v.name}")
def test_unsigned_documented_bodies_parse_through_normalize(v: Vector) -> None:
    """Every documented callback body is read by dlrkit.normalize as an unsigned parse."""
    events = normalize(v.provider, v.body)
    if v.provider == "infobip":
        assert len(events) == len(json.loads(v.body)["results"])
    else:
        assert len(events) == (0 if v.webhook in {"webhook.test", "campaign-status"} else 1)
    assert all(e.provider == v.provider for e in events)


@pytest.mark.parametrize(
    ("name", "status", "error"),
    [
        ("derived_sms_sent", DeliveryStatus.SENT, None),
        ("derived_sms_delivered", DeliveryStatus.DELIVERED, None),
        ("derived_sms_failed", DeliveryStatus.FAILED, "unknown"),
    ],
)
def test_mailersend_events_map_type_and_fields(
    name: str, status: DeliveryStatus, error: str | None
) -> None:
    """sms.* types map to SENT/DELIVERED/FAILED; ids, recipient and error come from data."""
    v = vector("mailersend", name)
    (event,) = mailersend.parse_callback(v.body, v.headers, secret=v.secret)
    data = json.loads(v.body)["data"]
    assert event.status is status
    assert event.raw_status == json.loads(v.body)["type"]
    assert event.message_id == data["sms_message_id"]
    assert event.part_id == data["sms"]["id"]
    assert event.recipient == data["to"]
    assert event.sender == data["from"]
    assert event.error_code == error
    assert event.error_description == data["sms"]["error_description"]
    assert event.segments == data["sms"]["segment_count"]


MODELS = {
    "sms.delivered": "dlrkit_mailersend_api.models:MailerSendSmsWebhookEvent",
    "webhook.test": "dlrkit_mailersend_api.models:MailerSendWebhookTestEvent",
    "message-status": "dlrkit_sentdm_api.models:SentDmWebhookMessageEvent",
    "sms-delivery-report": "dlrkit_infobip_api.models:SmsReportsResponse",
    "sms-delivery-report-v3": "dlrkit_infobip_api.models:SmsReportsV3Response",
    "sms-status": "dlrkit_routee_api.models:RouteeSmsCallback",
}


@pytest.mark.parametrize(
    "v", [v for v in vectors() if v.webhook in MODELS], ids=lambda v: f"{v.provider}/{v.name}"
)
def test_normalize_reads_the_generated_callback_models(v: Vector) -> None:
    """normalize() takes a generated callback model as it takes the pull models: same events."""
    import importlib

    module, _, name = MODELS[v.webhook or ""].partition(":")
    model = getattr(importlib.import_module(module), name).from_dict(json.loads(v.body))
    assert normalize(v.provider, model) == normalize(v.provider, v.body)


@pytest.mark.parametrize(
    ("provider", "name", "drop"),
    [
        ("mailersend", "derived_sms_sent", "sms_webhook_id"),
        ("sentdm", "derived_message_delivered", "timestamp"),
    ],
)
def test_a_field_the_spec_requires_is_enforced_through_the_model(
    provider: str, name: str, drop: str
) -> None:
    """A genuine body missing a required field the events don't use fails on that field."""
    from .support import mailersend_signature, sentdm_signature

    v = vector(provider, name)
    data = json.loads(v.body)
    del data[drop]
    body = json.dumps(data).encode()
    headers = {
        "mailersend": lambda: mailersend_signature(body),
        "sentdm": lambda: sentdm_signature(body, 1_760_000_000),
    }[provider]()
    with pytest.raises(InvalidFieldError) as caught:
        callbacks.parse_callback(provider, body, headers, secret=v.secret, now=v.now)
    assert caught.value.field == drop
