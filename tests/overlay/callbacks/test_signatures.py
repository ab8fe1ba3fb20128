from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dlrkit import (
    DeliveryEvent,
    DlrkitError,
    InvalidFieldError,
    SignatureError,
    callbacks,
    mailersend,
    sentdm,
)

from .support import (
    MS_SECRET,
    OTHER_SW_SECRET,
    SW_SECRET,
    mailersend_signature,
    sentdm_signature,
    vector,
)

NOW = 1_760_000_000
SMS = vector("mailersend", "derived_sms_delivered")
SENT = vector("sentdm", "derived_message_delivered")
PING = vector("mailersend", "symfony_webhook_test")


def _sentdm(body: bytes | str, headers: dict[str, str]) -> list[DeliveryEvent]:
    return sentdm.parse_callback(body, headers, secret=SW_SECRET, now=NOW)


def test_mailersend_rejects_a_body_signed_with_another_secret() -> None:
    """A MailerSend body re-signed with a different secret fails as a bad signature."""
    body = SMS.body.encode()
    with pytest.raises(SignatureError) as caught:
        mailersend.parse_callback(
            body, mailersend_signature(body, "other-secret-123"), secret=MS_SECRET
        )
    assert caught.value.check == "bad signature"


@pytest.mark.parametrize("headers", [None, {}, {"Signature": ""}, {"X-Signature": "ab"}])
def test_mailersend_rejects_an_unsigned_body(headers: dict[str, str] | None) -> None:
    """No Signature header (or a blank one) is a missing-header rejection."""
    with pytest.raises(SignatureError) as caught:
        mailersend.parse_callback(SMS.body, headers, secret=MS_SECRET)
    assert caught.value.check == "missing header"
    assert "Signature" in str(caught.value)


@pytest.mark.parametrize("name", ["Signature", "signature", "SIGNATURE", "sIgNaTuRe"])
def test_mailersend_header_name_matches_in_any_case(name: str) -> None:
    """The Signature header is found whatever its case."""
    body = SMS.body.encode()
    headers = {name: mailersend_signature(body)["Signature"]}
    assert len(mailersend.parse_callback(body, headers, secret=MS_SECRET)) == 1


def test_headers_may_be_asgi_byte_pairs() -> None:
    """Raw ASGI headers (lower-case byte pairs) work like a mapping."""
    body = SMS.body.encode()
    pairs = [(b"signature", mailersend_signature(body)["Signature"].encode())]
    assert len(mailersend.parse_callback(body, pairs, secret=MS_SECRET)) == 1


def test_str_and_bytes_bodies_give_the_same_events() -> None:
    """A str body is verified as its UTF-8 bytes and parses the same as bytes."""
    as_text = mailersend.parse_callback(SMS.body, SMS.headers, secret=MS_SECRET)
    as_bytes = mailersend.parse_callback(SMS.body.encode(), SMS.headers, secret=MS_SECRET)
    as_array = mailersend.parse_callback(
        bytearray(SMS.body.encode()), SMS.headers, secret=MS_SECRET
    )
    assert as_text == as_bytes == as_array
    sent_text = _sentdm(SENT.body, SENT.headers)
    assert sent_text == _sentdm(SENT.body.encode(), SENT.headers)


def test_mailersend_ping_under_the_public_test_secret_gives_no_events() -> None:
    """webhook.test signed with the public test secret verifies whatever secret is configured."""
    assert mailersend.parse_callback(PING.body, PING.headers, secret=MS_SECRET) == []
    assert mailersend.parse_callback(PING.body, PING.headers, secret=mailersend.TEST_SECRET) == []


def test_mailersend_ping_signed_with_the_real_secret_gives_no_events() -> None:
    """A webhook.test signed with the webhook's own secret is accepted and gives no events."""
    body = PING.body.encode()
    assert mailersend.parse_callback(body, mailersend_signature(body), secret=MS_SECRET) == []


@pytest.mark.parametrize("configured", [MS_SECRET, mailersend.TEST_SECRET])
def test_mailersend_event_under_the_public_test_secret_is_rejected(configured: str) -> None:
    """An sms.* event signed with the public test secret is forged: rejected, even if configured."""
    body = SMS.body.encode()
    headers = mailersend_signature(body, mailersend.TEST_SECRET)
    with pytest.raises(SignatureError) as caught:
        mailersend.parse_callback(body, headers, secret=configured)
    assert caught.value.check == "test secret"


def test_sentdm_rejects_a_tampered_body() -> None:
    """One changed character in a sent.dm body fails as a bad signature."""
    body = SENT.body.replace("DELIVERED", "FAILED").encode()
    with pytest.raises(SignatureError) as caught:
        _sentdm(body, SENT.headers)
    assert caught.value.check == "bad signature"


def test_sentdm_rejects_a_body_signed_with_another_secret() -> None:
    """A body correctly signed under another whsec_ secret is rejected."""
    body = SENT.body.encode()
    with pytest.raises(SignatureError, match="bad signature"):
        _sentdm(body, sentdm_signature(body, NOW, OTHER_SW_SECRET))


