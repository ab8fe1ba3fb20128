"""The self-test: the suite must catch every broken variant and pass the correct servers.

``run_selftest`` runs the suite once against the correct embedded servers (zero failures
expected), then once per variant in :data:`dlrkit_contract.broken.VARIANTS`, and builds the
detection table: which checks caught each variant, the first one, and after how many cases.
With ``fail_fast`` each variant run stops at its first failure (no shrinking).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

from dlrkit_contract._results import ProviderResult
from dlrkit_contract._runner import RunResult, run
from dlrkit_contract._settings import (
    EMBEDDED_APP_ID,
    EMBEDDED_APP_SECRET,
    EMBEDDED_TOKEN,
    Settings,
)
from dlrkit_contract._specs import PROVIDERS
from dlrkit_contract.broken import VARIANTS, Variant

__all__ = ["Detection", "DetectionTable", "detection_of", "render_detection", "run_selftest"]


@dataclass(frozen=True, slots=True)
class Detection:
    """How the suite fared against one broken variant."""

    variant: str
    provider: str
    breaks: str
    expected: list[str]
    caught_by: list[str]
    first_check: list[str]
    first_test: str | None
    cases_to_detection: int | None
    seconds: float

    @property
    def detected(self) -> bool:
        """True if some check failed."""
        return bool(self.caught_by)

    @property
    def as_expected(self) -> bool:
        """True if one of the checks meant for this breakage was among those that caught it."""
        return bool(set(self.caught_by) & set(self.expected))


@dataclass(slots=True)
class DetectionTable:
    """The self-test's result: the correct servers' failures and one row per variant."""

    seed: int
    profile: str
    max_examples: int
    fail_fast: bool
    correct_failures: dict[str, int] = field(default_factory=dict)
    rows: list[Detection] = field(default_factory=list)
    #: What the correct targets are, for the printed table ("servers", "receivers").
    subject: str = "servers"

    @property
    def ok(self) -> bool:
        """True when the correct servers pass and every variant is caught as expected."""
        return not any(self.correct_failures.values()) and all(r.as_expected for r in self.rows)

    def write_json(self, path: Path) -> None:
        """Write the table as JSON (creating the folder)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "seed": self.seed,
            "profile": self.profile,
            "max_examples": self.max_examples,
            "fail_fast": self.fail_fast,
            "ok": self.ok,
            f"correct_{self.subject}": {
                p: {"failures": n} for p, n in self.correct_failures.items()
            },
            "variants": [
                {**asdict(row), "detected": row.detected, "as_expected": row.as_expected}
                for row in self.rows
            ],
        }
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _failure_count(result: RunResult, provider: str) -> int:
    found = result.providers.get(provider)
    if found is None:
        return 1
    return len(found.failures) + len(found.test_errors)


def _run_over_http(variant: Variant, settings: Settings) -> RunResult:
    """Serve the broken server on a real 127.0.0.1 port and run the suite against its URL.

    The suite gets what a user would give a remote run: the credentials, and the server's
    sample ids as ``--known-id`` values.
    """
    from dlrkit_servers import create_app

    from dlrkit_contract._serving import served

    routee = variant.provider == "routee"
    credentials: dict[str, str | None] = {
        "token": None if routee else EMBEDDED_TOKEN,
        "app_id": EMBEDDED_APP_ID if routee else None,
        "app_secret": EMBEDDED_APP_SECRET if routee else None,
    }
    server = create_app(
        variant.provider,
        seed=0,
        token=credentials["token"],
        app_id=credentials["app_id"],
        app_secret=credentials["app_secret"],
    )
    known = tuple((op, ids[0]) for op, ids in server.sample_ids.items() if ids)
    with served(variant.wrap(server.app)) as origin:
        remote = settings.with_(
            base_url=origin + server.base_path,
            known_ids=known,
            **credentials,
        )
        return run([variant.provider], remote, quiet=True)


