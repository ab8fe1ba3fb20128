"""The four views of one message: v1/v3 report rows and v1/v3 log rows.

Every view is rendered from the same v1 report body, so a message has one status, one price
and the same times everywhere. The renames follow Infobip's spec (v3: ``from`` -> ``sender``,
``smsCount`` -> ``messageCount``, ``entityId``/``applicationId`` -> ``platform{}``; v3 logs:
``to`` -> ``destination``, ``text`` -> ``content``). Logs carry the message content, which
reports do not: it is derived from the message id, so it never disturbs the seeded report
streams and stays the same however often it is asked for.
"""

from __future__ import annotations

import hashlib
import random
from typing import Any, Final

from dlrkit_servers.infobip._data import Report

__all__ = ["Content", "content_of", "log_v1", "log_v3", "report_v3"]

# GSM-7 text per part: 160 characters alone, 153 per part of a concatenated message.
_SINGLE = 160
_PER_PART = 153
_WORDS: Final = (
    "Your", "code", "is", "order", "shipped", "today", "thanks", "for", "booking", "reply",
    "STOP", "to", "opt", "out", "appointment", "tomorrow", "at", "the", "delivery", "window",
)  # fmt: skip
# One message in twenty is binary (WAP push, ringtone...): its logs show hex content.
_BINARY_SHARE = 20

#: ``{"text": ...}`` or ``{"hex": ..., "dataCoding": ..., "esmClass": ...}``.
Content = dict[str, Any]


def _rng(message_id: str) -> random.Random:
    digest = hashlib.sha256(f"infobip.content:{message_id}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def content_of(report: Report) -> Content:
    """Return the message's content, as long as its ``smsCount`` parts need (same every call)."""
    rng = _rng(report.message_id)
    parts = int(report.body["smsCount"])
    if rng.randrange(_BINARY_SHARE) == 0:
        octets = rng.randrange(1, 140 * parts)
        hex_digits = "".join(f"{rng.randrange(256):02x}" for _ in range(octets))
        return {"hex": hex_digits, "dataCoding": 4, "esmClass": 64 if parts > 1 else 0}
    low = 20 if parts == 1 else _PER_PART * (parts - 1) + 1
    high = _SINGLE if parts == 1 else _PER_PART * parts
    length = rng.randrange(low, high + 1)
    words: list[str] = []
    while sum(map(len, words)) + len(words) < length:
        words.append(rng.choice(_WORDS))
    return {"text": " ".join(words)[:length]}


def _platform(body: dict[str, Any]) -> dict[str, str] | None:
    platform: dict[str, str] = {
        key: str(body[key]) for key in ("entityId", "applicationId") if key in body
    }
    return platform or None


def _error_v3(error: dict[str, Any]) -> dict[str, Any]:
    # v3 spells the no-error group "OK" (Infobip's MessageErrorGroup); v1 bodies use both.
    if error.get("groupName") == "Ok":
        return {**error, "groupName": "OK"}
    return dict(error)


def report_v3(report: Report) -> dict[str, Any]:
    """Render the ``/sms/3/reports`` row of ``report``."""
    body = report.body
    row: dict[str, Any] = {}
    if "bulkId" in body:
        row["bulkId"] = body["bulkId"]
    row |= {
        "messageId": body["messageId"],
        "to": body["to"],
        "sender": body["from"],
        "sentAt": body["sentAt"],
        "doneAt": body["doneAt"],
        "messageCount": body["smsCount"],
    }
    for key in ("mccMnc", "callbackData"):
        if key in body:
            row[key] = body[key]
    row |= {"price": dict(body["price"]), "status": dict(body["status"])}
    row["error"] = _error_v3(body["error"])
    platform = _platform(body)
    if platform is not None:
        row["platform"] = platform
    if report.campaign_reference_id is not None:
        row["campaignReferenceId"] = report.campaign_reference_id
    return row


def log_v1(report: Report) -> dict[str, Any]:
    """Render the ``/sms/1/logs`` row: the v1 report plus ``text``, without ``callbackData``."""
    body = report.body
    row: dict[str, Any] = {}
    for key, value in body.items():
        if key == "callbackData":
            continue
        row[key] = value
        if key == "from":
            text = content_of(report).get("text")
            if text is not None:  # binary messages have no text in v1 (our choice)
                row["text"] = text
    if report.campaign_reference_id is not None:
        row["campaignReferenceId"] = report.campaign_reference_id
    return row


def log_v3(report: Report) -> dict[str, Any]:
    """Render the ``/sms/3/logs`` row of ``report``."""
    body = report.body
    row: dict[str, Any] = {"sender": body["from"], "destination": body["to"]}
    if "bulkId" in body:
        row["bulkId"] = body["bulkId"]
    row |= {
        "messageId": body["messageId"],
        "sentAt": body["sentAt"],
        "doneAt": body["doneAt"],
        "messageCount": body["smsCount"],
        "price": dict(body["price"]),
        "status": dict(body["status"]),
        "error": _error_v3(body["error"]),
    }
    platform = _platform(body)
    if platform is not None:
        row["platform"] = platform
    row["content"] = content_of(report)
    if report.campaign_reference_id is not None:
        row["campaignReferenceId"] = report.campaign_reference_id
    if "mccMnc" in body:
        row["mccMnc"] = body["mccMnc"]
    return row
