"""MailerSend's seeded data set: sending numbers, SMS messages, their SMS and activity, recipients.

A pure function of ``(seed, now, messages)``. Messages spread over the 60 days before ``now``; each
goes from one sending number to one to five recipients of that number, and each recipient's SMS
moves through ``processed -> queued -> sent -> delivered | failed`` (some stop early: paused
messages, SMS still in flight, SMS with no delivery report). Recipients are the (number, phone)
pairs that received SMS; ids are Mongo-ObjectId-like (8 hex digits of creation time, 16 random).
"""

from __future__ import annotations

import math
import random
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from dlrkit_servers._core import digits, hex_id, rng_for

__all__ = [
    "ACTIVITY_STATUSES",
    "DEFAULT_MESSAGES",
    "RECIPIENT_STATUSES",
    "Activity",
    "DataSet",
    "Message",
    "Recipient",
    "Sms",
    "build_data",
    "sms_number_ids",
    "timestamp",
]

ACTIVITY_STATUSES = ("processed", "queued", "sent", "delivered", "failed")
RECIPIENT_STATUSES = ("active", "opt_out")

#: Messages in the default data set (about 2,320 activity rows).
DEFAULT_MESSAGES = 320
_NUMBERS = 4
_PHONES_PER_NUMBER = 90
_SPAN = timedelta(days=60)
_RECIPIENT_COUNTS = ((1, 45), (2, 25), (3, 15), (4, 10), (5, 5))
# Final state of one SMS -> the statuses it went through, with their weights.
_PATHS = (
    (("processed", "queued", "sent", "delivered"), 74),
    (("processed", "queued", "sent", "failed"), 8),
    (("processed", "failed"), 5),
    (("processed", "queued", "sent"), 7),
    (("processed", "queued"), 4),
    (("processed",), 2),
)
# Invented categories: MailerSend does not document its SMS error types.
_FAILURES = (
    ("invalid_number", "The destination number is not a valid mobile number."),
    ("carrier_rejected", "The carrier rejected the message."),
    ("unreachable", "The handset was switched off or out of coverage until the message expired."),
    ("blocked", "The message was blocked by the carrier's content filter."),
)
# An SMS refused before it was sent can only have had a bad number.
_EARLY = _FAILURES[:1]
_SHORT_TEXTS = (
    "Your verification code is {code}.",
    "Hi {name}, your order #{order} has shipped.",
    "{name}, your appointment is confirmed for tomorrow at 10:30.",
    "Reminder: your subscription renews in 3 days. Reply STOP to opt out.",
    "Your parcel {order} is out for delivery today.",
    "Thanks {name}! We received your payment.",
)
_LONG_TEXTS = (
    "Hi {name}, thank you for shopping with us. Your order #{order} has been packed and will be"
    " handed to the courier today. You can follow the delivery in your account at any time, and"
    " our support team is available around the clock if anything goes wrong."
    " Reply STOP to opt out.",
    "Dear {name}, your account statement for last month is ready. Opening balance, payments,"
    " refunds and the closing balance are listed in the app under Billing. Payments made in the"
    " last two days may not show yet. If anything looks wrong, reply to this message or call our"
    " support line and quote reference {order}; we usually answer within one business day."
    " Reply STOP to stop receiving account messages.",
    "Dear {name}, this is a reminder that your appointment is scheduled for next Monday at"
    " 09:15. Please arrive ten minutes early and bring your insurance card. If you need to"
    " reschedule, call us or reply to this message.",
)
_UNICODE_TEXTS = (
    "Hola {name}, tu pedido {order} está en camino 🚚",
    "{name}, merci ! Votre rendez-vous de demain est confirmé. À bientôt 😊 Répondez STOP pour"
    " ne plus recevoir de messages de notre part.",
)
_NAMES = ("Alex", "Maria", "Jonas", "Aiko", "Sam", "Priya", "Lena", "Omar", "Chloe", "Tom")


def timestamp(value: datetime) -> str:
    """MailerSend's wire form: UTC, six fraction digits, ``Z`` (``2022-02-21T08:15:46.627000Z``)."""
    return f"{value:%Y-%m-%dT%H:%M:%S.%f}Z"


