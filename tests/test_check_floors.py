"""scripts/check_floors.py: the minimums session fails when a floor was not tested as written."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))
check_floors: Any = importlib.import_module("check_floors")  # scripts/ is not on mypy's path

PYPROJECT = """
[project]
name = "demo"
dependencies = [
  "attrs>=23.1",
  {anyio}
]
[project.optional-dependencies]
serve = ["starlette>=0.40"]
contract = ["demo[serve]", "schemathesis>=4.32.5"]
[dependency-groups]
test = ["pytest>=8.4", {{include-group = "lint"}}]
lint = ["ruff==0.17.5", "types-pyyaml"]
"""
INSTALLED = {
    "attrs": "23.1.0",
    "anyio": "4.5.0",
    "starlette": "0.40.0",
    "schemathesis": "4.32.5",
    "pytest": "8.4.0",
    "ruff": "0.17.5",
}
REQUIRES = {"schemathesis": ["anyio<5,>=4.5", "pytest<10,>=8.4", "pytest-xdist; extra == 'dev'"]}


def _rows(anyio_line: str, groups: tuple[str, ...] = ()) -> dict[str, Any]:
    rows = check_floors.check(
        PYPROJECT.format(anyio=anyio_line),
        ["contract"],
        list(groups),
        installed=INSTALLED.get,
        requires=REQUIRES.get,
    )
    return {row.requirement: row for row in rows}


def test_every_requirement_at_its_floor_passes() -> None:
    """Extras are followed through self-references; each row gives floor and version."""
    rows = _rows('"anyio>=4.5",')
    assert list(rows) == [
        "attrs>=23.1",
        "anyio>=4.5",
        "starlette>=0.40",  # followed through demo[serve]
        "schemathesis>=4.32.5",
    ]
    assert all(row.ok for row in rows.values())
    assert rows["anyio>=4.5"].installed == "4.5.0"
    assert rows["anyio>=4.5"].floor == "4.5"


def test_a_floor_resolved_higher_without_a_reason_fails() -> None:
    """anyio>=4 installing 4.5 (schemathesis's floor) is an untested floor: fail."""
    row = _rows('"anyio>=4",')["anyio>=4"]
    assert not row.ok
    assert "raise the floor to 4.5.0" in row.note


def test_a_checked_forced_by_comment_accepts_it() -> None:
    """A comment on the line or right above it, confirmed by the forcer's metadata."""
    same_line = _rows('"anyio>=4",  # floor forced by schemathesis')["anyio>=4"]
    above = _rows(
        '# the lock around the token cache\n  # floor forced by schemathesis\n  "anyio>=4",'
    )
    for row in (same_line, above["anyio>=4"]):
        assert row.ok, row.note
        assert row.note == "forced: schemathesis requires anyio<5,>=4.5"


def test_a_stale_or_wrong_forced_by_comment_fails() -> None:
    """A comment naming a package that does not force the floor cannot excuse it."""
    # Here starlette requires no anyio at all.
    wrong = _rows('"anyio>=4",  # floor forced by starlette')["anyio>=4"]
    assert not wrong.ok
    assert "no installed requirement of theirs excludes anyio 4" in wrong.note
    # A comment above, separated by a non-comment line, is not attached.
    detached = _rows('# floor forced by schemathesis\n\n  "anyio>=4",')["anyio>=4"]
    assert not detached.ok


def test_no_floor_and_not_installed_fail() -> None:
    """A requirement without a lower bound, or one not installed, is not tested at a floor."""
    rows = _rows('"anyio>=4.5",', groups=("test",))
    assert rows["pytest>=8.4"].ok
    assert rows["ruff==0.17.5"].ok  # an exact pin is its own floor
    assert not rows["types-pyyaml"].ok
    assert rows["types-pyyaml"].note.startswith("no floor")
    missing = check_floors.check(
        PYPROJECT.format(anyio='"anyio>=4.5",'),
        [],
        [],
        installed=lambda name: None,
        requires=REQUIRES.get,
    )
    assert [row.note for row in missing] == ["not installed", "not installed"]


def test_the_real_pyproject_gives_every_installed_requirement_a_floor() -> None:
    """What `nox -s minimums` installs (its extras and groups) all declare a lower bound."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = check_floors.direct_requirements(pyproject, ["contract"], ["test", "generate"])
    assert "anyio>=4.5" in requirements
    assert "schemathesis>=4.32.5,<5" in requirements
    for requirement in requirements:
        floor = check_floors.floor_of(check_floors.Requirement(requirement))
        assert floor is not None, requirement


def test_main_prints_each_row_and_fails_on_an_untested_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The script prints a row per requirement and exits 1 on an untested floor."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(PYPROJECT.format(anyio='"anyio>=0.1",'), encoding="utf-8")
    # Checked against this venv: its anyio is far above 0.1, with no comment saying why.
    status = check_floors.main(["--pyproject", str(pyproject), "--extras"])
    out = capsys.readouterr()
    assert status == 1
    assert "anyio>=0.1" in out.out
    assert "FAIL: resolved above its floor" in out.out
    assert "not tested at their declared floor" in out.err
