"""Fixture loading and independent signers for the callback tests."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "callbacks"
MS_SECRET = "dlrkit_test_secret_0123456789abcdef"  # noqa: S105 -- a published test vector
SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # noqa: S105 -- a published test vector
OTHER_SW_SECRET = "whsec_" + base64.b64encode(b"another key, 32 bytes long......").decode()


@dataclass(frozen=True)
class Vector:
    """One fixture file: a raw body, the headers sent with it, and how it was signed."""

    provider: str
    name: str
    body: str
    headers: dict[str, str]
    secret: str | None
    now: int | None
    webhook: str | None


def vectors(provider: str | None = None) -> list[Vector]:
    """Return every fixture (of ``provider``), sorted by path."""
    found = []
    for path in sorted(FIXTURES.glob("*/*.json")):
        if provider and path.parent.name != provider:
            continue
        data: dict[str, Any] = json.loads(path.read_text())
        found.append(
            Vector(
                provider=path.parent.name,
                name=path.stem,
                body=data["body"],
                headers=data["headers"],
                secret=data["secret"],
                now=data.get("now"),
                webhook=data["webhook"],
            )
        )
    return found


def vector(provider: str, name: str) -> Vector:
    """Return one fixture by provider and file stem."""
    return next(v for v in vectors(provider) if v.name == name)


def mailersend_signature(body: bytes, secret: str = MS_SECRET) -> dict[str, str]:
    """Sign ``body`` as MailerSend does, with hmac directly (not through dlrkit)."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"Signature": digest}


def sentdm_signature(
    body: bytes, timestamp: int, secret: str = SW_SECRET, msg_id: str = "hook-1"
) -> dict[str, str]:
    """Sign ``body`` as sent.dm does, by the Standard Webhooks recipe written out here."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    signature = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return {
        "X-Webhook-ID": msg_id,
        "X-Webhook-Timestamp": str(timestamp),
        "X-Webhook-Signature": f"v1,{signature}",
    }
