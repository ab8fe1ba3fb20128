"""One authenticated request per provider before a remote target is fuzzed.

A refused credential or a base URL without the spec's base path makes every later request
fail for the user's reason, and the run would blame the server ("DOES NOT CONFORM", and the
rule tests' own errors on 401 bodies). The preflight sends each collection operation of the
spec once, with the run's credentials, and stops the run with a :class:`PreflightError`
(exit 2) that says what to fix:

- any 401 or 403: the credentials were refused; the message names the status and the options;
- every answer a 404: the base URL probably lacks the spec's base path (``/v1`` for MailerSend).

Infobip's reports are returned once, so its preflight asks for one (``limit=1``) and keeps it
in :attr:`Preflight.exchanges` for the rule test that counts reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dlrkit_contract._schema import TargetError
from dlrkit_contract._specs import load_spec

if TYPE_CHECKING:
    from dlrkit_contract._exchange import Exchange
    from dlrkit_contract._suite import Suite

__all__ = ["PREFLIGHT_REQUESTS", "Preflight", "PreflightError", "credential_hint", "preflight"]


class PreflightError(TargetError):
    """The target refused the run's credentials, or is not where the spec's paths are."""


def _recent_days() -> dict[str, Any]:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    stamp = "%Y-%m-%dT%H:%MZ"
    return {"dateStart": (now - timedelta(days=1)).strftime(stamp), "dateEnd": now.strftime(stamp)}


#: provider -> the collection operations the preflight sends, each with a query making it valid.
PREFLIGHT_REQUESTS: dict[str, list[tuple[str, Callable[[], dict[str, Any]]]]] = {
    "mailersend": [
        ("list_sms_messages", dict),
        ("list_sms_recipients", dict),
        ("list_sms_activity", dict),
    ],
    "sentdm": [("list_contacts", dict)],
    # One report only: Infobip returns each report once, so the preflight keeps what it got.
    "infobip": [("get_sms_delivery_reports", lambda: {"limit": 1})],
    "routee": [("track_sms", _recent_days)],
}

_CREDENTIAL_OPTIONS = {
    "token": "--token (or DLRKIT_TOKEN)",
    "app": "--app-id and --app-secret (or DLRKIT_APP_ID and DLRKIT_APP_SECRET)",
}


def credential_hint(provider: str) -> str:
    """Return the options (and environment variables) that carry ``provider``'s credentials."""
    return _CREDENTIAL_OPTIONS["app" if provider == "routee" else "token"]


def base_path(provider: str) -> str:
    """Return the path part of the spec's first server URL (``/v1`` for MailerSend, else ``""``)."""
    servers = load_spec(provider).get("servers") or [{}]
    return urlsplit(str(servers[0].get("url", ""))).path.rstrip("/")


@dataclass(slots=True)
class Preflight:
    """What the preflight sent and got, for the rule tests that must not lose it."""

    exchanges: list[Exchange] = field(default_factory=list)


def preflight(suite: Suite) -> Preflight:
    """Send the preflight requests of ``suite``'s provider; raise :class:`PreflightError`."""
    provider = suite.provider
    found = Preflight()
    for operation_id, query in PREFLIGHT_REQUESTS[provider]:
        try:
            exchange = suite.call(operation_id, query=query(), validate=False)
        except OSError as error:  # requests' connection errors and timeouts are OSErrors
            raise PreflightError(
                f"{provider} preflight: {operation_id} got no answer ({type(error).__name__})"
            ) from None
        found.exchanges.append(exchange)
        if exchange.status in (401, 403):
            raise PreflightError(
                f"{provider} preflight: {exchange.label} answered HTTP {exchange.status} with "
                f"the given credentials, so the server refused them; check "
                f"{credential_hint(provider)}. Nothing was fuzzed."
            )
    if all(exchange.status == 404 for exchange in found.exchanges):
        labels = ", ".join(exchange.label for exchange in found.exchanges)
        url = suite.target.base_url
        prefix = base_path(provider)
        hint = (
            f"does the base URL include the spec's base path {prefix}? "
            f"(e.g. {str(url).rstrip('/')}{prefix}, as `dlrkit serve {provider}` prints it)"
            if prefix and not str(url).rstrip("/").endswith(prefix)
            else "is the base URL the API's root, where the spec's paths start?"
        )
        raise PreflightError(
            f"{provider} preflight: every collection operation answered HTTP 404 ({labels}) at "
            f"{url}: {hint}. Nothing was fuzzed."
        )
    return found
