"""Validate JSON bodies against the response schemas in ``specs/``.

Tests use this instead of the generated models, so a spec mistake cannot be hidden by a
client generated from the same mistake. Formats (``date-time``, ``uuid``...) are checked,
as Schemathesis checks them.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.exceptions import OpenAPIError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.datastructures import Headers, ImmutableMultiDict

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


# The one response check every server test uses: openapi-core, a validator nobody here
# wrote, reads the operation's documented responses, so status, content type, body (formats
# included) and headers (required ones present, each value cast and checked against its
# schema, as the spec says) are judged by one rule for all four providers.


_RESPONSE_BODY: Any = object()  # check_response's default: the response's own body


@functools.cache
def _openapi(provider: str) -> OpenAPI:
    return OpenAPI.from_dict(load_spec(provider))


def _server(provider: str, operation_id: str) -> httpx.URL:
    """Return the operation's server URL (operation, path or spec level), variables at defaults."""
    path, _, operation = find_operation(provider, operation_id)
    spec = load_spec(provider)
    server = (operation.get("servers") or spec["paths"][path].get("servers") or spec["servers"])[0]
    url: str = server["url"]
    for name, variable in server.get("variables", {}).items():
        url = url.replace(f"{{{name}}}", variable["default"])
    return httpx.URL(url)


@dataclass  # not frozen: openapi-core writes the resolved path parameters back
class _Request:
    """An httpx request as openapi-core's Request protocol, moved to the spec's server."""

    host_url: str
    path: str
    method: str
    parameters: RequestParameters
    content_type: str
    body: bytes | None

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path


@dataclass(frozen=True)
class _Response:
    status_code: int
    headers: Headers
    content_type: str
    data: bytes | None


def check_response(
    provider: str, operation_id: str, response: httpx.Response, *, body: Any = _RESPONSE_BODY
) -> None:
    """Raise ``AssertionError`` unless ``response`` is one ``operation_id`` documents.

    The operation is given, so the test's base URL (``http://ms.test/v1``) may differ from
    the spec's (``https://api.mailersend.com/v1``) and its path may hold any id. ``body``
    (decoded JSON) is checked instead of the response's own when given: Routee's tests
    pass a page without its thousands of rows, which they check one by one, each distinct
    row once.
    """
    request, server = response.request, _server(provider, operation_id)
    template, method, _ = find_operation(provider, operation_id)
    assert request.method.lower() == method, (request.method, operation_id)
    as_request = _Request(
        host_url=f"{server.scheme}://{server.netloc.decode()}",
        # The operation's own path template: the tests send odd ids ("", "%2F") on purpose,
        # and the operation is known, so openapi-core need not find it from the URL.
        path=server.path.rstrip("/") + template,
        method=method,
        parameters=RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(list(request.headers.multi_items())),
        ),
        content_type=request.headers.get("content-type", ""),
        body=request.content or None,
    )
    as_response = _Response(
        status_code=response.status_code,
        headers=Headers(list(response.headers.multi_items())),
        content_type=response.headers.get("content-type", ""),
        data=response.content if body is _RESPONSE_BODY else json.dumps(body).encode(),
    )
    try:
        _openapi(provider).validate_response(as_request, as_response)
    except OpenAPIError as exc:
        # The schema errors name the failing path and rule; the exception alone quotes the body.
        cause = exc.__cause__
        errors: Any = getattr(cause, "schema_errors", None) or getattr(exc, "schema_errors", ())
        detail = "; ".join(
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors
        ) or f"{type(exc).__name__}: {exc}" + (f" ({cause})" if cause else "")
        raise AssertionError(
            f"{provider}.{operation_id} {response.status_code}: {detail[:2000]}"
        ) from exc
