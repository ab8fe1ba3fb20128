"""Helpers for the callback (``webhooks:``) spec tests: which entries exist, their bodies.

Validation runs against the spec itself (``openapi_support``), never the generated models.
"""

from __future__ import annotations

from typing import Any

from openapi_support import load_spec, schema_validator

# The webhook entries each spec must have, with the response key that counts as delivered.
EXPECTED_WEBHOOKS: dict[str, dict[str, str]] = {
    "mailersend": {
        "sms.sent": "2XX",
        "sms.delivered": "2XX",
        "sms.failed": "2XX",
        "webhook.test": "2XX",
    },
    "sentdm": {"message-status": "2XX"},
    "infobip": {"sms-delivery-report": "200", "sms-delivery-report-v3": "200"},
    "routee": {"sms-status": "200", "campaign-status": "200"},
}


def webhook_post(provider: str, name: str) -> dict[str, Any]:
    """Return the ``post`` operation of one webhook entry."""
    post: dict[str, Any] = load_spec(provider)["webhooks"][name]["post"]
    return post


def body_pointer(provider: str, name: str) -> str:
    """Return the JSON pointer of the component schema a webhook's JSON body refers to."""
    content = webhook_post(provider, name)["requestBody"]["content"]
    ref: str = content["application/json"]["schema"]["$ref"]
    return ref


def body_errors(provider: str, name: str, body: Any) -> list[str]:
    """Return every validation error of ``body`` against a webhook's body; empty if it fits."""
    validator = schema_validator(provider, body_pointer(provider, name))
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(body)
    ]
