import argparse
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlrkit_servers
import httpx
import pytest
from dlrkit_cli import _main as _cli
from dlrkit_cli import main
from dlrkit_servers import _registry
from hypothesis import given

from servers import strategies

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["overlays", "cli", "servers", "contract_tests", "generated", "tests"]
TOKEN = "cli-secret-token-value"  # noqa: S105 -- a test credential
# Bounds so a broken server can never hang the suite; a healthy one takes well under a second.
STARTUP_TIMEOUT = 30.0
SHUTDOWN_TIMEOUT = 20.0
# Runs the real `dlrkit` entry point with the tests' example provider registered.
LAUNCHER = """
import sys
from dlrkit_servers import _registry
_registry.register("example", "servers.example_provider", "token")
from dlrkit_cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def example() -> Iterator[None]:
    """Register the example provider in this process."""
    _registry.register("example", "servers.example_provider", "token")
    yield
    del _registry._ENTRIES["example"]


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    paths = [str(ROOT / name) for name in SOURCES]
    child_env = {key: value for key, value in os.environ.items() if not key.startswith("DLRKIT_")}
    child_env["PYTHONPATH"] = os.pathsep.join([*paths, child_env.get("PYTHONPATH", "")])
    child_env.update(env or {})
    command = [sys.executable, "-c", LAUNCHER, "serve", "example", "--port", "0", *args]
    return subprocess.Popen(  # noqa: S603 -- fixed command built by the test
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env, cwd=ROOT
    )


def _read_lines(process: subprocess.Popen[bytes], count: int) -> list[str]:
    """Read ``count`` stdout lines, failing (not hanging) if they do not come in time."""
    assert process.stdout is not None
    buffer = b""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while buffer.count(b"\n") < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                pytest.fail(f"server printed no URL in time; got {buffer!r}")
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                pytest.fail(f"server exited early: {buffer!r} {process.stderr.read()!r}")  # type: ignore[union-attr]
            buffer += chunk
    return buffer.decode().splitlines()[:count]


def _stop(process: subprocess.Popen[bytes], sig: signal.Signals) -> tuple[int, str]:
    process.send_signal(sig)
    try:
        out, err = process.communicate(timeout=SHUTDOWN_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, out.decode() + err.decode()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_url_answers_and_stops_cleanly(sig: signal.Signals) -> None:
    """`serve --port 0` prints the real URL and sample ids, serves, and exits 0 on a signal."""
    process = _start("--token", TOKEN, "--seed", "4")
    try:
        header, ids_line = _read_lines(process, 2)
        prefix = "dlrkit example reference server on http://127.0.0.1:"
        assert header.startswith(prefix)
        assert header.endswith("/api")
        assert int(header[len(prefix) : -len("/api")]) > 0
        name, _, ids = ids_line.strip().partition(": ")
        assert name == "get_item"
        base_url = header.rpartition(" ")[2]
        item_id = ids.split(", ")[0]
        response = httpx.get(
            f"{base_url}/items/{item_id}", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10
        )
        assert response.status_code == 200
        assert response.json()["data"]["id"] == item_id
        assert httpx.get(f"{base_url}/items", timeout=10).status_code == 401
    finally:
        code, output = _stop(process, sig)
    assert code == 0
    assert TOKEN not in output


def test_serve_reads_the_token_from_the_environment() -> None:
    """Without --token, DLRKIT_TOKEN is the token clients must send."""
    process = _start(env={"DLRKIT_TOKEN": TOKEN})
    try:
        base_url = _read_lines(process, 1)[0].rpartition(" ")[2]
        headers = {"Authorization": f"Bearer {TOKEN}"}
        assert httpx.get(f"{base_url}/items", headers=headers, timeout=10).status_code == 200
    finally:
        code, output = _stop(process, signal.SIGTERM)
    assert code == 0
    assert TOKEN not in output


def test_port_in_use_is_exit_1(example: None, capsys: pytest.CaptureFixture[str]) -> None:
    """A port already taken is reported with the address and exit code 1."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert main(["serve", "example", "--token", TOKEN, "--port", port]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--port", "abc"], ["--port", "'abc'"]),
        (["--port", "70000"], ["--port", "'70000'"]),
        (["--port", "-1"], ["--port", "'-1'"]),
        (["--seed", "x"], ["--seed", "'x'"]),
        (["--now", "2025-01-01T00:00:00"], ["--now", "timezone"]),
        (["--log-level", "loud"], ["--log-level", "'loud'"]),
        (["--size", "0"], ["--size", "'0'", "1-20000"]),
        (["--size", "20001"], ["--size", "'20001'"]),
        (["--size", "-3"], ["--size", "'-3'"]),
        (["--size", "1e3"], ["--size", "'1e3'"]),
    ],
)
def test_bad_arguments_name_flag_and_value(
    example: None, capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]
) -> None:
    """A bad argument exits 2 with an error naming the flag and the value."""
    assert main(["serve", "example", "--token", TOKEN, *args]) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err


