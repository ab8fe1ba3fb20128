"""MailerSend SMS reference server (``/v1``: sms-activity, -messages, -recipients, -webhooks).

Serves ``specs/mailersend.yaml`` from a seeded data set: Bearer-token auth with a
``{"message": "Unauthenticated."}`` 401, Laravel validation bodies (422) with every failing
field, ``{"message": "Resource not found."}`` 404s without quota headers, the simple paginator on
activity and recipients and the length-aware one on messages, and recipient status updates that
later reads and filters see. SMS webhooks are stateful (create, update, delete) and keep
their signing secrets server-side: :func:`webhook_store`.
"""

from __future__ import annotations

from dlrkit_servers.mailersend._app import create_server, webhook_store
from dlrkit_servers.mailersend._data import DEFAULT_MESSAGES, sms_number_ids
from dlrkit_servers.mailersend._webhooks import SmsWebhook, SmsWebhookStore

__all__ = [
    "DEFAULT_MESSAGES",
    "SmsWebhook",
    "SmsWebhookStore",
    "create_server",
    "sms_number_ids",
    "webhook_store",
]
