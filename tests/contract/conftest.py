"""Shows the self-test's detection table in the terminal summary of the run that made it."""

from __future__ import annotations

import pytest

_DETECTION = pytest.StashKey[list[str]]()


@pytest.fixture
def detection_report(pytestconfig: pytest.Config) -> list[str]:
    """Return a list whose texts are printed in the terminal summary."""
    return pytestconfig.stash.setdefault(_DETECTION, [])


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """Print the detection table after the test results."""
    for text in config.stash.get(_DETECTION, []):
        terminalreporter.section("contract self-test: detection table")
        terminalreporter.write_line(text)
