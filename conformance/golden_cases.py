"""Golden cases as pytest parameters: one per case, its ID the case ID (which starts with the clause ID)."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.conformance.messages import value_mismatch
from optimspec.conformance.tolerance import allowed_error, error, within
from optimspec.golden import store


def golden_params(file_name: str) -> list:
    """Every case of ``golden/data/<file_name>`` (verified against MANIFEST), marked with its clause."""
    return [pytest.param(case, id=case["id"], marks=pytest.mark.clause(case["clause"]))
            for case in store.load(file_name)]


def evaluate(backend, case: dict) -> list:
    """The backend's values at the case's steps. A schedule's value must be a tensor of the clause's dtype
    (an ``AssertionError`` otherwise); each value is then compared as a number (``conformance.tolerance``)."""
    if case["kind"] == "lr_function":
        values = backend.lr_function(case["api"], case["args"])
        return [values[step] for step in case["steps"]]
    if case["kind"] == "lr_schedule":
        at = backend.lr_schedule(case["api"], case["args"])
        arrays = [np.asarray(at(step)) for step in case["steps"]]
        wrong = [(step, str(a.dtype)) for step, a in zip(case["steps"], arrays) if a.dtype != np.dtype(case["dtype"])]
        if wrong:
            raise AssertionError(f"{case['clause']}: {case['api']} returned (step, dtype) {wrong}; the clause "
                                 f"specifies {case['dtype']}")
        return [a.reshape(()).item() if a.size == 1 else a for a in arrays]
    raise ValueError(f"unknown golden kind {case['kind']!r}")


def golden_test(file_name: str):
    """The golden test of one LR family's file: every step of every case of ``file_name`` within the error bound of
    its exact value (one definition for ``test_lr_golden.py`` and ``test_lrs_golden.py``)."""

    @pytest.mark.parametrize("case", golden_params(file_name))
    def test_golden(backend, case):
        got = evaluate(backend, case)
        for step, value, exact, coefficient in zip(case["steps"], got, case["exact"], case["error_coefficient"]):
            if not within(value, exact, coefficient, case["dtype"]):
                pytest.fail(value_mismatch(case, step, value, exact, error(value, exact),
                                           allowed_error(coefficient, case["dtype"])), pytrace=False)

    return test_golden
