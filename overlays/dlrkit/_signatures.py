"""How each provider signs its callbacks (`SCHEMES`), and the two schemes' checks.

MailerSend: ``Signature: hex(HMAC-SHA256(secret, body))``, no timestamp. sent.dm: Standard
Webhooks (``v1,base64(HMAC-SHA256(base64decode(secret), "id.timestamp.body"))``) under
``X-Webhook-*`` header names. Infobip and Routee do not sign. Facts and sources:
shared/reference/providers/callbacks.md.
"""

from __future__ import annotations

import hmac
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from types import MappingProxyType

import attrs
import standardwebhooks

from dlrkit._errors import InvalidFieldError, SignatureError
from dlrkit._redact import REDACTED

__all__ = [
    "SCHEMES",
    "Scheme",
    "check_secret",
    "check_timestamp",
    "check_tolerance",
    "verify_hex_hmac",
    "verify_standard_webhooks",
]


@attrs.frozen
class Scheme:
    """How ``provider`` signs and delivers callbacks, and how to deduplicate them."""

    provider: str
    #: ``"hex-hmac"``, ``"standard-webhooks"`` or ``"none"``.
    kind: str
    #: Header names the check reads (any case), empty when the provider does not sign.
    headers: tuple[str, ...]
    algorithm: str
    #: What the signing secret looks like and where it comes from ("none" if unsigned).
    key: str
    #: Seconds a signed timestamp may be off, or None when there is no timestamp.
    tolerance: int | None
    #: What the provider counts as delivered; `dlrkit.callbacks.receiver` answers 200.
    success: str
    retries: str
    #: None of the four sends an event id: the payload fields that fill
    #: `dlrkit.callbacks.dedupe_key`'s ``(message_id, part_id, raw_status)``, in that order
    #: (``a or b``: ``b`` when ``a`` is absent). The receiver dedupes on exactly these.
    dedupe_key: str

    @property
    def signed(self) -> bool:
        """Whether callbacks carry a signature to verify (and need a secret)."""
        return bool(self.headers)


SCHEMES: Mapping[str, Scheme] = MappingProxyType(
    {
        "mailersend": Scheme(
            provider="mailersend",
            kind="hex-hmac",
            headers=("Signature",),
            algorithm="lowercase hex HMAC-SHA256 of the raw body",
            key="the webhook's signing secret, as text (dashboard)",
            tolerance=None,
            success="any 2xx within 3 s",
            retries="a few, the first after 10 s (full schedule undocumented)",
            dedupe_key="(data.sms_message_id, data.sms.id, type)",
        ),
        "sentdm": Scheme(
            provider="sentdm",
            kind="standard-webhooks",
            headers=("X-Webhook-ID", "X-Webhook-Timestamp", "X-Webhook-Signature"),
            algorithm="Standard Webhooks: v1,base64 HMAC-SHA256 of id.timestamp.body",
            key="whsec_ + base64 key (create / rotate-secret response)",
            tolerance=300,
            success="any 2xx within the webhook's timeout_seconds (default 30)",
            retries="retry_count times (1-5, default 3; intervals undocumented)",
            dedupe_key="(payload.message_id, payload.message_status)",
        ),
        "infobip": Scheme(
            provider="infobip",
            kind="none",
            headers=(),
            algorithm="none (per-request notifyUrl callbacks are unsigned)",
            key="none",
            tolerance=None,
            success="a 2xx (code undocumented; configurable per subscription)",
            retries="1 min + n^2 min after attempt n (maximum undocumented)",
            dedupe_key="(messageId, status.name or status.groupName)",
        ),
        "routee": Scheme(
            provider="routee",
            kind="none",
            headers=(),
            algorithm="none (allow-list the IPs of callbacksallow.routee.net)",
            key="none",
            tolerance=None,
            success="exactly 200 within 2 s",
            retries="up to 12 over about 24 h (another page says 5)",
            dedupe_key="(messageId, smsId, status.name)",
        ),
    }
)

_TIMESTAMP = re.compile(r"[0-9]{1,10}", re.ASCII)  # up to the year 2286


def _header(headers: Mapping[str, str], provider: str, name: str) -> str:
    """Return header ``name`` from lower-cased ``headers``; missing or blank is rejected."""
    value = headers.get(name.lower(), "").strip()
    if not value:
        raise SignatureError(provider, "missing header", f"no {name} header")
    return value


