from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from dlrkit import sentdm

from overlay.sentdm.fakes import KEY

NOW = datetime(2026, 5, 21, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def server() -> Any:
    """Build the sent.dm reference server once (it is read-only, so tests share it)."""
    servers = pytest.importorskip("dlrkit_servers")
    return servers.create_app("sentdm", token=KEY, seed=3, now=NOW)


@pytest.fixture
def api(server: Any) -> Any:
    """Return a dlrkit.sentdm client talking to the reference server in-process."""
    return sentdm.client(KEY, app=server.app)
