from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from dlrkit import infobip

from overlay.infobip.fakes import KEY

NOW = datetime(2026, 5, 21, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def shared_server() -> Any:
    """Build the Infobip reference server once."""
    servers = pytest.importorskip("dlrkit_servers")
    return servers.create_app("infobip", token=KEY, seed=3, now=NOW)


@pytest.fixture
def server(shared_server: Any) -> Iterator[Any]:
    """Return the reference server with every report fetchable again (reading drains it)."""
    shared_server.refill()
    yield shared_server
    shared_server.refill()


@pytest.fixture
def api(server: Any) -> Any:
    """Return a dlrkit.infobip client talking to the reference server in-process."""
    return infobip.client(KEY, app=server.app)
