"""The pytest plugin of a contract run: progress lines and failures no check accounted for."""

from __future__ import annotations

import re
import time
from typing import Protocol, TextIO

import pytest

from dlrkit_contract._results import FinishedTest, Recorder

__all__ = ["ProgressPlugin", "provider_of"]

_MODULE = re.compile(r"test_(\w+)\.py")


def provider_of(nodeid: str) -> str | None:
    """Return the provider of a suite test id (``.../test_routee.py::...`` -> ``routee``)."""
    match = _MODULE.search(nodeid.split("::")[0])
    return match.group(1) if match else None


def _summary(report: pytest.TestReport | pytest.CollectReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return str(crash.message).strip()
    text = report.longreprtext.strip().splitlines()
    return text[-1] if text else "failed"


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return "skipped"


class Interrupt(Protocol):
    """Whether Ctrl-C was pressed during the run."""

    requested: bool


class ProgressPlugin:
    """Prints one line per finished test and records test errors on the recorder."""

    def __init__(
        self,
        recorder: Recorder,
        stream: TextIO,
        *,
        quiet: bool = False,
        interrupt: Interrupt | None = None,
    ) -> None:
        self.recorder = recorder
        self.interrupt = interrupt
        self._session: pytest.Session | None = None
        self.stream = stream
        self.quiet = quiet
        self.total = 0
        self.done = 0
        self._started = 0.0
        self._cases_before = 0

    def _write(self, line: str) -> None:
        if not self.quiet:
            self.stream.write(line + "\n")
            self.stream.flush()

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Remember how many tests will run, in all and per provider."""
        self._session = session
        self.total = len(session.items)
        counts: dict[str, int] = {}
        for item in session.items:
            provider = provider_of(item.nodeid)
            if provider is not None:
                counts[provider] = counts.get(provider, 0) + 1
        for provider, count in counts.items():
            self.recorder.collected(provider, count)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        """Record a suite module that cannot even be collected as an error of its provider."""
        provider = provider_of(report.nodeid)
        if report.failed and provider is not None:
            self.recorder.test_error(provider, report.nodeid, _summary(report))
            self._write(f"  error collecting {report.nodeid}: {_summary(report)}")

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        """Tell the recorder which test is running (failures remember it)."""
        self._stop_if_interrupted()
        self.recorder.current_test = nodeid
        self._started = time.perf_counter()
        provider = provider_of(nodeid)
        result = self.recorder.providers.get(provider or "")
        self._cases_before = result.cases if result else 0

    def _stop_if_interrupted(self) -> None:
        if self.interrupt is not None and self.interrupt.requested and self._session is not None:
            # Ctrl-C was swallowed inside a test: stop at this test boundary all the same.
            self._session.shouldstop = "interrupted"

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Record failures no check explains and print the finished test."""
        self._stop_if_interrupted()
        provider = provider_of(report.nodeid)
        if provider is None:
            return
        if report.failed and not self.recorder.failed_in(provider, report.nodeid):
            self.recorder.test_error(provider, report.nodeid, _summary(report))
        finished = report.when == "call" or (report.when == "setup" and not report.passed)
        if not finished:
            return
        self.done += 1
        result = self.recorder.providers.get(provider)
        cases = (result.cases if result else 0) - self._cases_before
        elapsed = time.perf_counter() - self._started
        reason = _skip_reason(report) if report.skipped else None
        self.recorder.test_finished(
            provider,
            FinishedTest(
                report.nodeid,
                report.outcome,
                reason=reason,
                runtime_skip=report.skipped and report.when == "call",
                seconds=elapsed,
            ),
        )
        name = report.nodeid.split("::", 1)[-1]
        width = len(str(self.total))
        why = f": {reason}" if reason else ""
        self._write(
            f"  [{self.done:>{width}}/{self.total}] {provider:<10} {report.outcome:<7} "
            f"{name}  ({cases} cases, {elapsed:.1f}s){why}"
        )
