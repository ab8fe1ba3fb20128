"""Explicit boundary cases for every bounded parameter of a spec.

For ``minimum``/``maximum`` (integers) and ``minLength``/``maxLength`` (strings): the bound
itself must be accepted and one step past it rejected. Fuzzing reaches these values only by
luck; listing them makes every bound a named test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["Boundary", "boundaries"]

Expectation = Literal["accept", "reject"]


@dataclass(frozen=True, slots=True)
class Boundary:
    """Send ``value`` as parameter ``name`` (in ``location``) of an operation; expect ``expect``."""

    operation_id: str
    location: str
    name: str
    value: int | str
    expect: Expectation
    bound: str

    @property
    def id(self) -> str:
        """A readable test id, e.g. ``list_sms_activity-limit-maximum+1``."""
        return f"{self.operation_id}-{self.name}-{self.bound}"


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for token in node["$ref"].removeprefix("#/").split("/"):
            target = target[token]
        node = target
    return node


def _parameters(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for item in spec["paths"].values():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            for parameter in [*shared, *operation.get("parameters", [])]:
                yield operation["operationId"], _resolve(spec, parameter)


def _cases(schema: dict[str, Any]) -> Iterator[tuple[int | str, Expectation, str]]:
    if schema.get("type") == "integer":
        if "minimum" in schema:
            low = int(schema["minimum"])
            yield low - 1, "reject", "minimum-1"
            yield low, "accept", "minimum"
        if "maximum" in schema:
            high = int(schema["maximum"])
            yield high, "accept", "maximum"
            yield high + 1, "reject", "maximum+1"
    elif schema.get("type") == "string":
        if "minLength" in schema:
            low = int(schema["minLength"])
            if low > 0:
                yield "x" * (low - 1), "reject", "minLength-1"
            yield "x" * low, "accept", "minLength"
        if "maxLength" in schema:
            high = int(schema["maxLength"])
            yield "x" * high, "accept", "maxLength"
            yield "x" * (high + 1), "reject", "maxLength+1"


def boundaries(spec: dict[str, Any]) -> list[Boundary]:
    """Every boundary case of every parameter of ``spec`` that declares a bound."""
    found = []
    for operation_id, parameter in _parameters(spec):
        schema = _resolve(spec, parameter.get("schema", {}))
        for value, expect, bound in _cases(schema):
            found.append(
                Boundary(operation_id, parameter["in"], parameter["name"], value, expect, bound)
            )
    return found
