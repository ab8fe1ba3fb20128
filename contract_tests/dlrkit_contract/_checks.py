"""Checks of our own, registered with Schemathesis, and the check lists a run enables.

``documented_status_values``: the specs keep status fields open (``anyOf: [Known..., string]``)
so that clients survive values a provider adds later. The contract suite is stricter by
default: a value outside the documented ``Known...`` enum is either a reference-server bug or a
provider change the spec should record. ``--allow-unknown-status`` turns the check off.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import jsonschema_rs
import schemathesis
from schemathesis import Case, CheckContext, Response
from schemathesis.core.failures import Failure

from dlrkit_contract._specs import PROVIDERS, load_spec

__all__ = [
    "CONFORMANCE_CHECKS",
    "RESPONSE_CHECKS",
    "STATEFUL_CHECKS",
    "UndocumentedValue",
    "closed_schema",
    "documented_status_values",
]

#: Checks every fuzzed case runs (the issue's list, plus ours).
CONFORMANCE_CHECKS: tuple[str, ...] = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "ignored_auth",
    "missing_required_header",
    "unsupported_method",
    "documented_status_values",
)
#: Checks that need earlier steps of a scenario; they only apply in stateful runs.
STATEFUL_CHECKS: tuple[str, ...] = ("use_after_free", "ensure_resource_availability")
#: Checks that look at one response alone; the rule tests run these on every exchange.
RESPONSE_CHECKS: tuple[str, ...] = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "documented_status_values",
)


class UndocumentedValue(Failure):
    """A status-like field holds a value that its ``Known...`` enum does not list."""

    code = "ST902"
    checks = ("documented_status_values",)
    kind_title = "Undocumented status value"


def _is_plain_string(branch: object) -> bool:
    return (
        isinstance(branch, dict)
        and {k for k in branch if k != "description"} == {"type"}
        and (branch["type"] == "string")
    )


def _close(node: Any, enums: frozenset[str]) -> Any:
    if isinstance(node, list):
        return [_close(item, enums) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _close(value, enums) for key, value in node.items()}
    branches = out.get("anyOf")
    if isinstance(branches, list) and any(
        isinstance(b, dict) and b.get("$ref") in enums for b in branches
    ):
        out["anyOf"] = [b for b in branches if not _is_plain_string(b)]
    return out


def closed_schema(raw: dict[str, Any]) -> dict[str, Any]:
    """Return ``raw`` with every open enum closed.

    ``anyOf`` drops its plain-string branch wherever a sibling branch refers to an enum schema
    in ``components.schemas``.
    """
    schemas = raw.get("components", {}).get("schemas", {})
    enums = frozenset(
        f"#/components/schemas/{name}"
        for name, schema in schemas.items()
        if isinstance(schema, dict) and "enum" in schema
    )
    return _close(copy.deepcopy(raw), enums)  # type: ignore[no-any-return]


def _pointer(*tokens: str) -> str:
    escaped = (t.replace("~", "~0").replace("/", "~1") for t in tokens)
    return "#/" + "/".join(quote(t, safe="~") for t in escaped)


def _json_media(content: dict[str, Any]) -> str | None:
    for media in content:
        if media.split(";")[0].strip().endswith("json"):
            return media
    return None


def _response_schema_pointer(raw: dict[str, Any], case: Case[Any], status: int) -> str | None:
    operation = case.operation
    responses = raw["paths"][operation.path][operation.method.lower()].get("responses", {})
    key = next(
        (k for k in (str(status), f"{str(status)[0]}XX", f"{str(status)[0]}xx") if k in responses),
        "default" if "default" in responses else None,
    )
    if key is None:
        return None
    tokens = ["paths", operation.path, operation.method.lower(), "responses", key]
    node = responses[key]
    if "$ref" in node:
        tokens = node["$ref"].removeprefix("#/").split("/")
        node = raw
        for token in tokens:
            node = node[token]
    media = _json_media(node.get("content", {}))
    if media is None or "schema" not in node["content"][media]:
        return None
    return _pointer(*tokens, "content", media, "schema")


def _pristine(raw: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    # Schemathesis rewrites parts of `raw_schema` as it works, so pointers are computed on
    # our own parsed copy of the same spec, found by its title.
    title = raw.get("info", {}).get("title")
    for provider in PROVIDERS:
        spec = load_spec(provider)
        if spec["info"]["title"] == title:
            return provider, spec
    return None


@functools.cache
def _validators(provider: str, pointer: str) -> tuple[Any, Any]:
    spec = load_spec(provider)
    return (
        jsonschema_rs.Draft202012Validator({**spec, "$ref": pointer}),
        jsonschema_rs.Draft202012Validator({**_closed(provider), "$ref": pointer}),
    )


@functools.cache
def _closed(provider: str) -> dict[str, Any]:
    return closed_schema(load_spec(provider))


def _errors(validator: jsonschema_rs.Validator, body: object) -> Iterator[str]:
    for error in validator.iter_errors(body):
        path = "/".join(str(p) for p in error.instance_path) or "(root)"
        yield f"{path}: {json.dumps(error.instance)[:80]} is not a documented value"


@schemathesis.check
def documented_status_values(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Every open status field holds a value its ``Known...`` enum documents."""
    found = _pristine(case.operation.schema.raw_schema)
    if found is None:
        # Checks register process-wide; another project's schema is not ours to judge.
        return True
    provider, spec = found
    pointer = _response_schema_pointer(spec, case, response.status_code)
    if pointer is None:
        return True
    try:
        body = response.json()
    except ValueError:
        # Not JSON at all: content_type_conformance and response_schema_conformance report it.
        return True
    open_validator, closed_validator = _validators(provider, pointer)
    if not open_validator.is_valid(body):
        # Schema violations are response_schema_conformance's to report.
        return True
    problems = list(_errors(closed_validator, body))
    if problems:
        raise UndocumentedValue(
            operation=case.operation.label,
            message="\n".join(problems[:5]),
        )
    return None
