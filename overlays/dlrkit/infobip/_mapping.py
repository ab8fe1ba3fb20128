"""Infobip status names and groups -> `DeliveryStatus`.

A report's ``status.name`` is looked up in `STATUS_MAP`; a name Infobip adds later falls
back on its group (`GROUP_MAP`, by ``groupName`` and then ``groupId``), and only then on
`DeliveryStatus.UNKNOWN`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from dlrkit._status import DeliveryStatus

_S = DeliveryStatus

#: Status group id -> name (group 0 appears in legacy send responses only).
STATUS_GROUPS: Mapping[int, str] = MappingProxyType(
    {0: "ACCEPTED", 1: "PENDING", 2: "UNDELIVERABLE", 3: "DELIVERED", 4: "EXPIRED", 5: "REJECTED"}
)

#: Status group name -> `DeliveryStatus`, for status names missing from `STATUS_MAP`.
GROUP_MAP: Mapping[str, DeliveryStatus] = MappingProxyType(
    {
        "ACCEPTED": _S.ACCEPTED,
        "PENDING": _S.SENT,  # Infobip: "processed and sent to the next instance"
        "UNDELIVERABLE": _S.UNDELIVERED,
        "DELIVERED": _S.DELIVERED,
        "EXPIRED": _S.EXPIRED,
        "REJECTED": _S.REJECTED,
    }
)

#: Every documented status: (id, name, group id, `DeliveryStatus`).
STATUS_TABLE: tuple[tuple[int, str, int, DeliveryStatus], ...] = (
    (0, "MESSAGE_ACCEPTED", 0, _S.ACCEPTED),
    (1, "PENDING_TIME_VIOLATION", 1, _S.QUEUED),  # held until the sending window opens
    (3, "PENDING_WAITING_DELIVERY", 1, _S.SENT),
    (7, "PENDING_ENROUTE", 1, _S.SENT),
    (26, "PENDING_ACCEPTED", 1, _S.QUEUED),  # accepted, not yet passed to the operator
    (4, "UNDELIVERABLE_REJECTED_OPERATOR", 2, _S.UNDELIVERED),
    (9, "UNDELIVERABLE_NOT_DELIVERED", 2, _S.UNDELIVERED),
    # The operator took it; no handset receipt (yet). In flight, not delivered.
    (2, "DELIVERED_TO_OPERATOR", 3, _S.SENT),
    (5, "DELIVERED_TO_HANDSET", 3, _S.DELIVERED),
    (15, "EXPIRED_EXPIRED", 4, _S.EXPIRED),
    (22, "EXPIRED_UNKNOWN", 4, _S.EXPIRED),
    (29, "EXPIRED_DLR_UNKNOWN", 4, _S.EXPIRED),  # no receipt within validity: final
    (6, "REJECTED_NETWORK", 5, _S.REJECTED),
    (8, "REJECTED_PREFIX_MISSING", 5, _S.REJECTED),
    (10, "REJECTED_DND", 5, _S.REJECTED),
    (11, "REJECTED_SOURCE", 5, _S.REJECTED),
    (12, "REJECTED_NOT_ENOUGH_CREDITS", 5, _S.REJECTED),
    (13, "REJECTED_SENDER", 5, _S.REJECTED),
    (14, "REJECTED_DESTINATION", 5, _S.REJECTED),
    (16, "REJECTED_NOT_REACHABLE", 5, _S.REJECTED),
    (17, "REJECTED_PREPAID_PACKAGE_EXPIRED", 5, _S.REJECTED),
    (18, "REJECTED_DESTINATION_NOT_REGISTERED", 5, _S.REJECTED),
    (19, "REJECTED_ROUTE_NOT_AVAILABLE", 5, _S.REJECTED),
    (20, "REJECTED_FLOODING_FILTER", 5, _S.REJECTED),
    (21, "REJECTED_SYSTEM_ERROR", 5, _S.REJECTED),
    (23, "REJECTED_DUPLICATE_MESSAGE_ID", 5, _S.REJECTED),
    (24, "REJECTED_INVALID_UDH", 5, _S.REJECTED),
    (25, "REJECTED_MESSAGE_TOO_LONG", 5, _S.REJECTED),
    (28, "REJECTED_NOT_SENT", 5, _S.REJECTED),
    (51, "MISSING_TO", 5, _S.REJECTED),
)

#: Status name -> `DeliveryStatus` (lookups fold case).
STATUS_MAP: Mapping[str, DeliveryStatus] = MappingProxyType(
    {name: status for _, name, _, status in STATUS_TABLE}
)

#: Error group id -> name; group 0 (``OK``, also spelled ``Ok``) means no error.
ERROR_GROUPS: Mapping[int, str] = MappingProxyType(
    {0: "OK", 1: "HANDSET_ERRORS", 2: "USER_ERRORS", 3: "OPERATOR_ERRORS"}
)


def map_status(name: object, group_name: object, group_id: object) -> DeliveryStatus:
    """Return the `DeliveryStatus` of a report's status; never raises."""
    for key, table in ((name, STATUS_MAP), (group_name, GROUP_MAP)):
        if isinstance(key, str) and key.strip().upper() in table:
            return table[key.strip().upper()]
    if type(group_id) is int and group_id in STATUS_GROUPS:
        return GROUP_MAP[STATUS_GROUPS[group_id]]
    return DeliveryStatus.UNKNOWN