def test_sentdm_rejects_a_signature_over_another_timestamp() -> None:
    """Moving the timestamp header (replay with a fresh time) breaks the signature."""
    headers = {**SENT.headers, "X-Webhook-Timestamp": str(NOW + 1)}
    with pytest.raises(SignatureError, match="bad signature"):
        _sentdm(SENT.body, headers)


@pytest.mark.parametrize(
    ("offset", "check"), [(-301, "stale timestamp"), (301, "future timestamp")]
)
def test_sentdm_rejects_timestamps_outside_the_tolerance(offset: int, check: str) -> None:
    """A correctly signed body more than `tolerance` seconds old or ahead is rejected."""
    body = SENT.body.encode()
    headers = sentdm_signature(body, NOW + offset)
    with pytest.raises(SignatureError) as caught:
        _sentdm(body, headers)
    assert caught.value.check == check


@pytest.mark.parametrize("offset", [-300, 0, 300])
def test_sentdm_accepts_timestamps_at_the_tolerance_edges(offset: int) -> None:
    """Exactly `tolerance` seconds off is still accepted (the window is inclusive)."""
    body = SENT.body.encode()
    assert len(_sentdm(body, sentdm_signature(body, NOW + offset))) == 1


def test_sentdm_tolerance_and_now_are_honoured() -> None:
    """now= as a datetime and a wider tolerance accept an old body; tolerance=0 rejects it."""
    body = SENT.body.encode()
    headers = sentdm_signature(body, NOW - 3600)
    when = datetime.fromtimestamp(NOW, UTC)
    events = sentdm.parse_callback(body, headers, secret=SW_SECRET, now=when, tolerance=3600)
    assert len(events) == 1
    with pytest.raises(SignatureError, match="stale timestamp"):
        sentdm.parse_callback(body, headers, secret=SW_SECRET, now=when, tolerance=0)


def test_sentdm_uses_the_clock_without_now() -> None:
    """Without now=, the published vector (signed in 2025) is stale today."""
    with pytest.raises(SignatureError, match="stale timestamp"):
        sentdm.parse_callback(SENT.body, SENT.headers, secret=SW_SECRET)


@pytest.mark.parametrize("missing", ["X-Webhook-ID", "X-Webhook-Timestamp", "X-Webhook-Signature"])
def test_sentdm_rejects_a_missing_header(missing: str) -> None:
    """Each of the three Standard Webhooks headers is required and named when missing."""
    headers = {k: v for k, v in SENT.headers.items() if k != missing}
    with pytest.raises(SignatureError) as caught:
        _sentdm(SENT.body, headers)
    assert caught.value.check == "missing header"
    assert missing in str(caught.value)


def test_sentdm_header_names_match_in_any_case() -> None:
    """Lower- or upper-case X-Webhook-* names verify the same."""
    lower = {k.lower(): v for k, v in SENT.headers.items()}
    upper = {k.upper(): v for k, v in SENT.headers.items()}
    assert _sentdm(SENT.body, lower) == _sentdm(SENT.body, upper)


@pytest.mark.parametrize("value", ["1760000000.5", "-1", "soon", "1e9", "99999999999"])
def test_sentdm_rejects_a_timestamp_that_is_not_unix_seconds(value: str) -> None:
    """A timestamp header that is not whole Unix seconds is a bad header, not a crash."""
    with pytest.raises(SignatureError) as caught:
        _sentdm(SENT.body, {**SENT.headers, "X-Webhook-Timestamp": value})
    assert caught.value.check == "bad header"


def test_sentdm_accepts_one_good_signature_among_several() -> None:
    """Standard Webhooks allows space-separated signatures; one match is enough."""
    good = SENT.headers["X-Webhook-Signature"]
    headers = {**SENT.headers, "X-Webhook-Signature": f"v1,bm9wZQ== {good}"}
    assert len(_sentdm(SENT.body, headers)) == 1


@pytest.mark.parametrize("provider", ["mailersend", "sentdm"])
def test_signing_providers_require_a_secret(provider: str) -> None:
    """Parsing a signed provider's callback without a secret is a clear error, not a pass."""
    with pytest.raises(InvalidFieldError, match="signs its callbacks") as caught:
        callbacks.parse_callback(provider, b"{}", {})
    assert caught.value.field == "secret"


@pytest.mark.parametrize("provider", ["infobip", "routee"])
def test_unsigned_providers_refuse_a_secret(provider: str) -> None:
    """A secret for a provider that signs nothing is refused rather than silently unused."""
    with pytest.raises(InvalidFieldError, match="does not sign") as caught:
        callbacks.parse_callback(provider, b"{}", {}, secret="s3cr3t-value")  # noqa: S106 -- a test value
    assert "s3cr3t-value" not in str(caught.value)


def test_a_malformed_whsec_secret_is_named_without_showing_it() -> None:
    """A secret that is not base64 fails on the secret field, and the message hides it."""
    secret = "whsec_A"  # noqa: S105 -- one base64 character cannot decode
    with pytest.raises(InvalidFieldError) as caught:
        sentdm.parse_callback(SENT.body, SENT.headers, secret=secret, now=NOW)
    assert caught.value.field == "secret"
    assert "whsec_A" not in str(caught.value)
    assert "whsec_A" not in repr(caught.value)


