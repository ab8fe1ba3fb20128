"""The shared field readers, and that all four normalizers apply the same rules through them."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from dlrkit import InvalidFieldError, normalize
from dlrkit._readers import (
    read_code,
    read_count,
    read_currency,
    read_price,
    read_text,
    require_text,
)
from hypothesis import given
from hypothesis import strategies as st

from overlay.routee.strategies import tracking_item

_TIME = "2022-02-21T08:15:46.627000Z"


def _mailersend(**fields: Any) -> dict[str, Any]:
    sms = {"id": "s1", "to": "+41793026727", "status": "delivered", "created_at": _TIME}
    return {**sms, "segment_count": 1, **fields}


def _sentdm(**fields: Any) -> dict[str, Any]:
    message = {"id": "m1", "phone": "+41793026727", "status": "DELIVERED", "created_at": _TIME}
    return {**message, **fields}


def _infobip(**fields: Any) -> dict[str, Any]:
    status = {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET"}
    report = {"messageId": "x1", "to": "41793026727", "status": status, "doneAt": _TIME}
    if "price" in fields:
        fields["price"] = {"pricePerMessage": fields["price"], "currency": "EUR"}
    return {**report, **fields}


def _routee(**fields: Any) -> dict[str, Any]:
    return tracking_item(**fields)


Builder = Callable[..., dict[str, Any]]
# (provider, payload builder, the payload key holding a price / a count, and its field path)
PRICED: list[tuple[str, Builder, str, str]] = [
    ("sentdm", _sentdm, "price", "price"),
    ("infobip", _infobip, "price", "price.pricePerMessage"),
    ("routee", _routee, "price", "price"),
]
COUNTED: list[tuple[str, Builder, str, str]] = [
    ("mailersend", _mailersend, "segment_count", "segment_count"),
    ("infobip", _infobip, "smsCount", "smsCount"),
    ("routee", _routee, "parts", "parts"),
]
ALL: list[tuple[str, Builder]] = [
    ("mailersend", _mailersend),
    ("sentdm", _sentdm),
    ("infobip", _infobip),
    ("routee", _routee),
]


@pytest.mark.parametrize(("provider", "build", "key", "_field"), PRICED)
@pytest.mark.parametrize(
    ("value", "expected"),
    [("0.0450", Decimal("0.0450")), (0.045, Decimal("0.045")), (" 2 ", Decimal(2)), (0, 0)],
)
def test_every_normalizer_reads_prices_alike(
    provider: str, build: Builder, key: str, _field: str, value: object, expected: Decimal
) -> None:
    """A price is a decimal string or a JSON number, read exactly, for every provider."""
    (event,) = normalize(provider, build(**{key: value}))
    assert event.price == expected
    assert str(event.price) == str(expected)


@pytest.mark.parametrize(("provider", "build", "key", "field"), PRICED)
@pytest.mark.parametrize("value", [True, "abc", "-1", "NaN", "Infinity", [1], {}])
def test_every_normalizer_refuses_bad_prices_alike(
    provider: str, build: Builder, key: str, field: str, value: object
) -> None:
    """A bad price raises InvalidFieldError naming the price field, for every provider."""
    with pytest.raises(InvalidFieldError) as info:
        normalize(provider, build(**{key: value}))
    assert info.value.field == field
    assert info.value.value == value


@pytest.mark.parametrize(("provider", "build", "key", "_field"), COUNTED)
@pytest.mark.parametrize(("value", "expected"), [(2, 2), (2.0, 2), (0, 0), (None, None)])
def test_every_normalizer_reads_counts_alike(
    provider: str, build: Builder, key: str, _field: str, value: object, expected: int | None
) -> None:
    """A count is a JSON integer (``2.0`` is the same number as ``2``) for every provider."""
    (event,) = normalize(provider, build(**{key: value}))
    assert event.segments == expected
    assert type(event.segments) is type(expected)


@pytest.mark.parametrize(("provider", "build", "key", "field"), COUNTED)
@pytest.mark.parametrize("value", [1.5, True, "2", -1, [2]])
def test_every_normalizer_refuses_bad_counts_alike(
    provider: str, build: Builder, key: str, field: str, value: object
) -> None:
    """A fraction, a bool, a string or a negative count raises naming the field."""
    with pytest.raises(InvalidFieldError) as info:
        normalize(provider, build(**{key: value}))
    assert info.value.field == field


@pytest.mark.parametrize(("provider", "build"), ALL)
@pytest.mark.parametrize(("value", "expected"), [("Acme", "Acme"), ("   ", None), (None, None)])
def test_every_normalizer_reads_text_alike(
    provider: str, build: Builder, value: object, expected: str | None
) -> None:
    """Optional text is kept as sent; blank and null are absent, for every provider."""
    (event,) = normalize(provider, build(**{"from": value}))
    assert event.sender == expected


@pytest.mark.parametrize(("provider", "build"), ALL)
@pytest.mark.parametrize("value", [5, 1.5, True, ["Acme"], {"name": "Acme"}])
def test_every_normalizer_refuses_non_text_alike(
    provider: str, build: Builder, value: object
) -> None:
    """A sender that is not a string raises naming ``from`` instead of becoming ``str(value)``."""
    with pytest.raises(InvalidFieldError) as info:
        normalize(provider, build(**{"from": value}))
    assert info.value.field == "from"


@given(st.decimals(min_value=0, allow_nan=False, allow_infinity=False, places=6))
def test_price_of_its_own_text_is_itself(amount: Decimal) -> None:
    """For every finite amount >= 0, its text reads back as the same Decimal, digits kept."""
    assert str(read_price(str(amount), field="p")) == str(amount)


@given(st.floats(min_value=0, allow_nan=False, allow_infinity=False))
def test_float_price_is_its_shortest_text(value: float) -> None:
    """A JSON number is read through its shortest repr, never its binary expansion."""
    assert read_price(value, field="p") == Decimal(repr(value))


@given(st.integers(min_value=0, max_value=10**9))
def test_counts_read_ints_and_integral_floats(count: int) -> None:
    """``n`` and ``float(n)`` both read as the int ``n``."""
    assert read_count(count, field="c") == count
    assert read_count(float(count), field="c") == count


@given(st.one_of(st.integers(max_value=-1), st.booleans(), st.text(), st.floats().filter(
    lambda f: not (f >= 0 and f.is_integer())
)))  # fmt: skip
def test_counts_refuse_everything_else(value: object) -> None:
    """A negative number, a bool, text, a fraction, NaN or an infinity raises naming the field."""
    with pytest.raises(InvalidFieldError, match=r"^c: "):
        read_count(value, field="c")


@given(st.text())
def test_text_is_kept_or_absent(text: str) -> None:
    """Text comes back unchanged, or None exactly when it is blank."""
    assert read_text(text, field="t") == (text if text.strip() else None)


def test_required_text_and_codes() -> None:
    """An id must be non-blank text; a code may be an integer, never a bool."""
    assert require_text("m1", field="id") == "m1"
    for bad in (None, " ", 5):
        with pytest.raises(InvalidFieldError, match=r"^id: "):
            require_text(bad, field="id")
    assert read_code(4001, field="code") == "4001"
    assert read_code("EC_1", field="code") == "EC_1"
    with pytest.raises(InvalidFieldError, match=r"^code: "):
        read_code(True, field="code")


def test_currency_codes() -> None:
    """A currency is an ISO 4217 code, upper-cased; other text raises naming the field."""
    assert read_currency(" eur", field="cur") == "EUR"
    assert read_currency("", field="cur") is None
    for bad in ("EURO", "€", 978):
        with pytest.raises(InvalidFieldError, match=r"^cur: "):
            read_currency(bad, field="cur")
