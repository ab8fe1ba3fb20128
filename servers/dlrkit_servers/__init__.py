"""Stateful reference servers for the providers dlrkit covers, usable as offline test doubles.

Build one in-process and talk to it without a port::

    import httpx
    from dlrkit_servers import create_app

    server = create_app("mailersend", token="test-token", seed=1)
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=server.app),
        base_url="http://mailersend.test" + server.base_path,
        headers={"Authorization": "Bearer test-token"},
    )
    message_id = server.sample_ids["get_sms_message"][0]

or on a real port with ``dlrkit serve mailersend --token test-token --port 0``. A server builds
its responses from its own seeded data, never from dlrkit's generated client models.
Provider modules are written with the kit in :mod:`dlrkit_servers._core`.
"""

from __future__ import annotations

from dlrkit_servers._registry import PROVIDERS, CredentialKind, create_app, credential_kind
from dlrkit_servers._server import ReferenceServer

__all__ = ["PROVIDERS", "CredentialKind", "ReferenceServer", "create_app", "credential_kind"]
