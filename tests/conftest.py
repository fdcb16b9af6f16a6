"""Shared test configuration: Hypothesis profiles.

``dev`` (the default) is quick; ``ci`` runs more examples and derandomises so a CI failure
reproduces. Select with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
