from __future__ import annotations

import dlrkit
from dlrkit import sentdm

PUBLIC = [
    "DEFAULT_BASE_URL",
    "STATUS_MAP",
    "aget_message_status",
    "aiter_contacts",
    "alist_message_activities",
    "atimeline",
    "client",
    "get_message_status",
    "iter_contacts",
    "list_message_activities",
    "normalize_activities",
    "parse_callback",
    "timeline",
]


def test_public_names_are_pinned_and_sorted() -> None:
    """dlrkit.sentdm exports exactly the curated, sorted list, each importable."""
    assert sentdm.__all__ == PUBLIC == sorted(PUBLIC)
    for name in PUBLIC:
        assert getattr(sentdm, name) is not None


def test_lazy_attribute_is_the_subpackage() -> None:
    """dlrkit.sentdm reached through the lazy attribute is this subpackage."""
    assert dlrkit.sentdm is sentdm
    assert "sentdm" in dlrkit._normalize.registered_providers()
