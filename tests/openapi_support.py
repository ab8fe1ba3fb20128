"""Validate JSON bodies against the response schemas in ``specs/``.

Tests use this instead of the generated models, so a spec mistake cannot be hidden by a
client generated from the same mistake. Formats (``date-time``, ``uuid``...) are checked,
as Schemathesis checks them.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPECS = Path(__file__).resolve().parent.parent / "specs"
PROVIDERS = ("mailersend", "sentdm", "infobip", "routee")
_FORMATS = FormatChecker()


@functools.cache
def load_spec(provider: str) -> dict[str, Any]:
    """Return the parsed spec of ``provider``."""
    with (SPECS / f"{provider}.yaml").open(encoding="utf-8") as fh:
        spec: dict[str, Any] = yaml.safe_load(fh)
    return spec


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def find_operation(provider: str, operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """Return ``(path, method, operation)`` for an operationId, or raise ``KeyError``."""
    for path, item in load_spec(provider)["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return path, method, op
    raise KeyError(f"{provider}: no operation {operation_id!r}")


def _deref(provider: str, node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    ref = node.get("$ref")
    if ref is None:
        return node, None
    target: Any = load_spec(provider)
    for part in ref.lstrip("#/").split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target, ref


def response_schema_pointer(
    provider: str, operation_id: str, status: str, media_type: str = "application/json"
) -> str:
    """JSON pointer (``#/...``) to the schema of one documented response."""
    path, method, op = find_operation(provider, operation_id)
    responses = op["responses"]
    key = status if status in responses else f"{status[0]}XX"
    if key not in responses:
        key = "default"
    response, ref = _deref(provider, responses[key])
    base = ref if ref else f"#/paths/{_escape(path)}/{method}/responses/{_escape(key)}"
    if media_type not in response.get("content", {}):
        raise KeyError(f"{provider}.{operation_id} {key}: no {media_type} body")
    return f"{base}/content/{_escape(media_type)}/schema"


@functools.cache
def _registry(provider: str) -> Registry[Any]:
    resource = Resource.from_contents(load_spec(provider), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(f"urn:dlrkit:{provider}", resource)
    return registry


def schema_validator(provider: str, pointer: str) -> Draft202012Validator:
    """Return a validator for the schema at ``pointer`` (``#/components/schemas/X``...)."""
    return Draft202012Validator(
        {"$ref": f"urn:dlrkit:{provider}{pointer}"},
        registry=_registry(provider),
        format_checker=_FORMATS,
    )


def validate_response(
    provider: str,
    operation_id: str,
    status: int | str,
    body: Any,
    media_type: str = "application/json",
) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``body`` matches the documented response."""
    pointer = response_schema_pointer(provider, operation_id, str(status), media_type)
    schema_validator(provider, pointer).validate(body)


def response_errors(provider: str, operation_id: str, status: int | str, body: Any) -> list[str]:
    """Return every validation error message for ``body``; empty when it conforms."""
    pointer = response_schema_pointer(provider, operation_id, str(status))
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in schema_validator(provider, pointer).iter_errors(body)
    ]
