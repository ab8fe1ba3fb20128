"""How the callback sender makes one POST: in its own thread, or in a child process.

Both posters have one method, ``await poster.post(url, body, headers, timeout)``, which answers
``(status, None)`` or ``(None, error)`` and never raises for a network outcome; both make the
POST with :func:`post_once`, so a receiver sees the same requests either way.

* :class:`ThreadPoster`: httpx in the sender's own thread (``CallbackSender(process=False)``,
  and the only choice with a test transport).
* :class:`ProcessPoster`: hands every POST to one child process (this file run as a script,
  ``python -I .../_posting.py``; started with the sender, again on the next POST if it dies)
  over its stdin, and reads the answers from its stdout. ``create_app`` uses it by default.

Why a child: benchmark 7 (``python benchmarks/run.py --only callbacks_cost``) measured the API
serving 0.83-0.87x its requests/s at 20 POSTs/s with httpx in the sender's thread, about the
same with stdlib ``http.client`` in worker threads, and 0.985x when the thread slept in place
of each POST. The cost is every step of an HTTP exchange taking the GIL from the API's thread
(about eleven event-loop turns per POST), not the bytes; from a child it is one write and one
read.

The child's protocol: it prints ``ready`` once its client exists; then, per POST, one JSON line
``{"id", "url", "headers", "timeout", "size"}`` and ``size`` raw body bytes on stdin, and per
answer one JSON line ``{"id", "status", "error"}`` on stdout. It ends when its stdin closes (the
sender stopped, or the API's process died) and ignores SIGINT, so Ctrl-C on ``dlrkit serve``
prints nothing from it. The URL (which may hold user:password) and the signature headers go
through the pipe; no signing secret does, and the child logs nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import signal
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

import anyio
import httpx

__all__ = ["Answer", "ProcessPoster", "ThreadPoster", "make_client", "post_once"]

#: ``(status, None)`` when answered, else ``(None, error)``: ``timeout``, ``transport error (...)``.
Answer = tuple[int | None, str | None]

# POSTs waiting on an answer at once (the sender never starts more): enough to keep 20/s
# going against a receiver that takes the whole 3 s timeout, bounded so that a hanging
# receiver cannot pile up sockets.
MAX_IN_FLIGHT = 64
# An answer's body is read up to this and dropped (see _drain).
_MAX_ANSWER_BYTES = 64 * 1024
# How much longer than the POST's own timeout the sender waits for the child's answer: the
# child enforces the timeout; this only catches a child that stopped answering.
_CHILD_GRACE = 5.0
_CHILD_STOP_TIMEOUT = 5.0
_CHILD_START_TIMEOUT = 20.0
_EXITED = "transport error (poster process exited)"
# A JSON line of the protocol: the URL and headers (signatures) of one POST, well under this.
_LINE_LIMIT = 1024 * 1024


async def _drain(response: httpx.Response) -> None:
    """Read and drop at most ``_MAX_ANSWER_BYTES`` of an answer's body; only its status counts.

    Read, not just closed: httpcore can only put a connection back in the pool once the body
    was read to its end, and a new TCP connection per POST doubled the sender's CPU per POST.
    Bounded, so that a receiver answering with an endless body costs one closed connection.
    """
    if response.is_stream_consumed:  # already read (a test transport's answer)
        return
    read = 0
    async for chunk in response.aiter_raw():
        read += len(chunk)
        if read > _MAX_ANSWER_BYTES:
            return


def make_client(
    timeout: float, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """Return the client POSTs are made with (not entered)."""
    # trust_env=False: never a proxy from the environment; the targets are local.
    return httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_connections=MAX_IN_FLIGHT),
    )


async def post_once(
    client: httpx.AsyncClient, url: str, body: bytes, headers: dict[str, str], timeout: float
) -> Answer:
    """POST ``body`` to ``url`` once; the whole exchange must end within ``timeout`` seconds."""
    try:
        # anyio's cancel scope, not asyncio.timeout: httpcore connects through anyio
        # (connect_tcp's task group), and a foreign cancel there broke anyio's bookkeeping.
        with anyio.fail_after(timeout):
            request = client.build_request("POST", url, content=body, headers=headers)
            response = await client.send(request, stream=True)
            try:
                await _drain(response)
            finally:
                await response.aclose()
    except TimeoutError:
        return None, "timeout"
    except httpx.TimeoutException:
        return None, "timeout"
    except httpx.TransportError as exc:
        return None, f"transport error ({type(exc).__name__})"
    return response.status_code, None


class ThreadPoster:
    """POSTs from the sender's own event loop, with one pooled client."""

    def __init__(self, timeout: float, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._client = make_client(timeout, transport)

    async def __aenter__(self) -> ThreadPoster:
        await self._client.__aenter__()
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._client.__aexit__(kind, error, tb)

    async def post(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> Answer:
        """POST once (see :func:`post_once`)."""
        return await post_once(self._client, url, body, headers, timeout)


class ProcessPoster:
    """POSTs through one child process (see the module doc); must be used on one event loop."""

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._ids = itertools.count()
        # Each POST waiting on an answer: its future and the child that owes it.
        self._waiting: dict[int, tuple[asyncio.Future[Answer], asyncio.subprocess.Process]] = {}
        self._starting: asyncio.Lock | None = None
        #: How many child processes were started (one unless a child died).
        self.starts = 0

    @property
    def pid(self) -> int | None:
        """The running child's process id, if one runs."""
        process = self._process
        return process.pid if process is not None and process.returncode is None else None

    async def __aenter__(self) -> ProcessPoster:
        """Start the child now, so that the first POSTs do not wait for it all at once."""
        try:
            await self._child()
        except OSError as exc:
            raise RuntimeError(f"the callback poster process did not start: {exc}") from None
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _child(self) -> asyncio.subprocess.Process:
        if self._starting is None:
            self._starting = asyncio.Lock()
        async with self._starting:  # concurrent first POSTs start one child, not several
            process = self._process
            if process is not None and self._reader is not None and not self._reader.done():
                return process
            if process is not None and process.stdin is not None:
                process.stdin.close()  # it stopped answering; it ends on EOF
            # -I: the child imports only httpx and anyio, from this interpreter's site-packages;
            # neither the environment's PYTHONPATH nor this directory can shadow them.
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-I",
                str(Path(__file__).resolve()),
                str(self._timeout),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                limit=_LINE_LIMIT,
            )
            self._process = process
            self.starts += 1
            assert process.stdout is not None  # noqa: S101 -- created with a pipe
            try:
                with anyio.fail_after(_CHILD_START_TIMEOUT):
                    ready = await process.stdout.readline()
            except TimeoutError:
                ready = b""
            if ready != b"ready\n":
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
                raise OSError(f"it exited with {process.returncode} before it was ready")
            self._reader = asyncio.create_task(self._read(process))
            return process

    async def _read(self, process: asyncio.subprocess.Process) -> None:
        assert process.stdout is not None  # noqa: S101 -- created with a pipe
        try:
            while True:
                line = await process.stdout.readline()
                if not line:
                    break
                try:
                    reply = json.loads(line)
                except ValueError:
                    break  # not the protocol: treat the child as gone
                waiting = self._waiting.get(reply["id"])
                if waiting is not None and not waiting[0].done():
                    waiting[0].set_result((reply["status"], reply["error"]))
        finally:
            # Whatever this child still owed will never come.
            for future, owner in list(self._waiting.values()):
                if owner is process and not future.done():
                    future.set_result((None, _EXITED))

    async def post(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> Answer:
        """POST once through the child (started or restarted here when needed)."""
        try:
            process = await self._child()
        except OSError as exc:
            return None, f"transport error (poster process did not start: {type(exc).__name__})"
        assert process.stdin is not None  # noqa: S101 -- created with a pipe
        key = next(self._ids)
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self._waiting[key] = (future, process)
        head = {"id": key, "url": url, "headers": headers, "timeout": timeout, "size": len(body)}
        try:
            process.stdin.write(json.dumps(head).encode() + b"\n" + body)
            with anyio.fail_after(timeout + _CHILD_GRACE):
                await process.stdin.drain()
                return await future
        except (BrokenPipeError, ConnectionResetError):
            return None, _EXITED
        except TimeoutError:
            return None, "timeout"
        finally:
            self._waiting.pop(key, None)

    async def close(self) -> None:
        """Close the child's stdin and wait for it to end (killed after a few seconds)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            with anyio.fail_after(_CHILD_STOP_TIMEOUT):
                await process.wait()
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        if self._reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader


# -- the child -------------------------------------------------------------------------------


async def _serve(timeout: float) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=_LINE_LIMIT)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin.buffer)
    out = sys.stdout.buffer
    tasks: set[asyncio.Task[None]] = set()

    async def one(client: httpx.AsyncClient, head: dict[str, Any], body: bytes) -> None:
        try:
            status, error = await post_once(
                client, head["url"], body, head["headers"], float(head["timeout"])
            )
        except Exception as exc:  # answered, never a traceback (it could show URLs, headers)
            status, error = None, f"transport error ({type(exc).__name__})"
        reply = {"id": head["id"], "status": status, "error": error}
        out.write(json.dumps(reply).encode() + b"\n")
        out.flush()

    async with make_client(timeout) as client:
        out.write(b"ready\n")
        out.flush()
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break  # stdin closed: the sender stopped or its process died
                head = json.loads(line)
                body = await reader.readexactly(int(head["size"]))
                task = asyncio.create_task(one(client, head, body))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
        except (asyncio.IncompleteReadError, ValueError):
            pass  # a torn last frame: the parent died mid-write
        finally:
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=_CHILD_STOP_TIMEOUT)


def main(argv: list[str]) -> int:
    """Run the child: ``python -I _posting.py TIMEOUT``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when it ends
    asyncio.run(_serve(float(argv[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
