"""Parsing and applying the search of ``POST /sms/tracking``: dates, filters, sort, pages.

Every ``read_*`` function returns a valid value or raises :class:`InputError`, whose issues name
the field (``dateStart``, ``sort``, ``body[0].fieldName``...) so the 400 can list them under
Routee's ``properties``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from operator import attrgetter, itemgetter
from typing import Any

from dlrkit_servers._core import Call, InputError, Issue, Query, Reason, dumps, show
from dlrkit_servers.routee._data import Part

__all__ = [
    "FILTER_FIELDS",
    "MAX_FILTERS",
    "OPERATORS",
    "SORT_FIELDS",
    "Filter",
    "Sort",
    "matches",
    "page_body",
    "read_date",
    "read_filters",
    "read_sort",
    "sort_parts",
    "window",
]

# The spec's IsoDateTimeWithOffset pattern, with groups ([0-9], not \d: no other scripts' digits).
_DATE = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9])"
    r"(?::([0-5][0-9])(?:\.([0-9]{1,9}))?)?(Z|([+-])([01][0-9]|2[0-3]):?([0-5][0-9]))"
)
INT32_MAX = 2**31 - 1
DEFAULT_SIZE = 20
MAX_SIZE = 2000
# fieldName -> the tracking field it tests ("campaign" is the campaign *name*).
FILTER_FIELDS = {
    "smsId": ("smsId",),
    "to": ("to",),
    "status.status": ("status", "status"),
    "direction": ("direction",),
    "label": ("label",),
    "campaign": ("campaignName",),
}
OPERATORS: dict[str, Callable[[str, str], bool]] = {
    "is": lambda value, term: value == term,
    "is_not": lambda value, term: value != term,
    "contains": lambda value, term: term in value,
    "starts_with": lambda value, term: value.startswith(term),
    "ends_with": lambda value, term: value.endswith(term),
}
#: Six fields make a longer list pointless; the cap keeps one search fast.
MAX_FILTERS = 100
_MAX_ISSUES = 20
_FILTER_KEYS = ("fieldName", "searchTerm", "searchOperator")
_SORTABLE = (
    "smsId",
    "messageId",
    "to",
    "from",
    "applicationName",
    "country",
    "body",
    "operator",
    "originatingService",
    "direction",
    "latency",
    "parts",
    "part",
    "price",
    "label",
    "campaignName",
    "campaignTrackingId",
    "receivedDate",
    "status.status",
    "status.date",
    "status.reason.detailedStatus",
)
#: Sortable tracking fields (Spring's dotted paths) -> their path in a tracking object.
SORT_FIELDS = {name: tuple(name.split(".")) for name in _SORTABLE}
_date = attrgetter("date")


@dataclass(frozen=True, slots=True)
class Filter:
    """One body filter: the path of the field it tests, the operator and the term."""

    path: tuple[str, ...]
    operator: str
    term: str


@dataclass(frozen=True, slots=True)
class Sort:
    """Sort by ``path``; ``descending`` for ``,desc``."""

    path: tuple[str, ...]
    descending: bool


def _lookup(item: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = item
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def read_date(query: Query, name: str) -> datetime:
    """Read a required ISO-8601 date-time in the spec's pattern (offset required), as aware UTC."""
    raw = query.require_str(name)
    found = _DATE.fullmatch(raw)
    if found is None:
        message = f"{name} must be an ISO-8601 date-time such as 2016-08-19T15:00Z, got {show(raw)}"
        raise InputError.of(name, "not_datetime", message, raw)
    year, month, day, hour, minute, second, fraction, zone, sign, oh, om = found.groups()
    micros = int((fraction or "0")[:6].ljust(6, "0"))
    offset = timedelta(0) if zone == "Z" else timedelta(hours=int(oh), minutes=int(om))
    try:
        local = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            micros,
            tzinfo=timezone(-offset if sign == "-" else offset),
        )
        return local.astimezone(UTC)
    except (ValueError, OverflowError):  # 31 February, or an offset past year 1 or 9999
        message = f"{name} is not a valid calendar date-time, got {show(raw)}"
        raise InputError.of(name, "not_datetime", message, raw) from None


def read_sort(query: Query) -> Sort | None:
    """Spring's ``sort=field`` or ``sort=field,asc|desc``; an unknown field is refused."""
    raw = query.get_str("sort")
    if raw is None:
        return None
    field, _, direction = raw.partition(",")
    path = SORT_FIELDS.get(field.strip())
    direction = direction.strip().lower() or "asc"
    if path is None or direction not in ("asc", "desc"):
        message = (
            f"sort must be a tracking field name, optionally followed by ,asc or ,desc "
            f"(e.g. operator,desc), got {show(raw)}"
        )
        raise InputError.of("sort", "invalid", message, raw)
    return Sort(path, direction == "desc")


