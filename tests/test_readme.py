"""README.md's runnable examples run as written against the reference servers.

Convention (documented in the README): a ```python block right after a line
``<!-- runnable -->`` is run; other blocks are not (they need real credentials, or are
fragments). Each runnable block runs in a fresh interpreter under ``-W error`` (an unclosed
client fails it) against the four servers of the README's ``dlrkit serve`` block, started
here with the same credentials and ``--seed 7``. The only change to the text: the
documented ports 8000-8003 become free ones, so parallel runs never share a port.
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
MARKER = "<!-- runnable -->"
BLOCK = re.compile(r"^" + re.escape(MARKER) + r"\n```python\n(.*?)^```$", re.M | re.S)
# The README's `dlrkit serve` block: documented port -> provider and credentials.
SERVERS: dict[int, tuple[str, dict[str, Any]]] = {
    8000: ("mailersend", {"token": "test-token"}),
    8001: ("sentdm", {"token": "test-key"}),
    8002: ("infobip", {"token": "test-key"}),
    8003: ("routee", {"app_id": "my-app", "app_secret": "my-secret"}),
}


def _blocks() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ports() -> Iterator[dict[int, int]]:
    """Serve the four reference servers on free ports; map documented port -> real one."""
    with contextlib.ExitStack() as stack:
        mapping: dict[int, int] = {}
        for documented, (provider, credentials) in SERVERS.items():
            app = dlrkit_servers.create_app(provider, **credentials, seed=7).app
            origin = stack.enter_context(served(app))  # start and stop have deadlines
            mapping[documented] = int(origin.rsplit(":", 1)[1])
        yield mapping


def test_the_readme_has_runnable_blocks() -> None:
    """The convention is in use: the credential-free examples at least are marked."""
    assert len(_blocks()) >= 4
    assert MARKER in (ROOT / "README.md").read_text(encoding="utf-8")


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
