"""The receiver suite has teeth: each broken receiver is caught, dlrkit's receiver passes.

The correct receiver is `dlrkit.callbacks.receiver` (the suite itself may not import
`dlrkit`, so it gets a factory); every receiver, correct or broken, is served by uvicorn on
127.0.0.1 and tested by URL, for all four providers.
"""

from __future__ import annotations

import io

from dlrkit import callbacks
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