def read_filters(call: Call) -> list[Filter]:
    """Read the body's JSON array of filters; no body (or ``[]``) means no filter."""
    if not call.body.strip():
        return []
    kind = call.content_type
    if kind and kind != "application/json" and not kind.endswith("+json"):
        message = f"the request body must be application/json, got {show(kind)}"
        raise InputError.of("body", "invalid", message, kind)
    items = call.json_array()
    if len(items) > MAX_FILTERS:
        message = f"the body may hold at most {MAX_FILTERS} filters, got {len(items)}"
        raise InputError(Issue("body", "too_large", message, bound=MAX_FILTERS))
    issues: list[Issue] = []
    filters: list[Filter] = []
    for index, item in enumerate(items):
        if len(issues) >= _MAX_ISSUES:
            break
        where = f"body[{index}]"
        if not isinstance(item, dict):
            message = f"{where} must be a filter object, got {_describe(item)}"
            issues.append(Issue(where, "wrong_type", message))
            continue
        for key in sorted(item.keys() - set(_FILTER_KEYS)):
            issues.append(Issue(f"{where}.{key}", "invalid", f"{where} has no field {show(key)}"))
        path = _choice(item, "fieldName", FILTER_FIELDS, where, issues, required=True)
        operator = _choice(item, "searchOperator", OPERATORS, where, issues, required=False)
        term = item.get("searchTerm")
        if not isinstance(term, str):
            reason: Reason = "missing" if "searchTerm" not in item else "wrong_type"
            got = "nothing" if reason == "missing" else _describe(term)
            message = f"{where}.searchTerm is required and must be a string, got {got}"
            issues.append(Issue(f"{where}.searchTerm", reason, message))
        if path is not None and isinstance(term, str):
            filters.append(Filter(FILTER_FIELDS[path], operator or "is", term))
    if issues:
        raise InputError(*issues[:_MAX_ISSUES])
    return filters


def _describe(value: object) -> str:
    """Quote a JSON string; name the kind of any other JSON value."""
    if isinstance(value, str):
        return show(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    return "an array" if isinstance(value, list) else "a number"


def _choice(
    item: dict[str, Any],
    key: str,
    choices: dict[str, Any],
    where: str,
    issues: list[Issue],
    *,
    required: bool,
) -> str | None:
    if key not in item and not required:
        return None
    value = item.get(key)
    if isinstance(value, str) and value in choices:
        return value
    listed = tuple(choices)
    got = _describe(value) if key in item else "nothing"
    message = f"{where}.{key} must be one of {', '.join(listed)}, got {got}"
    reason: Reason = "missing" if key not in item else "not_choice"
    issues.append(Issue(f"{where}.{key}", reason, message, choices=listed))
    return None


def matches(item: dict[str, Any], filters: Sequence[Filter]) -> bool:
    """Whether ``item`` passes every filter; a null field passes only ``is_not``."""
    for one in filters:
        value = _lookup(item, one.path)
        if value is None:
            if one.operator != "is_not":
                return False
        elif not OPERATORS[one.operator](str(value), one.term):
            return False
    return True


def sort_parts(parts: Sequence[Part], sort: Sort | None) -> Sequence[Part]:
    """Sorted by ``sort`` (stable, nulls last in both directions); as given without one."""
    if sort is None:
        return parts
    keyed = [(_lookup(part.multi, sort.path), part) for part in parts]
    present = [pair for pair in keyed if pair[0] is not None]
    present.sort(key=itemgetter(0), reverse=sort.descending)
    return [part for _, part in present] + [part for key, part in keyed if key is None]


def window(parts: Sequence[Part], start: datetime, end: datetime) -> Sequence[Part]:
    """Return the parts dated in ``[start, end)``; ``parts`` must be in ``date`` order."""
    return parts[bisect_left(parts, start, key=_date) : bisect_left(parts, end, key=_date)]


def page_body(parts: Sequence[Part], page: int, size: int) -> bytes:
    """Return a Spring Data page (0-based ``number``) of ``parts`` as JSON, from cached bytes.

    The same bytes as ``dumps`` of the page object, without serializing the items again.
    """
    total = len(parts)
    pages = -(-total // size)
    content = parts[page * size : (page + 1) * size]
    rest = {
        "totalPages": pages,
        "last": page + 1 >= pages,
        "totalElements": total,
        "first": page == 0,
        "numberOfElements": len(content),
        "number": page,
        "size": size,
    }
    items = b",".join(part.encoded for part in content)
    return b'{"content":[' + items + b"]," + dumps(rest)[1:]
