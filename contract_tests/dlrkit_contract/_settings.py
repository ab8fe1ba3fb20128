"""Run settings: command line first, then environment variables, then the profile defaults.

| setting         | option            | environment variable       |
|-----------------|-------------------|----------------------------|
| target URL      | ``--base-url``    | ``DLRKIT_BASE_URL``        |
| API token       | ``--token``       | ``DLRKIT_TOKEN``           |
| Routee app id   | ``--app-id``      | ``DLRKIT_APP_ID``          |
| Routee secret   | ``--app-secret``  | ``DLRKIT_APP_SECRET``      |
| examples        | ``--max-examples``| ``DLRKIT_MAX_EXAMPLES``    |
| seed            | ``--seed``        | ``DLRKIT_SEED``            |
| profile         | ``--profile``     | ``DLRKIT_CONTRACT_PROFILE``|
| known ids       | ``--known-id``    | ``DLRKIT_KNOWN_IDS``       |

``--known-id OPERATION_ID=VALUE`` repeats; ``DLRKIT_KNOWN_IDS`` is ``op=value,op=value``.
Options replace the variable's list rather than adding to it.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["PROFILES", "Profile", "Settings", "SettingsError"]


class SettingsError(ValueError):
    """A setting has a bad value; the message names the setting and the value (never a secret)."""


@dataclass(frozen=True, slots=True)
class Profile:
    """How much a run generates: fuzzed examples per operation, stateful scenarios and steps."""

    max_examples: int
    stateful_examples: int
    stateful_steps: int


#: ``default`` is what `dlrkit contract` runs; ``ci`` is the short pass `.ci/run` selects.
PROFILES: dict[str, Profile] = {
    "default": Profile(max_examples=50, stateful_examples=20, stateful_steps=10),
    "ci": Profile(max_examples=8, stateful_examples=5, stateful_steps=6),
}

# The embedded servers are built with these when no credentials are given.
EMBEDDED_TOKEN = "dlrkit-contract-token"  # noqa: S105 - a test server's own throwaway token
EMBEDDED_APP_ID = "dlrkit-contract-app"
EMBEDDED_APP_SECRET = "dlrkit-contract-secret"  # noqa: S105 - same


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one contract run needs. Secrets are kept out of ``repr``."""

    base_url: str | None = None
    token: str | None = field(default=None, repr=False)
    app_id: str | None = field(default=None, repr=False)
    app_secret: str | None = field(default=None, repr=False)
    profile: str = "default"
    max_examples: int = PROFILES["default"].max_examples
    stateful_examples: int = PROFILES["default"].stateful_examples
    stateful_steps: int = PROFILES["default"].stateful_steps
    seed: int = 0
    junit_xml: Path | None = None
    allow_unknown_status: bool = False
    #: Stop at the first failing test and skip shrinking (the self-test only needs detection).
    fail_fast: bool = False
    #: A gap in coverage (an operation never answered 2xx, a test skipped at run time) fails.
    require_coverage: bool = False
    #: ``(operationId, id)`` pairs the target is known to have (``--known-id``).
    known_ids: tuple[tuple[str, str], ...] = ()
    #: A pytest ``-k`` expression narrowing the suite's tests (the suite's own tests use it).
    select: str | None = None
    #: ``--receiver URL``: test this callback receiver instead of an API.
    receiver_url: str | None = None
    #: ``--receiver-secret``: the signing secret the receiver verifies with (never shown).
    receiver_secret: str | None = field(default=None, repr=False)
    #: Seconds each receiver request may take before it counts as a hang.
    receiver_timeout: float = 10.0

    @property
    def embedded(self) -> bool:
        """True when the run targets the in-process reference server."""
        return self.base_url is None and self.receiver_url is None

    def with_(self, **changes: object) -> Settings:
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def resolve(
        cls,
        *,
        base_url: str | None = None,
        token: str | None = None,
        app_id: str | None = None,
        app_secret: str | None = None,
        max_examples: int | None = None,
        seed: int | None = None,
        profile: str | None = None,
        junit_xml: Path | None = None,
        allow_unknown_status: bool = False,
        require_coverage: bool = False,
        known_ids: Sequence[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Merge explicit values (``None`` = not given) over ``environ`` over profile defaults."""
        env = os.environ if environ is None else environ
        profile_name = profile or env.get("DLRKIT_CONTRACT_PROFILE") or "default"
        if profile_name not in PROFILES:
            raise SettingsError(
                f"profile {profile_name!r} is unknown; choose one of {', '.join(PROFILES)}"
            )
        chosen = PROFILES[profile_name]
        examples = max_examples
        if examples is None:
            examples = _env_int(env, "DLRKIT_MAX_EXAMPLES")
        run_seed = seed if seed is not None else _env_int(env, "DLRKIT_SEED")
        url = base_url or env.get("DLRKIT_BASE_URL") or None
        if url is not None:
            url = _check_url(url)
        settings = cls(
            base_url=url,
            token=token or env.get("DLRKIT_TOKEN") or None,
            app_id=app_id or env.get("DLRKIT_APP_ID") or None,
            app_secret=app_secret or env.get("DLRKIT_APP_SECRET") or None,
            profile=profile_name,
            max_examples=chosen.max_examples if examples is None else examples,
            stateful_examples=chosen.stateful_examples,
            stateful_steps=chosen.stateful_steps,
            # A fresh seed per run finds more over time; the report prints it for replay.
            seed=secrets.randbelow(2**32) if run_seed is None else run_seed,
            junit_xml=junit_xml,
            allow_unknown_status=allow_unknown_status,
            require_coverage=require_coverage,
            known_ids=_known_ids(known_ids, env.get("DLRKIT_KNOWN_IDS")),
        )
        if settings.max_examples < 1:
            raise SettingsError(f"max-examples must be at least 1, got {settings.max_examples}")
        if settings.seed < 0:
            raise SettingsError(f"seed must not be negative, got {settings.seed}")
        return settings


def _known_ids(given: Sequence[str] | None, env: str | None) -> tuple[tuple[str, str], ...]:
    if given:
        items, source = list(given), "--known-id"
    elif env and env.strip():
        items, source = env.split(","), "DLRKIT_KNOWN_IDS"
    else:
        return ()
    pairs = []
    for item in items:
        operation_id, equals, value = item.strip().partition("=")
        if not equals or not operation_id.strip() or not value.strip():
            raise SettingsError(
                f"{source} takes OPERATION_ID=VALUE (e.g. get_message_status=ID), got {item!r}"
            )
        pairs.append((operation_id.strip(), value.strip()))
    return tuple(pairs)


def _env_int(env: Mapping[str, str], name: str) -> int | None:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return None
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from None


def _check_url(url: str) -> str:
    if not url.startswith(("http://", "https://")):
        raise SettingsError(f"base URL must start with http:// or https://, got {url!r}")
    return url.rstrip("/")
