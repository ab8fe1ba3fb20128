"""Where the specs are: inside the installed wheel, or in the repository checkout.

The wheel force-includes ``specs/`` as ``dlrkit_contract/specs``; a checkout (PYTHONPATH
runs, editable installs) has them at ``<repo>/specs``.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["PROVIDERS", "load_spec", "spec_path"]

#: Providers with a spec, in the order `dlrkit contract all` tests them.
PROVIDERS: tuple[str, ...] = ("mailersend", "sentdm", "infobip", "routee")

_REPO_SPECS = Path(__file__).resolve().parents[2] / "specs"


def spec_path(provider: str) -> Path:
    """Return the path of ``provider``'s spec; ``ValueError`` for an unknown provider."""
    if provider not in PROVIDERS:
        raise ValueError(f"unknown provider {provider!r}; choose one of {', '.join(PROVIDERS)}")
    packaged = resources.files("dlrkit_contract") / "specs" / f"{provider}.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    candidate = _REPO_SPECS / f"{provider}.yaml"
    if candidate.is_file():
        return candidate
    raise FileNotFoundError(
        f"spec of {provider!r} not found in the dlrkit_contract package nor at {candidate}"
    )


@functools.cache
def load_spec(provider: str) -> dict[str, Any]:
    """Return the parsed spec of ``provider`` (cached; treat it as read-only)."""
    with spec_path(provider).open(encoding="utf-8") as fh:
        spec: dict[str, Any] = yaml.safe_load(fh)
    return spec
