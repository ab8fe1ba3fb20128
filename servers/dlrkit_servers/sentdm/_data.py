"""sent.dm's seeded data set: an organization's profiles with their contacts and messages.

The API key's own profile holds most of the data; two child profiles (reachable with
``x-profile-id``) hold a little each. Every message carries its status events (oldest first) and
its activity log (newest first), rendered once at build time as the API returns them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dlrkit_servers._core import digits, instant_between, rng_for, uuid4
from dlrkit_servers.sentdm._content import TEMPLATES, Template, render_body
from dlrkit_servers.sentdm._formats import (
    REGIONS,
    PhoneRegion,
    decimal_price,
    net_timestamp,
    number_price,
)

__all__ = [
    "DEFAULT_CONTACTS",
    "DEFAULT_MESSAGES",
    "FAILURE_STATUSES",
    "KNOWN_STATUSES",
    "DataSet",
    "Profile",
    "build_data",
]

KNOWN_STATUSES = (
    "QUEUED", "ACCEPTED", "PROCESSED", "ROUTED", "SCHEDULED", "SENT", "DELIVERED", "READ",
    "FAILED", "FILTERED", "BLOCKED", "CANCELLED", "RECEIVED",
)  # fmt: skip
FAILURE_STATUSES = frozenset({"FAILED", "FILTERED", "BLOCKED"})
_SCHEDULE_STATUSES = frozenset({"SCHEDULED", "CANCELLED"})
_IN_FLIGHT = frozenset({"QUEUED", "ACCEPTED", "PROCESSED", "ROUTED"})
# Weights of the current status beyond the guaranteed few of each.
_STATUS_WEIGHTS = (2, 1, 2, 2, 3, 6, 40, 8, 8, 3, 3, 2, 8)
#: Contacts and messages of the API key's own profile by default (child profiles are fixed).
DEFAULT_CONTACTS = 260
DEFAULT_MESSAGES = 260
# Messages of each status the key's profile always has, whatever its size; then a child's sizes.
_GUARANTEED = 3
_CHILD_SIZES = (40, 30, 1)
_CHILDREN = 2
_CHANNEL_SETS = (("sms",), ("sms", "whatsapp"), ("whatsapp", "sms"), ("sms", "whatsapp", "rcs"))
_CHANNEL_WEIGHTS = (50, 30, 8, 12)
_CHANNEL_NAMES = {"sms": "SMS", "mms": "MMS", "whatsapp": "WhatsApp", "rcs": "RCS"}
_GAPS = {  # seconds before each status, (low, high)
    "PROCESSED": (0.2, 90.0),
    "ROUTED": (0.1, 20.0),
    "SENT": (0.5, 30.0),
    "DELIVERED": (3.0, 600.0),
    "READ": (60.0, 36_000.0),
    "FAILED": (5.0, 3_600.0),
    "FILTERED": (0.1, 10.0),
    "BLOCKED": (0.05, 2.0),
    "SCHEDULED": (0.2, 5.0),
    "CANCELLED": (60.0, 43_200.0),
}
_DESCRIPTIONS = {
    "QUEUED": "Message accepted and queued for processing",
    "ACCEPTED": "Message accepted for processing",
    "PROCESSED": "Message processed and queued for sending",
    "ROUTED": "Message routed to carrier",
    "SCHEDULED": "Message scheduled for later delivery",
    "SENT": "Message sent via {channel}",
    "DELIVERED": "Message delivered to recipient",
    "READ": "Message read by recipient",
    "FAILED": "Message delivery failed",
    "FILTERED": "Message filtered before sending",
    "BLOCKED": "Message blocked before sending",
    "CANCELLED": "Scheduled message cancelled",
    "RECEIVED": "Inbound message received",
}
# Codes seen in the SDK docstrings and vendor docs; the wording is illustrative.
_REASONS = {
    "FAILED": (
        ("DELIVERY_007", "Carrier rejected the message"),
        ("DELIVERY_003", "Recipient handset is unreachable"),
        ("ERR_TEMPLATE_PARAMS_INVALID", "Template parameters are invalid"),
    ),
    "FILTERED": (
        ("BUSINESS_003", "Message content was filtered by policy"),
        ("ERR_ROUTE_DENIED", "No route is permitted to the destination"),
    ),
    "BLOCKED": (
        ("ERR_CONSENT_BLOCKED", "Recipient has not consented to messages"),
        ("BUSINESS_029", "Destination is blocked by account policy"),
    ),
}


@dataclass(frozen=True, slots=True)
class Profile:
    """One profile's data, as the API renders it."""

    id: str
    #: Contacts, newest first (the list order).
    contacts: tuple[dict[str, Any], ...]
    #: Message id -> ``get_message_status`` data.
    messages: dict[str, dict[str, Any]]
    #: Message id -> ``list_message_activities`` data.
    activities: dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class DataSet:
    """The organization: the API key's own profile first, then its child profiles."""

    profiles: dict[str, Profile]
    main_id: str

    @property
    def main(self) -> Profile:
        """The profile a request without ``x-profile-id`` sees."""
        return self.profiles[self.main_id]