def _all_text(error: BaseException) -> str:
    return " ".join([str(error), repr(error), repr(getattr(error, "value", ""))])


@pytest.mark.parametrize("provider", ["mailersend", "sentdm"])
def test_no_rejection_shows_the_secret(provider: str) -> None:
    """Every signature rejection's message and repr leave the secret out."""
    secret = MS_SECRET if provider == "mailersend" else SW_SECRET
    key = secret.removeprefix("whsec_")
    good = SMS if provider == "mailersend" else SENT
    cases: list[tuple[bytes, dict[str, str]]] = [
        (b"tampered" + good.body.encode(), good.headers),
        (good.body.encode(), {}),
        # The secret echoed in the headers and the body.
        (good.body.encode(), {k: f"{v} {secret}" for k, v in good.headers.items()}),
        (secret.encode(), {"Signature": secret, "X-Webhook-Signature": f"v1,{key}"}),
    ]
    for body, headers in cases:
        with pytest.raises(DlrkitError) as caught:
            callbacks.parse_callback(provider, body, headers, secret=secret, now=NOW)
        text = _all_text(caught.value)
        # Not even a part of it: no 8-character window of the key appears.
        assert not [key[i : i + 8] for i in range(len(key) - 7) if key[i : i + 8] in text]


@pytest.mark.parametrize("provider", ["mailersend", "sentdm"])
def test_a_genuine_malformed_body_echoing_the_secret_hides_it(provider: str) -> None:
    """A correctly signed body that is malformed and contains the secret: the error hides it."""
    secret = MS_SECRET if provider == "mailersend" else SW_SECRET
    if provider == "mailersend":
        body = f'{{"type": "sms.sent", "data": "{secret}"}}'.encode()
        headers, field = mailersend_signature(body, secret), "data"
    else:
        payload = f'{{"message_id": "m", "message_status": "SENT", "updated_at": "{secret}"}}'
        body = f'{{"field": "message", "payload": {payload}}}'.encode()
        headers, field = sentdm_signature(body, NOW, secret), "payload.updated_at"
    with pytest.raises(InvalidFieldError) as caught:
        callbacks.parse_callback(provider, body, headers, secret=secret, now=NOW)
    assert caught.value.field == field
    assert "[REDACTED]" in str(caught.value)
    assert secret not in _all_text(caught.value)
    assert secret.removeprefix("whsec_") not in _all_text(caught.value)


def test_signature_error_repr_names_provider_and_check() -> None:
    """SignatureError's message says which provider and which check failed."""
    error = SignatureError("sentdm", "stale timestamp", "X-Webhook-Timestamp is 400 s old")
    assert str(error) == (
        "sentdm callback rejected (stale timestamp): X-Webhook-Timestamp is 400 s old"
    )
    assert repr(error).startswith("SignatureError(")
    assert isinstance(error, DlrkitError)


def test_signature_headers_sent_twice_differently_are_refused() -> None:
    """A plain dict with Signature and signature holding different values is ambiguous."""
    body = SMS.body.encode()
    good = mailersend_signature(body)["Signature"]
    with pytest.raises(InvalidFieldError, match="sent twice"):
        mailersend.parse_callback(
            body, {"Signature": good, "signature": "0" * 64}, secret=MS_SECRET
        )


def test_sentdm_verifies_bytes_that_are_not_utf8() -> None:
    """The signature covers raw bytes even when they are not UTF-8 (standardwebhooks >= 1.3).

    Older standardwebhooks releases decode the body to text first; this fails with them.
    """
    body = b'{"field": "message", "payload": "\xff"}'
    with pytest.raises(InvalidFieldError) as caught:
        _sentdm(body, sentdm_signature(body, NOW))
    assert not isinstance(caught.value, SignatureError)
    assert caught.value.field == "body"


def test_a_bad_header_value_is_not_echoed() -> None:
    """A malformed timestamp header is named, but its value (maybe a pasted secret) is not shown."""
    pasted = SW_SECRET.removeprefix("whsec_")
    with pytest.raises(SignatureError) as caught:
        _sentdm(SENT.body, {**SENT.headers, "X-Webhook-Timestamp": pasted})
    assert caught.value.check == "bad header"
    assert "X-Webhook-Timestamp" in str(caught.value)
    assert pasted[:4] not in _all_text(caught.value)


def test_a_genuine_non_json_body_echoing_the_secret_hides_all_of_it() -> None:
    """A signed non-JSON body with the secret just past the shown prefix: no part of it shows."""
    body = b"x" * 30 + MS_SECRET.encode() + b" not json"
    with pytest.raises(InvalidFieldError) as caught:
        mailersend.parse_callback(body, mailersend_signature(body), secret=MS_SECRET)
    assert caught.value.field == "body"
    assert MS_SECRET[:6] not in _all_text(caught.value)
