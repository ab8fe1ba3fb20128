"""Sign callback bodies as each provider does, for the receiver contract run.

MailerSend: ``Signature: hex(HMAC-SHA256(secret, body))``. sent.dm: Standard Webhooks under
``X-Webhook-*`` names, ``v1,base64(HMAC-SHA256(base64decode(secret minus "whsec_"),
"{id}.{timestamp}.{body}"))``. Infobip and Routee sign nothing. Facts:
shared/reference/providers/callbacks.md; the suite may not import `dlrkit`, whose verifiers
these must agree with (a test checks both against the fact sheet's vectors).

sent.dm is signed with the stdlib rather than the ``standardwebhooks`` library because the
suite also signs bodies that are not UTF-8 (malformed cases, which must reach the receiver's
JSON decoding with a valid signature) and the library's ``sign`` takes text.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass

__all__ = ["SIGNED", "SecretError", "Signer", "check_secret", "other_secret", "signer_for"]

#: Providers whose callbacks carry a signature (and so need ``--receiver-secret``).
SIGNED = frozenset({"mailersend", "sentdm"})

_JSON = {"Content-Type": "application/json"}
_WHSEC = "whsec_"


class SecretError(ValueError):
    """A secret the provider cannot sign with; the message never shows it."""


def check_secret(provider: str, secret: str) -> None:
    """Raise `SecretError` if ``secret`` cannot sign ``provider``'s callbacks."""
    if not secret or secret != secret.strip() or not secret.isprintable():
        raise SecretError("must be printable text without surrounding spaces")
    if provider == "sentdm":
        try:
            key = base64.b64decode(secret.removeprefix(_WHSEC), validate=True)
        except (binascii.Error, ValueError):
            key = b""
        if not secret.startswith(_WHSEC) or not key:
            raise SecretError("sent.dm secrets are whsec_ followed by a base64 key")


def other_secret(provider: str) -> str:
    """Return a fresh random secret of the provider's kind (the "wrong secret" cases)."""
    if provider == "sentdm":
        return _WHSEC + base64.b64encode(secrets.token_bytes(24)).decode()
    return secrets.token_urlsafe(24)


@dataclass(frozen=True, slots=True)
class Signer:
    """How one provider signs: the signature headers of a body, or a forged look-alike."""

    provider: str
    #: Header names of the signature scheme (empty for unsigned providers).
    headers: tuple[str, ...]

    @property
    def signed(self) -> bool:
        """Whether the provider signs its callbacks."""
        return bool(self.headers)

    def sign(
        self, body: bytes, secret: str | None, *, webhook_id: str, timestamp: int
    ) -> dict[str, str]:
        """Return all headers of one delivery of ``body``: content type and signature."""
        if self.provider == "mailersend" and secret is not None:
            digest = hmac.digest(secret.encode("utf-8"), body, hashlib.sha256).hex()
            return {**_JSON, "Signature": digest}
        if self.provider == "sentdm" and secret is not None:
            key = base64.b64decode(secret.removeprefix(_WHSEC))
            signed = f"{webhook_id}.{timestamp}.".encode() + body
            signature = base64.b64encode(hmac.digest(key, signed, hashlib.sha256)).decode()
            return {
                **_JSON,
                "X-Webhook-ID": webhook_id,
                "X-Webhook-Timestamp": str(timestamp),
                "X-Webhook-Signature": f"v1,{signature}",
            }
        return dict(_JSON)

    def forged(self, headers: dict[str, str]) -> dict[str, str]:
        """Return ``headers`` with a random signature of the right shape instead of the real one."""
        if self.provider == "mailersend":
            return {**headers, "Signature": secrets.token_hex(32)}
        if self.provider == "sentdm":
            fake = base64.b64encode(secrets.token_bytes(32)).decode()
            return {**headers, "X-Webhook-Signature": f"v1,{fake}"}
        return dict(headers)

    def unsigned(self, headers: dict[str, str]) -> dict[str, str]:
        """Return ``headers`` without any header of the signature scheme."""
        names = {name.lower() for name in self.headers}
        return {key: value for key, value in headers.items() if key.lower() not in names}


def signer_for(provider: str) -> Signer:
    """Return ``provider``'s signer."""
    names = {
        "mailersend": ("Signature",),
        "sentdm": ("X-Webhook-ID", "X-Webhook-Timestamp", "X-Webhook-Signature"),
    }
    return Signer(provider, names.get(provider, ()))
