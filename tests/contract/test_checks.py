from __future__ import annotations

from typing import Any

from dlrkit_contract._checks import closed_schema
from dlrkit_contract._specs import PROVIDERS, load_spec
from hypothesis import given
from hypothesis import strategies as st

KNOWN = {"$ref": "#/components/schemas/Known"}


def _doc(status: dict[str, Any]) -> dict[str, Any]:
    return {
        "components": {
            "schemas": {
                "Known": {"type": "string", "enum": ["a", "b"]},
                "Row": {"type": "object", "properties": {"status": status}},
            }
        }
    }


def test_open_enum_is_closed() -> None:
    """AnyOf [Known enum, plain string] loses its plain-string branch."""
    doc = _doc({"anyOf": [KNOWN, {"type": "string", "description": "later values"}]})
    closed = closed_schema(doc)
    assert closed["components"]["schemas"]["Row"]["properties"]["status"] == {"anyOf": [KNOWN]}
    assert doc["components"]["schemas"]["Row"]["properties"]["status"]["anyOf"][1]


@given(
    st.sampled_from([{"type": "integer"}, {"type": "string", "pattern": "^x$"}, {"type": "null"}])
)
def test_other_branches_are_kept(other: dict[str, Any]) -> None:
    """Only a bare string branch is dropped; constrained or other types stay."""
    doc = _doc({"anyOf": [KNOWN, other]})
    assert closed_schema(doc) == doc


def test_closing_is_idempotent_on_every_spec() -> None:
    """Closing a spec twice changes nothing the second time."""
    for provider in PROVIDERS:
        once = closed_schema(load_spec(provider))
        assert closed_schema(once) == once
