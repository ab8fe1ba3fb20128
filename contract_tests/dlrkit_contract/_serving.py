"""Serve an ASGI app on a real 127.0.0.1 port in a thread (the self-test's over-HTTP variants).

Only 127.0.0.1, a port the OS picks, and deadlines on start and stop, so a broken app can
neither be reached from outside nor hang the run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

__all__ = ["served"]

_START_TIMEOUT = 30.0
_STOP_TIMEOUT = 30.0


@contextmanager
def served(app: Any) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 until the block ends; yield its origin (``http://host:port``)."""
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_level="error", lifespan="off", access_log=False
    )
    # Run in a thread, uvicorn leaves the process' signal handlers alone.
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="dlrkit-contract-serve", daemon=True)
    thread.start()
    deadline = time.monotonic() + _START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the ASGI app could not be served on 127.0.0.1")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(_STOP_TIMEOUT)
