from __future__ import annotations

import dlrkit
from dlrkit import infobip

PUBLIC = [
    "DEFAULT_BASE_URL",
    "ERROR_GROUPS",
    "GROUP_MAP",
    "MAX_LIMIT",
    "STATUS_GROUPS",
    "STATUS_MAP",
    "STATUS_TABLE",
    "aiter_delivery_reports",
    "aiter_logs",
    "atimeline",
    "client",
    "iter_delivery_reports",
    "iter_logs",
    "parse_callback",
    "timeline",
]


def test_public_names_are_pinned_and_sorted() -> None:
    """dlrkit.infobip exports exactly the curated, sorted list, each importable."""
    assert infobip.__all__ == PUBLIC == sorted(PUBLIC)
    for name in PUBLIC:
        assert getattr(infobip, name) is not None


def test_lazy_attribute_is_the_subpackage() -> None:
    """dlrkit.infobip reached through the lazy attribute is this subpackage."""
    assert dlrkit.infobip is infobip
    assert "infobip" in dlrkit._normalize.registered_providers()
