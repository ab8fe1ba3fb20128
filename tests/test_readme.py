"""README.md's Python examples run as written against the reference servers.

Convention (documented in the README): every ```python block comes right after a line
``<!-- runnable -->`` (it is run) or ``<!-- not runnable: REASON -->`` (a fragment or a
sketch that needs a real account or the reader's own code; the reason says which, and a
runnable sibling nearby shows the same thing). A block with neither fails
`test_every_python_block_is_run_or_exempted_with_a_reason`. Each runnable block runs in a
fresh interpreter under ``-W error`` (an unclosed client fails it) against the four servers
of the README's first ``dlrkit serve`` block, started here with the options that block gives
them (credentials and ``--seed``). The only change to the text: the documented ports become
free ones, so parallel runs never share a port.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlrkit_servers
import pytest
from dlrkit_contract._serving import served

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RUNNABLE = "<!-- runnable -->"
EXEMPT = re.compile(r"^<!-- not runnable: (?P<reason>\S.{9,}?) -->$")
PYTHON = re.compile(r"^```python\n(.*?)^```$", re.M | re.S)
BASH = re.compile(r"^```bash\n(.*?)^```$", re.M | re.S)
SERVE = re.compile(r"^dlrkit serve (?P<provider>\w+) (?P<options>[^#\n]*)", re.M)
LOCAL_PORT = re.compile(r"127\.0\.0\.1:(\d+)")


def _text() -> str:
    return README.read_text(encoding="utf-8")


def _python_blocks() -> list[tuple[str, str]]:
    """Return (the line before the block, the block's code) for every ```python block."""
    text = _text()
    found = []
    for match in PYTHON.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        found.append((before, match.group(1)))
    return found


def _options(text: str) -> dict[str, str]:
    words = text.split()
    return {
        key.removeprefix("--"): value for key, value in zip(words[::2], words[1::2], strict=True)
    }


def _documented_servers() -> dict[int, tuple[str, dict[str, Any]]]:
    """Read the README's first `dlrkit serve` block: port -> provider and create_app args."""
    block = next(b for b in BASH.findall(_text()) if "dlrkit serve" in b)
    servers: dict[int, tuple[str, dict[str, Any]]] = {}
    for match in SERVE.finditer(block):
        options = _options(match["options"])
        port = int(options.pop("port"))
        assert port not in servers, f"two servers on port {port} in the README's serve block"
        args: dict[str, Any] = {key.replace("-", "_"): value for key, value in options.items()}
        args["seed"] = int(args.get("seed", 0))
        servers[port] = (match["provider"], args)
    return servers


SERVERS = _documented_servers()


def _blocks() -> list[str]:
    return [code for before, code in _python_blocks() if before == RUNNABLE]


@pytest.fixture(scope="module")
def ports() -> Iterator[dict[int, int]]:
    """Serve the four reference servers on free ports; map documented port -> real one."""
    with contextlib.ExitStack() as stack:
        mapping: dict[int, int] = {}
        for documented, (provider, arguments) in SERVERS.items():
            app = dlrkit_servers.create_app(provider, **arguments).app
            origin = stack.enter_context(served(app))  # start and stop have deadlines
            mapping[documented] = int(origin.rsplit(":", 1)[1])
        yield mapping


def test_the_readme_has_runnable_blocks() -> None:
    """The convention is in use: the credential-free examples and one per provider at least."""
    assert len(_blocks()) >= 9
    assert sorted(provider for provider, _ in SERVERS.values()) == [
        "infobip",
        "mailersend",
        "routee",
        "sentdm",
    ]


def test_every_python_block_is_run_or_exempted_with_a_reason() -> None:
    """No example escapes the test silently: each is run, or says why it cannot be."""
    unmarked = [
        code.splitlines()[0]
        for before, code in _python_blocks()
        if before != RUNNABLE and not EXEMPT.match(before)
    ]
    assert unmarked == [], (
        f"```python blocks with neither {RUNNABLE!r} nor '<!-- not runnable: REASON -->' "
        f"right above them (first lines shown): {unmarked}"
    )


def test_runnable_blocks_reach_only_the_documented_servers() -> None:
    """A port in a runnable block is one the README's serve block starts, so the test maps it."""
    for code in _blocks():
        for port in LOCAL_PORT.findall(code):
            assert int(port) in SERVERS, f"127.0.0.1:{port} is not in the README's serve block"


def test_no_two_servers_share_a_port_in_any_serve_block() -> None:
    """Every `dlrkit serve` block can be run as written, one server per terminal."""
    for block in BASH.findall(_text()):
        ports = [_options(m["options"]).get("port") for m in SERVE.finditer(block)]
        fixed = [port for port in ports if port not in (None, "0")]
        assert len(fixed) == len(set(fixed)), block


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_readme_block_runs_as_written(index: int, ports: dict[int, int], tmp_path: Path) -> None:
    """The block exits 0 with no warning (unclosed clients included) and prints something."""
    code = _blocks()[index]
    for documented, real in ports.items():
        code = code.replace(f"127.0.0.1:{documented}", f"127.0.0.1:{real}")
    script = tmp_path / f"readme_block_{index}.py"
    script.write_text(code, encoding="utf-8")
    result = subprocess.run(  # noqa: S603 -- runs the README's own example
        [sys.executable, "-W", "error", str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, f"block {index}:\n{code}\n{result.stderr}"
    assert result.stderr == ""
    assert result.stdout.strip(), f"block {index} printed nothing"
