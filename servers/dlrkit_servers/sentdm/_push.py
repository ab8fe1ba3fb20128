"""sent.dm's callbacks: one ``message.*`` event envelope per POST, Standard Webhooks signed.

Events replay each outbound message's ``events`` (the status history ``GET /v3/messages/{id}``
serves) of every profile of the organization, the key's own and its children: one event per
step that has a sent.dm event type (``message.queued``, ``.routed``, ``.sent``,
``.delivered``, ``.read``, ``.failed``, ``.filtered``, ``.blocked``, ``.scheduled``,
``.cancelled``). Two kinds of step send nothing:

* ``ACCEPTED`` and ``PROCESSED`` have no documented event type, so a message that is
  ``PROCESSED`` in the API has had ``message.queued`` as its last callback: an earlier
  status, never a contradicting one;
* inbound messages (``RECEIVED``): ``message.received`` is a different payload that the
  spec's ``message-status`` webhook leaves out.

Bodies follow the SDK 0.46.0 envelope (``event``, not the docs' ``sub_type``; the spec
accepts both), with second-precision ``timestamp`` and ``payload.updated_at`` (the time the
status was reached; emission is replayed as the same instant). Headers carry the request
twice, signed with the ``whsec_`` secret through the ``standardwebhooks`` library:

* sent.dm's own ``X-Webhook-ID`` / ``X-Webhook-Timestamp`` / ``X-Webhook-Signature``, where
  the id is the webhook configuration's UUID, identical on every delivery (sent.dm's docs);
* the Standard Webhooks ``webhook-id`` / ``webhook-timestamp`` / ``webhook-signature``, where
  the id is the sender's delivery id, the same on every attempt of one POST (what a generic
  Standard Webhooks or Svix verifier reads).

No ``X-Webhook-Event-ID``: SDK 0.46.0's docstrings mention it, sent.dm's handling-retries
page says no per-event id exists, and the spec tells receivers not to rely on it.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final

import standardwebhooks

from dlrkit_servers._core import dumps, rng_for, uuid4
from dlrkit_servers._push import Endpoint, PushEvent, any_2xx, only_event, replay_order
from dlrkit_servers.sentdm._data import FAILURE_STATUSES, DataSet

__all__ = ["SentDmPush"]

#: Statuses that have an event type (``message.<status in lower case>``).
_EVENT_STATUSES: Final = frozenset(
    {"QUEUED", "ROUTED", "SENT", "DELIVERED", "READ", "FAILED", "FILTERED", "BLOCKED",
     "SCHEDULED", "CANCELLED"}
)  # fmt: skip
_SCHEDULE_STATUSES: Final = frozenset({"SCHEDULED", "CANCELLED"})
_SECRET_PREFIX: Final = "whsec_"  # noqa: S105 -- the format's prefix, not a secret


def _instant(text: str) -> datetime:
    """Parse one of the data set's .NET timestamps (5-7 fraction digits, ``+00:00``)."""
    # fromisoformat keeps 6 of the 7 digits: the tick below a microsecond is not a time
    # anything here compares.
    return datetime.fromisoformat(text).astimezone(UTC)


def _seconds(moment: datetime) -> str:
    """sent.dm's webhook time form: UTC, second precision, ``Z`` (``2025-10-31T10:10:42Z``)."""
    return f"{moment:%Y-%m-%dT%H:%M:%S}Z"


def _signer(secret: str | None) -> standardwebhooks.Webhook:
    """Return the signer of ``secret``; refuse a missing or malformed one without quoting it."""
    if secret is None:
        raise ValueError("sent.dm signs every callback: a whsec_ secret is required")
    if not secret.startswith(_SECRET_PREFIX):
        raise ValueError("the sent.dm callback secret must start with whsec_")
    encoded = secret.removeprefix(_SECRET_PREFIX)
    try:
        # Strict here although the library is lenient (it drops stray characters): a typo
        # in the secret must not turn into a different key silently.
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except binascii.Error:
        raise ValueError("the sent.dm callback secret must be whsec_ + base64") from None
    if not key:
        raise ValueError("the sent.dm callback secret has an empty key after whsec_")
    return standardwebhooks.Webhook(key)


