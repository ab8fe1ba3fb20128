"""What dlrkit logs: silent by default, useful at DEBUG, and never a secret."""

from __future__ import annotations

import base64
import logging
import subprocess
import sys
from pathlib import Path

import dlrkit
import httpx
import pytest
from dlrkit import mailersend, routee
from dlrkit._logging import configure_from_env

from overlay.routee.fakes import APP_ID, APP_SECRET, TOKEN_PREFIX, FakeRoutee

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["overlays", "generated"]
TOKEN = "mlsn.log-secret-0f9e8d7c6b5a"  # noqa: S105 -- a fake token to hunt for
# A script that retries twice (Retry-After: 0, so no real wait) with no logging configured.
RETRYING_APP = f"""
import httpx
from dlrkit import mailersend
statuses = iter([503, 429, 200])
def handler(request):
    status = next(statuses)
    headers = {{"Retry-After": "0"}} if status != 200 else {{}}
    return httpx.Response(status, headers=headers, json={{"data": [], "links": {{}}, "meta": {{}}}})
with mailersend.client({TOKEN!r}, transport=httpx.MockTransport(handler)) as client:
    client.get_httpx_client().get("/sms-messages")
print("done")
"""


def _run(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    paths = ":".join(str(ROOT / name) for name in SOURCES)
    return subprocess.run(  # noqa: S603 -- a fixed script of this test
        [sys.executable, "-W", "error", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": paths, "PATH": "/usr/bin:/bin", **env},
        check=False,
    )


def test_retries_print_nothing_when_the_app_configured_no_logging() -> None:
    """No stamina.retry_scheduled line (or anything else) on stderr in an unconfigured app."""
    result = _run(RETRYING_APP)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("done\n", "")


def test_dlrkit_log_debug_prints_the_retries_to_stderr() -> None:
    """DLRKIT_LOG=debug shows each attempt and each retry, still without the token."""
    result = _run(RETRYING_APP, DLRKIT_LOG="debug")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert sum("dlrkit.retry" in line for line in lines) == 2, result.stderr
    assert sum("dlrkit.http" in line for line in lines) == 3, result.stderr
    assert "stamina.retry_scheduled" not in result.stderr
    assert TOKEN not in result.stderr


def test_dlrkit_log_rejects_an_unknown_level() -> None:
    """A typo in DLRKIT_LOG is named, with its value, instead of being ignored."""
    with pytest.raises(dlrkit.InvalidFieldError, match=r"DLRKIT_LOG: .* \(got 'verbose'\)"):
        configure_from_env({"DLRKIT_LOG": "verbose"})


def test_a_retry_record_names_method_path_attempt_and_wait(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """At DEBUG, each scheduled retry is one record with method, URL path, attempt and wait."""
    statuses = iter([503, 429])

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(statuses, 200)
        headers = {"Retry-After": "2"} if status == 429 else {}
        return httpx.Response(status, headers=headers, json={"data": {}})

    caplog.set_level(logging.DEBUG, logger="dlrkit")
    with mailersend.client(TOKEN, transport=httpx.MockTransport(handler)) as client:
        client.get_httpx_client().get("/sms-messages/abc", params={"page": "2"})
    retries = [r for r in caplog.records if r.name == "dlrkit.retry"]
    assert [r.getMessage() for r in retries] == [
        "retrying GET /v1/sms-messages/abc after HTTP 503: attempt 1 of 4 failed, "
        "next in 0.50-1.50 s (backoff)",
        "retrying GET /v1/sms-messages/abc after HTTP 429: attempt 2 of 4 failed, "
        "next in 2.00 s (Retry-After)",
    ]
    assert [(r.dlrkit_attempt, r.dlrkit_wait) for r in retries] == [(1, None), (2, 2.0)]  # type: ignore[attr-defined]
    assert not [r for r in caplog.records if r.name == "stamina"]


def _secrets_echoing_server(fake: FakeRoutee) -> None:
    """Make the fake echo every credential it got back in bodies and headers."""

    def echo(request: httpx.Request) -> httpx.Response:
        said = f"{request.headers.get('Authorization')} {request.url} {APP_SECRET}"
        if len(fake.api_requests) < 3:
            return httpx.Response(503, json={"message": said}, headers={"X-Echo": said[:200]})
        return httpx.Response(404, json={"code": "404005000", "developerMessage": said})

    fake.api_response = echo


def test_no_record_holds_a_secret_even_when_the_server_echoes_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Token fetch, retries and the final error: every record field is free of credentials."""
    caplog.set_level(logging.DEBUG)
    fake = FakeRoutee()
    _secrets_echoing_server(fake)
    with fake.client() as api, pytest.raises(dlrkit.NotFoundError) as info:
        routee.get_sms_tracking(api, "m-1")
    assert info.value.attempts == 3
    names = {record.name for record in caplog.records}
    assert {"dlrkit.auth", "dlrkit.http", "dlrkit.retry"} <= names
    basic = base64.b64encode(f"{APP_ID}:{APP_SECRET}".encode()).decode()
    for record in caplog.records:
        text = f"{record.getMessage()} {vars(record)}"
        for secret in (APP_SECRET, TOKEN_PREFIX, basic):
            assert secret not in text, record.name
    for text in (str(info.value), repr(info.value)):
        assert APP_SECRET not in text
        assert TOKEN_PREFIX not in text
