"""dlrkit's task menu: `nox -l` lists the sessions, `nox` runs the full test run."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["contract", "lint_specs", "check_generated", "lint", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON = "3.11"
SPECS = ["specs/mailersend.yaml", "specs/sentdm.yaml", "specs/infobip.yaml", "specs/routee.yaml"]
GENERATED = [
    "dlrkit_mailersend_api",
    "dlrkit_sentdm_api",
    "dlrkit_infobip_api",
    "dlrkit_routee_api",
]
HAND_WRITTEN = [
    "overlays",
    "servers",
    "contract_tests",
    "scripts",
    "tests",
    "benchmarks",
    "noxfile.py",
]


def _groups(*names: str) -> list[str]:
    return [req for name in names for req in nox.project.dependency_groups(PYPROJECT, name)]


def _install(session: nox.Session, *requirements: str, project: str = ".[contract]") -> None:
    """Install ``requirements`` and this checkout (with extras), rebuilt from the tree now.

    Reused environments keep an older build of the same version unless forced, which would
    test stale code.
    """
    session.install(*requirements, project)
    session.install("--no-deps", "--force-reinstall", ".")


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Run the contract suite against all four embedded reference servers."""
    _install(session)
    session.run("dlrkit", "contract", "all", *session.posargs)


@nox.session(python=PYTHON)
def lint_specs(session: nox.Session) -> None:
    """Validate every spec as OpenAPI 3.1 with openapi-spec-validator."""
    session.install(*_groups("test"))
    session.run("openapi-spec-validator", "--schema", "3.1.0", *SPECS)


@nox.session(python=PYTHON, default=False)
def generate(session: nox.Session) -> None:
    """Regenerate the typed clients in generated/ from specs/ (rewrites files)."""
    session.install(*_groups("generate"))
    session.run("python", "scripts/generate.py", *session.posargs)


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail if generated/ drifted from specs/, and type-check it with mypy --strict."""
    _install(session, *_groups("generate", "lint"), project=".")
    session.run("python", "scripts/check_generated.py")
    session.run("mypy", "--strict", *(f"generated/{pkg}" for pkg in GENERATED))


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Run ruff and mypy --strict on the hand-written code."""
    _install(session, *_groups("lint", "test"))
    # --no-cache: a stale cache once hid import-order errors that a clean clone reported.
    session.run("ruff", "check", "--no-cache", *HAND_WRITTEN)
    session.run("ruff", "format", "--no-cache", "--check", *HAND_WRITTEN)
    # -p with MYPYPATH checks the source trees, not the copy installed in the session.
    env = {"MYPYPATH": "overlays:servers:contract_tests:generated"}
    session.run("mypy", "-p", "dlrkit", "-p", "dlrkit_servers", "-p", "dlrkit_contract", env=env)
    session.run("mypy", "scripts", "noxfile.py")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run every unit, property, spec-example, server and self-test with pytest."""
    # "generate" too: one test regenerates twice and compares the trees byte for byte.
    _install(session, *_groups("test", "generate"))
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmarks side by side with their baselines and write reports/bench.json."""
    _install(session, *_groups("bench"))
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(python=PYTHON, default=False)
def spec_diff(session: nox.Session) -> None:
    """Report breaking changes in specs/ and generated/ against a git ref (-- --base REF)."""
    session.install(*_groups("spec_diff"))
    # Optic's npm install is cached in .nox/.cache/spec-diff, so only the first run pays for it.
    env = {"PYTHONPATH": "scripts", "SPEC_DIFF_CACHE": str(session.cache_dir / "spec-diff")}
    session.run("python", "-m", "spec_diff", *session.posargs, env=env)