def _detect(variant: Variant, settings: Settings) -> Detection:
    started = time.perf_counter()
    if variant.over_http:
        result = _run_over_http(variant, settings)
    else:
        result = run(
            [variant.provider], settings, wrappers={variant.provider: variant.wrap}, quiet=True
        )
    found = result.providers[variant.provider]
    return detection_of(
        variant.name, variant.breaks, variant.expected, found, time.perf_counter() - started
    )


def detection_of(
    name: str, breaks: str, expected: frozenset[str], found: ProviderResult, seconds: float
) -> Detection:
    """Return the row of one variant run: which checks caught it, first, after how many cases."""
    failures = found.failures
    first = failures[0] if failures else None
    first_checks = sorted(
        {f.check for f in failures if first and f.case_number == first.case_number}
    )
    caught = sorted({f.check for f in failures})
    if found.test_errors and not caught:
        caught = ["test_error"]
    return Detection(
        variant=name,
        provider=found.provider,
        breaks=breaks,
        expected=sorted(expected),
        caught_by=caught,
        first_check=first_checks,
        first_test=first.test if first else next(iter(found.test_errors), None),
        cases_to_detection=first.case_number if first else None,
        seconds=round(seconds, 2),
    )


def run_selftest(
    settings: Settings,
    *,
    providers: Sequence[str] = PROVIDERS,
    variants: Sequence[Variant] = VARIANTS,
    fail_fast: bool = False,
    stream: TextIO | None = None,
) -> DetectionTable:
    """Run the correct servers, then every variant of ``providers``; return the table.

    ``fail_fast`` stops each variant run at its first failure, without shrinking: enough to
    show detection, and much shorter than full runs, which also find every other catching check.
    """
    out = stream or sys.stdout
    settings = settings.with_(fail_fast=fail_fast, junit_xml=None)
    table = DetectionTable(settings.seed, settings.profile, settings.max_examples, fail_fast)
    out.write(f"self-test: correct servers ({', '.join(providers)})\n")
    correct = run(list(providers), settings.with_(fail_fast=False), quiet=True)
    table.correct_failures = {p: _failure_count(correct, p) for p in providers}
    for variant in variants:
        if variant.provider not in providers:
            continue
        row = _detect(variant, settings)
        table.rows.append(row)
        verdict = ", ".join(row.caught_by) or "NOT DETECTED"
        out.write(f"self-test: {row.variant} ({row.provider}): {verdict} ({row.seconds}s)\n")
        out.flush()
    return table


def render_detection(table: DetectionTable) -> str:
    """Return the detection table as text."""
    lines = [
        "",
        f"correct {table.subject}: "
        + ", ".join(f"{p} {n} failures" for p, n in table.correct_failures.items()),
    ]
    header = ("variant", "provider", "caught by (first)", "cases", "also caught by")
    rows = []
    for r in table.rows:
        first = ", ".join(r.first_check) or ("-" if r.detected else "NOT DETECTED")
        others = ", ".join(c for c in r.caught_by if c not in r.first_check) or "-"
        cases = "-" if r.cases_to_detection is None else str(r.cases_to_detection)
        mark = "" if r.as_expected else "  <-- expected " + "/".join(r.expected)
        rows.append((r.variant, r.provider, first, cases, others + mark))
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
    fmt = (
        "  ".join(f"{{:<{w}}}" for w in widths[:2])
        + "  "
        + f"{{:<{widths[2]}}}  {{:>{widths[3]}}}  {{}}"
    )
    lines += ["", fmt.format(*header), *(fmt.format(*row) for row in rows)]
    mode = "first failure only" if table.fail_fast else "full runs"
    verdict = "every variant caught" if table.ok else "SELF-TEST FAILED"
    lines += [
        "",
        f"seed {table.seed}, profile {table.profile}, {table.max_examples} examples, {mode}: "
        f"{verdict}",
    ]
    return "\n".join(lines)
