"""Rules of our own checks that hold for all inputs (Hypothesis)."""

from __future__ import annotations

import importlib

from hypothesis import given
from hypothesis import strategies as st
from spec_diff_support import spec_diff  # noqa: F401  (puts scripts/ on sys.path)

_python_api = importlib.import_module("spec_diff._python_api")
_spec_checks = importlib.import_module("spec_diff._spec_checks")
_names = importlib.import_module("spec_diff._names")

TYPES = st.lists(st.sampled_from(["str", "int", "None", "float", "SmsStatus", "bool"]), min_size=1)
KEY = ("request", "GET /x", "query parameter 'limit'", "")
NO_NAMES = _names.Names()


@given(TYPES.flatmap(lambda parts: st.tuples(st.just(parts), st.permutations(parts))))
def test_annotation_order_and_unset_never_count_as_a_type_change(
    pair: tuple[list[str], list[str]],
) -> None:
    """Reordering a union or adding/removing ``Unset`` leaves the compared annotation alone."""
    parts, shuffled = pair
    with_unset = " | ".join([*shuffled, "Unset"])
    assert _python_api._norm(" | ".join(parts)) == _python_api._norm(with_unset)


@given(st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_maximum_is_breaking_exactly_when_lowered(before: int, after: int) -> None:
    """A request ``maximum`` change is reported breaking iff the new value is lower."""
    found = list(
        _spec_checks._bound_findings("p", KEY, {"maximum": before}, {"maximum": after}, NO_NAMES)
    )
    assert bool(found) is (after < before)
    assert all(f.breaking for f in found)


@given(st.integers(0, 1000), st.integers(0, 1000))
def test_min_length_is_breaking_exactly_when_raised(before: int, after: int) -> None:
    """A request ``minLength`` change is reported breaking iff the new value is higher."""
    found = list(
        _spec_checks._bound_findings(
            "p", KEY, {"minLength": before}, {"minLength": after}, NO_NAMES
        )
    )
    assert bool(found) is (after > before)


@given(st.sets(st.text(min_size=1, max_size=5), min_size=1), st.booleans())
def test_enum_is_open_exactly_when_a_branch_takes_any_string(values: set[str], open_: bool) -> None:
    """``anyOf: [enum, {type: string}]`` is open; ``anyOf: [enum, {type: null}]`` is closed."""
    other = {"type": "string"} if open_ else {"type": "null"}
    schema = {"anyOf": [{"type": "string", "enum": sorted(values)}, other]}
    result = _spec_checks.enum_values({}, schema)
    if open_:
        assert result is _spec_checks._OPEN
    else:
        assert result == frozenset({*values, None})