@dataclass(slots=True)
class _Contact:
    row: dict[str, Any]
    region: PhoneRegion
    channels: tuple[str, ...]
    created: datetime


def build_data(
    seed: int,
    now: datetime,
    *,
    contacts: int = DEFAULT_CONTACTS,
    messages: int = DEFAULT_MESSAGES,
) -> DataSet:
    """Build the data set of ``seed``, every timestamp before ``now`` except future schedules.

    The key's profile has ``contacts`` contacts (at least 1) and ``messages`` messages, but never
    fewer than 3 of each status (39).
    """
    if type(contacts) is not int or contacts < 1:
        raise ValueError(f"contacts must be an int >= 1, got {contacts!r}")
    if type(messages) is not int or messages < 0:
        raise ValueError(f"messages must be an int >= 0, got {messages!r}")
    ids = rng_for(seed, "profiles")
    profile_ids = [uuid4(ids) for _ in range(1 + _CHILDREN)]
    used: set[str] = set()
    profiles = {}
    for index, profile_id in enumerate(profile_ids):
        sizes = (contacts, messages, _GUARANTEED) if index == 0 else _CHILD_SIZES
        profiles[profile_id] = _profile(seed, index, profile_id, sizes, now, used)
    return DataSet(profiles, profile_ids[0])


def _profile(
    seed: int, index: int, profile_id: str, sizes: tuple[int, int, int], now: datetime,
    used: set[str],
) -> Profile:  # fmt: skip
    contact_count, message_count, guaranteed = sizes
    contacts = _contacts(rng_for(seed, f"contacts:{index}"), profile_id, contact_count, now, used)
    rng = rng_for(seed, f"messages:{index}")
    templates = [(uuid4(rng), name, category) for name, category in TEMPLATES]
    senders = [f"+1555{digits(rng, 7)}" for _ in range(2)]
    statuses = list(KNOWN_STATUSES) * guaranteed
    statuses += rng.choices(
        KNOWN_STATUSES, _STATUS_WEIGHTS, k=max(message_count - len(statuses), 0)
    )
    rng.shuffle(statuses)
    messages: dict[str, dict[str, Any]] = {}
    activities: dict[str, dict[str, Any]] = {}
    # Read receipts exist on WhatsApp and RCS only; listed once, not once per READ message.
    readable = [c for c in contacts if {"whatsapp", "rcs"} & set(c.channels)]
    for status in statuses:
        builder = _MessageBuilder(rng, profile_id, now)
        message, log = builder.build(status, contacts, readable, templates, rng.choice(senders))
        messages[message["id"]] = message
        activities[message["id"]] = {"message_id": message["id"], "activities": log}
    return Profile(profile_id, tuple(c.row for c in contacts), messages, activities)


