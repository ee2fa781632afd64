"""Golden cases as pytest parameters: one per case, its ID the case ID (which starts with the clause ID)."""
from __future__ import annotations

import numpy as np
import pytest

from golden import store


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
