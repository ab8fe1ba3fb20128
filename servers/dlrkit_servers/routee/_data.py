"""Routee's seeded data set: SMS parts over the 7 days before ``now``, some in campaigns.

A pure function of ``(seed, now, messages)``. Each message has one to three parts (one
``smsId`` per part, one shared ``messageId``); about 40 % belong to one of six bulk campaigns,
sent within 20 minutes of the campaign's start. The first messages cycle through every
documented ``status.status`` / ``status.reason.detailedStatus`` pair, so every value appears
whenever ``messages`` >= 16. Times are truncated to milliseconds, the precision they are shown
with, so filtering on them agrees with what a client reads.
"""

from __future__ import annotations

import functools
import itertools
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dlrkit_servers._core import dumps, instant_between, rng_for, uuid4

__all__ = ["DETAILED_STATUSES", "STATUSES", "Campaign", "DataSet", "Part", "build_data", "stamp"]

STATUSES = ("Queued", "Sent", "Delivered", "Undelivered", "Failed", "Unsent")
WINDOW = timedelta(days=7)
_EARLIEST = WINDOW - timedelta(minutes=5)
_LATEST = timedelta(minutes=1)
_CAMPAIGN_SHARE = 0.4
_INBOUND_SHARE = 0.04
# (status, detailedStatus, description, weight); reasons are Routee's documented vocabulary,
# descriptions are ours (Routee documents none).
_Outcome = tuple[str, str | None, str | None, int]
_OUTCOMES: tuple[_Outcome, ...] = (
    ("Queued", None, None, 3),
    ("Sent", "Sent", "The message was sent to the operator.", 8),
    ("Delivered", "Delivered", "The message was delivered to the handset.", 60),
    ("Undelivered", "Undelivered", "The operator could not deliver the message.", 3),
    ("Undelivered", "Undelivered on Handset", "The handset did not accept the message.", 3),
    ("Undelivered", "Unknown Number", "The number is not assigned to a subscriber.", 3),
    ("Undelivered", "Roaming", "The recipient was roaming and could not be reached.", 2),
    ("Undelivered", "Call Barred", "The recipient's line is barred from receiving SMS.", 2),
    ("Undelivered", "Unknown Status", "The operator reported no final status.", 2),
    ("Undelivered", "Carrier Violation", "The operator rejected the sender or content.", 2),
    ("Undelivered", "Expired", "The message TTL expired before delivery.", 3),
    ("Undelivered", "DND Error Code", "The recipient is on India's Do Not Disturb registry.", 1),
    ("Failed", "Failed", "Routee could not process the message.", 4),
    ("Unsent", None, "Insufficient balance: the message was not sent.", 4),
)
# Unsent happens only on the Bulk SMS resource, i.e. to campaign messages.
_DIRECT = tuple(o for o in _OUTCOMES if o[0] != "Unsent")
_INBOUND: _Outcome = ("Delivered", "Delivered", "Inbound message received.", 0)
DETAILED_STATUSES = tuple(dict.fromkeys(o[1] for o in _OUTCOMES if o[1] is not None))
# country, prefix, national digits after the prefix, operators, price per part (EUR)
_COUNTRIES = (
    ("GR", "+3069", 8, ("Cosmote", "Vodafone GR", "Nova"), 0.0345),
    ("GB", "+447", 9, ("EE", "Vodafone UK", "O2 UK", "Three UK"), 0.04),
    ("DE", "+4915", 9, ("Telekom", "Vodafone DE", "O2 DE"), 0.075),
    ("CY", "+3579", 7, ("Cyta", "Epic"), 0.03),
    ("IN", "+919", 9, ("Jio", "Airtel", "Vi"), 0.012),
    ("US", "+1", 10, ("Verizon", "T-Mobile US", "AT&T"), 0.009),
    ("RO", "+407", 8, ("Orange RO", "Vodafone RO"), 0.045),
)
_INDIA = next(country for country in _COUNTRIES if country[0] == "IN")
_SENDERS = ("Routee", "DLRKIT", "AcmeShop", "+447860039144")
_INBOUND_NUMBERS = ("+447860039144", "+306944000123")
_CAMPAIGN_NAMES = (
    "Spring promo",
    "Black Friday",
    "Loyalty points",
    "Appointment reminders",
    "Service outage notice",
    "Welcome series",
)
_LABELS = ("otp", "reminder", "alerts", None)
_SENTENCES = (
    "Our spring collection is here with up to 40% off selected items.",
    "Show this message in store to claim your gift.",
    "Offer valid while stocks last, terms apply.",
    "Visit acme.example/deals to see every offer.",
    "Reply STOP to opt out of marketing messages.",
)


