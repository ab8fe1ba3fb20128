"""Hypothesis strategies for the Infobip overlay tests."""

from __future__ import annotations

from dlrkit.infobip import GROUP_MAP, STATUS_MAP
from hypothesis import strategies as st

_names = st.sampled_from(sorted(STATUS_MAP))

#: Any status name: documented ones in any case, or anything at all.
status_names = st.one_of(_names, _names.map(str.lower), st.text(max_size=40))
#: Any group name: documented ones, or anything at all.
group_names = st.one_of(st.sampled_from(sorted(GROUP_MAP)), st.text(max_size=20))
#: Any group id, documented (0-5) or not.
group_ids = st.integers(min_value=-3, max_value=12)

#: Batch sizes for the drain.
limits = st.integers(min_value=1, max_value=40)
