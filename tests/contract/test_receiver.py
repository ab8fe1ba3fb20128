"""`dlrkit contract PROVIDER --receiver URL`: usage, report, replay lines, hangs, secrets.

Every run here is over real HTTP: `dlrkit.callbacks.receiver` (or a broken wrapper of it)
served by uvicorn on 127.0.0.1, tested by URL through the CLI's own `main`.
"""

from __future__ import annotations

import asyncio
import re
import shlex
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from dlrkit import callbacks
from dlrkit_contract._serving import served
from dlrkit_contract.broken_receivers import RECEIVER_VARIANTS
from dlrkit_contract.cli import main
from dlrkit_contract.receiver_selftest import SELFTEST_SECRETS

MS_SECRET = str(SELFTEST_SECRETS["mailersend"])
SD_SECRET = str(SELFTEST_SECRETS["sentdm"])
FAST = ["--max-examples", "2", "--seed", "7", "--profile", "ci"]


@contextmanager
def receiver(provider: str, wrap: Any = None) -> Iterator[str]:
    """Serve dlrkit's receiver for ``provider`` (optionally broken); yield its URL."""
    app = callbacks.receiver(provider, lambda events: None, secret=SELFTEST_SECRETS[provider])
    with served(wrap(provider, app) if wrap else app) as origin:
        yield origin + "/hooks/sms"


