"""MailerSend SMS reference server (``/v1``: sms-activity, sms-messages, sms-recipients).

Serves ``specs/mailersend.yaml`` from a seeded data set: Bearer-token auth with a
``{"message": "Unauthenticated."}`` 401, Laravel validation bodies (422) with every failing
field, ``{"message": "Resource not found."}`` 404s without quota headers, the simple paginator on
activity and recipients and the length-aware one on messages, and recipient status updates that
later reads and filters see.
"""

from __future__ import annotations

from dlrkit_servers.mailersend._app import create_server
from dlrkit_servers.mailersend._data import DEFAULT_MESSAGES, sms_number_ids

__all__ = ["DEFAULT_MESSAGES", "create_server", "sms_number_ids"]
