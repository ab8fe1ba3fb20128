"""Plain-text reports: the conformance table per provider and the failures with their replay.

A verdict says no more than the run proved: each operation shows the statuses it actually
answered (an operation that never answered 2xx is flagged ``no 2xx seen``), tests skipped at
run time are listed with their reasons, and the closing line names the gaps. A provider cut
off by Ctrl-C gets no verdict at all.
"""

from __future__ import annotations

import shlex
import textwrap

from dlrkit_contract._results import FailureRecord, ProviderResult
from dlrkit_contract._runner import RunResult
from dlrkit_contract._settings import Settings

__all__ = ["gaps", "render_run", "replay_command", "verdict"]

_MESSAGE_LINES = 6
_CREDENTIAL_VARIABLES = {"routee": ("DLRKIT_APP_ID", "DLRKIT_APP_SECRET")}
_DEFAULT_TIMEOUT = Settings().receiver_timeout


def replay_command(settings: Settings, provider: str) -> str:
    """Return the `dlrkit contract` line that repeats a run; it works as pasted.

    Credentials are never in it: the CLI reads them from the environment, and a trailing
    shell comment names the variables to set (a ``$DLRKIT_TOKEN`` placeholder would expand to
    nothing when unset and turn ``--token`` into a usage error).
    """
    parts = ["dlrkit", "contract", provider, "--seed", str(settings.seed)]
    parts += ["--max-examples", str(settings.max_examples), "--profile", settings.profile]
    if settings.receiver_url is not None:
        parts += ["--receiver", settings.receiver_url]
        if settings.receiver_timeout != _DEFAULT_TIMEOUT:
            parts += ["--receiver-timeout", f"{settings.receiver_timeout:g}"]
        line = shlex.join(parts)
        if settings.receiver_secret is not None:
            line += "  # with DLRKIT_RECEIVER_SECRET set in the environment"
        return line
    if settings.base_url is not None:
        parts += ["--base-url", settings.base_url]
    for operation_id, value in settings.known_ids:
        parts += ["--known-id", f"{operation_id}={value}"]
    if settings.allow_unknown_status:
        parts.append("--allow-unknown-status")
    if settings.require_coverage:
        parts.append("--require-coverage")
    line = shlex.join(parts)
    if settings.base_url is not None:
        names = _CREDENTIAL_VARIABLES.get(provider, ("DLRKIT_TOKEN",))
        line += f"  # with {' and '.join(names)} set in the environment"
    return line


def gaps(result: ProviderResult) -> list[str]:
    """List what ``result`` did not prove (see :meth:`ProviderResult.gaps`)."""
    return result.gaps()


def verdict(run: RunResult, result: ProviderResult) -> str:
    """One provider's verdict: no verdict when interrupted, and gaps named with a pass."""
    if not result.finished:
        return "interrupted, no verdict"
    if not result.ok:
        return "DOES NOT CONFORM"
    found = result.gaps()
    if found:
        strict = " (--require-coverage: FAILS)" if run.settings.require_coverage else ""
        return f"conforms, with gaps ({len(found)}){strict}"
    return "conforms"


def _table(result: ProviderResult) -> list[str]:
    rows = [
        (
            f"{s.label} ({s.operation_id})",
            s.cases,
            len(s.failures),
            len(s.checks),
            s.statuses_text() + ("  no 2xx seen" if s.missing_2xx else ""),
        )
        for s in result.operations.values()
    ]
    width = max([len("operation"), *(len(row[0]) for row in rows)])
    lines = [
        f"  {'operation':<{width}}  {'cases':>6}  {'failures':>8}  {'checks':>6}  statuses seen"
    ]
    for name, cases, failures, checks, statuses in rows:
        lines.append(f"  {name:<{width}}  {cases:>6}  {failures:>8}  {checks:>6}  {statuses}")
    total_failures = sum(r[2] for r in rows) + len(result.test_errors)
    lines.append(f"  {'total':<{width}}  {result.cases:>6}  {total_failures:>8}")
    names = sorted({c for s in result.operations.values() for c in s.checks})
    wrapped = textwrap.wrap(", ".join(names), width=96, initial_indent="  checks run: ")
    lines += [wrapped[0], *("              " + w.strip() for w in wrapped[1:])] if wrapped else []
    for record in result.skipped:
        kind = "skipped" if record.runtime_skip else "skipped (by design)"
        lines.append(f"  {kind}: {record.nodeid.split('::', 1)[-1]}: {record.reason}")
    lines += [f"  {note}" for note in result.notes]
    if not result.finished:
        lines.append(
            f"  interrupted: {len(result.tests)} of {result.collected or '?'} tests ran; "
            "what ran is shown, no verdict is given"
        )
    return lines