def _contacts(
    rng: random.Random, profile_id: str, count: int, now: datetime, used: set[str]
) -> list[_Contact]:
    regions = [region for region, _ in REGIONS]
    weights = [weight for _, weight in REGIONS]
    contacts: list[_Contact] = []
    for index in range(count):
        region = rng.choices(regions, weights)[0]
        number = region.draw(rng)
        while f"+{region.calling_code}{number}" in used:
            number = region.draw(rng)
        formats = region.renderings(number)
        used.add(formats["format_e164"])
        channels = rng.choices(_CHANNEL_SETS, _CHANNEL_WEIGHTS)[0]
        if index == count - 1 and not any(len(c.channels) > 1 for c in contacts):
            channels = _CHANNEL_SETS[1]  # READ messages need a contact beyond SMS
        created = instant_between(rng, now - timedelta(days=400), now - timedelta(days=31))
        updated = None if rng.random() < 0.4 else instant_between(rng, created, now)
        row = {
            "id": uuid4(rng),
            "customer_id": profile_id,
            "phone_number": formats["format_e164"],
            **formats,
            "country_code": region.calling_code,
            "region_code": region.code,
            "available_channels": ",".join(channels),
            "default_channel": channels[0],
            "opt_out": rng.random() < 0.1,
            "is_inherited": False,
            "created_at": net_timestamp(created, rng),
            "updated_at": None if updated is None else net_timestamp(updated, rng),
        }
        contacts.append(_Contact(row, region, channels, created))
    contacts.sort(key=lambda contact: contact.created, reverse=True)
    return contacts


