"""sent.dm v3 reference server (``/v3``: message status, message activities, contacts).

Serves ``specs/sentdm.yaml`` from a seeded data set: ``x-api-key`` auth (401 ``AUTH_001`` /
``AUTH_002``), the ``{success, data, error, meta}`` envelope with a fresh ``request_id`` (echoed
in ``X-Request-Id``) on every response, ``VALIDATION_*`` 400s with per-field details,
``RESOURCE_003`` / ``RESOURCE_001`` 404s, 1-indexed contact pages, .NET-style timestamps and the
two price shapes (4-decimal strings in activities, numbers in message status). An optional
``x-profile-id`` scopes a request to one of the organization's child profiles.
"""

from __future__ import annotations

from dlrkit_servers.sentdm._app import create_server
from dlrkit_servers.sentdm._data import DEFAULT_CONTACTS, DEFAULT_MESSAGES

__all__ = ["DEFAULT_CONTACTS", "DEFAULT_MESSAGES", "create_server"]
