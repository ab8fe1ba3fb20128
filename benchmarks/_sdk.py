"""Vendor SDKs in environments of their own, and Prism: baselines, never dlrkit dependencies.

Each SDK gets a virtual environment under ``.nox/bench-sdk-<name>`` (they conflict: the
Infobip SDK needs pydantic 1.x). Prism goes to ``.nox/prism`` with ``npm install --prefix``.
Both are reused by later runs; an install that fails is reported as a skipped column.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from _common import REPO

__all__ = ["PRISM_VERSION", "SDKS", "Sdk", "ensure_prism", "ensure_sdk", "install_all"]

_CACHE = REPO / ".nox"
_INSTALL_TIMEOUT = 600
PRISM_VERSION = "5.16.0"


@dataclass(frozen=True, slots=True)
class Sdk:
    """An official SDK pinned to one version, with what it needs beyond its own metadata."""

    name: str
    provider: str
    requirement: str
    #: The Infobip SDK imports pkg_resources, which setuptools 81 removed.
    extras: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``mailersend 2.2.0`` and so on, for tables."""
        return self.requirement.replace("==", " ")


SDKS = (
    Sdk("mailersend", "mailersend", "mailersend==2.2.0"),
    Sdk("sentdm", "sentdm", "sentdm==0.46.0"),
    Sdk("infobip", "infobip", "infobip-api-python-sdk==5.0.1", ("setuptools<81",)),
)


def _run(command: list[str]) -> str | None:
    """Run an install step; return None on success or a one-line reason."""
    try:
        done = subprocess.run(  # noqa: S603 - fixed tool invocations with pinned names
            command, capture_output=True, text=True, timeout=_INSTALL_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{Path(command[0]).name}: {exc}"
    if done.returncode == 0:
        return None
    tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
    return f"{Path(command[0]).name} exited {done.returncode}: {tail[0][:160]}"


def ensure_sdk(sdk: Sdk) -> tuple[Path | None, str]:
    """Return the SDK environment's interpreter (installing it once), or None and why not."""
    home = _CACHE / f"bench-sdk-{sdk.name}"
    python = home / "bin" / "python"
    stamp = home / ".dlrkit-bench-installed"
    wanted = " ".join((sdk.requirement, *sdk.extras))
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python, "cached"
    shutil.rmtree(home, ignore_errors=True)
    uv = shutil.which("uv")
    if uv:
        steps = [
            [uv, "venv", "--quiet", "--python", sys.executable, str(home)],
            [uv, "pip", "install", "--quiet", "--python", str(python), *wanted.split(" ")],
        ]
    else:
        steps = [
            [sys.executable, "-m", "venv", str(home)],
            [str(python), "-m", "pip", "install", "--quiet", *wanted.split(" ")],
        ]
    for step in steps:
        error = _run(step)
        if error is not None:
            shutil.rmtree(home, ignore_errors=True)
            return None, f"install failed ({error})"
    stamp.write_text(wanted)
    return python, "installed"


def ensure_prism() -> tuple[Path | None, str]:
    """Return the Prism CLI (installing it once with npm), or None and why not."""
    home = _CACHE / "prism"
    prism = home / "node_modules" / ".bin" / "prism"
    stamp = home / ".dlrkit-bench-installed"
    if prism.exists() and stamp.exists() and stamp.read_text() == PRISM_VERSION:
        return prism, "cached"
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return None, "Node.js/npm not found"
    home.mkdir(parents=True, exist_ok=True)
    error = _run(
        [
            npm,
            "install",
            "--prefix",
            str(home),
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            f"@stoplight/prism-cli@{PRISM_VERSION}",
        ]
    )
    if error is not None or not prism.exists():
        return None, f"npm install failed ({error or 'no prism binary'})"
    stamp.write_text(PRISM_VERSION)
    return prism, "installed"


def install_all(*, sdks: bool, prism: bool) -> list[str]:
    """Install the SDK environments and/or Prism concurrently; return one line per install."""
    jobs: list[tuple[str, Callable[[], tuple[Path | None, str]]]] = []
    if sdks:
        jobs += [(sdk.label, partial(ensure_sdk, sdk)) for sdk in SDKS]
    if prism:
        jobs.append((f"prism {PRISM_VERSION}", ensure_prism))
    if not jobs:
        return []
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = [(label, pool.submit(job)) for label, job in jobs]
        return [f"{label}: {future.result()[1]}" for label, future in futures]
