"""The dependency direction in ARCHITECTURE.md, checked on every module's imports."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = {f"dlrkit_{p}_api" for p in ("mailersend", "sentdm", "infobip", "routee")}
# package folder -> top-level packages of ours it must never import
FORBIDDEN = {
    "generated": {"dlrkit", "dlrkit_servers", "dlrkit_contract"},
    "overlays/dlrkit": {"dlrkit_servers", "dlrkit_contract"},
    "servers/dlrkit_servers": {"dlrkit", "dlrkit_contract", *GENERATED},
    "contract_tests/dlrkit_contract": {"dlrkit", *GENERATED},
}
# The CLI is the app layer behind `dlrkit serve` / `dlrkit contract`; it imports lazily.
ALLOWED = {"overlays/dlrkit/_cli.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_layers_import_only_leftwards(folder: str) -> None:
    """No module imports a layer that ARCHITECTURE.md says it must not."""
    modules = [p for p in (ROOT / folder).rglob("*.py") if ".nox" not in p.parts]
    assert modules
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[folder])
        for path in modules
        if str(path.relative_to(ROOT)) not in ALLOWED
    }
    assert {path: names for path, names in offenders.items() if names} == {}
