"""Run the suite modules of some providers in-process with ``pytest.main``."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import hypothesis.core
import pytest

from dlrkit_contract._context import RunPlan, activated
from dlrkit_contract._results import ProviderResult, Recorder
from dlrkit_contract._settings import Settings
from dlrkit_contract._suite import Suite
from dlrkit_contract._target import AppWrapper, make_target

__all__ = ["RunResult", "run"]

SUITES = Path(__file__).resolve().parent / "suites"


@dataclass(frozen=True, slots=True)
class RunResult:
    """The outcome of one run: per-provider results, pytest's exit code and the wall time."""

    settings: Settings
    providers: dict[str, ProviderResult]
    exit_code: int
    seconds: float

    @property
    def ok(self) -> bool:
        """True only if every test ran and passed and no check failed."""
        return self.exit_code == 0 and all(p.ok for p in self.providers.values())


@contextmanager
def _isolated_hypothesis_seed() -> Iterator[None]:
    # `--hypothesis-seed` sets a process-wide seed; a calling pytest run keeps its own.
    saved = hypothesis.core.global_force_seed
    try:
        yield
    finally:
        hypothesis.core.global_force_seed = saved


def _forget_suite_modules() -> None:
    # Suite modules read the active run at import, so each run imports them afresh.
    for name in [n for n in sys.modules if n.startswith("dlrkit_contract.suites.test_")]:
        del sys.modules[name]


def _pytest_args(providers: Sequence[str], settings: Settings) -> list[str]:
    args = [str(SUITES / f"test_{provider}.py") for provider in providers]
    args += [
        "-c",
        str(SUITES / "pytest.ini"),
        "--rootdir",
        str(SUITES),
        "-p",
        "no:cacheprovider",
        "-p",
        "no:terminal",
        "--capture=no",
        f"--hypothesis-seed={settings.seed}",
    ]
    if settings.fail_fast:
        args.append("--exitfirst")
    if settings.junit_xml is not None:
        args.append(f"--junit-xml={settings.junit_xml}")
    return args


def run(
    providers: Sequence[str],
    settings: Settings,
    *,
    wrappers: Mapping[str, AppWrapper] | None = None,
    stream: TextIO | None = None,
    quiet: bool = False,
) -> RunResult:
    """Run the contract suites of ``providers`` against their targets.

    ``wrappers`` maps a provider to ASGI middleware around its embedded server (the
    self-test's broken variants). Progress goes to ``stream`` (stdout) unless ``quiet``.
    Raises ``SettingsError``/``TargetError`` before any test runs if a target is unusable
    (remote targets get one authenticated request per provider first: :mod:`._preflight`).
    """
    # Imported for its side effect: registering the suite's own checks with Schemathesis.
    from dlrkit_contract import _checks  # noqa: F401
    from dlrkit_contract._plugin import ProgressPlugin
    from dlrkit_contract._preflight import preflight

    started = time.perf_counter()
    recorder = Recorder()
    suites = {
        provider: Suite(make_target(provider, settings, (wrappers or {}).get(provider)), recorder)
        for provider in providers
    }
    for suite in suites.values():
        if not suite.target.embedded:
            suite.preflight = preflight(suite)
    plugin = ProgressPlugin(recorder, stream or sys.stdout, quiet=quiet)
    _forget_suite_modules()
    with activated(RunPlan(settings, suites, recorder)), _isolated_hypothesis_seed():
        exit_code = int(pytest.main(_pytest_args(providers, settings), plugins=[plugin]))
    return RunResult(
        settings=settings,
        providers=recorder.providers,
        exit_code=exit_code,
        seconds=time.perf_counter() - started,
    )
