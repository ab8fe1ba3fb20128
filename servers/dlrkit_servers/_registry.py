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

from dlrkit_servers import _callback_args as args
from dlrkit_servers._data import aware_utc, check_seed
from dlrkit_servers._push import Destination, Destinations, PushSource
from dlrkit_servers._sender import CallbackSender, UrlDestination
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
    callback_url: str | None = None,
    callback_secret: str | None = None,
    callback_rate: float = args.DEFAULT_RATE,
    callback_retry_delay: float = args.DEFAULT_RETRY_DELAY,
    callback_process: bool = True,
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

    ``callback_url`` makes the server push its data set's status changes there as the provider
    would (``server.callbacks``, a :class:`~dlrkit_servers._sender.CallbackSender`; it runs
    between ``server.start()`` and ``server.stop()``, which uvicorn's lifespan calls).
    ``callback_rate`` caps POSTs per second (all attempts, all destinations), and a failed
    POST is tried again after ``callback_retry_delay`` seconds, up to the provider's number of
    attempts. ``callback_secret`` signs MailerSend (any printable text) and sent.dm
    (``whsec_`` + base64) callbacks; left out, a random one is made
    (``server.callbacks.secret``). Infobip and Routee sign nothing and refuse a secret.
    MailerSend: ``callback_url`` is registered as one SMS webhook per sending number (all
    three events), and webhooks created through ``POST /v1/sms-webhooks`` receive events too.
    ``callback_process`` (default) makes the POSTs from one child process, so that sending
    does not slow the API (it shares no GIL with it); ``False`` makes them from the sender's
    thread in this process.
    """
    entry = _entry(provider)
    check_seed(seed)
    args.check_rate(callback_rate)
    args.check_retry_delay(callback_retry_delay)
    if callback_url is None:
        if callback_secret is not None:
            raise ValueError("callback_secret needs callback_url")
    else:
        args.check_url(callback_url)
    if not isinstance(callback_process, bool):
        raise ValueError(f"callback_process must be True or False, got {callback_process!r}")
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
    if callback_url is not None:
        server.callbacks = _sender(
            server,
            callback_url,
            callback_secret,
            callback_rate,
            callback_retry_delay,
            process=callback_process,
        )
    return server


def _sender(
    server: ReferenceServer,
    url: str,
    secret: str | None,
    rate: float,
    retry_delay: float,
    *,
    process: bool,
) -> CallbackSender:
    source = server.state.get("push")
    if source is None or not isinstance(source, PushSource):
        raise ValueError(
            f"callback_url is not available for {server.name} yet: its reference server has"
            " no callback source"
        )
    if secret is not None:
        secret = args.check_secret(source.provider, source.signed, secret)
    elif source.signed:
        secret = args.new_secret(source.provider)
    registrations = server.state.get("push_destinations")
    destinations: Destinations | list[Destination]
    if registrations is None:
        destinations = [UrlDestination(url, secret)]
    elif isinstance(registrations, Destinations):
        registrations.open(url, secret)
        destinations = registrations
    else:
        raise TypeError(f"{server.name}'s push_destinations is not a Destinations")
    return CallbackSender(
        source,
        destinations,
        rate=rate,
        retry_delay=retry_delay,
        url=url,
        secret=secret,
        process=process,
    )


def _secret(name: str, value: object, provider: str) -> str:
    if value is None:
        raise ValueError(f"{provider} needs {name}=")
    # Say what is wrong with a secret, never what it is.
    if not isinstance(value, str) or not value or value != value.strip() or not value.isprintable():
        raise ValueError(f"{name} must be non-empty printable text without surrounding spaces")
    return value
