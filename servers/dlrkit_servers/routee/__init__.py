"""Routee SMS tracking reference server, with its own OAuth2 client-credentials token endpoint.

Serves ``specs/routee.yaml``: ``POST /oauth/token`` (HTTP Basic ``appId:appSecret``, expiring
Bearer tokens), ``POST /sms/tracking`` (Spring pages over a 7-day window, JSON filter arrays,
``sort``), ``GET /sms/tracking/single/{messageId}`` (a bare array of parts) and
``GET /sms/tracking/campaign/{campaignTrackingId}``. Real Routee serves the token endpoint on
``auth.routee.net``; here one app serves both hosts' paths, so a client configured with this
server's base URL also gets its tokens from it.
"""

from __future__ import annotations

from dlrkit_servers.routee._app import (
    DEFAULT_MESSAGES,
    DEFAULT_TOKEN_TTL,
    RouteeServer,
    create_server,
)

__all__ = ["DEFAULT_MESSAGES", "DEFAULT_TOKEN_TTL", "RouteeServer", "create_server"]
