"""Our own spec-level checks, for what Optic and griffe both miss (measured, see the module docs).

* A **closed** enum in a response gaining a member: the generated enum raises ``ValueError`` on
  the new value, and griffe does not see an added member. An **open** enum
  (``anyOf: [Known…, {type: string}]``) gaining one is harmless and is not reported as breaking.
* A request bound tightened (``maximum`` lowered, ``minLength`` raised, a new ``pattern``...):
  Optic lists it without flagging it, and the generated code has no trace of bounds.

Hand-written because no installable tool classifies these two for OpenAPI 3.1 (Optic misses
the bounds, api-smart-diff misreads open enums); the walk is small and only reads the specs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ._findings import Finding, Source
from ._names import Names

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# bound -> True when a larger new value tightens it (minimum-like), False when a smaller does.
_BOUNDS = {
    "minimum": True, "exclusiveMinimum": True, "minLength": True, "minItems": True,
    "minProperties": True, "maximum": False, "exclusiveMaximum": False, "maxLength": False,
    "maxItems": False, "maxProperties": False,
}  # fmt: skip
_OPEN = object()  # an enum that also accepts any other value of its type

Location = tuple[str, str, str, str]  # (request|response, operation, where, JSON path)


def _resolve(
    spec: Mapping[str, Any], node: Any, seen: frozenset[str]
) -> tuple[Any, frozenset[str]]:
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if not ref.startswith("#/") or ref in seen:
            return {}, seen
        seen = seen | {ref}
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        node = target
    return node, seen


def _walk(
    spec: Mapping[str, Any],
    node: Any,
    key: Location,
    out: dict[Location, Any],
    seen: frozenset[str],
) -> None:
    node, seen = _resolve(spec, node, seen)
    if not isinstance(node, Mapping):
        return
    out.setdefault(key, node)
    direction, op, where, path = key
    for branch_key in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(branch_key, []):
            _walk(spec, branch, key, out, seen)
    for name, prop in (node.get("properties") or {}).items():
        _walk(spec, prop, (direction, op, where, f"{path}.{name}" if path else name), out, seen)
    if "items" in node:
        _walk(spec, node["items"], (direction, op, where, f"{path}[]"), out, seen)
    if isinstance(node.get("additionalProperties"), Mapping):
        _walk(spec, node["additionalProperties"], (direction, op, where, f"{path}{{}}"), out, seen)


def locations(spec: Mapping[str, Any]) -> dict[Location, Any]:
    """Every schema reachable from each operation's parameters, bodies and responses."""
    out: dict[Location, Any] = {}
    for path, item in (spec.get("paths") or {}).items():
        item, _ = _resolve(spec, item, frozenset())
        for method in _METHODS:
            if method not in item:
                continue
            op = f"{method.upper()} {path}"
            operation = item[method]
            for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
                param, seen = _resolve(spec, raw, frozenset())
                where = f"{param.get('in')} parameter '{param.get('name')}'"
                _walk(spec, param.get("schema", {}), ("request", op, where, ""), out, seen)
            body, seen = _resolve(spec, operation.get("requestBody", {}), frozenset())
            for media, content in (body.get("content") or {}).items():
                key = ("request", op, f"request body {media}", "")
                _walk(spec, content.get("schema", {}), key, out, seen)
            for code, raw in (operation.get("responses") or {}).items():
                response, seen = _resolve(spec, raw, frozenset())
                for media, content in (response.get("content") or {}).items():
                    key = ("response", op, f"{code} response {media}", "")
                    _walk(spec, content.get("schema", {}), key, out, seen)
    return out


