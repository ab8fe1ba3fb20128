"""Regenerate the typed clients in ``generated/`` from ``specs/``.

Usage: ``python scripts/generate.py [--provider P ...] [--out DIR]``

Each provider's client is rebuilt by openapi-python-client with its checked-in config in
``scripts/codegen/`` and the template overrides in ``scripts/codegen/templates/`` (each
replaces the built-in template of the same relative name; they speed up ``from_dict``).
``STATS.json`` beside the packages records what produced them (spec, config and template
hashes, tool versions), as openai-python's ``.stats.yml`` does, so a reader can tell stale
output from fresh without running anything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ("mailersend", "sentdm", "infobip", "routee")
TEMPLATES = ROOT / "scripts" / "codegen" / "templates"


def package_name(provider: str) -> str:
    """Return the import name of a provider's generated package."""
    return f"dlrkit_{provider}_api"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _templates_sha256() -> str:
    """Hash every template override, with its relative name, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in TEMPLATES.rglob("*.jinja") if p.is_file()):
        digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def generate(provider: str, out: Path, *, templates: Path | None = TEMPLATES) -> None:
    """Generate one provider's package into ``out``; raise on any generator warning.

    ``templates=None`` uses the generator's stock templates only: the tests parse every
    fixture with both outputs and compare (tests/generation/test_stock_templates.py).
    """
    spec = ROOT / "specs" / f"{provider}.yaml"
    config = ROOT / "scripts" / "codegen" / f"{provider}.yaml"
    target = out / package_name(provider)
    env = dict(os.environ)
    # The post-hooks call `ruff`; put this interpreter's (pinned) ruff first on PATH.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    cmd = [
        sys.executable, "-m", "openapi_python_client", "generate",
        "--path", str(spec), "--config", str(config), "--output-path", str(target),
        "--meta", "none", "--fail-on-warning", "--overwrite",
    ]  # fmt: skip
    if templates is not None:
        cmd += ["--custom-template-path", str(templates)]
    # Our own interpreter and a fixed argument list: nothing here comes from outside.
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"generation failed for {provider} (exit {result.returncode})")
    # `--meta none` writes no PEP 561 marker; without it mypy ignores the package's types.
    (target / "py.typed").write_text("# PEP 561: this package ships inline types.\n")


def write_stats(providers: list[str], out: Path) -> None:
    """Record the inputs and tool versions behind each generated package."""
    stats_path = out / "STATS.json"
    stats = json.loads(stats_path.read_text()) if stats_path.exists() else {}
    for provider in providers:
        stats[package_name(provider)] = {
            "spec": f"specs/{provider}.yaml",
            "spec_sha256": _sha256(ROOT / "specs" / f"{provider}.yaml"),
            "config_sha256": _sha256(ROOT / "scripts" / "codegen" / f"{provider}.yaml"),
            "templates_sha256": _templates_sha256(),
            "openapi-python-client": version("openapi-python-client"),
            "ruff": version("ruff"),
        }
    stats_path.write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and regenerate the chosen providers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provider", action="append", choices=PROVIDERS)
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    args = parser.parse_args(argv)
    providers = args.provider or list(PROVIDERS)
    args.out.mkdir(parents=True, exist_ok=True)
    for provider in providers:
        generate(provider, args.out)
        print(f"generated {package_name(provider)} from specs/{provider}.yaml")
    write_stats(providers, args.out)


if __name__ == "__main__":
    main()
