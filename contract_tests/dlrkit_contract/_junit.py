"""The JUnit XML report: written from the run's own records, so it says what the console says.

One ``<testsuite>`` per provider, with the seed, profile, target, replay line and verdict as
properties. Each finished test is a ``<testcase>``; a failed test is replaced by one testcase
per distinct failure it found (message, curl line and replay line in the failure text), so the
suite's ``failures`` equals the console's failure count. A provider cut off by Ctrl-C gets an
``interrupted`` testcase with an ``<error>``, and ``interrupted=true`` as a property.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from dlrkit_contract._results import FailureRecord, ProviderResult

if TYPE_CHECKING:
    from dlrkit_contract._runner import RunResult

__all__ = ["write_junit"]


def _failure_text(failure: FailureRecord, replay: str) -> str:
    lines = [failure.message.strip()]
    if failure.test:
        lines.append(f"test:      {failure.test} (after {failure.case_number} cases)")
    if failure.curl:
        lines.append(f"reproduce: {failure.curl}")
    lines.append(f"replay:    {replay}")
    return "\n".join(line for line in lines if line)


def _suite(run: RunResult, result: ProviderResult) -> ET.Element:
    from dlrkit_contract._report import replay_command, verdict

    settings = run.settings
    replay = replay_command(settings, result.provider)
    interrupted = not result.finished
    element = ET.Element("testsuite", name=result.provider)
    properties = ET.SubElement(element, "properties")
    for name, value in [
        ("seed", str(settings.seed)),
        ("profile", settings.profile),
        ("max_examples", str(settings.max_examples)),
        ("target", result.target),
        ("replay", replay),
        ("interrupted", "true" if interrupted else "false"),
        ("verdict", verdict(run, result)),
        ("gaps", "; ".join(result.gaps()) or "none"),
        *((f"note{i}", note) for i, note in enumerate(result.notes, 1)),
    ]:
        ET.SubElement(properties, "property", name=name, value=value)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    failures = result.failures
    for record in result.tests.values():
        if record.outcome == "failed" and (
            any(f.test == record.nodeid for f in failures) or record.nodeid in result.test_errors
        ):
            continue  # shown as its failures below
        case = ET.SubElement(
            element,
            "testcase",
            classname=result.provider,
            name=record.nodeid.split("::", 1)[-1],
            time=f"{record.seconds:.3f}",
        )
        counts["tests"] += 1
        if record.outcome == "skipped":
            ET.SubElement(case, "skipped", message=record.reason or "skipped")
            counts["skipped"] += 1
    for failure in failures:
        case = ET.SubElement(
            element,
            "testcase",
            classname=result.provider,
            name=f"{failure.operation}: {failure.title} ({failure.check})",
        )
        node = ET.SubElement(case, "failure", message=failure.title, type=failure.check)
        node.text = _failure_text(failure, replay)
        counts["tests"] += 1
        counts["failures"] += 1
    for test, summary in result.test_errors.items():
        case = ET.SubElement(
            element, "testcase", classname=result.provider, name=test.split("::", 1)[-1]
        )
        node = ET.SubElement(case, "failure", message=summary, type="test_error")
        node.text = f"{summary}\nreplay:    {replay}"
        counts["tests"] += 1
        counts["failures"] += 1
    if interrupted:
        case = ET.SubElement(element, "testcase", classname=result.provider, name="interrupted")
        ET.SubElement(
            case,
            "error",
            message=f"run interrupted after {len(result.tests)} of "
            f"{result.collected or '?'} tests: no verdict",
            type="interrupted",
        )
        counts["tests"] += 1
        counts["errors"] += 1
    for key, count in counts.items():
        element.set(key, str(count))
    return element


def write_junit(run: RunResult, path: Path) -> None:
    """Write ``run`` as JUnit XML to ``path`` (creating its folder)."""
    root = ET.Element("testsuites", name="dlrkit contract")
    properties = ET.SubElement(root, "properties")
    ET.SubElement(properties, "property", name="seed", value=str(run.settings.seed))
    ET.SubElement(
        properties, "property", name="interrupted", value="true" if run.interrupted else "false"
    )
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in run.providers.values():
        suite = _suite(run, result)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", f"{run.seconds:.3f}")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