def enum_values(spec: Mapping[str, Any], node: Any) -> frozenset[Any] | object | None:
    """Return the closed set of values a schema allows, ``_OPEN`` if open, None if no enum.

    ``anyOf``/``oneOf`` is closed only when every branch is (a ``{type: "null"}`` branch adds
    ``None``); one branch without an enum, such as dlrkit's ``{type: string}``, opens it.
    """
    node, _ = _resolve(spec, node, frozenset())
    if not isinstance(node, Mapping):
        return None
    if "enum" in node:
        return frozenset(_hashable(v) for v in node["enum"])
    if "const" in node:
        return frozenset({_hashable(node["const"])})
    branches = [*node.get("anyOf", []), *node.get("oneOf", [])]
    if not branches:
        return None
    values: set[Any] = set()
    has_enum = False
    for branch in branches:
        resolved, _ = _resolve(spec, branch, frozenset())
        sub = enum_values(spec, branch)
        if isinstance(sub, frozenset):
            values |= sub
            has_enum = True
        elif isinstance(resolved, Mapping) and resolved.get("type") == "null":
            values.add(None)
        else:
            return _OPEN if has_enum or any(_has_enum(spec, b) for b in branches) else None
    return frozenset(values) if has_enum else None


def _has_enum(spec: Mapping[str, Any], node: Any) -> bool:
    return isinstance(enum_values(spec, node), frozenset)


def _hashable(value: Any) -> Any:
    return repr(value) if isinstance(value, list | dict) else value


def _label(key: Location, names: Names) -> str:
    _, op, where, path = key
    if not path:
        return f"{op} {where}"
    last = path.rstrip("[]{}").rsplit(".", 1)[-1]
    python = names.python(last)
    hint = f" (Python `{python}`)" if python and python != last else ""
    return f"{op} {where} `{path}`{hint}"


def _fmt(values: Any) -> str:
    return ", ".join(f"`{v}`" for v in sorted(values, key=repr))


def _enum_findings(
    provider: str, key: Location, old: Any, new: Any, names: Names
) -> Iterator[Finding]:
    where = _label(key, names)
    if isinstance(old, frozenset) and isinstance(new, frozenset):
        if added := new - old:
            yield Finding(
                provider, Source.SPEC_CHECK, True,
                f"{where}: closed enum gains {_fmt(added)}; clients built from the base reject "
                "the new value (the generated enum raises ValueError). Make it an open enum "
                "(`anyOf: [Known…, {type: string}]`) to add values safely.",
            )  # fmt: skip
        if removed := old - new:
            yield Finding(
                provider, Source.SPEC_CHECK, False,
                f"{where}: closed enum loses {_fmt(removed)} (servers stop sending it; the "
                "Python member's removal is reported separately if code can name it).",
            )  # fmt: skip
    elif old is _OPEN and isinstance(new, frozenset):
        yield Finding(
            provider, Source.SPEC_CHECK, True,
            f"{where}: open enum became closed ({_fmt(new)}); any other value the server "
            "sends now raises ValueError in the client.",
        )  # fmt: skip


def _bound_findings(
    provider: str, key: Location, old: Mapping[str, Any], new: Mapping[str, Any], names: Names
) -> Iterator[Finding]:
    where = _label(key, names)
    for bound, larger_is_tighter in _BOUNDS.items():
        before, after = old.get(bound), new.get(bound)
        if after is None or before == after or isinstance(after, bool):
            continue
        tighter = before is None or (after > before if larger_is_tighter else after < before)
        if tighter:
            shown = "none" if before is None else before
            yield Finding(
                provider, Source.SPEC_CHECK, True,
                f"{where}: `{bound}` tightened {shown} → {after}; requests valid today "
                "are rejected.",
            )  # fmt: skip
    for keyword in ("pattern", "multipleOf"):
        if new.get(keyword) is not None and old.get(keyword) != new.get(keyword):
            yield Finding(
                provider, Source.SPEC_CHECK, True,
                f"{where}: `{keyword}` {old.get(keyword)!r} → {new.get(keyword)!r}; requests "
                "valid today may be rejected.",
            )  # fmt: skip


def check(
    provider: str, old_spec: Mapping[str, Any], new_spec: Mapping[str, Any], names: Names
) -> list[Finding]:
    """Compare two specs for the changes Optic and griffe miss; see the module docstring."""
    old, new = locations(old_spec), locations(new_spec)
    findings: list[Finding] = []
    for key in sorted(old.keys() & new.keys()):
        if key[0] == "response":
            before, after = enum_values(old_spec, old[key]), enum_values(new_spec, new[key])
            findings += _enum_findings(provider, key, before, after, names)
        else:
            findings += _bound_findings(provider, key, old[key], new[key], names)
    return findings
