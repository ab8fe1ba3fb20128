from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from dlrkit import DeliveryEvent, DeliveryStatus, InvalidFieldError, normalize
from dlrkit import _normalize as registry


@pytest.fixture(autouse=True)
def _clean_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from an empty normalizer registry and no shipped providers."""
    monkeypatch.setattr(registry, "_REGISTRY", {})
    monkeypatch.setattr(registry, "PROVIDERS", ())


def _fake(payload: object) -> Iterator[DeliveryEvent]:
    assert isinstance(payload, dict)
    for row in payload["results"]:
        yield DeliveryEvent(
            provider="fake",
            message_id=row["id"],
            recipient=row["to"],
            status=DeliveryStatus.DELIVERED,
            raw_status="OK",
            occurred_at=datetime(2024, 1, 1, tzinfo=UTC),
        )


def test_registered_normalizer_handles_its_provider() -> None:
    """normalize() dispatches to the registered normalizer and returns a list."""
    registry.register_normalizer("fake", _fake)
    events = normalize("fake", {"results": [{"id": "a", "to": "+15551234567"}]})
    assert [e.message_id for e in events] == ["a"]


def test_json_text_and_bytes_are_decoded() -> None:
    """A payload given as JSON text or bytes is decoded first."""
    registry.register_normalizer("fake", _fake)
    body = '{"results": [{"id": "a", "to": "+15551234567"}]}'
    assert normalize("fake", body) == normalize("fake", body.encode())


def test_unknown_provider_lists_valid_ones() -> None:
    """An unknown provider raises a ValueError that lists the valid providers."""
    registry.register_normalizer("fake", _fake)
    with pytest.raises(ValueError, match="unknown provider; valid: fake") as info:
        normalize("twilio", {})
    assert isinstance(info.value, InvalidFieldError)
    assert info.value.field == "provider"


def test_bad_json_is_a_clear_error() -> None:
    """Text that is not JSON raises InvalidFieldError on the payload."""
    registry.register_normalizer("fake", _fake)
    with pytest.raises(InvalidFieldError, match="payload: not JSON"):
        normalize("fake", "{nope")


def test_unreadable_payload_never_leaks_a_key_error() -> None:
    """A payload missing what the normalizer needs raises InvalidFieldError, not KeyError."""
    registry.register_normalizer("fake", _fake)
    with pytest.raises(InvalidFieldError, match="fake payload not understood: KeyError"):
        normalize("fake", {"results": [{"id": "a"}]})


def test_event_errors_pass_through_unchanged() -> None:
    """A DeliveryEvent validation error from a normalizer keeps its field name."""
    registry.register_normalizer("fake", _fake)
    with pytest.raises(InvalidFieldError, match=r"DeliveryEvent\.recipient"):
        normalize("fake", {"results": [{"id": "a", "to": "555"}]})


@pytest.mark.parametrize("name", ["", "Fake", "two words", "a-b"])
def test_provider_names_must_be_identifiers(name: str) -> None:
    """Provider names are lower-case identifiers."""
    with pytest.raises(InvalidFieldError, match="lower-case identifier"):
        registry.register_normalizer(name, _fake)


def test_shipped_provider_without_module_is_not_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shipped provider whose module is missing is reported as unknown, not an ImportError."""
    monkeypatch.setattr(registry, "PROVIDERS", ("nosuchprovider",))
    assert registry.registered_providers() == ()
    with pytest.raises(InvalidFieldError, match="none installed"):
        normalize("nosuchprovider", {})
