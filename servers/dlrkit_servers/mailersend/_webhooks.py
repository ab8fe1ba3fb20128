"""MailerSend's SMS webhooks: sending numbers, registrations, their signing secrets, the store.

A pure function of ``(seed, now)`` until requests change it. Every sending number but the last
has one to three webhooks (the last has none, so an empty list is always reachable). Ids are
16 lower-case letters and digits, like the recorded ``k68zxl27x34j9057``; timestamps are whole
seconds (``.000000Z``), as recorded.

Each webhook has a signing secret, 32 letters and digits, drawn from the seed (created webhooks
take the next ones in the same stream). MailerSend's API never returns it (no recorded response
carries one; users copy it from the dashboard), so neither does this server: tests and the
callback sender read it from the store, ``server.state["sms_webhooks"]``.
"""

from __future__ import annotations

import random
import string
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from dlrkit_servers._core import instant_between, rng_for
from dlrkit_servers.mailersend._data import timestamp

__all__ = ["EVENTS", "SmsNumber", "SmsWebhook", "SmsWebhookStore"]

#: Events a webhook can subscribe to.
EVENTS = ("sms.sent", "sms.delivered", "sms.failed")
_ID_ALPHABET = string.ascii_lowercase + string.digits
_SECRET_ALPHABET = string.ascii_letters + string.digits
_NAMES = ("delivery-reports", "failed-sms-alerts", "crm-sync", "status-relay", "analytics")
_HOSTS = ("hooks.example.com", "api.example.org", "webhooks.example.net")


def _seconds(value: datetime) -> datetime:
    return value.replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class SmsNumber:
    """A sending number as a webhook shows it."""

    id: str
    telephone_number: str
    paused: bool
    created_at: datetime

    def json(self) -> dict[str, object]:
        """Return the ``sms_number`` object of a webhook."""
        return {
            "id": self.id,
            "telephone_number": self.telephone_number,
            "paused": self.paused,
            "created_at": timestamp(self.created_at),
        }


@dataclass(slots=True)
class SmsWebhook:
    """One registration; mutable (updates). ``signing_secret`` stays out of ``repr``."""

    id: str
    number: SmsNumber
    url: str
    name: str
    events: list[str]
    enabled: bool
    created_at: datetime
    updated_at: datetime
    signing_secret: str = field(repr=False)

    def json(self) -> dict[str, object]:
        """Return the API form (no secret: MailerSend does not return one)."""
        return {
            "id": self.id,
            "url": self.url,
            "events": list(self.events),
            "name": self.name,
            "enabled": self.enabled,
            "created_at": timestamp(self.created_at),
            "updated_at": timestamp(self.updated_at),
            "sms_number": self.number.json(),
        }


class SmsWebhookStore:
    """Every webhook of the account, in creation order; ids are never reused.

    The server's handlers run one at a time on the event loop; the callback sender reads the
    store from its own thread. So every change (``create``, ``delete``, and the handlers'
    field updates) happens under :attr:`lock`, and the sender reads under it too.
    """

    def __init__(self, seed: int, numbers: dict[str, str], now: datetime) -> None:
        #: Held while a webhook is created, changed or deleted, and while one is read whole.
        self.lock = threading.RLock()
        rng = rng_for(seed, "mailersend.webhooks")
        self._ids = rng_for(seed, "mailersend.webhook_ids")
        self._secrets = rng_for(seed, "mailersend.webhook_secrets")
        self._used: set[str] = set(numbers)
        self._webhooks: dict[str, SmsWebhook] = {}
        self.numbers: dict[str, SmsNumber] = {}
        for number_id, telephone in numbers.items():
            since = _seconds(now - timedelta(days=rng.randint(90, 400)))
            self.numbers[number_id] = SmsNumber(number_id, telephone, False, since)
        seeded = [number for number in self.numbers.values()][:-1]
        for number in seeded:
            for _ in range(rng.randint(1, 3)):
                created = _seconds(instant_between(rng, number.created_at, now - timedelta(days=1)))
                self._seed_one(rng, number, created, now)

    def _seed_one(
        self, rng: random.Random, number: SmsNumber, created: datetime, now: datetime
    ) -> None:
        events = [event for event in EVENTS if rng.random() < 0.6] or [rng.choice(EVENTS)]
        webhook = self.create(
            number,
            url=f"https://{rng.choice(_HOSTS)}/mailersend/sms/{rng.randint(1, 999)}",
            name=rng.choice(_NAMES),
            events=events,
            enabled=rng.random() < 0.85,
            at=created,
        )
        if rng.random() < 0.3:
            webhook.updated_at = _seconds(instant_between(rng, created, now))

    def __repr__(self) -> str:
        return f"<SmsWebhookStore {len(self._webhooks)} webhooks>"

    def __iter__(self) -> Iterator[SmsWebhook]:
        with self.lock:
            return iter(list(self._webhooks.values()))

    def __len__(self) -> int:
        return len(self._webhooks)

    def get(self, webhook_id: str) -> SmsWebhook | None:
        """Return the webhook, or None when it does not exist (or was deleted)."""
        return self._webhooks.get(webhook_id)

    def for_number(self, number_id: str) -> list[SmsWebhook]:
        """Return the webhooks of one sending number, in creation order."""
        with self.lock:
            return [hook for hook in self._webhooks.values() if hook.number.id == number_id]

    def signing_secret(self, webhook_id: str) -> str:
        """Return the secret MailerSend signs the webhook's callbacks with; KeyError if unknown."""
        webhook = self._webhooks.get(webhook_id)
        if webhook is None:
            raise KeyError(f"no SMS webhook {webhook_id!r}")
        return webhook.signing_secret

    def create(
        self,
        number: SmsNumber,
        *,
        url: str,
        name: str,
        events: list[str],
        enabled: bool,
        at: datetime,
        secret: str | None = None,
    ) -> SmsWebhook:
        """Store a new webhook with a fresh id and secret (or ``secret``); return it."""
        with self.lock:
            return self._create(number, url, name, events, enabled, at, secret)

    def _create(
        self,
        number: SmsNumber,
        url: str,
        name: str,
        events: list[str],
        enabled: bool,
        at: datetime,
        secret: str | None,
    ) -> SmsWebhook:
        created = _seconds(at)
        drawn = "".join(self._secrets.choice(_SECRET_ALPHABET) for _ in range(32))
        webhook = SmsWebhook(
            id=self._new_id(),
            number=number,
            url=url,
            name=name,
            events=list(events),
            enabled=enabled,
            created_at=created,
            updated_at=created,
            signing_secret=drawn if secret is None else secret,
        )
        self._webhooks[webhook.id] = webhook
        return webhook

    def delete(self, webhook_id: str) -> bool:
        """Remove the webhook; False when there was none."""
        with self.lock:
            return self._webhooks.pop(webhook_id, None) is not None

    def _new_id(self) -> str:
        while True:
            value = "".join(self._ids.choice(_ID_ALPHABET) for _ in range(16))
            if value not in self._used:
                self._used.add(value)
                return value