def segment_count(text: str) -> int:
    """SMS segments for ``text``: GSM-7 (160/153 chars) if plain ASCII, else UCS-2 (70/67)."""
    if text.isascii():
        single, part, size = 160, 153, len(text)
    else:
        single, part, size = 70, 67, len(text.encode("utf-16-le")) // 2
    return 1 if size <= single else math.ceil(size / part)


@dataclass(frozen=True, slots=True)
class Activity:
    """One status event of one SMS."""

    micros: int  # creation time as Unix microseconds, for date filters
    status: str
    sms_number_id: str
    json: dict[str, str]


@dataclass(frozen=True, slots=True)
class Sms:
    """One SMS of a message to one recipient, in its final state."""

    json: dict[str, object]


@dataclass(frozen=True, slots=True)
class Message:
    """One send request."""

    id: str
    sms_number_id: str
    summary: dict[str, object]
    sms: tuple[Sms, ...]
    activity: tuple[Activity, ...]
    statuses: frozenset[str]  # final status of each SMS
    segments: int


@dataclass(slots=True)
class Recipient:
    """A phone number that received SMS from one sending number; ``status`` is mutable."""

    id: str
    sms_number_id: str
    number: str
    created_at: datetime
    status: str
    sms: list[Sms] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        """Return the list / update form (no ``sms[]``)."""
        return {
            "id": self.id,
            "number": self.number,
            "status": self.status,
            "created_at": timestamp(self.created_at),
        }


@dataclass(frozen=True, slots=True)
class DataSet:
    """Everything the server serves; lists are newest first."""

    numbers: dict[str, str]  # sms_number_id -> E.164 sending number
    messages: tuple[Message, ...]
    messages_by_id: dict[str, Message]
    activity: tuple[Activity, ...]
    recipients: tuple[Recipient, ...]
    recipients_by_id: dict[str, Recipient]


# The first 8 hex digits of an id count seconds from here, not from the Unix epoch.
_ID_EPOCH = 1_767_225_600  # 2026-01-01T00:00:00Z


class _Ids:
    """ObjectId-like ids, never repeated: 8 hex digits of creation second, then 16 random.

    The second is the message's seeded offset into the data set's span, counted from
    `_ID_EPOCH`, not its wall-clock time: so ids keep creation order and one seed gives
    the same ids on every start, whatever the clock says (``dlrkit serve --seed``).
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def make(self, second: int) -> str:
        while True:
            value = f"{_ID_EPOCH + second:08x}{hex_id(self._rng, 16)}"
            if value not in self._seen:
                self._seen.add(value)
                return value


def _ms(value: datetime) -> datetime:
    """Millisecond precision, as MailerSend's timestamps show (``.627000``)."""
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _micros(value: datetime) -> int:
    return (value - datetime(1970, 1, 1, tzinfo=value.tzinfo)) // timedelta(microseconds=1)


def _text(rng: random.Random) -> str:
    roll = rng.random()
    pool = _SHORT_TEXTS if roll < 0.7 else _LONG_TEXTS if roll < 0.88 else _UNICODE_TEXTS
    return rng.choice(pool).format(
        code=digits(rng, 6), name=rng.choice(_NAMES), order=digits(rng, 7)
    )


def _numbers(seed: int) -> dict[str, str]:
    rng = rng_for(seed, "mailersend.numbers")
    alphabet = string.ascii_lowercase + string.digits
    numbers: dict[str, str] = {}
    while len(numbers) < _NUMBERS:
        number_id = "".join(rng.choice(alphabet) for _ in range(16))
        numbers[number_id] = f"+1{rng.choice(('833', '844', '855', '877'))}{digits(rng, 7)}"
    return numbers


def sms_number_ids(seed: int) -> list[str]:
    """Return the sending-number ids of the data set of ``seed`` (they do not depend on now)."""
    return list(_numbers(seed))


