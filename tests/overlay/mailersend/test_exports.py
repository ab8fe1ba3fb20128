from __future__ import annotations

import dlrkit
from dlrkit import mailersend

PUBLIC = {
    "DEFAULT_BASE_URL",
    "RECIPIENT_STATUSES",
    "STATUS_MAP",
    "TEST_SECRET",
    "ApiQuota",
    "aget_sms_message",
    "aget_sms_recipient",
    "aiter_sms_activity",
    "aiter_sms_messages",
    "aiter_sms_recipients",
    "aiter_sms_webhooks",
    "api_quota",
    "atimeline",
    "aupdate_sms_recipient",
    "client",
    "get_sms_message",
    "get_sms_recipient",
    "in_time_order",
    "iter_sms_activity",
    "iter_sms_messages",
    "iter_sms_recipients",
    "iter_sms_webhooks",
    "map_status",
    "normalize_payload",
    "parse_callback",
    "timeline",
    "update_sms_recipient",
}


def test_public_names_are_pinned_and_sorted() -> None:
    """dlrkit.mailersend exports exactly the curated names, sorted, each defined."""
    assert set(mailersend.__all__) == PUBLIC
    assert mailersend.__all__ == sorted(mailersend.__all__, key=lambda n: (not n.isupper(), n))
    assert all(hasattr(mailersend, name) for name in PUBLIC)


def test_every_iterator_has_an_async_twin() -> None:
    """Each iter_*/get_*/update_*/timeline has an a-prefixed async twin."""
    sync = [n for n in PUBLIC if n.startswith(("iter_", "get_", "update_", "timeline"))]
    assert all(f"a{name}" in PUBLIC for name in sync)


def test_lazy_attribute_and_registry_reach_the_package() -> None:
    """dlrkit.mailersend resolves lazily and normalize finds the registered normalizer."""
    assert dlrkit.mailersend is mailersend
    assert dlrkit.normalize("mailersend", {"data": []}) == []
