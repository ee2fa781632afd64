"""Golden cases of the dynamic LR functions (float64) and the LearningRateSchedule classes (float32):
every step of every case within the error bound of its exact sympy value."""
from __future__ import annotations

import pytest

from conformance.golden_cases import evaluate, golden_params
from conformance.messages import value_mismatch
from conformance.tolerance import allowed_error, error, within


@pytest.mark.parametrize("case", golden_params("lr_functions.json") + golden_params("lr_schedules.json"))
def test_lr_golden(backend, case):
    got = evaluate(backend, case)
    for step, value, exact, coefficient in zip(case["steps"], got, case["exact"], case["error_coefficient"]):
        if not within(value, exact, coefficient, case["dtype"]):
            pytest.fail(value_mismatch(case, step, value, exact, error(value, exact),
                                       allowed_error(coefficient, case["dtype"])), pytrace=False)
