"""Ctrl-C stops a run cleanly (issue 9, finding 3): exit 130, no verdict, JUnit says so.

A real SIGINT to a real `dlrkit contract all` child, with deadlines on every wait.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from contract.serving import LAUNCHER, ROOT, child_env, read_line

RUN_TIMEOUT = 120.0


def test_sigint_exits_130_without_a_verdict(tmp_path: Path) -> None:
    """Interrupted after its first test: exit 130, 'interrupted', no provider verdict."""
    junit = tmp_path / "contract.xml"
    command = [sys.executable, "-c", LAUNCHER, "contract", "all", "--profile", "ci"]
    command += ["--seed", "0", "--junit-xml", str(junit)]
    process = subprocess.Popen(  # noqa: S603 -- fixed command built by the test
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), cwd=ROOT
    )
    try:
        lines = [read_line(process, RUN_TIMEOUT)]
        while "[" not in lines[-1]:  # the first progress line: one test has finished
            lines.append(read_line(process, RUN_TIMEOUT))
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=RUN_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=RUN_TIMEOUT)
    text = "".join(lines) + out.decode()
    assert process.returncode == 130, text + err.decode()
    assert "interrupted" in text
    assert "conforms" not in text
    assert "CONFORM" not in text
    assert "Traceback" not in err.decode()
    root = ET.parse(junit).getroot()  # noqa: S314 -- a file this test's child just wrote
    properties = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert properties.get("interrupted") == "true"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"mailersend", "sentdm", "infobip", "routee"}
    assert all(int(s.get("errors", "0")) >= 1 for s in suites.values())
