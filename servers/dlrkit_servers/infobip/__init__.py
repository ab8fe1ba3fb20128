"""Infobip SMS reference server: message logs and one-time delivery reports, v1 and v3.

Serves ``specs/infobip.yaml`` from one seeded set of messages: ``Authorization: App <key>``
(and Basic when a username and password are configured). ``/sms/1/reports`` and
``/sms/3/reports`` drain **one** report queue (a report read through either is gone from
both; Infobip does not say, this is the cautious reading) and hand each report out once
whatever the concurrency. ``/sms/1/logs`` and ``/sms/3/logs`` show every message of the last
48 hours (by ``doneAt``) and consume nothing; ``/sms/3/logs`` pages with a cursor bound to
its filters. Every view of a message has the same status, times and price. Errors are
Infobip's ``requestError.serviceException`` on v1 paths (400 with ``validationErrors``, 401,
404, 405, 500) and its ``ApiError`` (``E400`` with ``violations``, ``E401``...) on ``/sms/3/``.
``InfobipServer.refill`` and ``InfobipServer.add_reports`` let tests and benchmarks start
over or simulate arrivals.
"""

from __future__ import annotations

from dlrkit_servers.infobip._app import DEFAULT_REPORTS, InfobipServer, create_server

__all__ = ["DEFAULT_REPORTS", "InfobipServer", "create_server"]