class _MessageBuilder:
    """Draws one message: its recipient, content, lifecycle, prices and renderings."""

    def __init__(self, rng: random.Random, profile_id: str, now: datetime) -> None:
        self.rng = rng
        self.profile_id = profile_id
        self.now = now

    def build(
        self,
        status: str,
        contacts: list[_Contact],
        readable: list[_Contact],
        templates: list[Template],
        sender: str,
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Return the message status data and its activity log (newest first).

        ``readable`` are the contacts a READ message may go to (WhatsApp or RCS).
        """
        rng = self.rng
        if status == "READ":
            contact = rng.choice(readable)
            channel = rng.choice([c for c in contact.channels if c != "sms"])
        else:
            contact = rng.choice(contacts)
            channel = rng.choice(contact.channels)
            if channel == "sms" and status != "RECEIVED" and rng.random() < 0.1:
                channel = "mms"
        inbound = status == "RECEIVED"
        template = None if inbound else rng.choice(templates)
        body, units = render_body(rng, channel, template, contact.region)
        path = self._path(status)
        times, scheduled_at = self._times(path)
        stamps = [net_timestamp(moment, rng) for moment in times]
        priced = path.index("PROCESSED") if "PROCESSED" in path else len(path)
        routed = path.index("ROUTED") if "ROUTED" in path else len(path)
        contact_units = None if inbound else rng.choice((0, 50, 150))
        reason = rng.choice(_REASONS[status]) if status in FAILURE_STATUSES else None
        schedule = None if scheduled_at is None else net_timestamp(scheduled_at, rng)
        events, log = [], []
        for index, (step, stamp) in enumerate(zip(path, stamps, strict=True)):
            description = _DESCRIPTIONS[step].format(channel=_CHANNEL_NAMES[channel])
            event: dict[str, Any] = {"status": step, "timestamp": stamp, "description": description}
            has_price = index >= priced and not inbound
            # Inbound rows come from the contact; outbound ones name the sender once routed.
            source = contact.row["phone_number"] if inbound else None
            if not inbound and index >= routed:
                source = sender
            activity: dict[str, Any] = {
                "status": step,
                "description": description,
                "from": source,
                "timestamp": stamp,
                "price": decimal_price(units if has_price else None),
                "active_contact_price": decimal_price(contact_units if has_price else None),
            }
            if step in FAILURE_STATUSES and reason is not None:
                event |= {"reason_code": reason[0], "reason": reason[1]}
                activity |= {"reason_code": reason[0], "reason": reason[1]}
            if step in _SCHEDULE_STATUSES and schedule is not None:
                activity["scheduled_at"] = schedule
            events.append(event)
            log.append(activity)
        priced_now = priced < len(path) and not inbound
        message: dict[str, Any] = {
            "id": uuid4(rng),
            "customer_id": self.profile_id,
            "contact_id": contact.row["id"],
            "phone": contact.row["phone_number"],
            "phone_international": contact.row["format_international"],
            "region_code": contact.region.code,
            "template_id": None if template is None else template[0],
            "template_name": None if template is None else template[1],
            "template_category": None if template is None else template[2],
            "channel": channel,
            "direction": "inbound" if inbound else "outbound",
            "message_body": body,
            "status": status,
            "created_at": stamps[0],
            "price": number_price(units if priced_now else None),
            "active_contact_price": number_price(contact_units if priced_now else None),
            "events": events,
        }
        if reason is not None:
            message |= {"reason_code": reason[0], "reason": reason[1]}
        if status in _SCHEDULE_STATUSES:
            message["scheduled_at"] = schedule
        return message, log[::-1]

    def _path(self, status: str) -> list[str]:
        """Return the statuses the message went through, oldest first, ending at ``status``."""
        rng = self.rng
        if status in ("QUEUED", "ACCEPTED", "RECEIVED"):
            return [status]
        first = "ACCEPTED" if rng.random() < 0.1 else "QUEUED"
        sending = ["PROCESSED", "ROUTED", "SENT"]
        tails = {
            "PROCESSED": ["PROCESSED"],
            "ROUTED": ["PROCESSED", "ROUTED"],
            "SENT": sending,
            "DELIVERED": [*sending, "DELIVERED"],
            "READ": [*sending, "DELIVERED", "READ"],
            "SCHEDULED": ["SCHEDULED"],
            "CANCELLED": ["SCHEDULED", "CANCELLED"],
            "FAILED": [*sending, "FAILED"],
            "FILTERED": ["PROCESSED", "FILTERED"],
            "BLOCKED": ["BLOCKED"],
        }
        tail = tails[status]
        if status == "FAILED" and rng.random() < 0.3:
            tail = ["PROCESSED", "FAILED"]  # refused by the first carrier hop, never sent
        if status == "DELIVERED" and rng.random() < 0.15:
            tail = ["SCHEDULED", *tail]  # sent later, at its scheduled time
        return [first, *tail]

    def _times(self, path: list[str]) -> tuple[list[datetime], datetime | None]:
        """When each step happened, and the scheduled send time if the path has one."""
        rng, now = self.rng, self.now
        final = path[-1]
        if final in _IN_FLIGHT:
            start = instant_between(rng, now - timedelta(hours=1), now - timedelta(minutes=5))
        elif final == "SCHEDULED":
            start = instant_between(rng, now - timedelta(days=2), now - timedelta(hours=1))
        else:
            start = instant_between(rng, now - timedelta(days=30), now - timedelta(days=3))
        times, scheduled_at = [start], None
        for step in path[1:]:
            low, high = _GAPS[step]
            moment = times[-1] + timedelta(seconds=rng.uniform(low, high))
            if step == "SCHEDULED":
                ahead = rng.uniform(3_600, 172_800)
                if final == "SCHEDULED":
                    ahead = rng.uniform(3_600, 604_800) + (now - moment).total_seconds()
                elif final == "CANCELLED":
                    ahead = rng.uniform(86_400, 864_000)
                scheduled_at = moment + timedelta(seconds=ahead)
            elif step == "PROCESSED" and scheduled_at is not None:
                moment = scheduled_at + timedelta(seconds=rng.uniform(low, high))
            times.append(moment)
        return times, scheduled_at
