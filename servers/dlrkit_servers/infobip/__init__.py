"""Infobip SMS reference server (``GET /sms/1/reports``, one-time delivery reports).

Serves ``specs/infobip.yaml`` from a seeded queue of delivery reports: ``Authorization: App
<key>`` (and Basic when a username and password are configured), a drain that hands each
report out only once whatever the concurrency, and Infobip's ``requestError.serviceException``
bodies for 400 (with ``validationErrors``), 401, 404, 405 and 500. ``InfobipServer.refill``
and ``InfobipServer.add_reports`` let tests and benchmarks start over or simulate arrivals.
"""

from __future__ import annotations

from dlrkit_servers.infobip._app import DEFAULT_REPORTS, InfobipServer, create_server

__all__ = ["DEFAULT_REPORTS", "InfobipServer", "create_server"]
