"""The receiver self-test: `--receiver` must pass a correct receiver and catch each broken one.

The suite cannot import `dlrkit`, so the correct receiver comes from the caller as a
factory, ``make_receiver(provider, secret) -> ASGI app`` (the tests and the CLI layer pass
`dlrkit.callbacks.receiver`). Every app, correct or wrapped in a variant of
:data:`dlrkit_contract.broken_receivers.RECEIVER_VARIANTS`, is served on a real 127.0.0.1
port and tested by URL, as a user's receiver would be.
"""

from __future__ import annotations

import base64
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from dlrkit_contract._receiver import run_receiver
from dlrkit_contract._runner import RunResult
from dlrkit_contract._serving import served
from dlrkit_contract._settings import Settings
from dlrkit_contract._signing import SIGNED
from dlrkit_contract._specs import PROVIDERS
from dlrkit_contract.broken_receivers import RECEIVER_VARIANTS, ReceiverVariant
from dlrkit_contract.selftest import DetectionTable, detection_of

__all__ = ["SELFTEST_SECRETS", "ReceiverFactory", "run_receiver_selftest"]

#: ``make_receiver(provider, secret)``: a correct receiver app for ``provider``.
ReceiverFactory = Callable[[str, str | None], Any]

#: The self-test's own throwaway signing secrets (the receivers are built with them).
SELFTEST_SECRETS: dict[str, str | None] = {
    "mailersend": "dlrkit-selftest-mailersend-secret",
    "sentdm": "whsec_" + base64.b64encode(b"dlrkit-selftest-sentdm-key").decode(),
    "infobip": None,
    "routee": None,
}

_PATH = "/callbacks"


def _run(app: Any, provider: str, settings: Settings) -> RunResult:
    with served(app) as origin:
        target = settings.with_(
            receiver_url=origin + _PATH, receiver_secret=SELFTEST_SECRETS[provider], junit_xml=None
        )
        return run_receiver(provider, target, quiet=True)


def run_receiver_selftest(
    make_receiver: ReceiverFactory,
    settings: Settings,
    *,
    providers: Sequence[str] = PROVIDERS,
    variants: Sequence[ReceiverVariant] = RECEIVER_VARIANTS,
    stream: TextIO | None = None,
) -> DetectionTable:
    """Run the correct receiver of each provider, then every variant around it; return the table."""
    out = stream or sys.stdout
    table = DetectionTable(
        settings.seed, settings.profile, settings.max_examples, False, subject="receivers"
    )
    for provider in providers:
        secret = SELFTEST_SECRETS[provider] if provider in SIGNED else None
        correct = _run(make_receiver(provider, secret), provider, settings)
        found = correct.providers[provider]
        table.correct_failures[provider] = len(found.failures) + len(found.test_errors)
        out.write(
            f"receiver self-test: correct {provider} receiver: "
            f"{table.correct_failures[provider]} failures ({correct.seconds:.1f}s)\n"
        )
        for variant in variants:
            if provider not in variant.providers:
                continue
            started = time.perf_counter()
            broken = variant.wrap(provider, make_receiver(provider, secret))
            result = _run(broken, provider, settings)
            row = detection_of(
                variant.name,
                variant.breaks,
                variant.expected,
                result.providers[provider],
                time.perf_counter() - started,
            )
            table.rows.append(row)
            verdict = ", ".join(row.caught_by) or "NOT DETECTED"
            out.write(f"receiver self-test: {row.variant} ({provider}): {verdict}\n")
            out.flush()
    return table
