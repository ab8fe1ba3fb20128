r"""MailerSend's callbacks: ``sms.sent`` / ``sms.delivered`` / ``sms.failed``, and where they go.

**Events.** One per activity row of an SMS that reached ``sent``, ``delivered`` or ``failed``
(the pull statuses ``processed`` and ``queued`` have no event), at the row's time: so every
event's ``data.status`` is a status the API shows in that message's ``sms_activity``, and the
last one is its ``sms[].status``. One event per POST, in the spec's ``webhooks:`` shape
(``MailerSendSmsWebhookEvent``: the docs' ``sms.sent`` example, key order included), encoded as
PHP's ``json_encode`` does (``\/``, ``\uXXXX``), signed ``Signature: hex(HMAC-SHA256(secret,
body))`` (stdlib ``hmac``: servers never import the client's overlays).

**Destinations.** MailerSend sends to SMS webhooks, which belong to one sending number. So:

* ``--callback-url URL`` is registered in the store as one webhook per sending number, named
  ``dlrkit serve --callback-url``, subscribed to all three events and signed with the
  callback secret: the API lists them, and each body names its real ``sms_webhook_id``;
* a webhook created with ``POST /v1/sms-webhooks`` after the server was built receives the
  events of its number that it subscribes to, each endpoint replaying the data set from its
  beginning from when it was created, signed with its own secret
  (``webhook_store(server).signing_secret(id)``), while ``enabled`` (events reached while it is
  disabled are skipped, not held) and until it is deleted. Only to a loopback host or the
  ``--callback-url``'s host, so that a fuzzer registering random URLs never reaches the
  internet through the server;
* the seeded webhooks (``example.com`` hosts) receive nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from dlrkit_servers._core import Clock
from dlrkit_servers._push import Endpoint, PushEvent, any_2xx, only_event, replay_order
from dlrkit_servers.mailersend._data import DataSet, Recipient
from dlrkit_servers.mailersend._webhooks import EVENTS, SmsWebhookStore

__all__ = ["MailerSendPush", "WebhookDestinations", "php_json"]

_PUSHED = ("sent", "delivered", "failed")
_CALLBACK_URL_NAME = "dlrkit serve --callback-url"


def php_json(data: object) -> bytes:
    r"""Encode like PHP's ``json_encode`` defaults: compact, ``\/`` for ``/``, ASCII only."""
    # "/" appears only inside JSON strings, so escaping it in the text escapes exactly those.
    text = json.dumps(data, separators=(",", ":"), allow_nan=False).replace("/", "\\/")
    return text.encode("ascii")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class MailerSendPush:
    """The :class:`~dlrkit_servers._push.PushSource` of one MailerSend data set."""

    provider = "mailersend"
    batch_max = 1
    # "will retry the call a couple of times": read as the first attempt and two retries.
    attempts = 3
    timeout = 3.0
    schedule = (
        'MailerSend "will retry the call a couple of times, waiting 10 seconds..." (help page, '
        "cut off there; Hookdeck paraphrases about 3 days of exponential backoff); a 2xx within "
        "3 s counts as delivered"
    )
    signed = True

    def __init__(self, data: DataSet) -> None:
        self._recipients: dict[tuple[str, str], Recipient] = {
            (recipient.sms_number_id, recipient.number): recipient for recipient in data.recipients
        }
        events: list[PushEvent] = []
        for message in data.messages:
            for sms in message.sms:
                phone = str(sms.json["to"])
                for row in message.activity:
                    if row.json["to"] == phone and row.status in _PUSHED:
                        events.append(self._event(message.id, message.sms_number_id, sms.json, row))
        self._events = replay_order(events)

    def __repr__(self) -> str:
        return f"<MailerSendPush {len(self._events)} events>"

    @staticmethod
    def _event(message_id: str, number_id: str, sms: Mapping[str, object], row: Any) -> PushEvent:
        status: str = row.status
        failed = status == "failed"
        item = {
            "type": f"sms.{status}",
            "sms_number_id": number_id,
            "created_at": row.json["created_at"],
            "data": {
                "from": row.json["from"],
                "to": row.json["to"],
                "created_at": row.json["created_at"],
                "status": status,
                "sms_message_id": message_id,
                "sms": {
                    "id": sms["id"],
                    "from": sms["from"],
                    "to": sms["to"],
                    "text": sms["text"],
                    "status": status,
                    "segment_count": sms["segment_count"],
                    "error_type": sms["error_type"] if failed else None,
                    "error_description": sms["error_description"] if failed else None,
                    "created_at": sms["created_at"],
                },
            },
        }
        at = datetime.fromtimestamp(row.micros / 1_000_000, UTC)
        return PushEvent(
            key=f"{sms['id']}:{status}",
            kind=f"sms.{status}",
            at=at,
            message_id=message_id,
            status=status,
            item=item,
        )

    def events(self) -> Sequence[PushEvent]:
        """Every ``sms.*`` event, sorted by ``(at, key)``."""
        return self._events

    def success(self, status: int) -> bool:
        """Any 2xx."""
        return any_2xx(status)

    def body(self, events: Sequence[PushEvent], *, endpoint: Endpoint) -> bytes:
        """Return one event's body, naming ``endpoint`` as ``sms_webhook_id`` and ``url``."""
        item = only_event(events, "MailerSend").item
        data = dict(item["data"])
        sms = dict(data["sms"])
        recipient = self._recipients[(item["sms_number_id"], sms["to"])]
        # The recipient as it is now (PUT /v1/sms-recipients may have opted it out).
        sms["recipient"] = recipient.summary()
        data["sms"] = sms
        body = {
            "type": item["type"],
            "sms_number_id": item["sms_number_id"],
            "created_at": item["created_at"],
            "sms_webhook_id": endpoint.id,
            "url": endpoint.url,
            "data": data,
        }
        return php_json(body)

    def headers(
        self, body: bytes, *, delivery_id: str, secret: str | None, now: datetime
    ) -> dict[str, str]:
        """Return ``Content-Type`` and ``Signature`` (lowercase hex HMAC-SHA256 of the body)."""
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
            headers["Signature"] = digest
        return headers


