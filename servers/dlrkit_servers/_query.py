"""Query-string (and form-body) parsing that refuses bad input with :class:`InputError`.

Every ``get_*`` method either returns a value within the stated limits or raises
:class:`InputError` naming the field and the value; none raises anything else, whatever the
client sent. A name given more than once is refused by the single-value getters (``repeated``);
use :meth:`Query.get_all` / :meth:`Query.get_choices` for list parameters such as ``status[]``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import UTC, datetime
from typing import overload
from urllib.parse import parse_qsl

from dlrkit_servers._errors import InputError, Issue, show

__all__ = ["INT64_MAX", "INT64_MIN", "Query"]

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
# Unix seconds of 9999-12-31T23:59:59Z, the last instant a datetime can hold.
_MAX_UNIX = 253_402_300_799
_INTEGER = re.compile(r"[+-]?[0-9]+")
# Longer digit strings are compared as this magnitude: no bound a server uses is near it.
_HUGE_DIGITS = 40
_BOOLEANS = {"true": True, "false": False}


class Query:
    """An ordered multi-map of decoded name/value pairs."""

    __slots__ = ("_pairs", "_values")

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._pairs = tuple(pairs)
        self._values: dict[str, list[str]] = {}
        for name, value in self._pairs:
            self._values.setdefault(name, []).append(value)

    @classmethod
    def parse(cls, raw: str | bytes) -> Query:
        """Parse ``a=1&b=2`` text (``+`` is a space, ``%xx`` is decoded; never raises)."""
        text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
        return cls(parse_qsl(text, keep_blank_values=True, errors="replace"))

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __repr__(self) -> str:
        return f"Query({list(self._pairs)!r})"

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Every pair in the order sent."""
        return self._pairs

    def names(self) -> frozenset[str]:
        """Return the distinct names sent."""
        return frozenset(self._values)

    def get_all(self, name: str) -> list[str]:
        """Every value sent for ``name`` (empty if absent)."""
        return list(self._values.get(name, ()))

    def _one(self, name: str) -> str | None:
        values = self._values.get(name)
        if values is None:
            return None
        if len(values) > 1:
            raise InputError.of(
                name, "repeated", f"{name} must be given once, got {len(values)} values"
            )
        return values[0]

    @overload
    def get_str(self, name: str, *, default: str) -> str: ...
    @overload
    def get_str(self, name: str, *, default: None = None) -> str | None: ...
    def get_str(self, name: str, *, default: str | None = None) -> str | None:
        """Return the single value of ``name``, or ``default`` when absent."""
        value = self._one(name)
        return default if value is None else value

    def require_str(self, name: str) -> str:
        """Return the single value of ``name``; ``missing`` when absent."""
        value = self._one(name)
        if value is None:
            raise InputError.of(name, "missing", f"{name} is required")
        return value

    @overload
    def get_int(
        self, name: str, *, default: int, minimum: int = ..., maximum: int = ...
    ) -> int: ...
    @overload
    def get_int(
        self, name: str, *, default: None = None, minimum: int = ..., maximum: int = ...
    ) -> int | None: ...
    def get_int(
        self,
        name: str,
        *,
        default: int | None = None,
        minimum: int = INT64_MIN,
        maximum: int = INT64_MAX,
    ) -> int | None:
        """Parse a decimal integer within ``[minimum, maximum]`` (int64 unless narrowed).

        Bounds must lie within +-10**40: longer digit strings are refused without conversion.
        """
        raw = self._one(name)
        if raw is None:
            return default
        if _INTEGER.fullmatch(raw) is None:
            raise InputError.of(
                name, "not_integer", f"{name} must be an integer, got {show(raw)}", raw
            )
        if len(raw.lstrip("+-").lstrip("0")) > _HUGE_DIGITS:
            value = -(10**_HUGE_DIGITS) if raw.startswith("-") else 10**_HUGE_DIGITS
        else:
            value = int(raw)
        return _bounded(name, raw, value, minimum, maximum)

    @overload
    def get_bool(self, name: str, *, default: bool) -> bool: ...
    @overload
    def get_bool(self, name: str, *, default: None = None) -> bool | None: ...
    def get_bool(self, name: str, *, default: bool | None = None) -> bool | None:
        """Parse ``true`` or ``false`` (any letter case)."""
        raw = self._one(name)
        if raw is None:
            return default
        value = _BOOLEANS.get(raw.lower())
        if value is None:
            raise InputError.of(
                name, "not_boolean", f"{name} must be true or false, got {show(raw)}", raw
            )
        return value

    @overload
    def get_choice(self, name: str, choices: Collection[str], *, default: str) -> str: ...
    @overload
    def get_choice(
        self, name: str, choices: Collection[str], *, default: None = None
    ) -> str | None: ...
    def get_choice(
        self, name: str, choices: Collection[str], *, default: str | None = None
    ) -> str | None:
        """One of ``choices`` (exact match)."""
        raw = self._one(name)
        if raw is None:
            return default
        _check_choice(name, raw, choices)
        return raw

    def get_choices(self, name: str, choices: Collection[str]) -> list[str]:
        """Every value of a repeatable ``name``, each one of ``choices``."""
        values = self.get_all(name)
        for raw in values:
            _check_choice(name, raw, choices)
        return values

    def get_datetime(self, name: str) -> datetime | None:
        """Parse an ISO-8601 date-time (``Z`` allowed, no offset means UTC) as aware UTC."""
        raw = self._one(name)
        if raw is None:
            return None
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            message = f"{name} must be an ISO-8601 date-time, got {show(raw)}"
            raise InputError.of(name, "not_datetime", message, raw) from None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        try:
            return value.astimezone(UTC)
        except OverflowError:  # an offset that pushes year 1 or 9999 out of range
            message = f"{name} is out of the supported date range, got {show(raw)}"
            raise InputError.of(name, "not_datetime", message, raw) from None

    def get_unix_time(self, name: str) -> datetime | None:
        """Unix seconds (``0`` to year 9999) as an aware UTC datetime."""
        seconds = self.get_int(name, minimum=0, maximum=_MAX_UNIX)
        return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def _bounded(name: str, raw: str, value: int, minimum: int, maximum: int) -> int:
    if value < minimum:
        issue = Issue(
            name, "too_small", f"{name} must be at least {minimum}, got {show(raw)}", raw, minimum
        )
        raise InputError(issue)
    if value > maximum:
        issue = Issue(
            name, "too_large", f"{name} must be at most {maximum}, got {show(raw)}", raw, maximum
        )
        raise InputError(issue)
    return value


def _check_choice(name: str, raw: str, choices: Collection[str]) -> None:
    if raw in choices:
        return
    listed = tuple(choices)
    message = f"{name} must be one of {', '.join(listed)}, got {show(raw)}"
    raise InputError(Issue(name, "not_choice", message, raw, choices=listed))
