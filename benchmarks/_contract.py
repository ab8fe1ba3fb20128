"""Benchmark 5: contract-suite cases per second in-process against over loopback.

The same suite, seed and sizes run twice per provider: against the embedded reference
server (ASGI, no sockets) and against ``dlrkit serve`` on a loopback port.
"""

from __future__ import annotations

import contextlib
import io
from typing import TYPE_CHECKING

from _common import BenchResult, Mode, Table, fmt_ratio, ratio
from _servers import APP_ID, APP_SECRET, PROVIDERS, TOKEN, served

if TYPE_CHECKING:
    from dlrkit_contract import Settings

__all__ = ["run"]

_SEED = 20_251_122


def _settings(mode: Mode) -> Settings:
    from dlrkit_contract import Settings

    # environ={} keeps a CI's DLRKIT_* variables from changing what is measured.
    settings = Settings.resolve(profile="ci" if mode.smoke else "default", seed=_SEED, environ={})
    if mode.smoke:
        settings = settings.with_(max_examples=1, stateful_examples=1, stateful_steps=2)
    return settings


def _cases_per_second(provider: str, settings: Settings) -> tuple[int, float, bool]:
    from dlrkit_contract import run

    # The suite prints its own progress and pytest's; the benchmark table is enough.
    with contextlib.redirect_stdout(io.StringIO()):
        result = run([provider], settings, quiet=True)
    found = result.providers.get(provider)
    cases = found.cases if found is not None else 0
    return cases, result.seconds, result.ok


def run(mode: Mode) -> BenchResult:
    """Run the suite both ways for every provider and compare cases per second."""
    result = BenchResult("contract")
    base = _settings(mode)
    table = Table(
        f"5. Contract-suite throughput, profile {base.profile} (cases per second)",
        [
            "provider",
            "in-process cases",
            "in-process cases/s",
            "loopback cases",
            "loopback cases/s",
            "loopback / in-process",
            "conforms",
        ],
    )
    # Smoke: the two quickest suites; MailerSend and Routee run hundreds of cases even then.
    providers = ("sentdm", "infobip") if mode.smoke else PROVIDERS
    for provider in providers:
        inside = _cases_per_second(provider, base)
        with served(provider) as server:
            if provider == "routee":
                remote = base.with_(base_url=server.base_url, app_id=APP_ID, app_secret=APP_SECRET)
            else:
                remote = base.with_(base_url=server.base_url, token=TOKEN)
            outside = _cases_per_second(provider, remote)
        rates = [ratio(cases, seconds) for cases, seconds, _ in (inside, outside)]
        ok = "yes" if inside[2] and outside[2] else f"in-process {inside[2]}, loopback {outside[2]}"
        table.add(
            provider,
            inside[0],
            rates[0],
            outside[0],
            rates[1],
            fmt_ratio(ratio(rates[1], rates[0])),
            ok,
        )
        result.data[provider] = {
            "in_process": {"cases": inside[0], "seconds": inside[1], "ok": inside[2]},
            "loopback": {"cases": outside[0], "seconds": outside[1], "ok": outside[2]},
        }
    table.notes.append(
        f"same seed ({_SEED}) both ways; case counts can differ where the suite's stateful "
        "runs depend on server responses; a failing case still counts"
    )
    result.tables.append(table)
    return result
