from __future__ import annotations

from typing import Any

from dlrkit_contract._boundaries import boundaries
from dlrkit_contract._specs import PROVIDERS, load_spec


def _spec(parameter: dict[str, Any], shared: bool = False) -> dict[str, Any]:
    operation: dict[str, Any] = {"operationId": "op", "responses": {}}
    item: dict[str, Any] = {"get": operation}
    (item if shared else operation)["parameters"] = [{"$ref": "#/components/parameters/P"}]
    return {"paths": {"/x": item}, "components": {"parameters": {"P": parameter}}}


def test_integer_bounds_give_both_sides() -> None:
    """An integer with minimum and maximum gives min-1/min rejected/accepted and max/max+1."""
    found = boundaries(
        _spec(
            {
                "name": "limit",
                "in": "query",
                "schema": {"type": "integer", "minimum": 10, "maximum": 100},
            }
        )
    )
    assert [(b.value, b.expect) for b in found] == [
        (9, "reject"),
        (10, "accept"),
        (100, "accept"),
        (101, "reject"),
    ]


def test_string_lengths_and_shared_parameters() -> None:
    """Path-item parameters count too; lengths become strings of that many characters."""
    schema = {"type": "string", "minLength": 2, "maxLength": 4}
    found = boundaries(_spec({"name": "q", "in": "query", "schema": schema}, shared=True))
    assert [(b.value, b.expect, b.bound) for b in found] == [
        ("x", "reject", "minLength-1"),
        ("xx", "accept", "minLength"),
        ("xxxx", "accept", "maxLength"),
        ("xxxxx", "reject", "maxLength+1"),
    ]


def test_unbounded_parameters_give_nothing() -> None:
    """A parameter without bounds has no boundary cases."""
    assert boundaries(_spec({"name": "q", "in": "query", "schema": {"type": "string"}})) == []


def test_every_spec_has_named_unique_boundaries() -> None:
    """Each provider's boundary ids are unique, so every bound is its own test."""
    for provider in PROVIDERS:
        ids = [b.id for b in boundaries(load_spec(provider))]
        assert len(ids) == len(set(ids)), provider
