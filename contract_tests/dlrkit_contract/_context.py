"""The run that suite modules belong to: set by the runner around ``pytest.main``.

The runner builds one :class:`~dlrkit_contract._suite.Suite` per provider before pytest starts
(so bad credentials or an unreachable target fail early and plainly), and a suite module picks
its suite up at import.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dlrkit_contract._results import Recorder
from dlrkit_contract._settings import Settings

if TYPE_CHECKING:
    from dlrkit_contract._suite import Suite

__all__ = ["RunPlan", "activated", "active"]


@dataclass(slots=True)
class RunPlan:
    """The settings, one suite per provider under test, and the shared recorder."""

    settings: Settings
    suites: dict[str, Suite]
    recorder: Recorder


_ACTIVE: list[RunPlan] = []


@contextmanager
def activated(plan: RunPlan) -> Iterator[RunPlan]:
    """Make ``plan`` the run that suite modules imported inside the block belong to."""
    _ACTIVE.append(plan)
    try:
        yield plan
    finally:
        _ACTIVE.remove(plan)


def active() -> RunPlan | None:
    """Return the innermost active plan, if any."""
    return _ACTIVE[-1] if _ACTIVE else None
