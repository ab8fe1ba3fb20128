"""Known ids never replace a stateful step's ids.

A link's id names what the scenario just created; a sample id may name a resource an earlier
scenario deleted (the server keeps state across scenarios), whose 404 Schemathesis reports as
"created resource not found" (seen with `dlrkit contract mailersend --seed 1034870419`).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from dlrkit_contract._suite import Suite
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import TestPhase


def _case(phase: TestPhase, value: str) -> Any:
    meta = SimpleNamespace(
        generation=SimpleNamespace(mode=GenerationMode.POSITIVE),
        phase=SimpleNamespace(name=phase),
    )
    operation = SimpleNamespace(definition=SimpleNamespace(raw={"operationId": "get_sms_webhook"}))
    return SimpleNamespace(meta=meta, operation=operation, path_parameters={"id": value})


def _suite() -> Any:
    suite: Any = object.__new__(Suite)
    suite.target = SimpleNamespace(sample_ids={"get_sms_webhook": ["known"]})
    return suite


# Values whose crc32 is even and odd: the even one is replaced outside the stateful phase.
@pytest.mark.parametrize("value", [f"v{n}" for n in range(8)])
def test_a_stateful_step_keeps_its_link_id(value: str) -> None:
    """Whatever the hash says, a stateful case's path parameters stay as generated."""
    case = _case(TestPhase.STATEFUL, value)
    _suite()._use_known_ids(case)
    assert case.path_parameters == {"id": value}


def test_other_phases_still_get_known_ids() -> None:
    """About half of the fuzzing cases get a known id (the rule the stateful skip leaves)."""
    cases = [_case(TestPhase.FUZZING, f"v{n}") for n in range(40)]
    for case in cases:
        _suite()._use_known_ids(case)
    replaced = [case for case in cases if case.path_parameters["id"] == "known"]
    assert 0 < len(replaced) < len(cases)
