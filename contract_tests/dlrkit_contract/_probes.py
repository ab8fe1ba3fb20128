"""Auth probes: requests with no credentials and with forged ones, for every security scheme.

Schemathesis' ``ignored_auth`` does not act on ``oauth2`` schemes (4.32), so over HTTP nothing
ever sent Routee's tracking operations a request without a token or with a forged one: a
server that ignores tokens passed. These probes are built from the spec's security schemes,
so every protected operation of every provider gets them, whatever the scheme type.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

__all__ = ["AuthProbe", "probes_for", "security_of"]

# Values no server issued. They look like the real thing, so a server that checks only the
# shape of a credential (a prefix, a length) is not enough to refuse them.
_FORGED_TOKEN = "dlrkit-forged-0123456789abcdef"  # noqa: S105 - deliberately not a credential
_FORGED_BASIC = base64.b64encode(b"dlrkit-forged-app:dlrkit-forged-secret").decode()
#: Prefixes some apiKey schemes carry in their header value (Infobip's ``App <key>``).
_API_KEY_PREFIX = {"AppKey": "App "}


@dataclass(frozen=True, slots=True)
class AuthProbe:
    """One way of asking without valid credentials: the exact headers to send (and only those).

    ``skip`` is the reason a probe cannot be made against this kind of target.
    """

    name: str
    description: str
    headers: dict[str, str] = field(default_factory=dict)
    skip: str | None = None


def security_of(spec: dict[str, Any], operation: dict[str, Any]) -> list[str]:
    """Return the scheme names an operation requires (its own ``security``, else the spec's)."""
    requirements = operation.get("security", spec.get("security", []))
    return [name for requirement in requirements for name in requirement]


def _forged_headers(name: str, scheme: dict[str, Any]) -> dict[str, str]:
    kind = scheme.get("type")
    if kind == "oauth2" or (kind == "http" and scheme.get("scheme", "").lower() == "bearer"):
        return {"Authorization": f"Bearer {_FORGED_TOKEN}"}
    if kind == "http" and scheme.get("scheme", "").lower() == "basic":
        return {"Authorization": f"Basic {_FORGED_BASIC}"}
    if kind == "apiKey" and scheme.get("in") == "header":
        return {str(scheme["name"]): _API_KEY_PREFIX.get(name, "") + _FORGED_TOKEN}
    raise ValueError(f"security scheme {name!r} of type {kind!r} has no forged form")


def probes_for(spec: dict[str, Any], schemes: list[str]) -> list[AuthProbe]:
    """Return the probes of an operation protected by ``schemes`` (empty if it is open)."""
    if not schemes:
        return []
    definitions = spec.get("components", {}).get("securitySchemes", {})
    probes = [AuthProbe("no_credentials", "a request without any credentials")]
    for name in schemes:
        scheme = definitions[name]
        probes.append(
            AuthProbe(
                f"forged_{name}",
                f"a request with forged {name} credentials",
                _forged_headers(name, scheme),
            )
        )
        if scheme.get("type") == "oauth2":
            probes.append(
                AuthProbe(
                    f"expired_{name}",
                    f"a request with an expired {name} token",
                    skip=(
                        "an expired token needs the target's clock to pass the token's lifetime "
                        "(an hour at Routee), which no request can ask for; the forged token "
                        "covers a token the target never issued"
                    ),
                )
            )
    return probes
