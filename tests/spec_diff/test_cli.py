"""The command line end to end on a throwaway git repository: base ref, exit codes, report."""

from __future__ import annotations

import importlib
import subprocess
from pathlib import Path

import pytest
from spec_diff_support import real_spec, spec_diff, write_tree

_cli = importlib.import_module("spec_diff._cli")


def _git(repo: Path, *args: str) -> None:
    # A fixed git command line on a temporary repository.
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)  # noqa: S603, S607


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a git repository whose HEAD holds the real spec and its generated package."""
    root = write_tree(real_spec(), tmp_path_factory.mktemp("repo"))
    _git(root, "init", "-q")
    _git(root, "add", "specs", "generated")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "base")
    return root


@pytest.fixture
def no_optic(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace Optic with a runner that records the providers it was asked about."""
    asked: list[str] = []

    def runner(_cache: Path, _work: Path) -> object:
        def optic(provider: str, *_args: object) -> list[object]:
            asked.append(provider)
            return []

        return optic

    monkeypatch.setattr(_cli, "optic_runner", runner)
    return asked


def test_unchanged_tree_exits_0(
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_optic: list[str],
) -> None:
    """No change against HEAD: exit 0, "no breaking changes", Optic not even started."""
    monkeypatch.setattr(_cli, "ROOT", repo)
    assert spec_diff.main([]) == 0
    assert "no breaking changes" in capsys.readouterr().out
    assert no_optic == []
    assert "no breaking changes" in (repo / "reports" / "spec-diff.md").read_text()


def test_removed_property_exits_1_and_allow_breaking_exits_0(
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_optic: list[str],
) -> None:
    """A removed response property fails the run; --allow-breaking reports it and passes."""
    spec = real_spec()
    del spec["components"]["schemas"]["SmsReport"]["properties"]["mccMnc"]
    write_tree(spec, repo)
    monkeypatch.setattr(_cli, "ROOT", repo)
    try:
        assert spec_diff.main(["--base", "HEAD"]) == 1
        out = capsys.readouterr().out
        assert "`dlrkit_infobip_api.models.SmsReport.mcc_mnc` (JSON `mccMnc`) was removed" in out
        assert no_optic == ["infobip"]
        assert spec_diff.main(["--allow-breaking"]) == 0
        assert "Accepted with `--allow-breaking`" in capsys.readouterr().out
        assert "mcc_mnc" in (repo / "reports" / "spec-diff.md").read_text()
    finally:
        _git(repo, "checkout", "-q", "--", "specs", "generated")


def test_unknown_base_ref_exits_2_naming_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A base that is not a commit is a clear error naming it, not a traceback."""
    monkeypatch.setattr(_cli, "ROOT", repo)
    assert spec_diff.main(["--base", "no-such-ref"]) == 2
    assert "'no-such-ref' is not a commit" in capsys.readouterr().err


def test_unparsable_spec_exits_2_naming_the_file(
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_optic: list[str],
) -> None:
    """A spec that is not YAML is a clear error naming the file, not a traceback."""
    spec = repo / "specs" / "infobip.yaml"
    spec.write_text("openapi: 3.1.0\npaths: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(_cli, "ROOT", repo)
    try:
        assert spec_diff.main([]) == 2
        assert "infobip.yaml: not valid YAML" in capsys.readouterr().err
    finally:
        _git(repo, "checkout", "-q", "--", "specs")
