"""The contract suite has teeth: it catches every broken server and passes the correct ones.

Both versions use the ``ci`` example counts: detection does not need big runs. CI
(``DLRKIT_CONTRACT_PROFILE=ci``, set by ``.ci/run``) runs the short version, where each broken
variant stops at its first failure; elsewhere every variant gets a full run, so the table also
lists every other check that caught it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from dlrkit_contract import PROVIDERS, Settings
from dlrkit_contract.broken import VARIANTS
from dlrkit_contract.selftest import render_detection, run_selftest

REPORT = Path(__file__).resolve().parents[2] / "reports" / "selftest.json"


def test_every_broken_variant_is_caught_and_correct_servers_pass(
    detection_report: list[str],
) -> None:
    """Each variant is caught by a check meant for it; the correct servers have no failures."""
    short = os.environ.get("DLRKIT_CONTRACT_PROFILE") == "ci"
    settings = Settings.resolve(seed=0, profile="ci", environ={})
    table = run_selftest(settings, fail_fast=short, stream=io.StringIO())
    table.write_json(REPORT)
    text = render_detection(table)
    detection_report.append(text)
    assert table.correct_failures == dict.fromkeys(PROVIDERS, 0), text
    assert [row.variant for row in table.rows] == [v.name for v in VARIANTS]
    missed = [row.variant for row in table.rows if not row.as_expected]
    assert not missed, text
