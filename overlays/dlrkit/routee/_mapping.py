"""Routee's two status vocabularies mapped onto `DeliveryStatus`.

``status.status`` (or ``status.name`` in callbacks) gives the outcome; the optional
``status.reason.detailedStatus`` refines a failure into a more precise one (``Expired`` ->
``EXPIRED``, ``Carrier Violation`` -> ``REJECTED``) and decides when the status itself is not
recognised. Matching ignores case and repeated spaces.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from dlrkit._status import DeliveryStatus

__all__ = ["DETAILED_STATUS_MAP", "STATUS_MAP", "map_status"]

_S = DeliveryStatus

#: ``status.status`` / ``status.name`` -> status (every value in Routee's docs).
STATUS_MAP: Mapping[str, DeliveryStatus] = MappingProxyType(
    {
        "Queued": _S.QUEUED,
        "Sent": _S.SENT,
        "Delivered": _S.DELIVERED,
        "Undelivered": _S.UNDELIVERED,
        "Failed": _S.FAILED,  # Routee could not process the message
        "Unsent": _S.REJECTED,  # not sent: insufficient balance (Bulk SMS only)
    }
)

#: ``status.reason.detailedStatus`` -> status (every value in Routee's docs).
DETAILED_STATUS_MAP: Mapping[str, DeliveryStatus] = MappingProxyType(
    {
        "Sent": _S.SENT,
        "Delivered": _S.DELIVERED,
        "Undelivered": _S.UNDELIVERED,
        "Failed": _S.FAILED,
        "Undelivered on Handset": _S.UNDELIVERED,
        "Unknown Number": _S.UNDELIVERED,
        "Roaming": _S.UNDELIVERED,
        "Call Barred": _S.UNDELIVERED,
        "Unknown Status": _S.UNKNOWN,  # the operator reported no final status
        "Carrier Violation": _S.REJECTED,  # the operator refused the sender or content
        "Expired": _S.EXPIRED,  # the validity period (TTL) ran out
        "DND Error Code": _S.REJECTED,  # India: the recipient is on the Do Not Disturb list
    }
)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


_STATUS = {_key(k): v for k, v in STATUS_MAP.items()}
_DETAILED = {_key(k): v for k, v in DETAILED_STATUS_MAP.items()}


def map_status(status: str, detailed: str | None = None) -> DeliveryStatus:
    """Return the `DeliveryStatus` for a Routee status and optional detailed status.

    Rules: a failure status takes the detailed status's failure when it names one (so
    ``Undelivered`` + ``Expired`` is ``EXPIRED``); an unrecognised status takes whatever the
    detailed status maps to; otherwise the status decides. Unknown text gives ``UNKNOWN``,
    never an exception.
    """
    base = _STATUS.get(_key(status), _S.UNKNOWN)
    refined = _DETAILED.get(_key(detailed), _S.UNKNOWN) if detailed else _S.UNKNOWN
    if base is _S.UNKNOWN or (base.is_failure and refined.is_failure):
        return refined
    return base
