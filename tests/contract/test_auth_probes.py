"""Auth probes catch a server that ignores credentials, for all four providers (issue 9, 4).

Schemathesis' ``ignored_auth`` does not act on Routee's ``oauth2`` scheme, so before the
probes a Routee server that served every token (or none) passed over HTTP. Each provider is
run in-process and over real HTTP, with only the auth probes selected.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from dlrkit_contract import Settings, run
from dlrkit_contract._probes import probes_for, security_of
from dlrkit_contract._serving import served
from dlrkit_contract._settings import EMBEDDED_APP_ID, EMBEDDED_APP_SECRET, EMBEDDED_TOKEN
from dlrkit_contract._specs import PROVIDERS, load_spec
from dlrkit_contract.broken import ignore_auth
from dlrkit_servers import create_app

ONLY_AUTH = "test_auth"


def _settings(**changes: object) -> Settings:
    base = Settings.resolve(seed=0, profile="ci", max_examples=1, environ={})
    return base.with_(select=ONLY_AUTH, **changes)


def _caught(result_checks: set[str]) -> bool:
    return "auth_required" in result_checks


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_protected_operation_is_probed(provider: str) -> None:
    """Each operation with a security requirement gets no-credential and forged probes."""
    spec = load_spec(provider)
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method not in {"get", "put", "post", "delete", "patch"}:
                continue
            names = [p.name for p in probes_for(spec, security_of(spec, operation))]
            assert "no_credentials" in names
            assert any(name.startswith("forged_") for name in names)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_correct_server_passes_the_probes(provider: str) -> None:
    """The reference servers refuse every probe with their 401 shape."""
    result = run([provider], _settings(), quiet=True)
    found = result.providers[provider]
    assert result.ok, found.failures
    assert any("auth_required" in stats.checks for stats in found.operations.values())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_ignored_auth_is_caught_in_process(provider: str) -> None:
    """An embedded server that ignores credentials fails auth_required."""
    result = run([provider], _settings(), wrappers={provider: ignore_auth(provider)}, quiet=True)
    checks = {f.check for f in result.providers[provider].failures}
    assert _caught(checks), result.providers[provider].failures


@pytest.mark.parametrize("provider", PROVIDERS)
def test_ignored_auth_is_caught_over_http(provider: str) -> None:
    """The same server served on a real port fails auth_required over HTTP."""
    routee = provider == "routee"
    creds: dict[str, Any] = (
        {"app_id": EMBEDDED_APP_ID, "app_secret": EMBEDDED_APP_SECRET}
        if routee
        else {"token": EMBEDDED_TOKEN}
    )
    server = create_app(provider, seed=0, **creds)
    with served(ignore_auth(provider)(server.app)) as origin:
        result = run(
            [provider],
            _settings(base_url=origin + server.base_path, **creds),
            stream=io.StringIO(),
        )
    found = result.providers[provider]
    assert found.target.startswith("http://127.0.0.1:")
    assert _caught({f.check for f in found.failures}), found.failures
