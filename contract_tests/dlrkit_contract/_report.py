"""Plain-text reports: the conformance table per provider and the failures with their replay."""

from __future__ import annotations

import shlex
import textwrap

from dlrkit_contract._results import FailureRecord, ProviderResult
from dlrkit_contract._runner import RunResult
from dlrkit_contract._settings import Settings

__all__ = ["render_run", "replay_command"]

_MESSAGE_LINES = 6


def replay_command(settings: Settings, provider: str) -> str:
    """Return the `dlrkit contract` line that repeats a run (credentials as placeholders)."""
    parts = ["dlrkit", "contract", provider, "--seed", str(settings.seed)]
    parts += ["--max-examples", str(settings.max_examples), "--profile", settings.profile]
    if settings.base_url is not None:
        parts += ["--base-url", settings.base_url]
        if provider == "routee":
            parts += ["--app-id", "$DLRKIT_APP_ID", "--app-secret", "$DLRKIT_APP_SECRET"]
        else:
            parts += ["--token", "$DLRKIT_TOKEN"]
    if settings.allow_unknown_status:
        parts.append("--allow-unknown-status")
    return " ".join(p if p.startswith("$") else shlex.quote(p) for p in parts)


def _table(result: ProviderResult) -> list[str]:
    rows = [
        (s.label, s.operation_id, s.cases, len(s.failures), len(s.checks))
        for s in result.operations.values()
    ]
    width = max([len("operation"), *(len(f"{label} ({op})") for label, op, *_ in rows)])
    lines = [f"  {'operation':<{width}}  {'cases':>6}  {'failures':>8}  {'checks':>6}"]
    for label, op, cases, failures, checks in rows:
        lines.append(f"  {f'{label} ({op})':<{width}}  {cases:>6}  {failures:>8}  {checks:>6}")
    total_failures = sum(r[3] for r in rows) + len(result.test_errors)
    lines.append(f"  {'total':<{width}}  {result.cases:>6}  {total_failures:>8}")
    names = sorted({c for s in result.operations.values() for c in s.checks})
    wrapped = textwrap.wrap(", ".join(names), width=96, initial_indent="  checks run: ")
    lines += [wrapped[0], *("              " + w.strip() for w in wrapped[1:])] if wrapped else []
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


def render_run(run: RunResult) -> str:
    """Return the report `dlrkit contract` prints after a run."""
    settings = run.settings
    lines: list[str] = []
    for result in run.providers.values():
        verdict = "conforms" if result.ok else "DOES NOT CONFORM"
        lines += ["", f"{result.provider} against {result.target}: {verdict}", *_table(result)]
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
    if run.exit_code not in (0, 1) and not errors:
        lines += ["", f"pytest stopped with exit code {run.exit_code}"]
    verdict = "all conform" if run.ok else "NOT CONFORMING"
    lines += [
        "",
        f"seed {settings.seed}, {settings.max_examples} examples per operation "
        f"(profile {settings.profile}), {run.seconds:.1f}s: {verdict}",
    ]
    return "\n".join(lines)
