"""Run `dlrkit serve` (or any ASGI app) on a real 127.0.0.1 port for over-HTTP tests.

Every wait has a deadline, so a broken server fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["overlays", "cli", "servers", "contract_tests", "generated"]
STARTUP_TIMEOUT = 30.0
SHUTDOWN_TIMEOUT = 20.0
#: Runs the real `dlrkit` entry point.
LAUNCHER = "import sys\nfrom dlrkit_cli import main\nsys.exit(main(sys.argv[1:]))\n"


def child_env(**extra: str) -> dict[str, str]:
    """Return a child `dlrkit` environment: no outside DLRKIT_*, the checkout on the path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DLRKIT_")}
    paths = [str(ROOT / name) for name in SOURCES]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


def read_line(process: subprocess.Popen[bytes], timeout: float = STARTUP_TIMEOUT) -> str:
    """Read one stdout line of ``process``, failing (not hanging) after ``timeout`` seconds."""
    assert process.stdout is not None
    buffer = b""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while not buffer.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                pytest.fail(f"no line from the child in {timeout}s; got {buffer!r}")
            chunk = os.read(process.stdout.fileno(), 1)
            if not chunk:
                pytest.fail(f"the child closed stdout; got {buffer!r}")
            buffer += chunk
    return buffer.decode()


@contextmanager
def dlrkit_serve(provider: str, *args: str) -> Iterator[str]:
    """Start ``dlrkit serve PROVIDER --port 0 ARGS``; yield its base URL (with the base path)."""
    command = [sys.executable, "-c", LAUNCHER, "serve", provider, "--port", "0", *args]
    process = subprocess.Popen(  # noqa: S603 -- fixed command built by the test
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=child_env(),
        cwd=ROOT,
    )
    try:
        first = read_line(process)
        # "dlrkit mailersend reference server on http://127.0.0.1:PORT/v1"
        yield first.rsplit(" on ", 1)[1].strip()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=SHUTDOWN_TIMEOUT)
        if process.stdout is not None:
            process.stdout.close()
