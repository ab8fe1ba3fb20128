"""The receiver suite has teeth: each broken receiver is caught, dlrkit's receiver passes.

The correct receiver is `dlrkit.callbacks.receiver` (the suite itself may not import
`dlrkit`, so it gets a factory); every receiver, correct or broken, is served by uvicorn on
127.0.0.1 and tested by URL, for all four providers.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from dlrkit import callbacks
from dlrkit_cli import main as dlrkit_main
from dlrkit_contract import PROVIDERS, Settings
from dlrkit_contract.broken_receivers import RECEIVER_VARIANTS
from dlrkit_contract.receiver_selftest import run_receiver_selftest
from dlrkit_contract.selftest import render_detection


def _receiver(provider: str, secret: str | None) -> callbacks.CallbackReceiver:
    return callbacks.receiver(provider, lambda events: None, secret=secret)


def test_every_broken_receiver_is_caught_and_dlrkits_receiver_passes(
    detection_report: list[str],
) -> None:
    """Zero failures for the correct receivers; each variant caught by a check meant for it."""
    settings = Settings.resolve(seed=0, profile="ci", max_examples=4, environ={})
    table = run_receiver_selftest(_receiver, settings, stream=io.StringIO())
    text = render_detection(table)
    detection_report.append(text)
    assert table.correct_failures == dict.fromkeys(PROVIDERS, 0), text
    expected_rows = [(p, v.name) for p in PROVIDERS for v in RECEIVER_VARIANTS]
    assert [(row.provider, row.variant) for row in table.rows] == expected_rows
    missed = [(row.provider, row.variant) for row in table.rows if not row.as_expected]
    assert not missed, text
    assert table.ok
    # Each signature rule of the signing providers catches a receiver that checks nothing.
    caught = {(r.provider, r.variant): set(r.caught_by) for r in table.rows}
    assert {
        "rejects_forged",
        "rejects_tampered",
        "rejects_wrong_secret",
        "rejects_unsigned",
        "rejects_test_secret",
    } <= caught["mailersend", "accepts_everything"]
    assert "rejects_stale" in caught["sentdm", "accepts_everything"]


def test_the_cli_layer_runs_the_receiver_self_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dlrkit contract infobip --receiver-self-test` exits 0 and writes the JSON table."""
    report = tmp_path / "receiver-selftest.json"
    argv = ["contract", "infobip", "--receiver-self-test", "--max-examples", "2"]
    assert dlrkit_main([*argv, "--report", str(report)]) == 0
    assert "every variant caught" in capsys.readouterr().out
    data = json.loads(report.read_text())
    assert data["ok"] is True
    assert data["correct_receivers"] == {"infobip": {"failures": 0}}
    assert [row["variant"] for row in data["variants"]] == [v.name for v in RECEIVER_VARIANTS]


def test_the_cli_self_test_refuses_an_unknown_provider(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown provider is a usage error (exit 2) naming the argument."""
    assert dlrkit_main(["contract", "twilio", "--receiver-self-test"]) == 2
    assert "PROVIDER" in capsys.readouterr().err