def test_unknown_provider_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown provider exits 2 naming it and the valid ones."""
    assert main(["serve", "twilio", "--token", TOKEN]) == 2
    err = capsys.readouterr().err
    assert "'twilio'" in err
    assert "mailersend" in err


@pytest.mark.parametrize(
    ("provider", "args", "words"),
    [
        ("example", [], ["--token", "DLRKIT_TOKEN"]),
        ("example", ["--token", f" {TOKEN}"], ["--token", "printable"]),
        ("example", ["--token", TOKEN, "--app-id", "a"], ["--app-id", "takes --token"]),
        ("routee", ["--token", TOKEN], ["--token", "--app-id and --app-secret"]),
        ("routee", ["--app-id", "a"], ["--app-secret", "DLRKIT_APP_SECRET"]),
    ],
)
def test_credential_errors_never_show_secrets(
    example: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    provider: str,
    args: list[str],
    words: list[str],
) -> None:
    """Credential mistakes exit 2, name the flag, and never print the secret."""
    for name in ("DLRKIT_TOKEN", "DLRKIT_APP_ID", "DLRKIT_APP_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", provider, *args]) == 2
    captured = capsys.readouterr()
    for word in words:
        assert word in captured.err
    assert TOKEN not in captured.out + captured.err


@given(text=strategies.int_texts)
def test_size_flag_accepts_exactly_1_to_max(text: str) -> None:
    """--size parses decimal 1 to MAX_SIZE; anything else is an error quoting the text."""
    number = int(text) if text.isdecimal() else None
    if number is not None and 1 <= number <= _registry.MAX_SIZE:
        assert _cli._size(text) == number
    else:
        with pytest.raises(argparse.ArgumentTypeError, match=re.escape(repr(text))):
            _cli._size(text)


def test_cli_size_bound_is_the_registry_one() -> None:
    """The CLI's copy of the size bound (kept to avoid importing servers) matches the registry."""
    assert _cli._MAX_SIZE == _registry.MAX_SIZE


def test_size_reaches_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve routee --size N` builds the server from N messages (about 1.4 parts each)."""
    built: list[Any] = []
    create_app = dlrkit_servers.create_app

    def recording(*args: Any, **kwargs: Any) -> Any:
        built.append(create_app(*args, **kwargs))
        return built[-1]

    def no_serving(config: object, sock: socket.socket, on_ready: object) -> bool:
        sock.close()
        return True

    monkeypatch.setattr(dlrkit_servers, "create_app", recording)
    monkeypatch.setattr(_cli, "_run", no_serving)
    app = ["--app-id", "size-app", "--app-secret", TOKEN, "--port", "0"]
    assert main(["serve", "routee", *app, "--size", "60"]) == 0
    assert main(["serve", "routee", *app, "--size", "240"]) == 0
    small, big = (len(server.data.parts) for server in built)
    assert 3.5 * small < big < 4.5 * small


def test_fixed_size_provider_refuses_size(
    example: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A create_app ValueError (here: --size for a fixed data set) exits 2 with its message."""
    assert main(["serve", "example", "--token", TOKEN, "--size", "5"]) == 2
    assert "example has a fixed data set" in capsys.readouterr().err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """`dlrkit` alone lists the commands and exits 2."""
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "serve" in err
    assert "contract" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """`dlrkit serve --help` documents the flags and exits 0."""
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for flag in ("--host", "--port", "--token", "--app-id", "--app-secret", "--seed", "--size"):
        assert flag in out


def test_contract_forwards_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    """`dlrkit contract ...` hands every later argument to dlrkit_contract.cli.main."""
    received: list[list[str]] = []

    def fake_main(args: list[str]) -> int:
        received.append(args)
        return 7

    package = types.ModuleType("dlrkit_contract")
    cli = types.ModuleType("dlrkit_contract.cli")
    cli.main = fake_main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dlrkit_contract", package)
    monkeypatch.setitem(sys.modules, "dlrkit_contract.cli", cli)
    assert main(["contract", "all", "--help", "--seed", "1"]) == 7
    assert received == [["all", "--help", "--seed", "1"]]


def test_contract_without_the_suite_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the contract suite installed, `dlrkit contract` exits 2 naming the extra."""
    monkeypatch.setitem(sys.modules, "dlrkit_contract", None)
    monkeypatch.delitem(sys.modules, "dlrkit_contract.cli", raising=False)
    assert main(["contract", "all"]) == 2
    assert "install dlrkit[contract]" in capsys.readouterr().err


def test_cli_module_imports_no_server_code() -> None:
    """Importing the CLI loads neither dlrkit_servers nor uvicorn (the library never needs them)."""
    paths = os.pathsep.join(str(ROOT / name) for name in SOURCES)
    check = (
        "import sys, dlrkit_cli; "
        "loaded = {'dlrkit_servers', 'uvicorn', 'starlette'} & set(sys.modules); "
        "sys.exit(f'loaded: {sorted(loaded)}' if loaded else 0)"
    )
    result = subprocess.run(  # noqa: S603 -- fixed command built by the test
        [sys.executable, "-c", check],
        env={**os.environ, "PYTHONPATH": paths},
        capture_output=True,
        timeout=STARTUP_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`dlrkit --version` prints the distribution's version and exits 0."""
    from importlib.metadata import version

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"dlrkit {version('dlrkit')}\n"


def test_serve_without_the_serve_extra_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With `pip install dlrkit` alone, `dlrkit serve` says which extra to install (exit 2)."""
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    assert main(["serve", "mailersend", "--token", "t"]) == 2
    assert "install dlrkit[serve]" in capsys.readouterr().err
