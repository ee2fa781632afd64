"""Every golden optimizer trajectory (all families), teacher-forced step by step."""
from __future__ import annotations

import pytest

from conformance.trajectory import first_divergence, trajectory_cases


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"], marks=pytest.mark.clause(c["clause"]))
                                  for c in trajectory_cases()])
def test_trajectory(backend, case):
    message = first_divergence(backend, case)
    if message:
        pytest.fail(message, pytrace=False)
