"""The base side of the comparison: ``specs/`` and ``generated/`` as they were at a git ref.

Extracted with ``git archive`` into a temporary folder, so griffe and Optic read two plain
directory trees and never the working tree by accident.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

TREES = ("specs", "generated")


class BaseRefError(Exception):
    """The base ref cannot be read (unknown ref, not a git checkout)."""


def _git(root: Path, *args: str) -> bytes:
    # A fixed git command line; the ref is passed as one argument, never through a shell.
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)  # noqa: S603, S607
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip()
        raise BaseRefError(f"git {' '.join(args)}: {message}")
    return result.stdout


def resolve(root: Path, ref: str) -> str:
    """Return the commit ``ref`` names, or raise ``BaseRefError`` naming the ref."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except BaseRefError:
        raise BaseRefError(f"--base {ref!r} is not a commit in {root}") from None


def extract(root: Path, commit: str, dest: Path) -> None:
    """Write ``specs/`` and ``generated/`` as of ``commit`` under ``dest`` (absent ones skipped)."""
    present = _git(root, "ls-tree", "--name-only", commit, "--", *TREES).decode().split()
    if not present:
        return
    archive = _git(root, "archive", "--format=tar", commit, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # git archive output of our own repository; the data filter still refuses odd paths.
        tar.extractall(dest, filter="data")
