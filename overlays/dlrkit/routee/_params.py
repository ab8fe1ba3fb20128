"""Checked arguments for the tracking calls: `Filter`, dates, page sizes and ids."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import attrs
from dlrkit_routee_api.models import SearchOperator, TrackingFilter, TrackingFilterField

from dlrkit._errors import InvalidFieldError

__all__ = [
    "MAX_PAGE_SIZE",
    "Filter",
    "check_flag",
    "check_id",
    "check_page",
    "check_size",
    "check_text",
    "check_window",
    "filter_models",
    "format_date",
]

MAX_PAGE_SIZE = 2000
_INT32_MAX = 2**31 - 1
_FIELDS = tuple(f.value for f in TrackingFilterField)
_OPERATORS = tuple(o.value for o in SearchOperator)


def _field(value: object) -> TrackingFilterField:
    if isinstance(value, str) and value in _FIELDS:
        return TrackingFilterField(value)
    raise InvalidFieldError("Filter.field", value, f"must be one of {', '.join(_FIELDS)}")


def _operator(value: object) -> SearchOperator:
    if isinstance(value, str) and value in _OPERATORS:
        return SearchOperator(value)
    raise InvalidFieldError("Filter.operator", value, f"must be one of {', '.join(_OPERATORS)}")


def _term(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidFieldError("Filter.term", value, "must be a string")


@attrs.frozen
class Filter:
    """One filter of ``POST /sms/tracking``: tracking ``field`` ``operator`` ``term``.

    ``field`` is one of ``smsId``, ``to``, ``status.status``, ``direction``, ``label``,
    ``campaign`` (the campaign name); ``operator`` is ``is`` (default), ``is_not``,
    ``contains``, ``starts_with`` or ``ends_with``. A bad value raises `InvalidFieldError`.
    """

    field: TrackingFilterField = attrs.field(converter=_field)
    term: str = attrs.field(validator=_term)
    operator: SearchOperator = attrs.field(default=SearchOperator.IS, converter=_operator)

    def to_model(self) -> TrackingFilter:
        """Return the generated request model."""
        return TrackingFilter(
            field_name=self.field, search_term=self.term, search_operator=self.operator
        )


def filter_models(filters: Iterable[Filter | TrackingFilter]) -> list[TrackingFilter]:
    """Return the request body: every filter as a generated `TrackingFilter`."""
    if isinstance(filters, str | bytes | Filter | TrackingFilter):
        raise InvalidFieldError("filters", filters, "must be a list of Filter")
    models: list[TrackingFilter] = []
    for index, item in enumerate(filters):
        if isinstance(item, Filter):
            models.append(item.to_model())
        elif isinstance(item, TrackingFilter):
            models.append(item)
        else:
            raise InvalidFieldError(f"filters[{index}]", item, "must be a dlrkit.routee.Filter")
    return models


def format_date(value: object, *, field: str) -> str:
    """Return an aware datetime as Routee's ISO-8601 in UTC.

    Minute precision (``2016-08-19T15:00Z``) when seconds are zero, else seconds and any
    fraction (``2016-08-19T15:00:07.5Z`` is written with microseconds).
    """
    if not isinstance(value, datetime):
        raise InvalidFieldError(field, value, "must be a timezone-aware datetime")
    if value.utcoffset() is None:
        raise InvalidFieldError(field, value, "naive datetime; give it a timezone (tzinfo=UTC)")
    try:
        utc = value.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:
        raise InvalidFieldError(field, value, "out of range once converted to UTC") from None
    spec = "microseconds" if utc.microsecond else "seconds" if utc.second else "minutes"
    return utc.isoformat(timespec=spec) + "Z"


def check_window(start: object, end: object) -> tuple[str, str]:
    """Format ``date_start`` and ``date_end``; the end may not come before the start.

    The 7-day limit is the server's to enforce (it depends on the server's clock).
    """
    first = format_date(start, field="date_start")
    last = format_date(end, field="date_end")
    assert isinstance(start, datetime)  # noqa: S101 -- format_date checked it; narrows the type
    assert isinstance(end, datetime)  # noqa: S101
    if end < start:
        raise InvalidFieldError("date_end", end, f"must not be before date_start ({first})")
    return first, last


def check_size(value: object) -> int:
    """Return a page size in 1..2000 or raise `InvalidFieldError`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE_SIZE:
        raise InvalidFieldError("size", value, f"must be an int from 1 to {MAX_PAGE_SIZE}")
    return value


def check_page(value: object) -> int:
    """Return a 0-based page number or raise `InvalidFieldError`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _INT32_MAX:
        raise InvalidFieldError("page", value, "must be an int >= 0 (pages are 0-based)")
    return value


def check_text(field: str, value: object) -> str | None:
    """Return an optional non-empty string, or raise `InvalidFieldError`."""
    if value is None:
        return None
    return check_id(field, value)


def check_id(field: str, value: object) -> str:
    """Return a required non-empty string, or raise `InvalidFieldError`."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidFieldError(field, value, "must be a non-empty string")
    return value


def check_flag(field: str, value: object) -> bool | None:
    """Return None, True or False, or raise `InvalidFieldError`."""
    if value is not None and not isinstance(value, bool):
        raise InvalidFieldError(field, value, "must be None, True or False")
    return value
