"""A small HTTP/1.1 load generator: N keep-alive connections on asyncio streams, loopback only.

httpx costs far more CPU per request than the servers under test, so a load generator built
on it would measure itself. This one writes raw requests and reads ``Content-Length`` or
chunked bodies; it is enough for the reference servers and Prism, nothing more.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import httpx

__all__ = [
    "Connection",
    "LoadResult",
    "Request",
    "Response",
    "connection_to",
    "run_async",
    "run_load",
    "run_workers",
    "send_counted",
]

T = TypeVar("T")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_READ_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Request:
    """One request to send: ``target`` is the path with its query string."""

    method: str
    target: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class Response:
    """A status, lower-cased headers and the whole body."""

    status: int
    headers: dict[str, str]
    body: bytes


class Connection:
    """One keep-alive connection to ``host:port``; reconnects when the server closes it."""

    def __init__(self, host: str, port: int) -> None:
        self._host, self._port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(self, request: Request) -> Response:
        """Send ``request`` and return its response (reconnecting first if needed)."""
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        assert self._reader is not None
        lines = [f"{request.method} {request.target} HTTP/1.1", f"Host: {self._host}"]
        lines += [f"{k}: {v}" for k, v in request.headers.items()]
        if request.body or request.method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(request.body)}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self._writer.write(head + request.body)
        response = await asyncio.wait_for(_read_response(self._reader), _READ_TIMEOUT)
        if response.headers.get("connection", "").lower() == "close":
            await self.close()
        return response

    async def close(self) -> None:
        """Close the connection (a later request opens a new one)."""
        writer, self._writer, self._reader = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def _read_response(reader: asyncio.StreamReader) -> Response:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers: dict[str, str] = {}
    for line in header_lines:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        body = await _read_chunked(reader)
    else:
        body = await reader.read()
        headers["connection"] = "close"
    return Response(status, headers, body)


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    chunks: list[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")
            return b"".join(chunks)
        chunks.append(await reader.readexactly(size))
        await reader.readexactly(2)


@dataclass(slots=True)
class LoadResult:
    """Completed requests, their statuses, transport errors and the measured seconds."""

    requests: int = 0
    seconds: float = 0.0
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def rps(self) -> float:
        """Completed requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> int:
        """Requests that got no response or a status outside 2xx."""
        bad = sum(n for status, n in self.statuses.items() if not 200 <= status < 300)
        return bad + sum(self.errors.values())


Worker = Callable[[Connection, Callable[[], bool], LoadResult], Awaitable[None]]


def _split(origin: str) -> tuple[str, int]:
    url = httpx.URL(origin)
    if url.host not in _LOOPBACK or url.port is None:
        raise ValueError(f"load is only ever sent to a loopback host:port, got {origin!r}")
    return url.host, url.port


def connection_to(origin: str) -> Connection:
    """Return a (lazy) connection to ``origin``, which must be a loopback ``http://host:port``."""
    return Connection(*_split(origin))


async def run_workers(
    origin: str, worker: Worker, *, concurrency: int, seconds: float
) -> LoadResult:
    """Run ``concurrency`` copies of ``worker`` against ``origin`` for about ``seconds``.

    Each worker gets its own connection, a ``running()`` predicate that turns false at the
    deadline, and the shared result to count into. Bounded: workers are cancelled 30 s after
    the deadline whatever they are doing.
    """
    _split(origin)
    result = LoadResult()
    deadline = time.perf_counter() + seconds

    def running() -> bool:
        return time.perf_counter() < deadline

    async def one() -> None:
        connection = connection_to(origin)
        try:
            await worker(connection, running, result)
        finally:
            await connection.close()

    started = time.perf_counter()
    tasks = [asyncio.create_task(one()) for _ in range(concurrency)]
    _, pending = await asyncio.wait(tasks, timeout=seconds + _READ_TIMEOUT)
    for task in pending:
        task.cancel()
    result.seconds = time.perf_counter() - started
    for task in tasks:
        if not task.cancelled() and task.exception() is not None:
            result.errors[type(task.exception()).__name__] += 1
    return result


async def send_counted(
    connection: Connection, request: Request, result: LoadResult
) -> Response | None:
    """Send one request, counting its status or its error in ``result``; None on error."""
    try:
        response = await connection.request(request)
    except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
        result.errors[type(exc).__name__] += 1
        await connection.close()
        return None
    result.requests += 1
    result.statuses[response.status] += 1
    return response


def run_load(
    origin: str, requests: Sequence[Request], *, concurrency: int, seconds: float
) -> LoadResult:
    """Send ``requests`` round-robin over ``concurrency`` connections for ``seconds``."""
    if not requests:
        raise ValueError("run_load needs at least one request")

    async def worker(
        connection: Connection, running: Callable[[], bool], result: LoadResult
    ) -> None:
        i = 0
        while running():
            await send_counted(connection, requests[i % len(requests)], result)
            i += 1

    return run_async(run_workers(origin, worker, concurrency=concurrency, seconds=seconds))


def run_async(coroutine: Awaitable[T]) -> T:
    """Run ``coroutine`` on a fresh event loop (uvloop when installed: a cheaper client)."""
    try:
        uvloop = importlib.import_module("uvloop")
    except ImportError:
        return asyncio.run(_wrap(coroutine))
    result: T = uvloop.run(_wrap(coroutine))
    return result


async def _wrap(coroutine: Awaitable[T]) -> T:
    return await coroutine
