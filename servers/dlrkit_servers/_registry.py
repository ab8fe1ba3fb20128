"""The provider table and :func:`create_app`, which imports provider modules lazily.

Each provider module ``dlrkit_servers.<provider>`` exports exactly one factory::

    # token providers (mailersend, sentdm, infobip)
    def create_server(*, token: str, seed: int = 0, now: datetime | None = None) -> ReferenceServer
    # app-credential providers (routee)
    def create_server(
        *, app_id: str, app_secret: str, seed: int = 0, now: datetime | None = None
    ) -> ReferenceServer

plus the keywords that size its data set, which the table names (``messages=``, ...).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from dlrkit_servers._data import aware_utc, check_seed
from dlrkit_servers._server import ReferenceServer

__all__ = [
    "MAX_SIZE",
    "PROVIDERS",
    "CredentialKind",
    "check_size",
    "create_app",
    "credential_kind",
    "register",
]

#: ``token``: one API key or token. ``app``: an application id and secret (OAuth2 client).
CredentialKind = Literal["token", "app"]


#: The largest ``size``: a data set of this many messages still builds in seconds.
MAX_SIZE = 20_000


@dataclass(frozen=True, slots=True)
class _Entry:
    module: str
    credentials: CredentialKind
    #: The factory keywords that ``size`` is passed to; empty if the size is fixed.
    sizes: tuple[str, ...] = ()


_ENTRIES: dict[str, _Entry] = {
    "mailersend": _Entry("dlrkit_servers.mailersend", "token", ("messages",)),
    "sentdm": _Entry("dlrkit_servers.sentdm", "token", ("contacts", "messages")),
    "infobip": _Entry("dlrkit_servers.infobip", "token", ("reports",)),
    "routee": _Entry("dlrkit_servers.routee", "app", ("messages",)),
}
#: The providers that have a reference server.
PROVIDERS: tuple[str, ...] = tuple(_ENTRIES)


def register(
    name: str, module: str, credentials: CredentialKind, sizes: tuple[str, ...] = ()
) -> None:
    """Add a provider served by ``module`` (test hook: tests serve a tiny example provider).

    ``sizes`` names the factory keywords that receive :func:`create_app`'s ``size``.
    """
    _ENTRIES[name] = _Entry(module, credentials, sizes)


def check_size(size: object) -> int:
    """Return ``size`` if it is an int from 1 to :data:`MAX_SIZE`; an error naming it otherwise."""
    if not isinstance(size, int) or isinstance(size, bool):
        raise TypeError(f"size must be an int, got {size!r}")
    if not 1 <= size <= MAX_SIZE:
        raise ValueError(f"size must be from 1 to {MAX_SIZE}, got {size}")
    return size


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
    size: int | None = None,
) -> ReferenceServer:
    """Build the reference server of ``provider`` with its seeded data set.

    Token providers need ``token``; routee needs ``app_id`` and ``app_secret``. Passing the
    other kind is a ``ValueError`` (messages name the argument, never its secret value).
    ``now`` pins the server's clock (timezone-aware); ``None`` follows the wall clock.

    ``size`` (1 to :data:`MAX_SIZE`) is how many messages the data set is built from; the list
    operations' rows grow in proportion. ``None`` keeps the provider's default:

    ==========  ===================================  =====================================
    provider    ``size`` sets (default)              rows of the main list (default)
    ==========  ===================================  =====================================
    mailersend  ``messages`` (320)                   about 7.2 activity rows each (2,320)
    sentdm      ``contacts``, ``messages`` (260)     one contact each (260)
    infobip     ``reports`` (500)                    one report each (500)
    routee      ``messages`` (2,000)                 about 1.4 tracking parts each (2,800)
    ==========  ===================================  =====================================

    A provider registered without size keywords refuses any ``size`` (``ValueError``).
    """
    entry = _entry(provider)
    check_seed(seed)
    sized: dict[str, int] = {}
    if size is not None:
        check_size(size)
        if not entry.sizes:
            raise ValueError(f"{provider} has a fixed data set; it takes no size=")
        sized = dict.fromkeys(entry.sizes, size)
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
    server = factory(**credentials, seed=seed, now=now, **sized)
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