def _failure(index: int, failure: FailureRecord, settings: Settings) -> list[str]:
    lines = [
        f"  {index}. {failure.provider} {failure.operation}: {failure.title} ({failure.check})"
    ]
    message = [m for m in failure.message.splitlines() if m.strip()][:_MESSAGE_LINES]
    lines += [f"       {m}" for m in message]
    if failure.test:
        seen = f", seen {failure.occurrences} times" if failure.occurrences > 1 else ""
        lines.append(f"       test:      {failure.test} (after {failure.case_number} cases{seen})")
    if failure.curl:
        lines.append(f"       reproduce: {failure.curl}")
    lines.append(f"       replay:    {replay_command(settings, failure.provider)}")
    return lines


def _closing(run: RunResult) -> str:
    settings = run.settings
    unit = "webhook" if settings.receiver_url is not None else "operation"
    head = (
        f"seed {settings.seed}, {settings.max_examples} examples per {unit} "
        f"(profile {settings.profile}), {run.seconds:.1f}s"
    )
    if run.interrupted or not all(r.finished for r in run.providers.values()):
        ran = sum(len(r.tests) for r in run.providers.values())
        total = sum(r.collected or 0 for r in run.providers.values())
        return f"{head}: interrupted after {ran} of {total} tests, no verdict"
    failing = not all(r.ok for r in run.providers.values()) or run.exit_code != 0
    found = [g for r in run.providers.values() for g in r.gaps()]
    no_2xx = sum(g.endswith(": no 2xx seen") for g in found)
    skipped = len(found) - no_2xx
    gap_text = (
        f"the verdict has gaps ({no_2xx} operations with no 2xx seen, {skipped} tests "
        "skipped at run time)"
        if found
        else ""
    )
    if failing:
        return f"{head}: " + (f"{gap_text}; " if gap_text else "") + "NOT CONFORMING"
    if found:
        strict = "; --require-coverage: FAILS" if settings.require_coverage else ""
        return f"{head}: all conform, but {gap_text}{strict}"
    return f"{head}: all conform"


def render_run(run: RunResult) -> str:
    """Return the report `dlrkit contract` prints after a run."""
    settings = run.settings
    lines: list[str] = []
    for result in run.providers.values():
        lines += [
            "",
            f"{result.provider} against {result.target}: {verdict(run, result)}",
            *_table(result),
        ]
    failures = [f for r in run.providers.values() for f in r.failures]
    errors = [
        (p, test, text) for p, r in run.providers.items() for test, text in r.test_errors.items()
    ]
    if failures or errors:
        lines += ["", f"FAILURES ({len(failures) + len(errors)})"]
        for index, failure in enumerate(failures, 1):
            lines += _failure(index, failure, settings)
        for index, (provider, test, text) in enumerate(errors, len(failures) + 1):
            lines += [f"  {index}. {provider} {test}: {text}"]
            lines.append(f"       replay:    {replay_command(settings, provider)}")
        if settings.embedded:
            lines += [
                "",
                "  The curl lines target the embedded server (http://testserver): start "
                "`dlrkit serve PROVIDER` and use its URL, with your own credentials in place of "
                "[Filtered].",
            ]
    if run.exit_code not in (0, 1) and not errors and not run.interrupted:
        lines += ["", f"pytest stopped with exit code {run.exit_code}"]
    lines += ["", _closing(run)]
    return "\n".join(lines)
