"""Shared test settings: random examples by default (with a deadline and the example database, as attrs does);
a derandomized CI profile, chosen in .ci/run with HYPOTHESIS_PROFILE=ci."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, settings

import vndiplo

settings.register_profile(
    "default", max_examples=60, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=300, deadline=timedelta(seconds=1))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def tl() -> vndiplo.Timeline:
    """The packaged data set."""
    return vndiplo.timeline()