def _phones(seed: int, numbers: dict[str, str], messages: int) -> dict[str, list[str]]:
    rng = rng_for(seed, "mailersend.phones")
    # Pools grow with larger data sets, so recipients do too (never below the default's).
    size = max(_PHONES_PER_NUMBER, _PHONES_PER_NUMBER * messages // DEFAULT_MESSAGES)
    shared = [f"+1{rng.randint(201, 989)}{digits(rng, 7)}" for _ in range(size)]
    pools: dict[str, list[str]] = {}
    for number_id in numbers:
        # A third of each pool is shared, so some phones are recipients of several numbers.
        own = [f"+1{rng.randint(201, 989)}{digits(rng, 7)}" for _ in range(size)]
        pools[number_id] = rng.sample(shared, size // 3) + own[: size * 2 // 3]
    return pools


def _events(
    rng: random.Random, start: datetime, path: tuple[str, ...]
) -> list[tuple[str, datetime]]:
    at = start + timedelta(milliseconds=rng.randint(20, 300))
    events = [("processed", _ms(at))]
    for status in path[1:]:
        gap = {"queued": (40, 120), "sent": (500, 2_000)}.get(status, (2_000, 60_000))
        at += timedelta(milliseconds=rng.randint(*gap))
        events.append((status, _ms(at)))
    return events


def build_data(seed: int, now: datetime, messages: int = DEFAULT_MESSAGES) -> DataSet:
    """Build ``messages`` messages for ``seed``, every timestamp before ``now`` (aware UTC)."""
    numbers = _numbers(seed)
    pools = _phones(seed, numbers, messages)
    rng = rng_for(seed, "mailersend.messages")
    ids = _Ids(rng_for(seed, "mailersend.ids"))
    recipients: dict[tuple[str, str], Recipient] = {}
    built: list[Message] = []
    activity: list[Activity] = []
    number_ids = list(numbers)
    start = now - _SPAN
    # Created oldest first so that each recipient's created_at is its first SMS. The draws
    # are instant_between's, kept as offsets: ids are made from them, not from the clock.
    span = (_SPAN - timedelta(minutes=5)) // timedelta(microseconds=1)
    offsets = sorted(rng.randrange(span) for _ in range(messages))
    paths, path_weights = zip(*_PATHS, strict=True)
    counts, count_weights = zip(*_RECIPIENT_COUNTS, strict=True)
    for offset in offsets:
        created = _ms(start + timedelta(microseconds=offset))
        second = offset // 1_000_000
        number_id = rng.choice(number_ids)
        sender = numbers[number_id]
        phones = rng.sample(pools[number_id], rng.choices(counts, count_weights)[0])
        text = _text(rng)
        segments = segment_count(text)
        message_id = ids.make(second)
        paused = rng.random() < 0.04
        sms_rows: list[Sms] = []
        events: list[Activity] = []
        for phone in phones:
            path = ("processed",) if paused else rng.choices(paths, path_weights)[0]
            error_type = error_text = None
            if path[-1] == "failed":
                error_type, error_text = rng.choice(_FAILURES if "sent" in path else _EARLY)
            timeline = _events(rng, created, path)
            sms = Sms(
                {
                    "id": ids.make(second),
                    "from": sender,
                    "to": phone,
                    "text": text,
                    "status": path[-1],
                    "segment_count": segments,
                    "error_type": error_type,
                    "error_description": error_text,
                    "created_at": timestamp(created),
                }
            )
            sms_rows.append(sms)
            for status, at in timeline:
                row = {
                    "from": sender,
                    "to": phone,
                    "created_at": timestamp(at),
                    "content": text,
                    "status": status,
                    "sms_message_id": message_id,
                }
                events.append(Activity(_micros(at), status, number_id, row))
            key = (number_id, phone)
            if key not in recipients:
                recipients[key] = Recipient(ids.make(second), number_id, phone, created, "active")
            recipients[key].sms.append(sms)
        events.sort(key=lambda event: event.micros)
        summary: dict[str, object] = {
            "id": message_id,
            "from": sender,
            "to": phones,
            "text": text,
            "paused": paused,
            "created_at": timestamp(created),
        }
        statuses = frozenset(str(sms.json["status"]) for sms in sms_rows)
        message = Message(
            message_id, number_id, summary, tuple(sms_rows), tuple(events), statuses, segments
        )
        built.append(message)
        activity.extend(events)
    opt_rng = rng_for(seed, "mailersend.opt_out")
    for recipient in recipients.values():
        recipient.sms.reverse()
        if opt_rng.random() < 0.15:
            recipient.status = "opt_out"
    activity.sort(key=lambda event: event.micros, reverse=True)
    built.reverse()
    ordered = tuple(sorted(recipients.values(), key=lambda r: r.created_at, reverse=True))
    return DataSet(
        numbers=numbers,
        messages=tuple(built),
        messages_by_id={message.id: message for message in built},
        activity=tuple(activity),
        recipients=ordered,
        recipients_by_id={recipient.id: recipient for recipient in ordered},
    )
