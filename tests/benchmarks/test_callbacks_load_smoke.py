"""The callback load script, run small (5 streams, 1 s or 60 requests) so it cannot rot.

Nothing is timed: the runs stop after a number of requests as well as after a second, so
a slow machine makes them longer, never failing.
"""

from collections import Counter

import pytest
from callbacks_load import PROVIDERS, CallbackLoadReport, judge, run_callback_load


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_short_run_against_the_real_receiver_passes_every_check(provider: str) -> None:
    """Signed callbacks, re-sends and injected failures over uvicorn: no loss, no duplicate."""
    report = run_callback_load(
        provider, seconds=1.0, streams=5, resend=0.3, fail=0.1, min_requests=60
    )
    assert report.problems == []
    assert report.requests > 0
    assert report.resent > 0  # duplicates were really sent...
    assert report.injected_failures > 0  # ...and on_events really failed and was retried
    assert report.statuses[500] == report.injected_failures
    assert report.delivered == report.generated > 0
    assert (report.duplicates, report.lost) == (0, 0)
    assert report.percentile(50) is not None


def test_the_checks_catch_a_receiver_that_does_not_dedupe() -> None:
    """Against a receiver whose seen store forgets everything, duplicates are reported."""
    report = run_callback_load(
        "mailersend", seconds=1.0, streams=5, resend=0.5, fail=0.0, forgetful=True
    )
    assert report.duplicates > 0
    assert any("more than once" in problem for problem in report.problems)


def test_the_baseline_run_answers_everything_2xx() -> None:
    """The baseline app (read, decode, 200) under the same streams: no problem reported."""
    report = run_callback_load("infobip", seconds=0.5, streams=2, baseline=True, min_requests=10)
    assert report.problems == []
    assert report.requests >= 10
    assert set(report.statuses) == {200}


def _report(statuses: dict[int, int]) -> CallbackLoadReport:
    report = CallbackLoadReport("infobip", 1, seconds=1.0, requests=sum(statuses.values()))
    report.statuses = Counter(statuses)
    return report


def test_judge_names_lost_duplicate_unknown_and_unanswered_events() -> None:
    """Each way the receiver can go wrong is a separate problem with its count."""
    report = _report({200: 3, 500: 2, 401: 1})
    state = {"delivered": {"a": 2, "b": 1, "x": 1}, "injected": 1}
    judge(report, {"a", "b", "c", "d"}, {"a", "b", "c"}, {"d"}, state)
    assert (report.duplicates, report.lost, report.unknown, report.never_acknowledged) == (
        1,
        1,
        1,
        1,
    )
    text = "\n".join(report.problems)
    for expected in ("more than once", "never reached", "never sent", "never answered 2xx"):
        assert expected in text
    assert "{401: 1}" in text
    assert "2 answers 500 but 1 injected" in text


def test_judge_passes_a_clean_run() -> None:
    """Every sent event answered 2xx and delivered once, 500s all injected: no problem."""
    report = _report({200: 4, 500: 1})
    judge(report, {"a", "b"}, {"a", "b"}, set(), {"delivered": {"a": 1, "b": 1}, "injected": 1})
    assert report.problems == []
    assert report.percentile(99) is None
    report.latencies = [0.001, 0.002, 0.003]
    assert report.percentile(50) == pytest.approx(2.0)
