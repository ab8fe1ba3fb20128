"""The dependency direction in ARCHITECTURE.md, checked on every module's imports."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = {f"dlrkit_{p}_api" for p in ("mailersend", "sentdm", "infobip", "routee")}
# package folder -> top-level packages of ours it must never import
FORBIDDEN = {
    "generated": {"dlrkit", "dlrkit_servers", "dlrkit_contract"},
    "overlays/dlrkit": {"dlrkit_servers", "dlrkit_contract", "dlrkit_cli"},
    "servers/dlrkit_servers": {"dlrkit", "dlrkit_contract", "dlrkit_cli", *GENERATED},
    "contract_tests/dlrkit_contract": {"dlrkit", *GENERATED, "dlrkit_cli"},
    # The app layer behind `dlrkit serve` / `dlrkit contract`: it may import all three (lazily),
    # but never the generated code directly.
    "cli/dlrkit_cli": set(GENERATED),
}
# No exceptions: the CLI moved out of the library package into cli/dlrkit_cli.
ALLOWED: set[str] = set()


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
