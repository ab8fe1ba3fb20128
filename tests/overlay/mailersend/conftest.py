from __future__ import annotations

from collections.abc import Iterator

import pytest
from dlrkit import mailersend
from dlrkit_mailersend_api.client import AuthenticatedClient
from dlrkit_servers import ReferenceServer, create_app

from overlay.mailersend.support import NOW, SEED, TOKEN, close


@pytest.fixture(scope="session")
def server() -> ReferenceServer:
    """Return a MailerSend reference server shared by tests that only read."""
    return create_app("mailersend", token=TOKEN, seed=SEED, now=NOW)


@pytest.fixture
def fresh_server() -> ReferenceServer:
    """Return a MailerSend reference server of the test's own, for tests that write."""
    return create_app("mailersend", token=TOKEN, seed=SEED, now=NOW)


@pytest.fixture
def ms(server: ReferenceServer) -> Iterator[AuthenticatedClient]:
    """Yield a dlrkit MailerSend client talking to the shared reference server in-process."""
    client = mailersend.client(TOKEN, app=server.app)
    yield client
    close(client)
