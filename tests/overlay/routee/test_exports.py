from __future__ import annotations

import dlrkit
from dlrkit import routee

PUBLIC = {
    "DETAILED_STATUS_MAP",
    "STATUS_MAP",
    "Filter",
    "RouteeAuth",
    "aget_sms_tracking",
    "aiter_campaign_tracking",
    "aiter_sms_tracking",
    "atimeline",
    "client",
    "get_sms_tracking",
    "iter_campaign_tracking",
    "iter_sms_tracking",
    "map_status",
    "normalize_payload",
    "parse_callback",
    "timeline",
}


def test_exports_are_pinned_and_sorted() -> None:
    """dlrkit.routee exports exactly the curated names, sorted, each defined."""
    assert set(routee.__all__) == PUBLIC
    assert routee.__all__ == sorted(routee.__all__, key=lambda n: (not n.isupper(), n))
    for name in routee.__all__:
        assert getattr(routee, name) is not None


def test_lazy_attribute_is_the_module() -> None:
    """dlrkit.routee is the subpackage."""
    assert dlrkit.routee is routee