class _Webhook:
    """One live webhook as a :class:`~dlrkit_servers._push.Destination`, read under the lock."""

    def __init__(self, store: SmsWebhookStore, webhook_id: str, number_id: str, hosts: set[str]):
        self.id = webhook_id
        self._store = store
        self._number_id = number_id
        self._hosts = hosts

    def accepts(self, event: PushEvent) -> bool:
        if event.item["sms_number_id"] != self._number_id:
            return False
        with self._store.lock:
            webhook = self._store.get(self.id)
            return webhook is not None and event.kind in webhook.events

    def target(self) -> tuple[Endpoint, str | None] | None:
        with self._store.lock:
            webhook = self._store.get(self.id)
            if webhook is None or not webhook.enabled:
                return None
            url, secret = webhook.url, webhook.signing_secret
        host = urlsplit(url).hostname or ""
        if not (_loopback(host) or host in self._hosts):
            return None
        return Endpoint(self.id, url), secret


class WebhookDestinations:
    """MailerSend's :class:`~dlrkit_servers._push.Destinations`: webhooks made after seeding."""

    def __init__(self, store: SmsWebhookStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._seeded = {webhook.id for webhook in store}
        self._hosts: set[str] = set()

    def __repr__(self) -> str:
        return f"<WebhookDestinations {len(self._store) - len(self._seeded)} live>"

    def open(self, url: str, secret: str | None) -> None:
        """Register ``url`` as one webhook per sending number, all events, signed with secret."""
        self._hosts.add(urlsplit(url).hostname or "")
        for number in self._store.numbers.values():
            self._store.create(
                number,
                url=url,
                name=_CALLBACK_URL_NAME,
                events=list(EVENTS),
                enabled=True,
                at=self._clock.now(),
                secret=secret,
            )

    def current(self) -> list[_Webhook]:
        """Return every webhook created after seeding that still exists."""
        return [
            _Webhook(self._store, webhook.id, webhook.number.id, self._hosts)
            for webhook in self._store
            if webhook.id not in self._seeded
        ]
