"""The server under test: an embedded reference server (in-process ASGI) or a base URL."""

from __future__ import annotations

import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from dlrkit_contract._settings import (
    EMBEDDED_APP_ID,
    EMBEDDED_APP_SECRET,
    EMBEDDED_TOKEN,
    Settings,
    SettingsError,
)

__all__ = [
    "APP_CREDENTIAL_PROVIDERS",
    "AppWrapper",
    "Credentials",
    "Target",
    "check_credential_kind",
    "check_known_ids",
    "check_reachable",
    "make_target",
]

#: ASGI middleware applied to an embedded app (the self-test's broken variants).
AppWrapper = Callable[[Any], Any]

#: Providers that authenticate with an application id and secret (OAuth2 client credentials).
APP_CREDENTIAL_PROVIDERS = frozenset({"routee"})
_CONNECT_TIMEOUT = 10


@dataclass(frozen=True, slots=True)
class Credentials:
    """A token, or an application id and secret; never shown in ``repr``."""

    token: str | None = field(default=None, repr=False)
    app_id: str | None = field(default=None, repr=False)
    app_secret: str | None = field(default=None, repr=False)


@dataclass(slots=True)
class Target:
    """Where requests go and how to authenticate.

    ``app`` is the (possibly wrapped) ASGI app of an embedded server and ``None`` for a base
    URL. ``now`` is the embedded server's pinned clock, ``None`` for a remote server.
    ``sample_ids`` maps get-by-id operationIds to ids known to exist.
    """

    provider: str
    settings: Settings
    credentials: Credentials
    base_url: str | None
    app: Any
    now: datetime | None
    sample_ids: Mapping[str, list[str]]
    wrap: AppWrapper | None = None

    @property
    def embedded(self) -> bool:
        """True for an in-process reference server."""
        return self.app is not None

    @property
    def description(self) -> str:
        """One line naming the target for the report header."""
        return "embedded reference server" if self.embedded else str(self.base_url)

    def fresh(self) -> Target | None:
        """Return a fresh embedded server (same wrapper); ``None`` when remote."""
        if not self.embedded:
            return None
        return _embedded(self.provider, self.settings, self.credentials, self.wrap, self.now)


def check_credential_kind(provider: str, settings: Settings) -> None:
    """Refuse credentials of the wrong kind for ``provider`` (``SettingsError`` naming them)."""
    if provider in APP_CREDENTIAL_PROVIDERS and settings.token:
        raise SettingsError(f"{provider} takes --app-id and --app-secret, not --token")
    if provider not in APP_CREDENTIAL_PROVIDERS and (settings.app_id or settings.app_secret):
        raise SettingsError(f"{provider} takes --token, not --app-id/--app-secret")


def _path_operations(provider: str) -> set[str]:
    from dlrkit_contract._specs import load_spec

    found = set()
    for template, item in load_spec(provider)["paths"].items():
        if "{" not in template:
            continue
        found |= {op["operationId"] for op in item.values() if isinstance(op, dict)}
    return found


def check_known_ids(providers: list[str], settings: Settings) -> None:
    """Refuse a ``--known-id`` whose operation has no path parameter in these providers' specs."""
    known = set().union(*(_path_operations(p) for p in providers))
    for operation_id, _ in settings.known_ids:
        if operation_id not in known:
            raise SettingsError(
                f"--known-id {operation_id}=...: {operation_id!r} is not a get-by-id operation "
                f"of {', '.join(providers)}; choose one of {', '.join(sorted(known))}"
            )


def _known(provider: str, settings: Settings) -> dict[str, list[str]]:
    ours = _path_operations(provider)
    found: dict[str, list[str]] = {}
    for operation_id, value in settings.known_ids:
        if operation_id in ours:
            found.setdefault(operation_id, []).append(value)
    return found


def _merged(*sources: Mapping[str, list[str]]) -> dict[str, list[str]]:
    # In order: the run's tests are parametrized from this, and must come out the same each run.
    merged: dict[str, list[str]] = {}
    for source in sources:
        for key, ids in source.items():
            merged.setdefault(key, []).extend(ids)
    return merged


def make_target(provider: str, settings: Settings, wrap: AppWrapper | None = None) -> Target:
    """Build the target of ``provider``; ``SettingsError`` when credentials are missing.

    An embedded server ignores credentials of the other kind (``all`` takes a token for three
    providers and app credentials for Routee); a remote one refuses them.
    """
    app_creds = provider in APP_CREDENTIAL_PROVIDERS
    if settings.embedded:
        creds = Credentials(
            token=None if app_creds else settings.token or EMBEDDED_TOKEN,
            app_id=settings.app_id or EMBEDDED_APP_ID if app_creds else None,
            app_secret=settings.app_secret or EMBEDDED_APP_SECRET if app_creds else None,
        )
        # A pinned minute lets the date-window tests hit the server's bounds exactly.
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        return _embedded(provider, settings, creds, wrap, now)
    if wrap is not None:
        raise SettingsError("broken variants wrap embedded servers only")
    check_credential_kind(provider, settings)
    if app_creds and not (settings.app_id and settings.app_secret):
        raise SettingsError(f"{provider} over HTTP needs --app-id and --app-secret")
    if not app_creds and not settings.token:
        raise SettingsError(f"{provider} over HTTP needs --token (or DLRKIT_TOKEN)")
    check_reachable(str(settings.base_url))
    creds = Credentials(
        token=settings.token, app_id=settings.app_id, app_secret=settings.app_secret
    )
    return Target(
        provider=provider,
        settings=settings,
        credentials=creds,
        base_url=settings.base_url,
        app=None,
        now=None,
        sample_ids=_known(provider, settings),
    )


def check_reachable(base_url: str) -> None:
    """Open (and close) a TCP connection to ``base_url``; ``SettingsError`` if that fails."""
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname or "", port), timeout=_CONNECT_TIMEOUT).close()
    except OSError as error:
        raise SettingsError(
            f"cannot connect to {parts.hostname}:{port} ({error.strerror or error})"
        ) from None


def _embedded(
    provider: str,
    settings: Settings,
    creds: Credentials,
    wrap: AppWrapper | None,
    now: datetime | None,
) -> Target:
    # Imported here: only embedded runs need the servers (and Starlette).
    from dlrkit_servers import create_app

    server = create_app(
        provider,
        token=creds.token,
        app_id=creds.app_id,
        app_secret=creds.app_secret,
        seed=0,
        now=now,
    )
    app = server.app if wrap is None else wrap(server.app)
    return Target(
        provider=provider,
        settings=settings,
        credentials=creds,
        base_url=None,
        app=app,
        now=now,
        # The server's own sample ids, then any the user named too.
        sample_ids=_merged(server.sample_ids, _known(provider, settings)),
        wrap=wrap,
    )
