"""dlrkit's contract suite: Schemathesis property tests of a provider API against its spec.

``dlrkit contract PROVIDER`` (or ``python -m dlrkit_contract``) runs it; :func:`run` is the same
from Python. Without a base URL the target is the embedded reference server, in-process.
"""

from __future__ import annotations

from dlrkit_contract._runner import RunResult, run
from dlrkit_contract._settings import PROFILES, Settings, SettingsError
from dlrkit_contract._specs import PROVIDERS

__all__ = ["PROFILES", "PROVIDERS", "RunResult", "Settings", "SettingsError", "run"]
