"""What a provider's reference server hands the shared callback sender (the push contract).

Each provider's ``create_server`` stores a :class:`PushSource` in ``server.state["push"]``. The
split of work is:

* the **source** (one per provider, beside its data set) knows what that provider would send:
  its status-change events in replay order, how events are grouped into one POST body, how a
  body is signed, and the provider's documented timeout, attempts and retry schedule;
* the **sender** (shared by all four) owns everything else: destinations, timing and rate,
  HTTP, retries, and never re-sending an event that was answered with success.

Where callbacks go is the sender's business too, unless the provider has registrations:
then ``server.state["push_destinations"]`` holds a :class:`Destinations` (MailerSend's
``/v1/sms-webhooks``). Without one, ``--callback-url`` is the only destination and gets every
event. (Added after the first version of this contract; sources need not change.)

Sources are pure functions of the data set (``seed``, ``now``), so the same server sends the
same events on every start. Every event reports a status the API already shows for that
message or one it passed through on the way there (its history), so a callback saying
DELIVERED is never contradicted by the API's answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "Destination",
    "Destinations",
    "Endpoint",
    "PushEvent",
    "PushSource",
    "any_2xx",
    "only_event",
    "replay_order",
    "unsigned_headers",
]


@dataclass(frozen=True, slots=True)
class PushEvent:
    """One status change of one message (or message part), as the provider reports it."""

    #: Unique within the data set. The sender never re-sends an event whose POST got success.
    key: str
    #: The provider's event name, used to filter by subscription (MailerSend ``"sms.delivered"``,
    #: sent.dm ``"message.delivered"``); the status name where the provider has no event names.
    kind: str
    #: When the change happened; the sender replays events in ``(at, key)`` order.
    at: datetime
    #: The id the API knows the message by (tests look the message up through the API).
    message_id: str
    #: The status this event reports, spelled as the API spells it for that message.
    status: str
    #: The JSON object this event contributes to a body: the whole body where the provider sends
    #: one event per POST, one element of ``results`` for Infobip.
    item: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where one stream of callbacks goes; some bodies name it (MailerSend).

    MailerSend bodies carry the endpoint's ``sms_webhook_id`` and ``url``; the others ignore it.
    ``id`` is the registered webhook's id where the provider has registrations (MailerSend's
    ``/v1/sms-webhooks``), else a fixed id the sender picks for ``--callback-url``.
    """

    id: str
    url: str


@runtime_checkable
class PushSource(Protocol):
    """A provider's callbacks: what to send; the sender decides when and where."""

    #: ``"mailersend"``, ``"sentdm"``, ``"infobip"`` or ``"routee"``.
    provider: str
    #: Most events per POST: 100 for Infobip, 1 for the others.
    batch_max: int
    #: Attempts per POST the provider documents, the first one included.
    attempts: int
    #: Seconds the provider waits for an answer before it counts the attempt as failed.
    timeout: float
    #: The provider's real retry schedule in words, with its source (for docs and ``--help``).
    schedule: str
    #: Whether bodies are signed (MailerSend, sent.dm); unsigned sources refuse a secret.
    signed: bool

    def events(self) -> Sequence[PushEvent]:
        """Every event of the data set, sorted by ``(at, key)``."""
        ...

    def success(self, status: int) -> bool:
        """Whether an answer with this HTTP status ends delivery (Routee: only 200)."""
        ...

    def body(self, events: Sequence[PushEvent], *, endpoint: Endpoint) -> bytes:
        """Return the exact bytes of one POST carrying ``events`` (1 to ``batch_max`` of them)."""
        ...

    def headers(
        self, body: bytes, *, delivery_id: str, secret: str | None, now: datetime
    ) -> dict[str, str]:
        """Return one attempt's headers: content type and, if signed, the signature.

        Called again for every attempt, so time-based signatures (sent.dm) are fresh.
        ``delivery_id`` is stable across the attempts of one POST.
        """
        ...


class Destination(Protocol):
    """One stream of callbacks with its own replay position; read again before every POST.

    Implementations may be changed by the API on another thread (a webhook updated or
    deleted), so each call returns a consistent snapshot.
    """

    @property
    def id(self) -> str:
        """Stable for the destination's life; the sender keeps one replay position per id."""
        ...

    def accepts(self, event: PushEvent) -> bool:
        """Whether this destination subscribes to ``event`` now (its number, its event list)."""
        ...

    def target(self) -> tuple[Endpoint, str | None] | None:
        """Return where to POST now and the secret to sign with; None when disabled or gone."""
        ...


@runtime_checkable
class Destinations(Protocol):
    """A provider's registrations, polled by the sender (MailerSend's SMS webhooks)."""

    def open(self, url: str, secret: str | None) -> None:
        """Make ``url`` (``--callback-url``) receive every event, signed with ``secret``."""
        ...

    def current(self) -> Sequence[Destination]:
        """Return the destinations that exist now; one that disappears gets nothing more."""
        ...


# The rules below are shared by the four sources, so each is written once.


def replay_order(events: Iterable[PushEvent]) -> tuple[PushEvent, ...]:
    """Return ``events`` in the order the sender replays them: by ``(at, key)``."""
    return tuple(sorted(events, key=lambda event: (event.at, event.key)))


def any_2xx(status: int) -> bool:
    """Tell whether ``status`` is a 2xx: what ends delivery for all but Routee."""
    return 200 <= status <= 299


def only_event(events: Sequence[PushEvent], provider: str, what: str = "event") -> PushEvent:
    """Return the one event of a provider that sends one ``what`` per POST; else ``ValueError``."""
    if len(events) != 1:
        raise ValueError(f"{provider} sends one {what} per POST, got {len(events)}")
    return events[0]


def unsigned_headers(provider: str, secret: str | None) -> dict[str, str]:
    """Return an unsigned provider's headers; a secret is refused (it would sign nothing)."""
    if secret is not None:
        raise ValueError(f"{provider} callbacks are unsigned: no secret applies")
    return {"Content-Type": "application/json"}
