"""Run the suite modules of some providers in-process with ``pytest.main``."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
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
# Seconds to wait for the ASGI event loop to cancel what an interrupt left running.
_PORTAL_STOP_TIMEOUT = 10


@dataclass(frozen=True, slots=True)
class RunResult:
    """The outcome of one run: per-provider results, pytest's exit code and the wall time."""

    settings: Settings
    providers: dict[str, ProviderResult]
    exit_code: int
    seconds: float

    @property
    def interrupted(self) -> bool:
        """True when the run was stopped (Ctrl-C) before every test had run."""
        return self.exit_code == int(pytest.ExitCode.INTERRUPTED) or any(
            p.interrupted for p in self.providers.values()
        )

    @property
    def ok(self) -> bool:
        """True only if every test ran and passed and no check failed.

        With ``require_coverage`` a gap (an operation without a 2xx, a test skipped at run
        time) also makes the run fail.
        """
        if self.settings.require_coverage and any(p.gaps() for p in self.providers.values()):
            return False
        return self.exit_code == 0 and all(p.ok for p in self.providers.values())


class _Interrupt:
    """A SIGINT handler that both raises KeyboardInterrupt and remembers it was pressed.

    Some layers under a test (threads of the ASGI test transport, exception handlers in the
    libraries) can swallow a KeyboardInterrupt; the flag lets the plugin stop the session at
    the next test boundary all the same.
    """

    def __init__(self) -> None:
        self.requested = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        raise KeyboardInterrupt


@contextmanager
def _sigint_watched(interrupt: _Interrupt) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _release_asgi_portal() -> None:
    """Cancel what Ctrl-C left running in Schemathesis' shared ASGI event-loop thread.

    A request cut off mid-way leaves its app task waiting for a body that never comes; at exit
    Schemathesis (4.32, ``schemathesis.python.asgi``) joins that thread, which then waits for
    the task forever. There is no public hook for this, so the private portal is reached
    defensively: if the name is gone in another version, nothing is done.
    """
    try:
        from schemathesis.python import asgi
    except ImportError:  # pragma: no cover - a Schemathesis without it has nothing to release
        return
    portal = getattr(asgi, "_PORTAL", None)
    if portal is None:
        return
    # Stopping cancels the stop task itself too, and a hung loop must not hang us.
    with contextlib.suppress(BaseException):
        portal.start_task_soon(portal.stop, True).result(timeout=_PORTAL_STOP_TIMEOUT)
    # The next embedded run in this process starts a fresh portal.
    asgi._PORTAL = None


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
    if settings.select:
        args += ["-k", settings.select]
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
    interrupt = _Interrupt()
    plugin = ProgressPlugin(recorder, stream or sys.stdout, quiet=quiet, interrupt=interrupt)
    _forget_suite_modules()
    with (
        activated(RunPlan(settings, suites, recorder)),
        _isolated_hypothesis_seed(),
        _sigint_watched(interrupt),
    ):
        exit_code = int(pytest.main(_pytest_args(providers, settings), plugins=[plugin]))
    if exit_code == int(pytest.ExitCode.INTERRUPTED) or interrupt.requested:
        _release_asgi_portal()
        for found in recorder.providers.values():
            found.interrupted = found.collected is None or len(found.tests) < found.collected
    result = RunResult(
        settings=settings,
        providers=recorder.providers,
        exit_code=exit_code,
        seconds=time.perf_counter() - started,
    )
    if settings.junit_xml is not None:
        # Our own writer, from the same records as the console (pytest's counts tests, and
        # knows neither the seed nor the replay line).
        from dlrkit_contract._junit import write_junit

        write_junit(result, settings.junit_xml)
    return result
