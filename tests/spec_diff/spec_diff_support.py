"""Shared helpers: import the spec_diff tool and build throwaway spec/generated trees."""

from __future__ import annotations

import copy
import importlib
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))
generate = importlib.import_module("generate")
spec_diff = importlib.import_module("spec_diff")
PROVIDER = "infobip"


def real_spec() -> dict[str, Any]:
    """Return a fresh copy of the real Infobip spec, as a dict to edit."""
    data = yaml.safe_load((ROOT / "specs" / f"{PROVIDER}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def write_tree(spec: dict[str, Any], root: Path, *, regenerate: bool = True) -> Path:
    """Write ``spec`` to ``root/specs`` and generate its package into ``root/generated``.

    Runs our own scripts/generate.py (same config, templates and pinned tools as
    ``nox -s generate``) with its ROOT pointed at ``root``, so the real specs are never read.
    """
    (root / "specs").mkdir(parents=True, exist_ok=True)
    (root / "specs" / f"{PROVIDER}.yaml").write_text(
        yaml.safe_dump(spec, sort_keys=False), encoding="utf-8"
    )
    if regenerate:
        pytest.importorskip("openapi_python_client")
        (root / "scripts" / "codegen").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(
            ROOT / "scripts" / "codegen" / f"{PROVIDER}.yaml",
            root / "scripts" / "codegen" / f"{PROVIDER}.yaml",
        )
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(generate, "ROOT", root)
            generate.generate(PROVIDER, root / "generated")
            generate.write_stats([PROVIDER], root / "generated")
    return root