@dataclass(frozen=True, slots=True)
class Campaign:
    """One bulk send: its tracking id, name and start time."""

    tracking_id: str
    name: str
    start: datetime


@dataclass(frozen=True, slots=True)
class Part:
    """One SMS part: ``multi`` as pages show it, ``single`` as the single-message API does.

    Parts are never changed once built, so ``encoded`` (``multi`` as JSON) is made once.
    """

    multi: dict[str, Any]
    single: dict[str, Any]
    #: ``status.date``: what ``dateStart``/``dateEnd`` select on.
    date: datetime
    encoded: bytes


@dataclass(frozen=True, slots=True)
class DataSet:
    """Every part (by date, then message id, then part) and indexes by message and campaign.

    ``by_campaign`` keeps each campaign's parts in the same date order, so both bisect by date.
    """

    now: datetime
    parts: tuple[Part, ...]
    by_message: dict[str, tuple[Part, ...]]
    by_campaign: dict[str, tuple[Part, ...]]
    campaigns: tuple[Campaign, ...]


def stamp(value: datetime) -> str:
    """UTC time as Routee-style ISO-8601 with milliseconds and ``Z``."""
    return f"{value:%Y-%m-%dT%H:%M:%S}.{value.microsecond // 1000:03d}Z"


def _digits(rng: random.Random, count: int) -> str:
    # One draw per number (the core's digits() draws per digit; this runs thousands of times).
    return str(rng.randrange(10 ** (count - 1), 10**count))


def _ms(value: datetime) -> datetime:
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _body(rng: random.Random, parts: int, label: str | None) -> str:
    if parts == 1:
        if label == "otp":
            return f"Your verification code is {_digits(rng, 6)}. It expires in 10 minutes."
        return f"Reminder: your appointment is tomorrow at {rng.randint(8, 18)}:00."
    # GSM-7 concatenated SMS carry 153 characters per part.
    length = rng.randint(153 * (parts - 1) + 1, 153 * parts)
    text = ""
    while len(text) < length:
        text += rng.choice(_SENTENCES) + " "
    return text[:length].rstrip() + "."


