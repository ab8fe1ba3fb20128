"""Check that every direct dependency was installed at its declared floor (`nox -s minimums`).

Run inside the minimums session's environment after ``uv pip install --resolution
lowest-direct``. For each direct requirement of pyproject.toml that the session installs (the
runtime dependencies, the named extras and dependency groups) it prints the declared floor and
the version actually installed, and exits 1 when one resolved above its floor: then the floor
in pyproject.toml was never tested as written. lowest-direct lowers only *direct*
requirements; another package's own lower bound still wins (schemathesis 4.32.5 needs
anyio>=4.5, so ``anyio>=4`` installs 4.5). The fix is to raise the floor to what is tested,
or, where the declared floor must stay lower, to say which package forces it with a comment
``# floor forced by NAME`` on the requirement's line or in the comment lines right above it.
Such a comment is checked too: NAME must be installed and its own requirement on the package
must exclude the declared floor, so a stale comment fails like a missing one.

Usage: ``python scripts/check_floors.py --extras contract --groups test generate``
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
FORCED = re.compile(r"#.*\bfloor forced by ([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclasses.dataclass(frozen=True)
class Row:
    """One direct requirement: its floor, what was installed, and the verdict."""

    requirement: str
    floor: str | None
    installed: str | None
    ok: bool
    note: str


def direct_requirements(
    pyproject: Mapping[str, Any], extras: Iterable[str], groups: Iterable[str]
) -> list[str]:
    """Return the requirement strings the session installs directly, in pyproject order.

    Self-references such as ``dlrkit[serve]`` are followed into the named extras; duplicates
    (the same string in an extra and a group) are kept once.
    """
    project = pyproject["project"]
    name = canonicalize_name(project["name"])
    optional = project.get("optional-dependencies", {})
    all_groups = pyproject.get("dependency-groups", {})
    found: list[str] = []

    def add(req: str) -> None:
        parsed = Requirement(req)
        if canonicalize_name(parsed.name) == name:
            for extra in sorted(parsed.extras):
                for sub in optional[extra]:
                    add(sub)
        elif req not in found:
            found.append(req)

    def add_group(group: str) -> None:
        for item in all_groups[group]:
            if isinstance(item, dict):
                add_group(item["include-group"])
            else:
                add(item)

    for req in project.get("dependencies", []):
        add(req)
    for extra in extras:
        for req in optional[extra]:
            add(req)
    for group in groups:
        add_group(group)
    return found


def floor_of(requirement: Requirement) -> str | None:
    """Return the lowest version ``requirement`` allows by a ``>=``, ``==`` or ``~=`` bound."""
    floors = [
        spec.version
        for spec in requirement.specifier
        if spec.operator in (">=", "==", "~=") and "*" not in spec.version
    ]
    return max(floors, key=Version) if floors else None


def forced_by(pyproject_text: str, requirement: str) -> set[str]:
    """Return every NAME of a ``# floor forced by NAME`` comment attached to ``requirement``.

    A comment is attached when it is on a line holding the quoted requirement, or in the
    unbroken run of comment lines right above one.
    """
    lines = pyproject_text.splitlines()
    quoted = f'"{requirement}"'
    names: set[str] = set()
    for index, line in enumerate(lines):
        if quoted not in line:
            continue
        attached = [line]
        above = index - 1
        while above >= 0 and lines[above].lstrip().startswith("#"):
            attached.append(lines[above])
            above -= 1
        for text in attached:
            names.update(match.group(1) for match in FORCED.finditer(text))
    return names


def check(
    pyproject_text: str,
    extras: Iterable[str],
    groups: Iterable[str],
    *,
    installed: Callable[[str], str | None],
    requires: Callable[[str], list[str] | None],
) -> list[Row]:
    """Check each direct requirement's installed version against its declared floor.

    ``installed(name)`` gives a distribution's version (None: not installed) and
    ``requires(name)`` its Requires-Dist strings, so tests can pass fakes.
    """
    pyproject = tomllib.loads(pyproject_text)
    rows: list[Row] = []
    for req in direct_requirements(pyproject, extras, groups):
        parsed = Requirement(req)
        if parsed.marker is not None and not parsed.marker.evaluate():
            continue  # not for this Python or platform: nothing was installed to test
        floor = floor_of(parsed)
        version = installed(parsed.name)
        if floor is None:
            rows.append(Row(req, None, version, False, "no floor (>=, == or ~=) declared"))
        elif version is None:
            rows.append(Row(req, floor, None, False, "not installed"))
        elif Version(version) == Version(floor):
            rows.append(Row(req, floor, version, True, "at its floor"))
        elif Version(version) < Version(floor):
            rows.append(Row(req, floor, version, False, "installed below its floor"))
        else:
            rows.append(_above_floor(req, parsed, floor, version, pyproject_text, requires))
    return rows


def _above_floor(
    req: str,
    parsed: Requirement,
    floor: str,
    version: str,
    pyproject_text: str,
    requires: Callable[[str], list[str] | None],
) -> Row:
    """Judge a requirement that resolved above its floor by its ``floor forced by`` comment."""
    names = forced_by(pyproject_text, req)
    if not names:
        return Row(
            req,
            floor,
            version,
            False,
            f"resolved above its floor, and no '# floor forced by NAME' comment says why: "
            f"raise the floor to {version} or name the package that forces it",
        )
    reasons: list[str] = []
    for name in sorted(names):
        for dependency in requires(name) or []:
            theirs = Requirement(dependency)
            if canonicalize_name(theirs.name) != canonicalize_name(parsed.name):
                continue
            if theirs.marker is not None and not theirs.marker.evaluate({"extra": ""}):
                continue
            if not theirs.specifier.contains(floor, prereleases=True):
                reasons.append(f"{name} requires {theirs.name}{theirs.specifier}")
    if reasons:
        return Row(req, floor, version, True, "forced: " + "; ".join(reasons))
    return Row(
        req,
        floor,
        version,
        False,
        f"resolved above its floor; the comment names {', '.join(sorted(names))}, but no "
        f"installed requirement of theirs excludes {parsed.name} {floor}",
    )


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _requires(name: str) -> list[str] | None:
    try:
        return metadata.requires(name)
    except metadata.PackageNotFoundError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Print one line per direct requirement; return 1 if any floor was not tested as written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extras", nargs="*", default=[])
    parser.add_argument("--groups", nargs="*", default=[])
    parser.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    args = parser.parse_args(argv)
    rows = check(
        args.pyproject.read_text(encoding="utf-8"),
        args.extras,
        args.groups,
        installed=_installed,
        requires=_requires,
    )
    width = max(len(row.requirement) for row in rows)
    print(f"{'direct requirement':<{width}}  {'floor':<10} {'resolved':<10} verdict")
    for row in rows:
        verdict = ("ok: " if row.ok else "FAIL: ") + row.note
        floor, resolved = row.floor or "-", row.installed or "-"
        print(f"{row.requirement:<{width}}  {floor:<10} {resolved:<10} {verdict}")
    failed = [row for row in rows if not row.ok]
    if failed:
        print(
            f"{len(failed)} direct requirement(s) not tested at their declared floor "
            "(pyproject.toml)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
