"""Routee's callbacks: one POST per SMS part per status change, unsigned.

Events replay each outbound part of the data set (the `Part` objects the tracking API
answers from; inbound messages have no delivery callbacks) with ``strategy: OnChange``,
Routee's "on every status change": ``Queued`` when the part was queued, ``Sent`` when it
went to the operator, then its final status at ``status.date``, the status the tracking API
shows. Which steps a part went through follows its status in the API:

=============================  ==============================
API status                     callbacks
=============================  ==============================
Queued                         Queued
Sent                           Queued, Sent
Delivered, Undelivered         Queued, Sent, the final status
Failed (Routee could not       Queued, Failed
process it)
Unsent (insufficient balance)  Unsent
=============================  ==============================

``strategy="OnCompletion"`` sends only the final statuses (Delivered, Undelivered, Failed,
Unsent). Bodies follow the recorded 2016 bodies and the current docs' field table, in the
recordings' key order: ``smsId``, ``part`` and ``label`` (where the send had one) added,
``status.updatedDate`` in whole seconds with ``Z`` and ``price`` with 8 decimals
(``0.00600000``) as recorded, ``status.reason`` on the final status where the API has one.
Intermediate callbacks carry ``latency`` 0, as the recorded Queued and Sent bodies do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Final, Literal

from dlrkit_servers._push import (
    Endpoint,
    PushEvent,
    only_event,
    replay_order,
    unsigned_headers,
)
from dlrkit_servers.routee._data import DataSet, Part

__all__ = ["RouteePush"]

_FINAL: Final = frozenset({"Delivered", "Undelivered", "Failed", "Unsent"})
# Time between queueing and handing a part to the operator (the data keeps no such time).
_SEND_GAP: Final = timedelta(milliseconds=500)
# Time a part without a latency (Sent, Failed) spent queued before its status date.
_QUEUED_FOR: Final = timedelta(seconds=1)
_PRICE: Final = Decimal("0.00000001")


def _seconds(moment: datetime) -> str:
    """Format ``moment`` as the recorded ``updatedDate``: UTC, whole seconds, ``Z``."""
    return f"{moment:%Y-%m-%dT%H:%M:%S}Z"


class _Price:
    """A price written as Routee writes it, with 8 decimals (``0.00600000``)."""

    def __init__(self, value: float) -> None:
        self.text = f"{Decimal(repr(value)).quantize(_PRICE):f}"  # never 0E-8


def _encode(item: dict[str, Any]) -> bytes:
    """Compact JSON of ``item`` with `_Price` values as raw number literals.

    Hand-written because ``json`` cannot emit a number with trailing zeros; the key order
    and every other value are ``json.dumps``'s.
    """
    fields = []
    for key, value in item.items():
        encoded = value.text if isinstance(value, _Price) else _dumps(value)
        fields.append(f"{_dumps(key)}:{encoded}")
    return ("{" + ",".join(fields) + "}").encode()


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


class RouteePush:
    """Routee's `PushSource` over the tracking data set; only a 200 ends delivery."""

    provider: str = "routee"
    batch_max: int = 1
    #: The first attempt and the 12 retries of the schedule the spec documents.
    attempts: int = 13
    #: "HTTP 200 OK within 2 seconds" (Routee's callback pages).
    timeout: float = 2.0
    schedule: str = (
        "Routee: 12 retries after the first attempt, waiting 30 s, 1 m, 2 m, 5 m, 10 m, 15 m, "
        "30 m, 1 h, 2 h, 4 h, 8 h, 24 h ('24 hours max'; Pools and Two-Step callback pages), "
        "only 200 within 2 s counting as delivered. The send-single-sms reference says 'up "
        "to 5 times' instead; the 12-step schedule is the one the spec documents, and the "
        "one the SMS callbacks page refers to."
    )
    signed: bool = False

    def __init__(
        self, data: DataSet, *, strategy: Literal["OnChange", "OnCompletion"] = "OnChange"
    ) -> None:
        if strategy not in ("OnChange", "OnCompletion"):
            raise ValueError(f"strategy must be OnChange or OnCompletion, got {strategy!r}")
        self.strategy = strategy
        self._data = data
        # Made on first use: a server whose callbacks are off never pays for them.
        self._events: tuple[PushEvent, ...] | None = None

    def __repr__(self) -> str:
        return f"<RouteePush {self.strategy}>"

    def events(self) -> Sequence[PushEvent]:
        """Every outbound part's status callbacks, by ``(at, key)``."""
        if self._events is None:
            self._events = replay_order(
                event for part in self._data.parts for event in self._replay(part)
            )
        return self._events

    def success(self, status: int) -> bool:
        """Only ``200`` ends delivery; Routee retries any other answer, other 2xx included."""
        return status == 200

    def body(self, events: Sequence[PushEvent], *, endpoint: Endpoint) -> bytes:
        """Return the one part's callback as compact JSON, ``price`` with 8 decimals."""
        item = dict(only_event(events, "Routee", "SMS part").item)
        if isinstance(item.get("price"), float | int):
            item["price"] = _Price(item["price"])
        return _encode(item)

    def headers(
        self, body: bytes, *, delivery_id: str, secret: str | None, now: datetime
    ) -> dict[str, str]:
        """Return the content type; Routee signs nothing, so a secret is refused."""
        return unsigned_headers("Routee", secret)

    def _replay(self, part: Part) -> Iterator[PushEvent]:
        row = part.multi
        if row["direction"] != "Outbound":
            return
        final = row["status"]["status"]
        steps: list[tuple[str, datetime]]
        if final == "Unsent":
            steps = [(final, part.date)]
        elif final == "Queued":
            steps = [("Queued", part.date)]
        elif final in ("Sent", "Failed"):
            steps = [("Queued", part.date - _QUEUED_FOR), (final, part.date)]
        else:  # Delivered, Undelivered: latency is the time from sending to the report
            queued = part.date - timedelta(milliseconds=row["latency"])
            steps = [("Queued", queued), ("Sent", queued + _SEND_GAP), (final, part.date)]
        for index, (status, at) in enumerate(steps):
            if self.strategy == "OnCompletion" and status not in _FINAL:
                continue
            yield PushEvent(
                key=f"{row['smsId']}:{index}:{status}",
                kind=status,
                at=at,
                message_id=row["messageId"],
                status=status,
                item=_callback(row, status, at, last=index == len(steps) - 1),
            )


