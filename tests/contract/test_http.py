from __future__ import annotations

import contextlib
import io
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from dlrkit_contract import Settings, run
from dlrkit_servers import create_app
from waiting import wait_until

TOKEN = "http-token"  # noqa: S105 -- the throwaway token of a test server
STARTUP_TIMEOUT = 30.0  # seconds; generous for a loaded CI machine


@contextlib.contextmanager
def _serve(app: Any, port: int = 0) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread; fail (never hang) if it does not start or stop."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))

    def run() -> None:
        with contextlib.suppress(SystemExit):  # uvicorn's way out when it cannot bind
            server.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started = lambda: server.started or not thread.is_alive()  # noqa: E731
    wait_until(started, timeout=STARTUP_TIMEOUT, what="uvicorn to start listening")
    if not server.started:
        pytest.fail("uvicorn stopped before it started listening")
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_TIMEOUT)
        assert not thread.is_alive(), "uvicorn did not stop"


@pytest.fixture
def infobip_url() -> Iterator[str]:
    """Serve the Infobip reference server on a real port until the test ends."""
    with _serve(create_app("infobip", token=TOKEN).app) as url:
        yield url


def test_a_server_that_cannot_start_fails_the_test_instead_of_hanging() -> None:
    """A port already taken: uvicorn exits at once, and the helper fails right away."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(pytest.fail.Exception, match="stopped before it started"):  # noqa: SIM117
            with _serve(create_app("infobip", token=TOKEN).app, port=port):
                pass


def test_suite_runs_over_real_http(infobip_url: str) -> None:
    """With a base URL the suite talks HTTP to the server and reports it conforming."""
    settings = Settings.resolve(
        base_url=infobip_url, token=TOKEN, max_examples=2, seed=0, profile="ci", environ={}
    )
    result = run(["infobip"], settings, stream=io.StringIO())
    assert result.ok, result.providers["infobip"].failures
    assert result.providers["infobip"].target == infobip_url
    assert result.providers["infobip"].cases > 0
