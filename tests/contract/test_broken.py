from __future__ import annotations

from dlrkit_contract import PROVIDERS
from dlrkit_contract._checks import CONFORMANCE_CHECKS, STATEFUL_CHECKS
from dlrkit_contract._suite import _TITLES
from dlrkit_contract.broken import VARIANTS

ISSUE_LIST = {
    "required_field_dropped",
    "field_wrong_type",
    "undocumented_status_value",
    "undocumented_status_code",
    "wrong_content_type",
    "out_of_range_accepted",
    "auth_ignored",
    "broken_pagination_link",
    "report_returned_twice",
    "error_body_wrong_shape",
}


def test_catalogue_covers_the_required_breakages() -> None:
    """Every breakage the self-test must catch has a variant, each with a unique name."""
    names = [variant.name for variant in VARIANTS]
    assert len(names) == len(set(names))
    assert set(names) >= ISSUE_LIST


def test_variants_name_real_providers_and_checks() -> None:
    """Each variant wraps a known provider and expects checks the suite actually runs."""
    known = {*CONFORMANCE_CHECKS, *STATEFUL_CHECKS, *_TITLES}
    for variant in VARIANTS:
        assert variant.provider in PROVIDERS
        assert variant.expected, variant.name
        assert variant.expected <= known, variant.name
