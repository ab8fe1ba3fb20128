"""The provider table and :func:`create_app`, which imports provider modules lazily.

Each provider module ``dlrkit_servers.<provider>`` exports exactly one factory::

    # token providers (mailersend, sentdm, infobip)
    def create_server(*, token: str, seed: int = 0, now: datetime | None = None) -> ReferenceServer
    # app-credential providers (routee)
    def create_server(
        *, app_id: str, app_secret: str, seed: int = 0, now: datetime | None = None
    ) -> ReferenceServer
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from dlrkit_servers._data import aware_utc, check_seed
from dlrkit_servers._server import ReferenceServer

__all__ = ["PROVIDERS", "CredentialKind", "create_app", "credential_kind", "register"]

#: ``token``: one API key or token. ``app``: an application id and secret (OAuth2 client).
CredentialKind = Literal["token", "app"]


@dataclass(frozen=True, slots=True)
class _Entry:
    module: str
    credentials: CredentialKind


_ENTRIES: dict[str, _Entry] = {
    "mailersend": _Entry("dlrkit_servers.mailersend", "token"),
    "sentdm": _Entry("dlrkit_servers.sentdm", "token"),
    "infobip": _Entry("dlrkit_servers.infobip", "token"),
    "routee": _Entry("dlrkit_servers.routee", "app"),
}
#: The providers that have a reference server.
PROVIDERS: tuple[str, ...] = tuple(_ENTRIES)


def register(name: str, module: str, credentials: CredentialKind) -> None:
    """Add a provider served by ``module`` (test hook: tests serve a tiny example provider)."""
    _ENTRIES[name] = _Entry(module, credentials)


def _entry(provider: str) -> _Entry:
    try:
        return _ENTRIES[provider]
    except KeyError:
        known = ", ".join(_ENTRIES)
        raise ValueError(f"unknown provider {provider!r}; choose one of {known}") from None


def credential_kind(provider: str) -> CredentialKind:
    """Which credentials ``provider`` takes; ``ValueError`` for an unknown provider."""
    return _entry(provider).credentials


def create_app(
    provider: str,
    *,
    token: str | None = None,
    app_id: str | None = None,
    app_secret: str | None = None,
    seed: int = 0,
    now: datetime | None = None,
) -> ReferenceServer:
    """Build the reference server of ``provider`` with its seeded data set.

    Token providers need ``token``; routee needs ``app_id`` and ``app_secret``. Passing the
    other kind is a ``ValueError`` (messages name the argument, never its secret value).
    ``now`` pins the server's clock (timezone-aware); ``None`` follows the wall clock.
    """
    entry = _entry(provider)
    check_seed(seed)
    if now is not None:
        now = aware_utc(now)
    credentials: dict[str, str]
    if entry.credentials == "token":
        if app_id is not None or app_secret is not None:
            raise ValueError(f"{provider} takes token=, not app_id=/app_secret=")
        credentials = {"token": _secret("token", token, provider)}
    else:
        if token is not None:
            raise ValueError(f"{provider} takes app_id= and app_secret=, not token=")
        credentials = {
            "app_id": _secret("app_id", app_id, provider),
            "app_secret": _secret("app_secret", app_secret, provider),
        }
    module = importlib.import_module(entry.module)
    factory = getattr(module, "create_server", None)
    if not callable(factory):
        raise TypeError(f"{entry.module} must define create_server(...)")
    server = factory(**credentials, seed=seed, now=now)
    if not isinstance(server, ReferenceServer):
        raise TypeError(f"{entry.module}.create_server returned {type(server)!r}")
    return server


def _secret(name: str, value: object, provider: str) -> str:
    if value is None:
        raise ValueError(f"{provider} needs {name}=")
    # Say what is wrong with a secret, never what it is.
    if not isinstance(value, str) or not value or value != value.strip() or not value.isprintable():
        raise ValueError(f"{name} must be non-empty printable text without surrounding spaces")
    return value
