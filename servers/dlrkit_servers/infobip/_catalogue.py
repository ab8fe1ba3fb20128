"""Infobip's status and error tables, as plain report fragments.

Ids, names and groups come from the fact sheet (Infobip's status table and its reseller
mirrors, the legacy GSM error table); the wording of descriptions and actions follows Infobip's
docs where they give it and is plausible English elsewhere. The error-to-group mapping is ours:
the legacy table gives no groups.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["ERRORS_BY_STATUS_GROUP", "NO_ERROR", "NO_ERROR_LEGACY", "STATUSES", "STATUS_GROUPS"]

#: Status group id -> name; 0 ACCEPTED is what the legacy send responses used.
STATUS_GROUPS: Final = {
    0: "ACCEPTED",
    1: "PENDING",
    2: "UNDELIVERABLE",
    3: "DELIVERED",
    4: "EXPIRED",
    5: "REJECTED",
}

# (id, name, group id, description, action or None)
_STATUS_ROWS: Final = (
    (0, "MESSAGE_ACCEPTED", 0, "Message accepted", None),
    (1, "PENDING_TIME_VIOLATION", 1, "Time window violation", None),
    (3, "PENDING_WAITING_DELIVERY", 1, "Message sent, waiting for delivery report", None),
    (7, "PENDING_ENROUTE", 1, "Message sent to next instance", None),
    (26, "PENDING_ACCEPTED", 1, "Message accepted, waiting to be sent", None),
    (4, "UNDELIVERABLE_REJECTED_OPERATOR", 2, "Message rejected by operator", None),
    (9, "UNDELIVERABLE_NOT_DELIVERED", 2, "Message sent not delivered", None),
    (2, "DELIVERED_TO_OPERATOR", 3, "Message delivered to operator", None),
    (5, "DELIVERED_TO_HANDSET", 3, "Message delivered to handset", None),
    (15, "EXPIRED_EXPIRED", 4, "Message expired", None),
    (22, "EXPIRED_UNKNOWN", 4, "Unknown reason", None),
    (29, "EXPIRED_DLR_UNKNOWN", 4, "Delivery report not received within validity", None),
    (6, "REJECTED_NETWORK", 5, "Network is forbidden", "Contact account manager"),
    (8, "REJECTED_PREFIX_MISSING", 5, "Number prefix missing", "Check the destination"),
    (10, "REJECTED_DND", 5, "Destination on DND list", None),
    (11, "REJECTED_SOURCE", 5, "Invalid source address", "Check the sender"),
    (12, "REJECTED_NOT_ENOUGH_CREDITS", 5, "Not enough credits", "Add credits"),
    (13, "REJECTED_SENDER", 5, "Sender ID blocklisted", "Contact account manager"),
    (14, "REJECTED_DESTINATION", 5, "Destination blocklisted", None),
    (16, "REJECTED_NOT_REACHABLE", 5, "Destination not reachable", None),
    (17, "REJECTED_PREPAID_PACKAGE_EXPIRED", 5, "Prepaid package expired", "Add credits"),
    (18, "REJECTED_DESTINATION_NOT_REGISTERED", 5, "Destination not registered", None),
    (19, "REJECTED_ROUTE_NOT_AVAILABLE", 5, "Route not available", "Contact account manager"),
    (20, "REJECTED_FLOODING_FILTER", 5, "Rejected by the flooding filter", None),
    (21, "REJECTED_SYSTEM_ERROR", 5, "System error", "Contact support"),
    (23, "REJECTED_DUPLICATE_MESSAGE_ID", 5, "Duplicate message ID", None),
    (24, "REJECTED_INVALID_UDH", 5, "Invalid UDH", None),
    (25, "REJECTED_MESSAGE_TOO_LONG", 5, "Message too long", None),
    (28, "REJECTED_NOT_SENT", 5, "Message not sent", None),
    (51, "MISSING_TO", 5, "Missing destination address", "Check the destination"),
)


def _status(row: tuple[int, str, int, str, str | None]) -> dict[str, Any]:
    status_id, name, group_id, description, action = row
    status: dict[str, Any] = {
        "groupId": group_id,
        "groupName": STATUS_GROUPS[group_id],
        "id": status_id,
        "name": name,
        "description": description,
    }
    if action is not None:
        status["action"] = action
    return status


#: Every documented status, as the ``status`` object of a report.
STATUSES: Final = tuple(_status(row) for row in _STATUS_ROWS)

_ERROR_GROUPS: Final = {1: "HANDSET_ERRORS", 2: "USER_ERRORS", 3: "OPERATOR_ERRORS"}
# (id, name, group id, description, permanent)
_ERROR_ROWS: Final = (
    (1, "EC_UNKNOWN_SUBSCRIBER", 1, "Unknown subscriber", True),
    (6, "EC_ABSENT_SUBSCRIBER_SM", 1, "Absent subscriber", False),
    (12, "EC_ILLEGAL_EQUIPMENT", 1, "Illegal equipment", True),
    (27, "EC_ABSENT_SUBSCRIBER", 1, "Absent subscriber", False),
    (31, "EC_SUBSCRIBER_BUSY_FOR_MT_SMS", 1, "Subscriber busy for MT SMS", False),
    (33, "EC_MESSAGE_WAITING_LIST_FULL", 1, "Message waiting list full", False),
    (9, "EC_ILLEGAL_SUBSCRIBER", 2, "Illegal subscriber", True),
    (11, "EC_TELESERVICE_NOT_PROVISIONED", 2, "Teleservice not provisioned", True),
    (13, "EC_CALL_BARRED", 2, "Call barred", False),
    (2050, "EC_DEST_ADDRESS_BLACKLISTED", 2, "Destination address blocklisted", True),
    (34, "EC_SYSTEM_FAILURE", 3, "System failure", False),
    (51, "EC_RESOURCE_LIMITATION", 3, "Resource limitation", False),
    (255, "EC_UNKNOWN_ERROR", 3, "Unknown error", True),
    (2048, "EC_TIME_OUT", 3, "Time out", False),
    (4097, "EC_NotSubmittedToGMSC", 3, "Not submitted to GMSC", True),
    (4101, "EC_ValidityExpired", 3, "Validity expired", True),
)


def _error(row: tuple[int, str, int, str, bool]) -> dict[str, Any]:
    error_id, name, group_id, description, permanent = row
    return {
        "groupId": group_id,
        "groupName": _ERROR_GROUPS[group_id],
        "id": error_id,
        "name": name,
        "description": description,
        "permanent": permanent,
    }


#: No error, spelled ``"Ok"`` as in the current docs and the SDK fixtures.
NO_ERROR: Final = {
    "groupId": 0,
    "groupName": "Ok",
    "id": 0,
    "name": "NO_ERROR",
    "description": "No Error",
    "permanent": False,
}
#: No error, spelled ``"OK"`` as in the legacy docs (both spellings reach clients).
NO_ERROR_LEGACY: Final = {**NO_ERROR, "groupName": "OK"}

_ERRORS: Final = tuple(_error(row) for row in _ERROR_ROWS)
_HANDSET: Final = tuple(e for e in _ERRORS if e["groupId"] == 1)
_USER: Final = tuple(e for e in _ERRORS if e["groupId"] == 2)
_OPERATOR: Final = tuple(e for e in _ERRORS if e["groupId"] == 3)

# Three "Ok" for one "OK": the current spelling dominates, clients still meet both.
_NONE: Final = (NO_ERROR, NO_ERROR_LEGACY, NO_ERROR, NO_ERROR)

#: The errors a report of each status group may carry (repeats weight a random choice).
ERRORS_BY_STATUS_GROUP: Final = {
    0: _NONE,
    1: _NONE,
    2: _HANDSET + _HANDSET + _USER + _OPERATOR,
    3: _NONE,
    4: _HANDSET[1:2] + _OPERATOR,
    5: _USER + _OPERATOR,
}
