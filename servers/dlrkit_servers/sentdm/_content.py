"""Message content: template texts, channel-specific bodies and their prices."""

from __future__ import annotations

import hashlib
import math
import random
from typing import Any

from dlrkit_servers._core import digits, hex_id
from dlrkit_servers.sentdm._formats import PhoneRegion

__all__ = ["TEMPLATES", "Template", "render_body"]

#: A profile's template: (id, name, category).
Template = tuple[str, str, str]
#: Template names and categories every profile has.
TEMPLATES = (
    ("order_shipped", "UTILITY"),
    ("appointment_reminder", "UTILITY"),
    ("otp_code", "AUTHENTICATION"),
    ("weekend_sale", "MARKETING"),
    ("delivery_update", "UTILITY"),
    ("account_alert", "UTILITY"),
)
_WHATSAPP_UNITS = {"UTILITY": 80, "AUTHENTICATION": 135, "MARKETING": 250}
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_REPLIES = ("STOP", "Yes, please confirm", "C", "Thanks!", "What time do you open tomorrow?")
_GSM_SEGMENT = 160
_GSM_PART = 153  # a concatenated part loses 7 characters to its header


def render_body(
    rng: random.Random, channel: str, template: Template | None, region: PhoneRegion
) -> tuple[dict[str, Any], int]:
    """Return the rendered ``message_body`` and the price in ten-thousandths (0 inbound)."""
    if template is None:
        body = {"header": None, "content": rng.choice(_REPLIES), "footer": None}
        return {**body, "buttons": None}, 0
    _, name, category = template
    text = _text(rng, name)
    body = {"header": None, "content": text, "footer": None, "buttons": None}
    if channel == "sms":
        return body, region.sms_units * _segments(text)
    if channel == "mms":
        size = rng.randint(20_000, 600_000)
        media = {"mediaType": "image", "mimeType": "image/jpeg", "sizeBytes": size}
        media.update(_file_of(name, size, "jpg"))
        return {**body, "subject": name.replace("_", " ").title(), "media": [media]}, 200
    buttons = [
        {
            "type": "QUICK_REPLY",
            "text": "Details",
            "value": None,
            "postbackData": hex_id(rng, 8),
        }
    ]
    if channel == "rcs":
        return {**body, "buttons": buttons}, 100
    header_media: dict[str, Any] | None = None
    if rng.random() < 0.3:
        size = rng.randint(10_000, 300_000)
        # `headerMedia` is {type, url}, not a media item (see the spec's HeaderMedia).
        header_media = {"type": "image", "url": _file_of(name, size, "png")["url"]}
    footer = "Reply STOP to unsubscribe" if category == "MARKETING" else None
    whatsapp = {
        **body,
        "header": name.replace("_", " ").title(),
        "footer": footer,
        "buttons": buttons if rng.random() < 0.6 else [],
        "headerMedia": header_media,
    }
    return whatsapp, _WHATSAPP_UNITS[category]


def _file_of(name: str, size: int, extension: str) -> dict[str, Any]:
    """Return a media file's URL and SHA-256, derived from what is drawn already.

    Derived rather than drawn, so the seeded data set stays what it was before these fields.
    """
    digest = hashlib.sha256(f"{name}:{size}".encode()).hexdigest()
    url = f"https://media.sent.dm.example/{digest[:16]}.{extension}"
    return {"url": url, "sourceHashSha256": digest}


def _segments(text: str) -> int:
    """GSM-7 SMS parts needed for ``text`` (all generated text is GSM-7)."""
    return 1 if len(text) <= _GSM_SEGMENT else math.ceil(len(text) / _GSM_PART)


def _text(rng: random.Random, name: str) -> str:
    day, hour = rng.choice(_DAYS), rng.randint(8, 18)
    if name == "order_shipped":
        link = f"https://t.example/{hex_id(rng, 8)}"
        return f"Your order #{digits(rng, 6)} has shipped and arrives {day}. Track: {link}"
    if name == "appointment_reminder":
        return (
            f"Reminder: your appointment is on {day} at {hour}:00. "
            "Reply C to confirm or R to reschedule."
        )
    if name == "otp_code":
        return f"{digits(rng, 6)} is your code. It expires in 10 minutes. Do not share it."
    if name == "weekend_sale":  # always longer than one SMS segment
        return (
            f"This weekend only: take {rng.choice((15, 20, 25, 30))}% off everything in store "
            "and online, including new arrivals and our best sellers. Show this message at the "
            f"till or use code WEEKEND{digits(rng, 2)} at checkout. Offer ends {day} at "
            "midnight. Terms apply."
        )
    if name == "delivery_update":
        return f"Your parcel is out for delivery today between {hour}:00 and {hour + 2}:00."
    extra = (
        " If this was not you, reset your password now and contact support; we will never ask "
        "for your password or verification codes by text message or phone call."
    )
    return f"New sign-in to your account on {day} at {hour}:00." + (
        extra if rng.random() < 0.5 else ""
    )
