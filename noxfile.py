"""dlrkit's task menu: `nox -l` lists the sessions, `nox` runs the full test run."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
# The tests run on the oldest and the newest supported Python; the middle ones on demand.
nox.options.sessions = [
    "contract",
    "lint_specs",
    "check_generated",
    "lint",
    "tests-3.11",
    "tests-3.13",
]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON = "3.11"
# Every CPython the dependencies support, oldest first: 3.11 (requires-python) to 3.13, the
# newest the development machines and CI have (3.14 is not installed there to test on).
PYTHONS = ["3.11", "3.12", "3.13"]
SPECS = ["specs/mailersend.yaml", "specs/sentdm.yaml", "specs/infobip.yaml", "specs/routee.yaml"]
GENERATED = [
    "dlrkit_mailersend_api",
    "dlrkit_sentdm_api",
    "dlrkit_infobip_api",
    "dlrkit_routee_api",
]
HAND_WRITTEN = [
    "overlays",
    "cli",
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
    env = {"MYPYPATH": "overlays:cli:servers:contract_tests:generated"}
    packages = ["dlrkit", "dlrkit_cli", "dlrkit_servers", "dlrkit_contract"]
    session.run("mypy", *(arg for pkg in packages for arg in ("-p", pkg)), env=env)
    session.run("mypy", "scripts", "noxfile.py")
    # The tests too (strict): tests/ is their import root (pytest's pythonpath), and they
    # import benchmarks/ modules; a wrong call in a test is as wrong as one in the code.
    tests_env = {"MYPYPATH": "overlays:cli:servers:contract_tests:generated:tests:benchmarks"}
    session.run("mypy", "tests", env=tests_env)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run every unit, property, spec-example, server and self-test with pytest.

    Under coverage.py: the whole run fails below 95 % branch coverage of dlrkit,
    dlrkit_servers and dlrkit_contract (`[tool.coverage]` in pyproject.toml). With pytest
    arguments (a subset of the tests) the figures are printed but not gated.

    One session per Python in PYTHONS (``nox -s tests-3.12``); ``nox`` and CI run the oldest
    and the newest, the whole suite on each: 3.13 adds about 85 s to CI (2041 tests in 78 s
    on the shared 2-core machine, 2026-12-05), well inside its limit. With pyenv, the other
    interpreters must be selected too (``.ci/run`` sets ``PYENV_VERSION``).
    """
    # "generate" too: one test regenerates twice and compares the trees byte for byte.
    _install(session, *_groups("test", "generate"))
    session.run("coverage", "erase")
    session.run("coverage", "run", "-m", "pytest", *session.posargs)
    if session.posargs:
        session.run("coverage", "report", "--fail-under=0")
    else:
        session.run("coverage", "report")  # fail_under from pyproject.toml


@nox.session(python=PYTHON, venv_backend="uv", default=False, reuse_venv=False)
def minimums(session: nox.Session) -> None:
    """Run the whole test suite with every direct dependency at its declared floor.

    ``uv pip install --resolution lowest-direct`` (as nox's own noxfile does) installs the
    lowest version each direct requirement allows -- the runtime dependencies, both extras
    and the test and generate groups -- while their own dependencies resolve normally. Another
    package's lower bound still wins over ours (schemathesis 4.32.5 needs anyio>=4.5), so
    scripts/check_floors.py then prints each direct requirement's floor and resolved version
    and fails when one resolved above its floor without a checked ``# floor forced by NAME``
    comment in pyproject.toml. A fresh venv every run: uv keeps an installed version that
    satisfies the requirements, so a reused venv would test whatever it held before. Runs
    on the oldest Python, the whole suite; not in the default run.
    """
    extras, groups = ["contract"], ["test", "generate"]
    session.install("--resolution", "lowest-direct", *_groups(*groups), f".[{','.join(extras)}]")
    session.install("--no-deps", "--force-reinstall", ".")
    session.run("uv", "pip", "list", external=True)  # every version this run tested
    session.run("python", "scripts/check_floors.py", "--extras", *extras, "--groups", *groups)
    session.run("pytest", *session.posargs)


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


@nox.session(python=PYTHON, default=False)
def spec_diff(session: nox.Session) -> None:
    """Report breaking changes in specs/ and generated/ against a git ref (-- --base REF)."""
    session.install(*_groups("spec_diff"))
    # Optic's npm install is cached in .nox/.cache/spec-diff, so only the first run pays for it.
    env = {"PYTHONPATH": "scripts", "SPEC_DIFF_CACHE": str(session.cache_dir / "spec-diff")}
    session.run("python", "-m", "spec_diff", *session.posargs, env=env)
