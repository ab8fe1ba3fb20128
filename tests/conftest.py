"""Hypothesis profiles for the whole suite.

CI machines are shared 2-core boxes: per-example deadlines there measure the neighbours, not
our code, so no profile has one. Under CI (``CI`` set) the examples are derandomized, so a
green run stays green and a failure reproduces from the same commit; people get fresh random
examples on every run. ``HYPOTHESIS_PROFILE`` picks a profile explicitly.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None)
settings.register_profile(
    "ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
