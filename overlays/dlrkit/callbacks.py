"""Receive delivery callbacks: verify, parse and hand over `DeliveryEvent` objects.

::

    from dlrkit import callbacks

    events = callbacks.parse_callback("mailersend", body, headers, secret="…")
    app = callbacks.receiver("sentdm", on_events, secret="whsec_…")  # any ASGI framework

`SCHEMES` says how each provider signs and delivers (header, algorithm, secret, tolerance,
what counts as delivered, retries, the dedupe key). Each provider module has its own
``parse_callback`` too (``dlrkit.mailersend.parse_callback``...).
"""

from __future__ import annotations

from dlrkit._callbacks import parse_callback
from dlrkit._errors import SignatureError
from dlrkit._receiver import DEFAULT_MAX_BODY, CallbackReceiver, OnEvents, receiver
from dlrkit._signatures import SCHEMES, Scheme

__all__ = [
    "DEFAULT_MAX_BODY",
    "SCHEMES",
    "CallbackReceiver",
    "OnEvents",
    "Scheme",
    "SignatureError",
    "parse_callback",
    "receiver",
]
