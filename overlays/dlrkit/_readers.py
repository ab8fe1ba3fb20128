"""Read one field of a provider payload: the rules every normalizer shares.

Each reader takes the raw JSON value and the field's path (``results[0].price``), returns
the typed value or ``None`` for an absent one, and raises `InvalidFieldError` naming the
field and the value for anything else, never a bare ``TypeError`` or ``InvalidOperation``.
The four providers' normalizers (and their callback parsers) use these and nothing of
their own, so a price, a count or a piece of text means the same for all of them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from dlrkit._errors import InvalidFieldError

__all__ = [
    "read_code",
    "read_count",
    "read_currency",
    "read_price",
    "read_text",
    "require_text",
]

_CURRENCY = re.compile(r"[A-Z]{3}", re.ASCII)


def read_text(value: object, *, field: str) -> str | None:
    """Return optional text unchanged; ``None`` for null or blank.

    Anything but a string or null raises: a number where a sender or a reason belongs is a
    payload we do not understand, and ``str()`` of it would hide that.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidFieldError(field, value, "must be a string or null")
    return value if value.strip() else None


def require_text(value: object, *, field: str) -> str:
    """Return text that must be there (an id): like `read_text`, but null or blank raises."""
    text = read_text(value, field=field)
    if text is None:
        raise InvalidFieldError(field, value, "must be a non-empty string")
    return text


def read_code(value: object, *, field: str) -> str | None:
    """Return an optional code (an error code or id) as text: a string, or an integer.

    Providers send codes both ways (Infobip's error ``id`` is a number, its ``name`` a
    string); an integer becomes its decimal text. ``bool`` and other types raise.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return read_text(value, field=field)


def read_price(value: object, *, field: str) -> Decimal | None:
    """Return a price as an exact `Decimal`; ``None`` for null.

    A JSON number or a decimal string (``"0.0450"``, surrounding spaces ignored) is read
    through ``str``, so ``0.045`` gives ``Decimal("0.045")``, not the float's binary
    expansion. ``bool``, other types, non-numbers, NaN, infinities and negative amounts raise.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise InvalidFieldError(field, value, "must be a number or a decimal string")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidFieldError(field, value, "not a decimal number") from None
    if not amount.is_finite() or amount < 0:
        raise InvalidFieldError(field, value, "must be a finite amount >= 0")
    return amount


def read_count(value: object, *, field: str) -> int | None:
    """Return a count (SMS parts, segments) as an ``int >= 0``; ``None`` for null.

    An integral float (``2.0``) is the same JSON number as ``2`` (JSON Schema agrees) and is
    read as ``2``; a fraction, ``bool``, a string or a negative number raises.
    """
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidFieldError(field, value, "must be an int >= 0")
    return value


def read_currency(value: object, *, field: str) -> str | None:
    """Return an ISO 4217 code in upper case (``" eur"`` gives ``"EUR"``); None for null/blank."""
    text = read_text(value, field=field)
    if text is None:
        return None
    code = text.strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise InvalidFieldError(field, value, "not an ISO 4217 currency code like 'EUR'")
    return code
