"""Load a provider's spec into a Schemathesis schema configured for one target.

Credentials go into Schemathesis' OpenAPI-aware auth configuration (``auth.openapi.<scheme>``),
never into per-call headers: the negative cases that deliberately drop or spoil credentials
(``ignored_auth``, missing ``Authorization``) must stay without them.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import BaseSchema, Config
from schemathesis.auths import AuthContext, set_on_case
from schemathesis.config._checks import POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES

from dlrkit_contract import _checks
from dlrkit_contract._specs import spec_path
from dlrkit_contract._target import Target

__all__ = ["BUSINESS_REJECTIONS", "TargetError", "build_schema", "schema_config"]

# Seconds before a request to a remote target is given up.
_REMOTE_TIMEOUT = 30


#: provider -> operationId -> (extra statuses a schema-valid request may get, the documented rule).
#: Fuzzed values that satisfy the schema can still break a rule the schema cannot express.
BUSINESS_REJECTIONS: dict[str, dict[str, tuple[tuple[int, ...], str]]] = {
    "mailersend": {
        "list_sms_activity": (
            (422,),
            "an sms_number_id unknown to the account, or date_from >= date_to, gives 422",
        ),
        "list_sms_recipients": ((422,), "an sms_number_id unknown to the account gives 422"),
        "list_sms_webhooks": ((422,), "an sms_number_id unknown to the account gives 422"),
        "create_sms_webhook": ((422,), "an sms_number_id unknown to the account gives 422"),
    },
    "routee": {
        "track_sms": ((400,), "a date range outside the latest 7 days gives 400"),
    },
}


class TargetError(RuntimeError):
    """The target could not be prepared (e.g. the Routee token request was refused)."""


def _auth(target: Target, access_token: str | None) -> dict[str, dict[str, str]]:
    creds = target.credentials
    if target.provider == "mailersend":
        return {"bearerAuth": {"bearer": str(creds.token)}}
    if target.provider == "sentdm":
        return {"ApiKeyAuth": {"api_key": str(creds.token)}}
    if target.provider == "infobip":
        # AppKey is an apiKey scheme on `Authorization`, so the value carries its `App ` prefix.
        return {"AppKey": {"api_key": f"App {creds.token}"}}
    basic = {"username": str(creds.app_id), "password": str(creds.app_secret)}
    schemes: dict[str, dict[str, str]] = {"ClientBasic": basic}
    if access_token is not None:
        schemes["oauth2"] = {"bearer": access_token}
    return schemes


def schema_config(target: Target, access_token: str | None = None) -> Config:
    """Return the Schemathesis configuration of a run against ``target``."""
    settings = target.settings
    enabled = [*_checks.CONFORMANCE_CHECKS]
    if settings.allow_unknown_status:
        enabled.remove("documented_status_values")
    checks: dict[str, Any] = {"enabled": False, **{name: {"enabled": True} for name in enabled}}
    stateful_checks = {**checks, **{name: {"enabled": True} for name in _checks.STATEFUL_CHECKS}}
    data: dict[str, Any] = {
        "seed": settings.seed,
        # No replay of earlier runs' crashes: a run depends on its seed alone, and writes no files.
        "cache": {"enabled": False},
        "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
        "generation": {
            "mode": "all",
            "max-examples": settings.max_examples,
            "database": "none",
            "no-shrink": settings.fail_fast,
        },
        "checks": checks,
        "phases": {
            "stateful": {"checks": stateful_checks, "max-steps": max(2, settings.stateful_steps)},
        },
        "auth": {"openapi": _auth(target, access_token)},
    }
    operations = []
    for operation_id, (statuses, _) in BUSINESS_REJECTIONS.get(target.provider, {}).items():
        expected = [*POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES, *map(str, statuses)]
        operations.append(
            {
                "include-operation-id": operation_id,
                "checks": {"positive_data_acceptance": {"expected-statuses": expected}},
            }
        )
    if operations:
        data["operations"] = operations
    if target.base_url is not None:
        data["base-url"] = target.base_url
        data["request-timeout"] = _REMOTE_TIMEOUT
    return Config.from_dict(data)


def _load(target: Target, access_token: str | None) -> BaseSchema:
    schema = schemathesis.openapi.from_path(
        spec_path(target.provider), config=schema_config(target, access_token)
    )
    if target.app is not None:
        schema.app = target.app
    return schema


def _routee_token(schema: BaseSchema) -> str:
    operation = schema["/oauth/token"]["POST"]
    case = operation.Case(
        body={"grant_type": "client_credentials"},
        media_type="application/x-www-form-urlencoded",
    )
    set_on_case(case, AuthContext(operation=operation, app=operation.app), None)
    try:
        response = case.call()
    except OSError as error:  # requests' connection errors are OSErrors
        raise TargetError(
            f"cannot reach the routee token endpoint: {type(error).__name__}"
        ) from None
    if response.status_code == 404:
        raise TargetError(
            "routee token request (POST /oauth/token) answered HTTP 404: is the base URL the "
            "API's root, where the spec's paths start? Nothing was fuzzed."
        )
    if response.status_code != 200:
        raise TargetError(
            f"routee token request (POST /oauth/token) answered HTTP {response.status_code}; "
            "check --app-id and --app-secret (or DLRKIT_APP_ID and DLRKIT_APP_SECRET). "
            "Nothing was fuzzed."
        )
    try:
        token = response.json()["access_token"]
    except (ValueError, KeyError, TypeError):
        raise TargetError("routee token response has no access_token") from None
    if not isinstance(token, str) or not token:
        raise TargetError("routee token response has an empty access_token")
    return token


def build_schema(target: Target) -> BaseSchema:
    """Return a schema that sends every request to ``target`` with its credentials.

    Routee first gets a bearer token from the target's own ``/oauth/token`` (the reference
    server serves it next to the tracking routes; against a base URL it is
    ``<base-url>/oauth/token``), once per run.
    """
    if target.provider != "routee":
        return _load(target, None)
    token = _routee_token(_load(target, None))
    return _load(target, token)
