from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dlrkit import routee
from dlrkit_routee_api.client import AuthenticatedClient
from dlrkit_servers.routee import RouteeServer, create_server

from overlay.routee.fakes import APP_ID, APP_SECRET, BASE

NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def server() -> RouteeServer:
    """Return a small seeded Routee reference server with its clock pinned at NOW."""
    return create_server(app_id=APP_ID, app_secret=APP_SECRET, seed=3, now=NOW, messages=300)


@pytest.fixture
def api(server: RouteeServer) -> AuthenticatedClient:
    """Return a dlrkit Routee client talking to the reference server in-process."""
    return routee.client(APP_ID, APP_SECRET, base_url=BASE, app=server.app)
