"""Behaviour our generator templates (scripts/codegen/templates) promise to keep."""

from typing import Any
from uuid import UUID

import pytest
from dlrkit_sentdm_api.models import contact
from dlrkit_sentdm_api.models.contact import Contact
from hypothesis import given
from hypothesis import strategies as st

HEX = "0123456789abcdefABCDEF"
uuid_like = st.one_of(
    st.uuids().map(str),
    st.uuids().map(lambda u: u.hex),
    st.text(st.sampled_from(HEX + "-_+ {}xX:urnid"), min_size=30, max_size=40),
    st.text(max_size=40),
    st.integers(),
    st.none(),
)


def _outcome(parse: Any, value: object) -> tuple[str, Any]:
    try:
        return ("ok", parse(value))
    except Exception as exc:  # the exception type is the outcome compared
        return ("error", type(exc))


@given(uuid_like)
def test_fast_uuid_parse_matches_uuid(value: object) -> None:
    """The templates' _parse_uuid gives UUID(value)'s result or exception for any input."""
    fast, slow = _outcome(contact._parse_uuid, value), _outcome(UUID, value)
    assert fast == slow
    if fast[0] == "ok":
        assert fast[1].is_safe == slow[1].is_safe


@given(
    st.lists(uuid_like, max_size=3).flatmap(
        lambda pool: st.lists(st.sampled_from(pool)) if pool else st.just([])
    ),
    st.sampled_from(["", "id", "customer_id"]),
)
def test_fast_uuid_parse_memo_is_never_stale(values: list[object], site: str) -> None:
    """Repeated and alternating values at one call site still parse exactly as UUID() does."""
    for value in values:
        fast = _outcome(lambda v: contact._parse_uuid(v, site), value)
        assert fast == _outcome(UUID, value)


def test_repeated_uuid_is_one_shared_instance() -> None:
    """A page's repeated owner id gives one UUID instance per site (UUIDs are immutable)."""
    owner = "7c961a00-3e88-45f7-b6c9-18de1207feea"
    first, second = (contact._parse_uuid(owner, "customer_id") for _ in range(2))
    assert first is second
    assert first == UUID(owner)
    with pytest.raises(TypeError):
        first.int = 0  # type: ignore[misc]  # UUID forbids it: sharing is safe


def test_missing_required_field_still_raises_key_error() -> None:
    """from_dict without a required field raises KeyError naming it, as the stock template."""
    with pytest.raises(KeyError, match="phone_number"):
        Contact.from_dict({"id": "8ba7b830-9dad-11d1-80b4-00c04fd430c8", "created_at": "x"})


def test_unknown_keys_land_in_additional_properties() -> None:
    """Keys the spec does not name are kept in additional_properties and survive to_dict."""
    body: dict[str, Any] = {
        "id": "8ba7b830-9dad-11d1-80b4-00c04fd430c8",
        "phone_number": "+14155551234",
        "created_at": "2026-03-11T21:18:50.17173+00:00",
        "brand_new_field": {"x": 1},
    }
    parsed = Contact.from_dict(body)
    assert parsed.additional_properties == {"brand_new_field": {"x": 1}}
    assert parsed.to_dict()["brand_new_field"] == {"x": 1}
    assert parsed.id == UUID(body["id"])