class _Builder:
    """Draws messages one at a time; message ``index`` < 16 gets a forced outcome or shape."""

    def __init__(self, seed: int, now: datetime) -> None:
        self.now = now
        self.rng = rng_for(seed, "routee-messages")
        ids = rng_for(seed, "routee-ids")
        self.ids = ids
        starts = rng_for(seed, "routee-campaigns")
        self.campaigns = tuple(
            Campaign(
                uuid4(ids),
                name,
                _ms(instant_between(starts, now - _EARLIEST, now - timedelta(hours=1))),
            )
            for name in _CAMPAIGN_NAMES
        )
        self.parts: list[Part] = []

    def message(self, index: int) -> None:
        rng = self.rng
        forced = _OUTCOMES[index] if index < len(_OUTCOMES) else None
        inbound = index == len(_OUTCOMES) + 1 or (forced is None and rng.random() < _INBOUND_SHARE)
        campaign: Campaign | None = None
        if not inbound and (rng.random() < _CAMPAIGN_SHARE or (forced and forced[0] == "Unsent")):
            campaign = rng.choice(self.campaigns)
        outcome = forced or self._outcome(campaign is not None)
        if inbound:
            outcome = _INBOUND
        # DND Error Code is reported for India only.
        country = _INDIA if outcome[1] == "DND Error Code" else rng.choice(_COUNTRIES)
        code, prefix, width, operators, price = country
        phone = prefix + _digits(rng, width)
        parts = 3 if index == len(_OUTCOMES) else rng.choices((1, 2, 3), (70, 20, 10))[0]
        label = "marketing" if campaign else rng.choice(_LABELS)
        if campaign is not None:
            created = campaign.start + timedelta(seconds=rng.uniform(0, 1200))
        elif outcome[0] in ("Queued", "Sent"):
            created = instant_between(rng, self.now - timedelta(hours=6), self.now - _LATEST)
        else:
            created = instant_between(rng, self.now - _EARLIEST, self.now - _LATEST)
        final = outcome[0] in ("Delivered", "Undelivered") and not inbound
        latency = rng.randint(800, 90_000) if final else None
        shared: dict[str, Any] = {
            "messageId": uuid4(self.ids),
            "to": rng.choice(_INBOUND_NUMBERS) if inbound else phone,
            "from": phone if inbound else rng.choice(_SENDERS),
            "applicationName": "otp-service" if label == "otp" else "default",
            "country": code,
            "groups": None if inbound else (["customers"] if campaign else []),
            "body": _body(rng, parts, label),
            "operator": rng.choice(operators),
            "originatingService": "Sms",
            "direction": "Inbound" if inbound else "Outbound",
            "latency": latency,
            "parts": parts,
            "label": None if inbound else label,
        }
        charged = outcome[0] not in ("Failed", "Unsent") and not inbound
        for number in range(1, parts + 1):
            offset = timedelta(milliseconds=(latency or 0) + 40 * (number - 1))
            date = _ms(min(created + offset, self.now - _LATEST))
            multi = {
                "smsId": uuid4(self.ids),
                **shared,
                "part": number,
                "price": price if charged else 0.0,
                "status": _status(outcome, date),
                "receivedDate": stamp(date) if inbound else None,
                "campaignName": campaign.name if campaign else None,
                "campaignTrackingId": campaign.tracking_id if campaign else None,
            }
            single = {k: v for k, v in multi.items() if not k.startswith("campaign")}
            single["campaign"] = multi["campaignName"]
            self.parts.append(Part(multi, single, date, dumps(multi)))

    def _outcome(self, in_campaign: bool) -> _Outcome:
        allowed = _OUTCOMES if in_campaign else _DIRECT
        return self.rng.choices(allowed, cum_weights=_cumulative(allowed))[0]


@functools.cache
def _cumulative(outcomes: tuple[_Outcome, ...]) -> list[int]:
    return list(itertools.accumulate(o[3] for o in outcomes))


def _status(outcome: _Outcome, date: datetime) -> dict[str, Any]:
    status, detailed, description, _ = outcome
    reason = (
        None if description is None else {"detailedStatus": detailed, "description": description}
    )
    return {"date": stamp(date), "status": status, "reason": reason}


def build_data(*, seed: int, now: datetime, messages: int) -> DataSet:
    """Build ``messages`` messages (about 1.4 parts each) dated within 7 days before ``now``."""
    builder = _Builder(seed, now)
    for index in range(messages):
        builder.message(index)
    parts = sorted(builder.parts, key=lambda p: (p.date, p.multi["messageId"], p.multi["part"]))
    by_message: dict[str, list[Part]] = {}
    by_campaign: dict[str, list[Part]] = {c.tracking_id: [] for c in builder.campaigns}
    for part in parts:
        by_message.setdefault(part.multi["messageId"], []).append(part)
        campaign_id = part.multi["campaignTrackingId"]
        if campaign_id is not None:
            by_campaign[campaign_id].append(part)
    return DataSet(
        now=now,
        parts=tuple(parts),
        by_message={
            k: tuple(sorted(v, key=lambda p: p.multi["part"])) for k, v in by_message.items()
        },
        by_campaign={k: tuple(v) for k, v in by_campaign.items()},
        campaigns=builder.campaigns,
    )
