from __future__ import annotations

import math

from dlrkit_contract._paging import ceil_div, identity, link_page, repeated
from hypothesis import given
from hypothesis import strategies as st

from contract import strategies


@given(strategies.link_bases, strategies.pages)
def test_link_page_reads_the_page(base: str, page: int) -> None:
    """The page of a `?page=N` link is N."""
    assert link_page(f"{base}?page={page}") == page


def test_link_page_without_a_page() -> None:
    """No link, or a link without an integer page, has no page."""
    assert link_page(None) is None
    assert link_page("http://x/a?limit=3") is None
    assert link_page("http://x/a?page=two") is None


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**4))
def test_ceil_div_matches_math(numerator: int, denominator: int) -> None:
    """ceil_div agrees with math.ceil of the true quotient."""
    assert ceil_div(numerator, denominator) == math.ceil(numerator / denominator)


def test_identity_and_repeats() -> None:
    """Items are identified by key, else by canonical JSON; repeats are listed once."""
    rows = [{"id": 1}, {"b": 2, "a": 1}, {"a": 1, "b": 2}]
    ids = [identity(rows[0], "id"), identity(rows[1], None), identity(rows[2], None)]
    assert ids[0] == "1"
    assert repeated(ids) == [ids[1]]
