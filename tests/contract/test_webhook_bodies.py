"""The receiver run's bodies and signatures: valid for the spec, and what dlrkit accepts.

These run in-process (no HTTP): they check the generator and the signer themselves, which
the over-HTTP runs in test_receiver.py and test_receiver_self_test.py rely on.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import standardwebhooks
from dlrkit import callbacks
from dlrkit_contract._signing import check_secret, signer_for
from dlrkit_contract._webhooks import (
    body_strategy,
    check_valid,
    extra_fields,
    is_valid,
    webhook_entries,
)
from dlrkit_contract.broken_receivers import declared_paths
from dlrkit_contract.receiver_selftest import SELFTEST_SECRETS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ENTRIES = [
    entry
    for provider in ("mailersend", "sentdm", "infobip", "routee")
    for entry in webhook_entries(provider)
]
NOW = 1_760_000_000


def test_every_spec_webhook_has_an_entry() -> None:
    """All nine webhook entries of the four specs are generated, none skipped."""
    assert sorted((e.provider, e.name) for e in ENTRIES) == [
        ("infobip", "sms-delivery-report"),
        ("infobip", "sms-delivery-report-v3"),
        ("mailersend", "sms.delivered"),
        ("mailersend", "sms.failed"),
        ("mailersend", "sms.sent"),
        ("mailersend", "webhook.test"),
        ("routee", "campaign-status"),
        ("routee", "sms-status"),
        ("sentdm", "message-status"),
    ]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.provider}-{e.name}")
@settings(max_examples=25, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_bodies_fit_the_spec_and_dlrkit_accepts_them(entry, data) -> None:  # type: ignore[no-untyped-def]
    """Every generated body (with or without unnamed fields) validates and parses when signed."""
    body = data.draw(body_strategy(entry.provider, entry.name))
    check_valid(entry, body)
    extra = data.draw(extra_fields(entry, body))
    check_valid(entry, extra)
    for payload in (body, extra):
        raw = json.dumps(payload).encode()
        secret = SELFTEST_SECRETS[entry.provider]
        headers = signer_for(entry.provider).sign(raw, secret, webhook_id="wh_1", timestamp=NOW)
        events = callbacks.parse_callback(entry.provider, raw, headers, secret=secret, now=NOW)
        quiet = {"webhook.test", "campaign-status"}
        count = len(payload.get("results", [payload]))
        assert len(events) == (0 if entry.name in quiet else count)


def test_unnamed_fields_are_found_by_the_broken_receiver() -> None:
    """The fails_on_unknown_field variant sees every added field, and no named one."""
    paths = declared_paths("routee")
    assert ("status", "reason", "detailedStatus") in paths
    assert ("messageStatuses", "**") in paths
    assert ("x_extra",) not in paths


def test_sentdm_signer_matches_the_standard_webhooks_library_and_vector() -> None:
    """The stdlib signer gives the fact sheet's derived vector and the library's signature."""
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # noqa: S105 -- a published test vector
    body = b'{"test": 2432232314}'
    headers = signer_for("sentdm").sign(
        body, secret, webhook_id="msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp=1614265330
    )
    assert headers["X-Webhook-Signature"] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    library = standardwebhooks.Webhook(secret).sign(
        "msg_p5jXN8AQM9LWM0D4loKWxJek", datetime.fromtimestamp(1614265330, UTC), body.decode()
    )
    assert headers["X-Webhook-Signature"] == library


def test_mailersend_signer_is_dlrkit_verified() -> None:
    """A MailerSend signature from the suite passes dlrkit's verifier; a forged one does not."""
    signer = signer_for("mailersend")
    raw = b'{"type":"webhook.test","message":"ping","created_at":"2026-03-27T07:24:20.577080Z"}'
    key = "s3cret"
    headers = signer.sign(raw, key, webhook_id="", timestamp=0)
    assert callbacks.parse_callback("mailersend", raw, headers, secret=key) == []
    with pytest.raises(callbacks.SignatureError):
        callbacks.parse_callback("mailersend", raw, signer.forged(headers), secret=key)


@pytest.mark.parametrize(
    ("secret", "marker"),
    [("whsec_", None), ("not-whsec", "not-whsec"), ("whsec_!!!", "!!!"), (" whsec_YWJj", "YWJj")],
)
def test_bad_sentdm_secrets_are_refused_without_echo(secret: str, marker: str | None) -> None:
    """A sent.dm secret must be whsec_ + base64; the message never shows it."""
    with pytest.raises(ValueError, match=r"whsec_|printable") as caught:
        check_secret("sentdm", secret)
    assert marker is None or marker not in str(caught.value)


def test_wrong_type_bodies_break_the_schema() -> None:
    """is_valid is the judge the wrong-type cases rely on: it refuses a wrong JSON type."""
    entry = next(e for e in ENTRIES if e.name == "sms-status")
    good = {
        "messageId": "m",
        "to": "+4179",
        "status": {"name": "Sent", "updatedDate": "2020-01-01T00:00:00Z"},
    }
    assert is_valid(entry, good)
    assert not is_valid(entry, {**good, "messageId": 5})
