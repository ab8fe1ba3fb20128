"""Infobip's official Python client (6.0.0) against ``dlrkit serve infobip`` over real HTTP.

Opt-in (``DLRKIT_SDK_CHECKS=1``, set by ``nox -s sdk_checks``): it installs the client from
PyPI into ``.nox/sdk-infobip-client`` (never into dlrkit's environment), starts ``dlrkit
serve infobip`` on 127.0.0.1 and runs ``infobip_client_check.py`` with the client's
interpreter. The client calls ``/sms/3/logs`` (cursor) and ``/sms/3/reports``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dlrkit
import pytest
from dlrkit_infobip_api.models import SmsLogsV3Response

REPO = Path(__file__).resolve().parents[2]
HOME = REPO / ".nox" / "sdk-infobip-client"
REQUIREMENT = "infobip-api-python-client==6.0.0"
CHECK = Path(__file__).with_name("infobip_client_check.py")
KEY = "sdk-check-key"
MESSAGES = 300
_START_TIMEOUT = 30.0

pytestmark = pytest.mark.skipif(
    os.environ.get("DLRKIT_SDK_CHECKS") != "1",
    reason="installs a vendor SDK from PyPI; run with `nox -s sdk_checks`",
)


def _sdk_python() -> Path:
    """Return the client's interpreter, installing it once (uv if present, else venv + pip)."""
    python = HOME / "bin" / "python"
    stamp = HOME / ".dlrkit-installed"
    if python.exists() and stamp.exists() and stamp.read_text() == REQUIREMENT:
        return python
    shutil.rmtree(HOME, ignore_errors=True)
    uv = shutil.which("uv")
    if uv:
        steps = [
            [uv, "venv", "--quiet", "--python", sys.executable, str(HOME)],
            [uv, "pip", "install", "--quiet", "--python", str(python), REQUIREMENT],
        ]
    else:
        steps = [
            [sys.executable, "-m", "venv", str(HOME)],
            [str(python), "-m", "pip", "install", "--quiet", REQUIREMENT],
        ]
    for step in steps:
        subprocess.run(step, check=True, timeout=600)  # noqa: S603 -- fixed, pinned commands
    stamp.write_text(REQUIREMENT)
    return python


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    """``dlrkit serve infobip`` on a free local port; yields its base URL."""
    dlrkit_cli = Path(sys.executable).with_name("dlrkit")
    command = [
        str(dlrkit_cli), "serve", "infobip", "--port", "0", "--token", KEY,
        "--size", str(MESSAGES), "--host", "127.0.0.1",
    ]  # fmt: skip
    process = subprocess.Popen(  # noqa: S603 -- our own CLI
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + _START_TIMEOUT
        assert process.stdout is not None
        line = process.stdout.readline()
        while "http://" not in line and time.monotonic() < deadline:
            line = process.stdout.readline()
        assert "http://127.0.0.1:" in line, f"dlrkit serve printed {line!r}"
        yield line.strip().rsplit(" ", 1)[-1]
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_official_client_reads_logs_and_reports(served: str) -> None:
    """The 6.0.0 client pages logs with the cursor, twice, and drains v3 reports, error-free."""
    python = _sdk_python()
    done = subprocess.run(  # noqa: S603 -- our own check script
        [str(python), str(CHECK), served, KEY, str(MESSAGES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["failures"] == []
    assert result["log_rows"] == result["reports"] == MESSAGES
    # The client's known weakness, reproduced: one unknown group name loses its page.
    assert result["unknown_group_name_in_client"].startswith("ValidationError")


def test_dlrkit_keeps_the_page_the_official_client_loses() -> None:
    """The same body that makes 6.0.0 raise parses in dlrkit and normalizes to UNKNOWN."""
    row = {
        "messageId": "a",
        "destination": "41793026727",
        "sentAt": "2019-11-09T16:00:00.000+0100",
        "messageCount": 1,
        "price": {"pricePerMessage": 0.01, "currency": "EUR"},
        "status": {"groupId": 9, "groupName": "SOMETHING_NEW", "id": 99, "name": "NEW",
                   "description": "new"},
        "error": {"groupId": 0, "groupName": "Ok", "id": 0, "name": "NO_ERROR",
                  "description": "No Error", "permanent": False},
    }  # fmt: skip
    page = SmsLogsV3Response.from_dict({"results": [row]})
    assert [r.message_id for r in page.results] == ["a"]
    [event] = dlrkit.normalize("infobip", page)
    assert event.status is dlrkit.DeliveryStatus.UNKNOWN
