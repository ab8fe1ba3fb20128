from __future__ import annotations

import pytest
from dlrkit import DeliveryStatus

PENDING = {"accepted", "scheduled", "queued", "sent"}
SUCCESS = {"delivered", "read"}
FAILURE = {"undelivered", "failed", "rejected", "expired", "cancelled"}


@pytest.mark.parametrize("status", list(DeliveryStatus))
def test_every_status_is_in_exactly_one_group(status: DeliveryStatus) -> None:
    """Each status is pending, success or failure; only UNKNOWN is none of them."""
    groups = [status.is_pending, status.is_success, status.is_failure]
    assert sum(groups) == (0 if status is DeliveryStatus.UNKNOWN else 1)


@pytest.mark.parametrize("status", list(DeliveryStatus))
def test_final_means_success_or_failure(status: DeliveryStatus) -> None:
    """is_final is true exactly for the success and failure statuses."""
    assert status.is_final == (status.is_success or status.is_failure)
    assert status.is_final != (status.is_pending or status is DeliveryStatus.UNKNOWN)


def test_groups_are_the_documented_ones() -> None:
    """The groups match the DeliveryStatus docstring."""
    assert {s.value for s in DeliveryStatus if s.is_pending} == PENDING
    assert {s.value for s in DeliveryStatus if s.is_success} == SUCCESS
    assert {s.value for s in DeliveryStatus if s.is_failure} == FAILURE


@pytest.mark.parametrize("status", list(DeliveryStatus))
def test_value_is_the_lower_case_name_and_round_trips(status: DeliveryStatus) -> None:
    """Values are the lower-case names, usable as plain strings and parsed back."""
    assert status.value == status.name.lower()
    assert status == status.value
    assert DeliveryStatus(status.value) is status


def test_unknown_text_is_rejected_by_the_enum() -> None:
    """An unknown value is a ValueError, not a silent UNKNOWN."""
    with pytest.raises(ValueError, match="bounced"):
        DeliveryStatus("bounced")
