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
    """Run ruff and mypy --strict on the hand-written code, tests included."""
    _install(session, *_groups("lint", "test"))
    # --no-cache: a stale cache once hid import-order errors that a clean clone reported.
    session.run("ruff", "check", "--no-cache", *HAND_WRITTEN)
    session.run("ruff", "format", "--no-cache", "--check", *HAND_WRITTEN)
    # -p with MYPYPATH checks the source trees, not the copy installed in the session.
    env = {"MYPYPATH": "overlays:servers:contract_tests:generated"}
    session.run("mypy", "-p", "dlrkit", "-p", "dlrkit_servers", "-p", "dlrkit_contract", env=env)
    session.run("mypy", "scripts", "noxfile.py")
    # The tests too (strict): tests/ is their import root (pytest's pythonpath), and they
    # import benchmarks/ modules; a wrong call in a test is as wrong as one in the code.
    tests_env = {"MYPYPATH": "overlays:servers:contract_tests:generated:tests:benchmarks"}
    session.run("mypy", "tests", env=tests_env)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run every unit, property, spec-example, server and self-test with pytest.

    Under coverage.py: the whole run fails below 95 % branch coverage of dlrkit,
    dlrkit_servers and dlrkit_contract (`[tool.coverage]` in pyproject.toml). With pytest
    arguments (a subset of the tests) the figures are printed but not gated.
    """
    # "generate" too: one test regenerates twice and compares the trees byte for byte.
    _install(session, *_groups("test", "generate"))
    session.run("coverage", "erase")
    session.run("coverage", "run", "-m", "pytest", *session.posargs)
    if session.posargs:
        session.run("coverage", "report", "--fail-under=0")
    else:
        session.run("coverage", "report")  # fail_under from pyproject.toml


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmarks side by side with their baselines and write reports/bench.json."""
    _install(session, *_groups("bench"))
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(python=PYTHON, default=False)
def sdk_checks(session: nox.Session) -> None:
    """Run vendor SDKs against `dlrkit serve` over HTTP, each in its own venv (tests/sdk).

    Infobip's official client 6.0.0 pages /sms/3/logs with its cursor and drains
    /sms/3/reports; it is installed into .nox/sdk-infobip-client, never into this session.
    """
    _install(session, *_groups("test"))
    session.run("pytest", "tests/sdk", *session.posargs, env={"DLRKIT_SDK_CHECKS": "1"})