def _callback(row: dict[str, Any], status: str, at: datetime, *, last: bool) -> dict[str, Any]:
    """Return the callback of one part reaching ``status`` at ``at``."""
    item: dict[str, Any] = {"messageId": row["messageId"], "smsId": row["smsId"]}
    if row["campaignTrackingId"] is not None:
        item["campaignTrackingId"] = row["campaignTrackingId"]
    item |= {"part": row["part"], "parts": row["parts"]}
    if row["label"] is not None:
        item["label"] = row["label"]
    item |= {
        "to": row["to"],
        "from": row["from"],
        "country": row["country"],
        "operator": row["operator"],
        "groups": row["groups"],
    }
    if row["campaignName"] is not None:
        item["campaignName"] = row["campaignName"]
    state: dict[str, Any] = {"name": status, "updatedDate": _seconds(at)}
    if last and row["status"]["reason"] is not None:
        state["reason"] = dict(row["status"]["reason"])
    item |= {
        "status": state,
        "message": row["body"],
        "applicationName": row["applicationName"],
        # 0 before the final status and where the API has none, as in the recorded bodies.
        "latency": row["latency"] if last and row["latency"] is not None else 0,
        "price": row["price"],
        "direction": row["direction"],
        "originatingService": row["originatingService"],
    }
    return item
