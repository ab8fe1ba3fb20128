"""Receive delivery callbacks: verify, parse and hand over `DeliveryEvent` objects.

::

    from dlrkit import callbacks

    events = callbacks.parse_callback("mailersend", body, headers, secret="…")
    app = callbacks.receiver("sentdm", on_events, secret="whsec_…")  # any ASGI framework

`SCHEMES` says how each provider signs and delivers (header, algorithm, secret, tolerance,
what counts as delivered, retries, the dedupe key). Each provider module has its own
``parse_callback`` too (``dlrkit.mailersend.parse_callback``...).

The receiver deduplicates retries on `dedupe_key`, in a `SeenStore`: a bounded in-memory
`MemorySeen` per process by default, or your own (Redis...) shared by several processes.
"""

from __future__ import annotations

from dlrkit._callbacks import parse_callback
from dlrkit._dedupe import DEFAULT_SEEN_CAPACITY, DedupeKey, MemorySeen, SeenStore, dedupe_key
from dlrkit._errors import SignatureError
from dlrkit._receiver import DEFAULT_MAX_BODY, CallbackReceiver, OnEvents, receiver
from dlrkit._signatures import SCHEMES, Scheme

__all__ = [
    "DEFAULT_MAX_BODY",
    "DEFAULT_SEEN_CAPACITY",
    "SCHEMES",
    "CallbackReceiver",
    "DedupeKey",
    "MemorySeen",
    "OnEvents",
    "Scheme",
    "SeenStore",
    "SignatureError",
    "dedupe_key",
    "parse_callback",
    "receiver",
]