class SentDmPush:
    """sent.dm's `PushSource`: the data set's message status events, signed.

    ``webhook_id`` is the registered webhook's UUID sent in ``X-Webhook-ID`` (the first part
    of sent.dm's signed content); by default it is drawn from ``seed``.
    """

    provider: str = "sentdm"
    batch_max: int = 1
    #: The webhook's ``retry_count`` default (range 1-5). The spec reads it as attempts,
    #: the first included; sent.dm does not say whether the first counts.
    attempts: int = 3
    #: The webhook's ``timeout_seconds`` default (range 5-120).
    timeout: float = 30.0
    schedule: str = (
        "sent.dm: up to the webhook's retry_count attempts (1-5, default 3), each answer "
        "awaited timeout_seconds (5-120, default 30); a 2xx ends delivery. The intervals "
        "between attempts are not documented (docs.sent.dm handling-retries; callbacks.md "
        "2.5)."
    )
    signed: bool = True

    def __init__(self, data: DataSet, *, seed: int = 0, webhook_id: str | None = None) -> None:
        self._data = data
        self.webhook_id = webhook_id or uuid4(rng_for(seed, "sentdm.webhook"))
        # Made on first use: a server whose callbacks are off never pays for them.
        self._events: tuple[PushEvent, ...] | None = None

    def __repr__(self) -> str:
        return f"<SentDmPush webhook {self.webhook_id}>"

    def events(self) -> Sequence[PushEvent]:
        """Every status event of every profile's outbound messages, by ``(at, key)``."""
        if self._events is None:
            self._events = replay_order(self._replay())
        return self._events

    def success(self, status: int) -> bool:
        """Any 2xx ends delivery (sent.dm's handling-retries page)."""
        return any_2xx(status)

    def body(self, events: Sequence[PushEvent], *, endpoint: Endpoint) -> bytes:
        """Return the one event's envelope as compact UTF-8 JSON (sent.dm sends one per POST)."""
        return dumps(only_event(events, "sent.dm").item)

    def headers(
        self, body: bytes, *, delivery_id: str, secret: str | None, now: datetime
    ) -> dict[str, str]:
        """Return one attempt's headers, signed at ``now`` (both header sets, see the module)."""
        signer = _signer(secret)
        if now.utcoffset() is None:
            raise ValueError("now must be timezone-aware")
        if not delivery_id:
            raise ValueError("delivery_id must not be empty")
        stamp = str(math.floor(now.timestamp()))
        return {
            "Content-Type": "application/json",
            "X-Webhook-ID": self.webhook_id,
            "X-Webhook-Timestamp": stamp,
            "X-Webhook-Signature": signer.sign(self.webhook_id, now, body),
            "webhook-id": delivery_id,
            "webhook-timestamp": stamp,
            "webhook-signature": signer.sign(delivery_id, now, body),
        }

    def _replay(self) -> Iterator[PushEvent]:
        for profile in self._data.profiles.values():
            for message in profile.messages.values():
                if message["direction"] != "outbound":
                    continue
                # The schedule is on the message while it is scheduled or cancelled, and on
                # the SCHEDULED activity of one sent later: read it where every path has it.
                log = profile.activities[message["id"]]["activities"]
                schedule = next((row["scheduled_at"] for row in log if "scheduled_at" in row), None)
                for index, step in enumerate(message["events"]):
                    status = step["status"]
                    if status not in _EVENT_STATUSES:
                        continue
                    at = _instant(step["timestamp"])
                    yield PushEvent(
                        key=f"{message['id']}:{index}:{status}",
                        kind=f"message.{status.lower()}",
                        at=at,
                        message_id=message["id"],
                        status=status,
                        item=_envelope(message, status, at, schedule),
                    )


def _envelope(
    message: Mapping[str, Any], status: str, at: datetime, schedule: str | None
) -> dict[str, Any]:
    """Return the webhook body of ``message`` reaching ``status`` at ``at``."""
    payload: dict[str, Any] = {
        "account_id": message["customer_id"],
        "message_id": message["id"],
        "message_status": status,
        "channel": message["channel"],
        "outbound_number": message["phone"],
    }
    if message["template_id"] is not None:
        payload |= {"template_id": message["template_id"]}
        payload |= {"template_name": message["template_name"]}
    # The webhook's body is the text (SDK 0.46.0: key always present, <= 3072 characters),
    # the API's rendered message_body's content; headers and buttons have no place here.
    rendered = message["message_body"]
    payload["body"] = None if rendered is None else rendered.get("content")
    if status in FAILURE_STATUSES and "reason_code" in message:
        payload |= {"reason_code": message["reason_code"], "reason": message["reason"]}
    if status in _SCHEDULE_STATUSES and schedule is not None:
        payload["scheduled_at"] = _seconds(_instant(schedule))
    payload["updated_at"] = _seconds(at)
    return {
        "field": "message",
        "event": f"message.{status.lower()}",
        "timestamp": _seconds(at),
        "payload": payload,
    }
