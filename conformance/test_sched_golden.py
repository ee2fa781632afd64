"""Golden cases of experimental.optim.lr_scheduler: after every action, every group's rate within the
float32 error bound of its exact sympy value (chainable runs carry their accumulated bound)."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.sched_actions import act, build, describe
from optimspec.conformance.golden_cases import golden_params
from optimspec.conformance.tolerance import allowed_error, error, within


@pytest.mark.parametrize("case", golden_params("sched_schedulers.json"))
def test_sched_golden(backend, case):
    handle = build(backend, case)
    for index, (action, exact, coefficients) in enumerate(zip(case["steps"], case["exact"],
                                                              case["error_coefficient"], strict=True)):
        got = handle.last_lr() if action == "init" else act(handle, action)
        assert len(got) == len(exact), f"{case['clause']}: {len(got)} groups, expected {len(exact)}"
        for group, (value, x, c) in enumerate(zip(got, exact, coefficients)):
            if not within(value, x, c, case["dtype"]):
                pytest.fail(f"{case['clause']}: action {index} ({action!r}), group {group}\n"
                            f"  got      {value!r}\n  expected {x} (exact)\n"
                            f"  |error| = {error(value, x):.3e}, allowed {allowed_error(c, case['dtype']):.3e}\n"
                            f"  {describe(case, index)}", pytrace=False)
