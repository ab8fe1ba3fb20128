"""`dlrkit serve ... --callback-url` as a real process, for the push tests.

Built on `contract.serving` (the launcher and child environment every CLI test uses); every
wait has a deadline, so a stuck server fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time

import pytest
from contract.serving import LAUNCHER, ROOT, child_env

__all__ = ["read_until", "start_serve", "stop"]


def start_serve(provider: str, *args: str) -> subprocess.Popen[bytes]:
    """Start ``dlrkit serve PROVIDER --port 0 ARGS`` with stdout and stderr piped."""
    command = [sys.executable, "-c", LAUNCHER, "serve", provider, "--port", "0", *args]
    return subprocess.Popen(  # noqa: S603 -- fixed command built by the test
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), cwd=ROOT
    )


def read_until(process: subprocess.Popen[bytes], prefix: str, timeout: float) -> list[str]:
    """Read stdout lines until one starts with ``prefix``; fail (never hang) at the deadline."""
    assert process.stdout is not None
    buffer = b""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while not any(line.startswith(prefix) for line in buffer.decode().splitlines()):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                pytest.fail(f"no {prefix!r} line in time; got {buffer!r}")
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                pytest.fail(f"dlrkit serve exited early: {buffer!r}")
            buffer += chunk
    return buffer.decode().splitlines()


def stop(process: subprocess.Popen[bytes], timeout: float) -> tuple[str, str]:
    """SIGTERM ``process``, wait up to ``timeout`` (then kill); return its stdout and stderr."""
    process.send_signal(signal.SIGTERM)
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return out.decode(), err.decode()
