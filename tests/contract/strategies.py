"""Hypothesis strategies for the contract-suite tests."""

from __future__ import annotations

from hypothesis import strategies as st

#: Page numbers as pagination links carry them.
pages = st.integers(min_value=1, max_value=10**6)

#: Base URLs a pagination link may start with.
link_bases = st.sampled_from(
    ["http://testserver/v1/sms-activity", "https://api.mailersend.com/v1/sms-recipients", "/x"]
)

#: Printable secrets, as a user might pass them on the command line. The prefix keeps a
#: secret from being, by chance, a piece of the text it must stay out of.
secrets_ = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=8, max_size=40
).map(lambda text: f"secret:{text}")
