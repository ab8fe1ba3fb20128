"""Reference servers for the benchmarks: in-process (ASGI) and on a loopback port.

``served(provider)`` runs ``dlrkit serve`` in a child process on 127.0.0.1 with port 0 and always
stops it; ``inprocess(provider)`` gives an async httpx client wired to the ASGI app.
"""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import httpx
from _common import REPO

if TYPE_CHECKING:
    from dlrkit_servers import ReferenceServer

__all__ = [
    "APP_ID",
    "APP_SECRET",
    "PROVIDERS",
    "TOKEN",
    "Served",
    "auth_headers",
    "build_app",
    "cpu_seconds",
    "credentials",
    "first_line",
    "inprocess",
    "prism_mocks",
    "routee_query",
    "routee_window",
    "serve_app_printing_port",
    "served",
    "served_all",
    "start_app_process",
    "static_headers",
    "stop",
]

PROVIDERS = ("mailersend", "sentdm", "infobip", "routee")
# Throwaway credentials of throwaway local servers.
TOKEN = "dlrkit-bench-token"  # noqa: S105
APP_ID = "dlrkit-bench-app"
APP_SECRET = "dlrkit-bench-secret"  # noqa: S105

_START_TIMEOUT = 60.0
_STOP_TIMEOUT = 10.0
_SERVE = "import sys; from dlrkit_cli import main; sys.exit(main())"


def credentials(provider: str) -> dict[str, str]:
    """Return the ``create_app`` keyword credentials of ``provider``."""
    if provider == "routee":
        return {"app_id": APP_ID, "app_secret": APP_SECRET}
    return {"token": TOKEN}


def build_app(provider: str, *, seed: int = 0) -> ReferenceServer:
    """Return a fresh in-process reference server of ``provider`` with the bench credentials."""
    from dlrkit_servers import create_app

    if provider == "routee":
        return create_app(provider, app_id=APP_ID, app_secret=APP_SECRET, seed=seed)
    return create_app(provider, token=TOKEN, seed=seed)


def static_headers(provider: str) -> dict[str, str]:
    """Return the auth headers of a token provider (routee: `auth_headers` fetches a token)."""
    if provider == "mailersend":
        return {"Authorization": f"Bearer {TOKEN}"}
    if provider == "sentdm":
        return {"x-api-key": TOKEN}
    if provider == "infobip":
        return {"Authorization": f"App {TOKEN}"}
    raise ValueError(f"{provider} has no static token")


def auth_headers(provider: str, client: httpx.Client | None = None) -> dict[str, str]:
    """Return auth headers for ``provider``; routee asks ``client`` (the server) for a token."""
    if provider != "routee":
        return static_headers(provider)
    if client is None:
        raise ValueError("routee needs a client to fetch its OAuth token")
    response = client.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(APP_ID, APP_SECRET)
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def routee_window(now: datetime | None = None) -> tuple[datetime, datetime]:
    """Return a tracking date range the Routee server accepts: the last 7 days, less a margin."""
    end = (now or datetime.now(UTC)).replace(second=0, microsecond=0) + timedelta(minutes=1)
    return end - timedelta(days=7) + timedelta(minutes=3), end


def routee_query(start: datetime, end: datetime) -> dict[str, str]:
    """Return ``dateStart``/``dateEnd`` as Routee's examples write them (minutes, ``Z``)."""
    return {
        "dateStart": start.strftime("%Y-%m-%dT%H:%MZ"),
        "dateEnd": end.strftime("%Y-%m-%dT%H:%MZ"),
    }


@contextlib.asynccontextmanager
async def inprocess(
    provider: str, *, seed: int = 0
) -> AsyncIterator[tuple[httpx.AsyncClient, ReferenceServer]]:
    """Yield an authenticated async client for a fresh in-process server, and the server."""
    server = build_app(provider, seed=seed)
    transport = httpx.ASGITransport(app=server.app)
    base = "http://bench.test" + server.base_path
    async with httpx.AsyncClient(transport=transport, base_url=base) as client:
        if provider == "routee":
            response = await client.post(
                "/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(APP_ID, APP_SECRET),
            )
            response.raise_for_status()
            client.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
        else:
            client.headers.update(static_headers(provider))
        yield client, server


