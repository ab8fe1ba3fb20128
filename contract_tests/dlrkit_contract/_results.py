"""What a run found, per provider and per operation, in the order things happened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "CheckOutcome",
    "FailureRecord",
    "FinishedTest",
    "OperationStats",
    "ProviderResult",
    "Recorder",
]


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """One check's verdict on one response (``failure`` is ``None`` when it passed)."""

    check: str
    title: str | None = None
    message: str | None = None


@dataclass(slots=True)
class FailureRecord:
    """One distinct failure: the check, what it said, and how to reproduce it."""

    provider: str
    operation: str
    check: str
    title: str
    message: str
    curl: str | None
    test: str | None
    #: How many cases the provider's run had executed when this failure first appeared.
    case_number: int
    occurrences: int = 1


@dataclass(frozen=True, slots=True)
class FinishedTest:
    """How one pytest test of the suite ended.

    ``outcome`` is pytest's (``passed``, ``failed``, ``skipped``). A skip decided before the
    test ran (a mark: the check does not apply) has ``runtime_skip`` False; a skip the test
    itself chose while running (the target had nothing to check) is a gap in the evidence.
    """

    nodeid: str
    outcome: str
    reason: str | None = None
    runtime_skip: bool = False
    seconds: float = 0.0


@dataclass(slots=True)
class OperationStats:
    """Cases run on one operation, the checks that ran on them and their distinct failures."""

    label: str
    operation_id: str
    cases: int = 0
    checks: set[str] = field(default_factory=set)
    failures: dict[tuple[str, str], FailureRecord] = field(default_factory=dict)
    #: HTTP statuses of the responses seen, with how often each came.
    statuses: Counter[int] = field(default_factory=Counter)
    #: False for rows whose cases must all be refused (a receiver's forged callbacks): no
    #: 2xx there is the point, not a gap.
    expects_2xx: bool = True

    @property
    def saw_2xx(self) -> bool:
        """True if at least one response was a 2xx (its body was checked as a success)."""
        return any(200 <= status < 300 for status in self.statuses)

    @property
    def missing_2xx(self) -> bool:
        """True when this row should have seen a 2xx and did not (a gap in the verdict)."""
        return self.expects_2xx and not self.saw_2xx

    def statuses_text(self) -> str:
        """Return e.g. ``200x41 400x12 404x3`` (with a multiplication sign); ``-`` for none."""
        pairs = sorted(self.statuses.items())
        return " ".join(f"{s}\N{MULTIPLICATION SIGN}{n}" for s, n in pairs) or "-"


@dataclass(slots=True)
class ProviderResult:
    """Everything recorded for one provider."""

    provider: str
    target: str
    operations: dict[str, OperationStats] = field(default_factory=dict)
    #: Failed tests that no check accounted for (errors in a test, crashes), by test id.
    test_errors: dict[str, str] = field(default_factory=dict)
    #: Tests in which some check failed.
    failed_tests: set[str] = field(default_factory=set)
    cases: int = 0
    #: Every finished test of the provider, by test id, in run order.
    tests: dict[str, FinishedTest] = field(default_factory=dict)
    #: How many tests of the provider pytest collected (``None`` until collection ends).
    collected: int | None = None
    #: Set by the runner when Ctrl-C stopped the run before this provider's tests all ran.
    interrupted: bool = False
    #: Lines printed under the table (a receiver run: what was exercised and what was not).
    notes: list[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        """True unless the run was interrupted before every test of the provider had run."""
        return not self.interrupted

    @property
    def skipped(self) -> list[FinishedTest]:
        """The tests that were skipped, with their reasons."""
        return [t for t in self.tests.values() if t.outcome == "skipped"]

    @property
    def failures(self) -> list[FailureRecord]:
        """Every distinct failure, in the order they first appeared."""
        found = [f for stats in self.operations.values() for f in stats.failures.values()]
        return sorted(found, key=lambda f: f.case_number)

    def gaps(self) -> list[str]:
        """List what this run did not prove: operations without a 2xx, run-time skips."""
        found = [f"{s.label}: no 2xx seen" for s in self.operations.values() if s.missing_2xx]
        found += [
            f"skipped: {t.nodeid.split('::', 1)[-1]}: {t.reason}"
            for t in self.skipped
            if t.runtime_skip
        ]
        return found

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.test_errors and not any(s.failures for s in self.operations.values())


class Recorder:
    """Collects check outcomes from every test of a run (fed by hooks and rule helpers)."""

    def __init__(self) -> None:
        self.providers: dict[str, ProviderResult] = {}
        self.current_test: str | None = None

    def start(self, provider: str, target: str, operations: Iterable[tuple[str, str]]) -> None:
        """Register ``provider`` and its ``(label, operationId)`` pairs, so every row shows."""
        result = self.providers.setdefault(provider, ProviderResult(provider, target))
        for label, operation_id in operations:
            result.operations.setdefault(label, OperationStats(label, operation_id))

    def record(
        self,
        provider: str,
        label: str,
        outcomes: Iterable[CheckOutcome],
        *,
        curl: str | None = None,
        count: bool = True,
        status: int | None = None,
    ) -> None:
        """Record the check outcomes of one case on ``label``.

        ``count=False`` adds outcomes to a case already counted (a rule check judging an
        exchange after its response checks ran).
        """
        result = self.providers[provider]
        stats = result.operations.setdefault(label, OperationStats(label, ""))
        if count:
            result.cases += 1
            stats.cases += 1
        if status is not None:
            stats.statuses[status] += 1
        for outcome in outcomes:
            stats.checks.add(outcome.check)
            if outcome.title is None:
                continue
            if self.current_test is not None:
                result.failed_tests.add(self.current_test)
            message = outcome.message or ""
            key = (outcome.check, f"{outcome.title}\n{message.splitlines()[0] if message else ''}")
            known = stats.failures.get(key)
            if known is not None:
                known.occurrences += 1
                # Within one test the last occurrence is Hypothesis' shrunk, final replay.
                if known.test == self.current_test:
                    known.curl = curl or known.curl
                continue
            stats.failures[key] = FailureRecord(
                provider=provider,
                operation=label,
                check=outcome.check,
                title=outcome.title,
                message=message,
                curl=curl,
                test=self.current_test,
                case_number=result.cases,
            )

    def collected(self, provider: str, count: int) -> None:
        """Remember how many tests of ``provider`` will run."""
        self.providers.setdefault(provider, ProviderResult(provider, "")).collected = count

    def test_finished(self, provider: str, record: FinishedTest) -> None:
        """Record how one test of ``provider`` ended."""
        self.providers.setdefault(provider, ProviderResult(provider, "")).tests[record.nodeid] = (
            record
        )

    def test_error(self, provider: str, test: str, summary: str) -> None:
        """Record a failed test that no check failure explains."""
        result = self.providers.setdefault(provider, ProviderResult(provider, ""))
        result.test_errors[test] = summary

    def failed_in(self, provider: str, test: str) -> bool:
        """Return True if any check failure was recorded during ``test``."""
        result = self.providers.get(provider)
        return result is not None and test in result.failed_tests