def verify_hex_hmac(
    provider: str, raw: bytes, headers: Mapping[str, str], name: str, secret: str
) -> bool:
    """Whether header ``name`` is the hex HMAC-SHA256 of ``raw`` under ``secret``.

    A missing header raises `SignatureError`; a wrong value returns False so the caller can
    try another secret (MailerSend's public test secret) before rejecting.
    """
    sent = _header(headers, provider, name).lower()
    expected = hmac.digest(secret.encode("utf-8"), raw, "sha256").hex()  # one-shot: fastest
    # compare_digest refuses non-ASCII text, which no hex digest contains anyway.
    return sent.isascii() and hmac.compare_digest(expected, sent)


def _now_seconds(now: object) -> float:
    if now is None:
        return time.time()
    if isinstance(now, datetime):
        if now.utcoffset() is None:
            raise InvalidFieldError("now", now, "naive datetime; give it a timezone")
        return now.timestamp()
    if isinstance(now, bool) or not isinstance(now, int | float) or now != now:
        raise InvalidFieldError("now", now, "must be an aware datetime or Unix seconds")
    return float(now)


def check_tolerance(tolerance: object) -> None:
    """Refuse a ``tolerance`` that is not a number of seconds >= 0 (`InvalidFieldError`)."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or not tolerance >= 0:
        raise InvalidFieldError("tolerance", tolerance, "must be a number of seconds >= 0")


def check_timestamp(
    provider: str, sent: str, name: str, *, tolerance: float, now: datetime | float | None
) -> int:
    """Return the Unix seconds in header ``name``, if within ``tolerance`` seconds of ``now``."""
    check_tolerance(tolerance)
    if not _TIMESTAMP.fullmatch(sent):
        # The value is not shown: a header is the one place a secret could be echoed to us.
        raise SignatureError(provider, "bad header", f"{name} is not whole Unix seconds")
    stamp, current = int(sent), _now_seconds(now)
    if stamp < current - tolerance:
        reason = f"{name} is {current - stamp:.0f} s old; the limit is {tolerance:g} s"
        raise SignatureError(provider, "stale timestamp", reason)
    if stamp > current + tolerance:
        reason = f"{name} is {stamp - current:.0f} s ahead; the limit is {tolerance:g} s"
        raise SignatureError(provider, "future timestamp", reason)
    return stamp


def check_secret(scheme: Scheme, secret: str) -> None:
    """Refuse a ``secret`` that ``scheme`` cannot use (a ``whsec_`` key that is not base64)."""
    if scheme.kind == "standard-webhooks":
        _webhook(secret)


def _webhook(secret: str) -> standardwebhooks.Webhook:
    try:
        return standardwebhooks.Webhook(secret)
    except (ValueError, standardwebhooks.webhooks.EmptyWebhookSecretError):
        # binascii.Error is a ValueError; neither message may show the secret.
        raise InvalidFieldError("secret", REDACTED, "not a whsec_ base64 secret") from None


def verify_standard_webhooks(
    provider: str,
    raw: bytes,
    headers: Mapping[str, str],
    names: tuple[str, str, str],
    secret: str,
    *,
    tolerance: float,
    now: datetime | float | None,
) -> None:
    """Verify a Standard Webhooks signature sent under header ``names`` (id, timestamp, sig).

    The standardwebhooks library decodes the secret and computes the signature. Its own
    ``verify`` fixes the window at 5 minutes of the real clock, so the window (``tolerance``
    around ``now``) is checked here, and the constant-time comparison against each of the
    space-separated ``v1,`` signatures the header may hold follows the library's.
    """
    id_name, ts_name, sig_name = names
    webhook = _webhook(secret)
    msg_id = _header(headers, provider, id_name)
    sent_ts = _header(headers, provider, ts_name)
    signatures = _header(headers, provider, sig_name)
    stamp = check_timestamp(provider, sent_ts, ts_name, tolerance=tolerance, now=now)
    expected = webhook.sign(msg_id, datetime.fromtimestamp(stamp, UTC), raw).encode()
    for candidate in signatures.split(" "):
        if hmac.compare_digest(expected, candidate.encode("utf-8", "replace")):
            return
    reason = f"{sig_name} matches no signature of this body under the secret given"
    raise SignatureError(provider, "bad signature", reason)
