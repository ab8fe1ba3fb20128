"""Hypothesis strategies for the reference-server core tests."""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that matter to query parsing, plus arbitrary text.
_QUERY_ALPHABET = st.sampled_from("abcz019+-_.%&=[]; \x00é\u0663") | st.characters()

#: Any text a client could put after ``?`` (hostile or not).
query_strings = st.text(_QUERY_ALPHABET, max_size=80)

#: Query strings built from the example provider's own parameter names.
_NAMES = st.sampled_from(["limit", "page", "status[]", "status", "other"])
_VALUES = st.one_of(
    st.integers(min_value=-(10**45), max_value=10**45).map(str),
    st.sampled_from(["", "active", "archived", "1e3", " 5", "0x10", "+7", "\u0663", "true"]),
    st.text(max_size=12),
)
example_queries = st.lists(st.tuples(_NAMES, _VALUES), max_size=5)

#: Candidate integer parameter values: digits, signs, huge numbers and junk.
int_texts = st.one_of(
    st.integers(min_value=-(10**50), max_value=10**50).map(str),
    st.from_regex(r"[+-]?[0-9]{0,60}", fullmatch=True),
    st.text(max_size=20),
)

#: Request bodies: JSON-ish text and arbitrary bytes.
bodies = st.one_of(
    st.binary(max_size=200),
    st.text(st.sampled_from('{}[]",:0123456789.eE+-tnulfase \\'), max_size=60).map(str.encode),
    st.just(b"[" * 5000),
    st.sampled_from([b"NaN", b"1e999", b"-Infinity", b'{"a": 1}', b"[1, 2]", b'"x"']),
)