@dataclass(slots=True)
class Served:
    """A running ``dlrkit serve``: its base URL (with base path) and printed sample ids."""

    provider: str
    base_url: str
    process: subprocess.Popen[str]
    sample_ids: dict[str, list[str]] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT`` without the base path."""
        url = httpx.URL(self.base_url)
        return f"{url.scheme}://{url.host}:{url.port}"

    @property
    def base_path(self) -> str:
        """The base path the server prints after its origin (``/v1`` or empty)."""
        return self.base_url[len(self.origin) :]


def _lines(stream: IO[str], sink: queue.Queue[str | None]) -> None:
    try:
        for line in stream:
            sink.put(line.rstrip("\n"))
    except (ValueError, OSError):  # stop() closed the pipe under us: the process is gone
        pass
    sink.put(None)


def first_line(process: subprocess.Popen[str], timeout: float) -> str | None:
    """Return the first line ``process`` prints on stdout, or None if none came in ``timeout``."""
    assert process.stdout is not None  # the caller asked for a PIPE
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return None


def serve_app_printing_port(app: Any) -> None:
    """Serve the ASGI ``app`` with uvicorn on 127.0.0.1:0; print ``port N`` once listening.

    The body of a benchmark's child process (a sink or a receiver under load); see
    :func:`start_app_process` for the parent's side.
    """
    import asyncio

    import uvicorn

    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)

    async def main() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started:
            if task.done():
                await task
                raise SystemExit("uvicorn did not start")
            await asyncio.sleep(0.01)
        print(f"port {server.servers[0].sockets[0].getsockname()[1]}", flush=True)
        await task

    asyncio.run(main())


def start_app_process(
    command: Sequence[str], what: str, timeout: float = 60.0
) -> tuple[subprocess.Popen[str], str]:
    """Start ``command`` (a :func:`serve_app_printing_port` child); return it and its origin.

    Raises ``RuntimeError`` naming ``what`` (the child is stopped) if it printed no port
    within ``timeout`` seconds.
    """
    process = subprocess.Popen(list(command), stdout=subprocess.PIPE, text=True)  # noqa: S603
    line = first_line(process, timeout)  # uvicorn prints nothing else on stdout
    if line is None or not line.startswith("port "):
        stop(process)
        raise RuntimeError(f"{what} did not start (exit {process.poll()})")
    return process, f"http://127.0.0.1:{int(line.split()[1])}"


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of ``pid`` so far (Linux ``/proc``), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(process: subprocess.Popen[Any]) -> None:
    """Stop ``process``: SIGTERM, then SIGKILL if it has not exited within a few seconds.

    Its stdout pipe, if any, is closed too (no unclosed-file warning).
    """
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(_STOP_TIMEOUT)
    if process.stdout is not None:
        process.stdout.close()


def _spawn(
    provider: str, seed: int, size: int | None, extra: Sequence[str] = ()
) -> subprocess.Popen[str]:
    env = dict(os.environ)
    names = {"token": "DLRKIT_TOKEN", "app_id": "DLRKIT_APP_ID", "app_secret": "DLRKIT_APP_SECRET"}
    env.update({names[key]: value for key, value in credentials(provider).items()})
    command = [sys.executable, "-c", _SERVE, "serve", provider, "--host", "127.0.0.1"]
    command += ["--port", "0", "--seed", str(seed)]
    if size is not None:
        command += ["--size", str(size)]
    command += list(extra)
    return subprocess.Popen(  # noqa: S603 - our own interpreter and CLI
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )


def _stop_all(processes: Iterable[subprocess.Popen[Any]]) -> None:
    processes = list(processes)
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        stop(process)


@contextlib.contextmanager
def served_all(
    providers: Iterable[str],
    *,
    seed: int = 0,
    size: int | None = None,
    extra: Sequence[str] = (),
) -> Iterator[dict[str, Served]]:
    """Run ``dlrkit serve`` for each provider at once, on 127.0.0.1 port 0, until the block ends.

    ``size`` is passed as ``--size`` (None: each provider's default data set) and ``extra``
    is added to every command line (``--callback-url URL``). Credentials go
    through the environment, never the command line. Raises RuntimeError if a server does not
    print its URL within a minute; every process is always stopped.
    """
    processes: dict[str, subprocess.Popen[str]] = {}
    try:
        for provider in providers:
            processes[provider] = _spawn(provider, seed, size, extra)
        yield {provider: _announced(provider, process) for provider, process in processes.items()}
    finally:
        _stop_all(processes.values())


@contextlib.contextmanager
def served(
    provider: str, *, seed: int = 0, size: int | None = None, extra: Sequence[str] = ()
) -> Iterator[Served]:
    """Run one ``dlrkit serve PROVIDER`` (see `served_all`)."""
    with served_all([provider], seed=seed, size=size, extra=extra) as servers:
        yield servers[provider]


def _announced(provider: str, process: subprocess.Popen[str]) -> Served:
    """Read the URL line and the sample-id lines ``dlrkit serve`` prints once listening."""
    assert process.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        first = lines.get(timeout=_START_TIMEOUT)
    except queue.Empty:
        first = None
    if first is None or " on http" not in first:
        raise RuntimeError(f"dlrkit serve {provider} did not start (exit {process.poll()})")
    result = Served(provider, first.rsplit(" on ", 1)[1], process)
    while True:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            break
        if line is None:
            break
        key, sep, ids = line.strip().partition(": ")
        if sep:
            result.sample_ids[key] = ids.split(", ")
    return result


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_listening(process: subprocess.Popen[Any], port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return True
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def prism_mocks(prism: Path, providers: Iterable[str]) -> Iterator[dict[str, str]]:
    """Run ``prism mock specs/PROVIDER.yaml`` per provider on 127.0.0.1; yield their origins.

    Prism serves the spec's paths without the server URL's base path, so an origin is the
    base URL. Logging is cut to errors so that it does not slow Prism down. Every process is
    always stopped.
    """
    processes: dict[str, tuple[subprocess.Popen[bytes], int]] = {}
    try:
        for provider in providers:
            port = _free_port()
            spec = REPO / "specs" / f"{provider}.yaml"
            command = [str(prism), "mock", "--host", "127.0.0.1", "--port", str(port)]
            command += ["--verboseLevel", "error", str(spec)]
            process = subprocess.Popen(  # noqa: S603 - the pinned Prism on our own spec
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            processes[provider] = (process, port)
        for provider, (process, port) in processes.items():
            if not _wait_listening(process, port, _START_TIMEOUT):
                raise RuntimeError(f"prism mock {provider} did not start (exit {process.poll()})")
        yield {provider: f"http://127.0.0.1:{port}" for provider, (_, port) in processes.items()}
    finally:
        _stop_all(process for process, _ in processes.values())
