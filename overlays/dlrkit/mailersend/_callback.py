"""MailerSend SMS webhooks: check the ``Signature`` header, then read the one event.

The body is read by `callback_events` (``dlrkit.mailersend._normalize``), which
``normalize("mailersend", body)`` uses too, and must fit the generated callback model
(`MailerSendSmsWebhookEvent`, or `MailerSendWebhookTestEvent` for the ping).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from dlrkit_mailersend_api.models import MailerSendSmsWebhookEvent, MailerSendWebhookTestEvent

from dlrkit._callbacks import (
    Body,
    HeaderSource,
    conform,
    decode_json,
    guarded,
    lower_headers,
    raw_body,
    require_secret,
)
from dlrkit._errors import SignatureError
from dlrkit._event import DeliveryEvent
from dlrkit._signatures import SCHEMES, verify_hex_hmac
from dlrkit.mailersend._normalize import PROVIDER, TEST_EVENT, callback_events

__all__ = ["TEST_SECRET", "parse_callback"]

#: MailerSend signs ``webhook.test`` with this published secret, so anyone can forge one.
TEST_SECRET = "test_Am3L1GuOIc4blLUuHqAPxxwkZaJyEk8G"  # noqa: S105 -- public by design
_HEADER = SCHEMES[PROVIDER].headers[0]


def parse_callback(
    body: Body,
    headers: HeaderSource = None,
    *,
    secret: str | None = None,
    tolerance: float = 300,
    now: datetime | float | None = None,
) -> list[DeliveryEvent]:
    """Verify one MailerSend SMS webhook request and return its events (none for a ping).

    ``body`` is the raw request body (verified byte for byte; a ``str`` as UTF-8) and
    ``secret`` the webhook's signing secret. ``webhook.test`` signed with the public
    `TEST_SECRET` gives ``[]``; any other event under that secret is rejected.
    ``tolerance`` and ``now`` are unused: MailerSend signs no timestamp.

    Raises `SignatureError` (missing header, bad signature, test secret) before anything
    is parsed, and `InvalidFieldError` naming the field for a malformed body.
    """
    secret = require_secret(PROVIDER, secret)
    raw = raw_body(body)
    found = lower_headers(headers)
    genuine = secret != TEST_SECRET and verify_hex_hmac(PROVIDER, raw, found, _HEADER, secret)
    if not genuine and not verify_hex_hmac(PROVIDER, raw, found, _HEADER, TEST_SECRET):
        reason = f"{_HEADER} is not the HMAC-SHA256 of this body under the secret given"
        raise SignatureError(PROVIDER, "bad signature", reason)

    def read(_: object) -> list[DeliveryEvent]:
        payload = decode_json(raw)
        kind = _kind(payload)
        if not genuine and kind != TEST_EVENT:
            reason = f"only {TEST_EVENT} may be signed with MailerSend's public test secret"
            raise SignatureError(PROVIDER, "test secret", reason)
        events = list(callback_events(payload))
        conform(
            MailerSendWebhookTestEvent if kind == TEST_EVENT else MailerSendSmsWebhookEvent, payload
        )
        return events

    return guarded(PROVIDER, read, raw, [secret])


def _kind(payload: object) -> object:
    return payload.get("type") if isinstance(payload, Mapping) else None
