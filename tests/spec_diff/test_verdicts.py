"""The table of spec edits and the verdict each must get, on a copy of specs/infobip.yaml.

Each case edits the spec, regenerates the package into a temporary folder and compares it with
one shared baseline (generated once per module). Optic is left out here (its verdicts are
tested on recorded output and once for real in test_optic.py); these verdicts come from
griffe and our own checks, and each case names which of them must report it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spec_diff_support import real_spec, spec_diff, write_tree

Source: Any = spec_diff.Source  # imported at run time from scripts/, which mypy does not see
Spec = dict[str, Any]


def _baseline() -> Spec:
    """Return the real spec plus one closed response enum and one closed request enum.

    The real specs keep provider fields open on purpose (specs/README.md), so the closed
    cases need a closed enum to edit.
    """
    spec = real_spec()
    report = spec["components"]["schemas"]["SmsReport"]["properties"]
    report["channel"] = {"type": "string", "enum": ["SMS", "MMS"]}
    spec["paths"]["/sms/1/reports"]["get"]["parameters"].append(
        {"name": "priority", "in": "query", "required": False,
         "schema": {"type": "string", "enum": ["LOW", "HIGH"]}}
    )  # fmt: skip
    return spec


def _schemas(spec: Spec) -> Any:
    return spec["components"]["schemas"]


def _params(spec: Spec) -> Any:
    return spec["components"]["parameters"]


def _priority(spec: Spec) -> Any:
    return spec["paths"]["/sms/1/reports"]["get"]["parameters"][-1]["schema"]


@dataclasses.dataclass(frozen=True)
class Case:
    """One spec edit and the verdict it must get."""

    name: str
    edit: Callable[[Spec], None]
    breaking: bool
    # Sources that must report it as breaking, and words the breaking lines must contain.
    sources: frozenset[Any] = frozenset()
    names: tuple[str, ...] = ()


CASES = [
    Case(
        "response property removed",
        lambda s: _schemas(s)["SmsReport"]["properties"].pop("mccMnc"),
        True, frozenset({Source.GRIFFE}), ("mcc_mnc", "mccMnc"),
    ),
    Case(
        "response property optional -> required",
        lambda s: _schemas(s)["SmsReport"]["required"].append("bulkId"),
        True, frozenset({Source.PYTHON_CHECK}), ("bulk_id", "bulkId", "became required"),
    ),
    Case(
        "closed response enum widened",
        lambda s: _schemas(s)["SmsReport"]["properties"]["channel"]["enum"].append("RCS"),
        True, frozenset({Source.SPEC_CHECK}), ("`RCS`", "results[].channel"),
    ),
    Case(
        "closed response enum narrowed",
        lambda s: _schemas(s)["SmsReport"]["properties"]["channel"]["enum"].remove("MMS"),
        True, frozenset({Source.GRIFFE}), ("SmsReportChannel.MMS",),
    ),
    Case(
        "open response enum widened",
        lambda s: _schemas(s)["KnownSmsStatusGroupName"]["enum"].append("CANCELLED"),
        False,
    ),
    Case(
        "open response enum narrowed",
        lambda s: _schemas(s)["KnownSmsStatusGroupName"]["enum"].remove("REJECTED"),
        True, frozenset({Source.GRIFFE}), ("KnownSmsStatusGroupName.REJECTED",),
    ),
    Case(
        "closed request enum widened",
        lambda s: _priority(s)["enum"].append("MEDIUM"),
        False,
    ),
    Case(
        "closed request enum narrowed",
        lambda s: _priority(s)["enum"].remove("HIGH"),
        True, frozenset({Source.GRIFFE}), (".HIGH",),
    ),
    Case(
        "response property type changed",
        lambda s: _schemas(s)["SmsReport"]["properties"]["smsCount"].update(type="string"),
        True, frozenset({Source.PYTHON_CHECK}), ("sms_count", "smsCount", "`int`", "`str`"),
    ),
    Case(
        "request bound tightened",
        lambda s: _params(s)["Limit"]["schema"].update(maximum=500),
        True, frozenset({Source.SPEC_CHECK}), ("limit", "`maximum`", "1000 → 500"),
    ),
    Case(
        "new optional response field",
        lambda s: _schemas(s)["SmsReport"]["properties"].update(networkName={"type": "string"}),
        False,
    ),
    Case(
        "new optional query parameter",
        lambda s: s["paths"]["/sms/1/reports"]["get"]["parameters"].append(
            {"name": "sendAt", "in": "query", "required": False, "schema": {"type": "string"}}
        ),
        False,
    ),
    Case(
        "optional query parameter made required",
        lambda s: _params(s)["BulkId"].update(required=True),
        True, frozenset({Source.GRIFFE}), ("bulk_id", "bulkId", "now required"),
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the baseline spec and its generated package, once for every case."""
    return write_tree(_baseline(), tmp_path_factory.mktemp("base"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_edit_gets_its_verdict(case: Case, baseline: Path, tmp_path: Path) -> None:
    """Each edit is classified as the table says, by the check the table names."""
    spec = _baseline()
    case.edit(spec)
    head = write_tree(spec, tmp_path)
    results = spec_diff.compare(baseline, head, optic=None)
    assert [r.provider for r in results] == ["infobip"]
    report = spec_diff.render("base", results, allow_breaking=False)
    breaking = results[0].breaking
    assert bool(breaking) is case.breaking, report
    assert case.sources <= {f.source for f in breaking}, report
    breaking_text = "\n".join(f.message for f in breaking)
    for word in case.names:
        assert word in breaking_text, report
    assert ("No breaking changes" in report) is not case.breaking
    # Every case regenerated, so none may be told to regenerate.
    assert not any("nox -s generate" in note for note in results[0].notes), report


def test_unchanged_tree_reports_nothing(baseline: Path) -> None:
    """Comparing the baseline with itself finds no changed provider at all."""
    assert spec_diff.compare(baseline, baseline, optic=None) == []


def test_spec_changed_without_regenerating_says_so(baseline: Path, tmp_path: Path) -> None:
    """A spec edit with a stale generated/ is flagged rather than silently passing griffe."""
    spec = _baseline()
    _params(spec)["Limit"]["schema"]["maximum"] = 500
    head = write_tree(spec, tmp_path, regenerate=False)
    (head / "generated").symlink_to(baseline / "generated")
    (result,) = spec_diff.compare(baseline, head, optic=None)
    assert any("nox -s generate" in note for note in result.notes), result.notes
    assert result.breaking  # the spec-level check still sees the tightened bound
