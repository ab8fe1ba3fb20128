"""``python -m spec_diff [--base REF] [--allow-breaking]``: the breaking-change report."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import check_generated
import generate
import yaml

from . import _base, _optic, _python_api, _spec_checks
from ._findings import Finding, ProviderResult, Source, render
from ._names import Names

ROOT = generate.ROOT
EXIT_TOOL_ERROR = 2

OpticRunner = Callable[[str, Path, Path, Names], list[Finding]]


def _load_spec(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not an OpenAPI document (top level is {type(data).__name__})")
    return data


def _changed(old: Path, new: Path) -> bool:
    if old.is_file() and new.is_file():
        return old.read_bytes() != new.read_bytes()
    if old.is_dir() and new.is_dir():
        return bool(check_generated.drift(old, new))
    return old.exists() != new.exists()


def _stale(root: Path, provider: str) -> bool:
    """Whether ``generated/STATS.json`` under ``root`` records a different spec hash."""
    stats_path = root / "generated" / "STATS.json"
    spec = root / "specs" / f"{provider}.yaml"
    if not stats_path.is_file():
        return True
    entry = json.loads(stats_path.read_text(encoding="utf-8")).get(generate.package_name(provider))
    digest = hashlib.sha256(spec.read_bytes()).hexdigest()
    return not isinstance(entry, dict) or entry.get("spec_sha256") != digest


def compare_provider(
    provider: str, base: Path, head: Path, optic: OpticRunner | None
) -> ProviderResult | None:
    """Compare one provider's spec and generated package under ``base`` and ``head``.

    Returns None when neither changed. ``optic`` runs the spec-level diff (None skips it, and
    the result says so).
    """
    spec_path = Path("specs") / f"{provider}.yaml"
    pkg_path = Path("generated") / generate.package_name(provider)
    old_spec, new_spec = base / spec_path, head / spec_path
    old_pkg, new_pkg = base / pkg_path, head / pkg_path
    spec_changed, pkg_changed = _changed(old_spec, new_spec), _changed(old_pkg, new_pkg)
    if not spec_changed and not pkg_changed:
        return None
    if not new_spec.is_file():
        gone = Finding(provider, Source.SPEC_CHECK, True, f"`{spec_path}` was removed.")
        return ProviderResult(provider, (gone,))
    if not old_spec.is_file():
        new = Finding(provider, Source.SPEC_CHECK, False, f"`{spec_path}` is new.")
        return ProviderResult(provider, (new,))
    names = Names(old_pkg, new_pkg)
    findings: list[Finding] = []
    notes: list[str] = []
    if spec_changed:
        if optic is None:
            notes.append("Optic not run (skipped by the caller): spec-level changes unchecked.")
        else:
            findings += optic(provider, old_spec, new_spec, names)
        findings += _spec_checks.check(provider, _load_spec(old_spec), _load_spec(new_spec), names)
    if _stale(head, provider):
        notes.append(
            f"`{pkg_path}` was not regenerated from this spec (STATS.json records another "
            "spec hash): run `nox -s generate`; the Python API below is that of the stale tree."
        )
    if pkg_changed and old_pkg.is_dir() and new_pkg.is_dir():
        package = generate.package_name(provider)
        old_mod = _python_api.load(package, old_pkg.parent)
        new_mod = _python_api.load(package, new_pkg.parent)
        findings += _python_api.griffe_findings(provider, old_mod, new_mod, names)
        findings += _python_api.own_findings(provider, old_mod, new_mod, names)
    return ProviderResult(provider, tuple(findings), tuple(notes))


def compare(base: Path, head: Path, optic: OpticRunner | None) -> list[ProviderResult]:
    """Compare every provider found in either tree's ``specs/``."""
    providers = sorted({p.stem for root in (base, head) for p in (root / "specs").glob("*.yaml")})
    results = [compare_provider(p, base, head, optic) for p in providers]
    return [r for r in results if r is not None]


def optic_runner(cache_dir: Path, work: Path) -> OpticRunner:
    """Return an ``OpticRunner`` that installs Optic on first use and diffs copies of the specs."""
    entry: list[Path] = []

    def run(provider: str, old: Path, new: Path, names: Names) -> list[Finding]:
        if not entry:
            entry.append(_optic.install(cache_dir))
        folder = work / f"optic-{provider}"
        folder.mkdir(parents=True, exist_ok=True)
        old_copy, new_copy = folder / f"base-{provider}.yaml", folder / f"{provider}.yaml"
        shutil.copyfile(old, old_copy)
        shutil.copyfile(new, new_copy)
        return _optic.check(entry[0], provider, old_copy, new_copy, names)

    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison, print and write the report; 1 when anything is breaking."""
    parser = argparse.ArgumentParser(
        prog="spec_diff",
        description="Report breaking changes in specs/ and generated/ against a git ref.",
    )
    parser.add_argument("--base", default="HEAD", help="git ref to compare with (default HEAD)")
    parser.add_argument(
        "--allow-breaking", action="store_true", help="report breaking changes but exit 0"
    )
    parser.add_argument("--report", type=Path, default=ROOT / "reports" / "spec-diff.md")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=Path(os.environ.get("SPEC_DIFF_CACHE", ROOT / ".nox" / ".cache" / "spec-diff")),
        help="where Optic is installed (default $SPEC_DIFF_CACHE, else .nox/.cache/spec-diff)",
    )
    args = parser.parse_args(argv)
    try:
        commit = _base.resolve(ROOT, args.base)
        with tempfile.TemporaryDirectory(prefix="dlrkit-spec-diff-") as tmp:
            base = Path(tmp) / "base"
            _base.extract(ROOT, commit, base)
            runner = optic_runner(args.cache_dir.resolve(), Path(tmp))
            results = compare(base, ROOT, runner)
    except (_base.BaseRefError, _optic.OpticError, ValueError, OSError) as exc:
        # ValueError: a spec that does not parse (named with its line); OSError: unreadable file.
        print(f"spec_diff: {exc}", file=sys.stderr)
        return EXIT_TOOL_ERROR
    label = args.base if args.base == commit else f"{args.base} ({commit[:12]})"
    report = render(label, results, allow_breaking=args.allow_breaking)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    print(report)
    breaking = any(r.breaking for r in results)
    verdict = "breaking changes found" if breaking else "no breaking changes"
    print(f"spec_diff: {verdict}; report written to {args.report}")
    return 1 if breaking and not args.allow_breaking else 0
