"""ReduceLROnPlateau skips a reduction smaller than ``eps`` (a gap the golden cases left open: the
mutant SCHED.plateau-eps-ignored survived them)."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.conformance.cases.sched_actions import act, build

PLATEAU = "experimental.optim.lr_scheduler.ReduceLROnPlateau"


@pytest.mark.clause("SCHED.ReduceLROnPlateau.values")
@pytest.mark.parametrize("eps, expected", [(0.01, 0.1), (0.001, 0.095)], ids=["SCHED.ReduceLROnPlateau.values/below-eps-skipped", "SCHED.ReduceLROnPlateau.values/above-eps-applied"])
def test_reduction_smaller_than_eps_is_skipped(backend, eps, expected):
    """lr 0.1, factor 0.95: the reduction 0.005 is applied only when it exceeds eps."""
    case = {"groups": [{"lr": 0.1}],
            "schedulers": [{"api": PLATEAU, "args": {"factor": 0.95, "patience": 0, "eps": eps}}]}
    handle = build(backend, case)
    act(handle, {"metrics": 1.0})
    rates = act(handle, {"metrics": 1.0})  # no improvement: wait 1 > patience 0
    assert rates == [np.float32(expected)], f"ReduceLROnPlateau(factor=0.95, patience=0, eps={eps}) gave {rates}"