@pytest.fixture(autouse=True)
def _no_secret_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DLRKIT_RECEIVER_SECRET", raising=False)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["mailersend", "--receiver", "http://127.0.0.1:9/x"], "--receiver-secret"),
        (["sentdm", "--receiver", "http://127.0.0.1:9/x"], "--receiver-secret"),
        (
            ["infobip", "--receiver", "http://127.0.0.1:9/x", "--receiver-secret", "x"],
            "signs nothing",
        ),
        (
            ["routee", "--receiver", "http://127.0.0.1:9/x", "--receiver-secret", "x"],
            "signs nothing",
        ),
        (["routee", "--receiver", "127.0.0.1:9/x"], "absolute http(s) URL"),
        (["routee", "--receiver", "ftp://127.0.0.1/x"], "absolute http(s) URL"),
        (["routee", "--receiver", "http:///x"], "absolute http(s) URL"),
        (["all", "--receiver", "http://127.0.0.1:9/x"], "not all"),
        (["routee", "--receiver", "http://127.0.0.1:9/x", "--base-url", "http://h"], "--base-url"),
        (["routee", "--receiver-secret", "x"], "only with --receiver"),
        (["routee", "--receiver", "http://127.0.0.1:9/x", "--receiver-timeout", "0"], "timeout"),
    ],
)
def test_receiver_usage_errors_exit_2_naming_the_flag(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Misuse exits 2 with one line naming the flag, before any request."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert named in err
    assert "Traceback" not in err


def test_a_bad_secret_is_a_usage_error_that_never_echoes_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A sent.dm secret that is not whsec_ + base64 exits 2 without showing the value."""
    assert (
        main(["sentdm", "--receiver", "http://127.0.0.1:9/x", "--receiver-secret", "hunter2-xyz"])
        == 2
    )
    out = capsys.readouterr()
    assert "--receiver-secret" in out.err
    assert "hunter2-xyz" not in out.out + out.err


def test_an_unreachable_receiver_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing listening at the URL: exit 2 (the run cannot judge it), secret not shown."""
    code = main(
        ["mailersend", "--receiver", "http://127.0.0.1:9/x", "--receiver-secret", MS_SECRET, *FAST]
    )
    out = capsys.readouterr()
    assert code == 2
    assert "cannot reach the receiver" in out.err
    assert MS_SECRET not in out.out + out.err


def test_a_correct_receiver_conforms_with_table_and_junit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit 0, every row's statuses shown, what ran and what did not said; JUnit written.

    The secret comes from DLRKIT_RECEIVER_SECRET here, and appears nowhere in the output.
    """
    monkeypatch.setenv("DLRKIT_RECEIVER_SECRET", SD_SECRET)
    junit = tmp_path / "receiver.xml"
    with receiver("sentdm") as url:
        code = main(["sentdm", "--receiver", url, "--junit-xml", str(junit), *FAST])
    out = capsys.readouterr()
    assert code == 0, out.out
    for row in [
        "valid message-status",
        "duplicate",
        "forged",
        "tampered",
        "wrong secret",
        "stale (past)",
        "stale (future)",
        "unsigned",
        "malformed: huge",
    ]:
        assert re.search(rf"^  {re.escape(row)} \(\w+\) +2?\d+ +0 ", out.out, re.M), row
    assert "statuses seen" in out.out
    assert "413\N{MULTIPLICATION SIGN}1" in out.out  # the 5 MiB body hit the size limit
    assert "exercised: 2 valid callbacks (message-status)" in out.out
    assert "not exercised: the answer-time limit (sent.dm waits" in out.out
    assert "all conform" in out.out
    assert SD_SECRET not in out.out + out.err
    root = ET.parse(junit).getroot()  # noqa: S314 - our own file
    assert root.get("failures") == "0"
    assert int(root.get("tests", "0")) == 2
    assert SD_SECRET not in junit.read_text()


def _curl_request(line: str) -> tuple[str, dict[str, str], bytes]:
    """Parse a reproduce line of ours (curl with --data-binary TEXT) into url, headers, body."""
    words = shlex.split(line.removeprefix("reproduce: ").strip())
    headers, body, url = {}, b"", ""
    for index, word in enumerate(words):
        if word == "-H":
            name, _, value = words[index + 1].partition(": ")
            headers[name] = value
        elif word == "--data-binary":
            body = words[index + 1].encode()
        elif word.startswith("http://"):
            url = word
    return url, headers, body


def test_an_accept_everything_receiver_fails_and_each_curl_line_replays_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Exit 1; each failure's curl line replays it, with the exact body and headers sent.

    Sending it again gets the same wrong answer; the secret is printed nowhere.
    """
    variant = next(v for v in RECEIVER_VARIANTS if v.name == "accepts_everything")
    with receiver("mailersend", variant.wrap) as url:
        code = main(["mailersend", "--receiver", url, "--receiver-secret", MS_SECRET, *FAST])
        out = capsys.readouterr()
        assert code == 1
        assert "DOES NOT CONFORM" in out.out
        lines = [line for line in out.out.splitlines() if "reproduce: curl" in line]
        assert lines
        replayed = 0
        for line in lines:
            if "--data-binary @-" in line:
                continue  # piped bodies (not UTF-8, huge) are checked by the shell, not here
            target, headers, body = _curl_request(line)
            assert target == url
            answer = httpx.post(target, headers=headers, content=body, timeout=10)
            assert answer.status_code == 200
            replayed += 1
        assert replayed >= 3
    assert "rejects_forged" in out.out
    assert "rejects_malformed" in out.out
    assert "Signature: " in out.out  # the signature headers that were sent
    assert MS_SECRET not in out.out + out.err
    assert "DLRKIT_RECEIVER_SECRET set in the environment" in out.out


def _hangs_on_empty_bodies(provider: str, app: Any) -> Any:
    async def slow(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            message = await receive()
            if not message.get("body") and not message.get("more_body"):
                await asyncio.sleep(3)
            sent = False

            async def again() -> Any:
                nonlocal sent
                if sent:
                    return {"type": "http.disconnect"}
                sent = True
                return message

            await app(scope, again, send)
            return
        await app(scope, receive, send)

    return slow


def test_a_hang_is_a_failure_with_its_own_message(capsys: pytest.CaptureFixture[str]) -> None:
    """A receiver that never answers one request fails that row with a 'hang' message."""
    with receiver("routee", _hangs_on_empty_bodies) as url:
        code = main(["routee", "--receiver", url, "--receiver-timeout", "0.5", *FAST])
    out = capsys.readouterr().out
    assert code == 1
    assert "malformed: empty: no answer within 0.5 s (hang) (rejects_malformed)" in out
    assert "--receiver-timeout 0.5" in out  # the replay line keeps the timeout
