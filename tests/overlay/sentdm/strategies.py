"""Hypothesis strategies for the sent.dm overlay tests."""

from __future__ import annotations

from dlrkit.sentdm import STATUS_MAP
from hypothesis import strategies as st

_known = st.sampled_from(sorted(STATUS_MAP))

#: Any status text: documented ones in any case, with spaces, or anything at all.
statuses = st.one_of(
    _known,
    _known.map(str.lower),
    _known.map(str.title),
    _known.map(lambda status: f" {status} "),
    st.text(max_size=30),
)

#: Prices as activities send them: four decimal places.
decimal_prices = st.integers(min_value=0, max_value=10**7).map(
    lambda units: f"{units // 10_000}.{units % 10_000:04d}"
)
