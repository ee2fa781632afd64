"""Teacher-forced comparison of an optimizer trajectory with its golden.

Before step k > 0 every compared slot of the backend is set to the golden state after step k-1
(rounded to the dtype), then the backend takes step k with the golden gradients, and every element
of every slot must lie within ``c·u`` of the exact value. The first violation names the step, the
slot, the parameter and the element.
"""
from __future__ import annotations

import numpy as np
import pytest

from adapters.base import ParamSpec
from conformance.clauses import family_of
from conformance.messages import call_repr
from conformance.tolerance import allowed_error, error, within
from golden import store

NUMPY_DTYPE = {"float32": np.float32, "float64": np.float64, "float16": np.float16}


def trajectory_cases() -> list[dict]:
    """Every ``optimizer_trajectory`` case of every golden file listed in MANIFEST."""
    return [case for name in sorted(store.read_manifest()) for case in store.load(name)
            if case["kind"] == "optimizer_trajectory"]


def _arrays(values_per_param, params, dtype) -> list[np.ndarray]:
    return [np.asarray([float(v) for v in values], dtype).reshape(spec["shape"])
            for values, spec in zip(values_per_param, params, strict=True)]


def _slot_arrays(values_per_param, dtype) -> list[np.ndarray]:
    return [np.asarray([float(v) for v in values], dtype) for values in values_per_param]


def first_divergence(backend, case: dict) -> str | None:
    """``None`` when the backend follows the golden; otherwise a message for the first divergence."""
    dtype = NUMPY_DTYPE[case["dtype"]]
    params = case["params"]
    specs = [ParamSpec(p["name"], np.asarray([float(v) for v in p["value"]], dtype).reshape(p["shape"]),
                       p.get("requires_grad", True)) for p in params]
    handle = backend.optimizer(case["api"], specs, case["args"])
    slots = [slot for slot in case["slots"] if handle.has_slot(slot)]  # a backend may keep no counterpart
    for k, grads in enumerate(case["grads"]):
        if k > 0:
            previous = case["states"][k - 1]
            for slot in slots:
                shaped = [a.reshape(b.shape) for a, b in zip(_slot_arrays(previous[slot], dtype),
                                                             handle.get(slot), strict=True)]
                handle.set(slot, shaped)
        handle.step(_arrays(grads, params, dtype))
        for slot in slots:
            got_per_param = handle.get(slot)
            expected = case["states"][k][slot]
            coefficients = case["state_error_coefficient"][k][slot]
            for index, (got, exact, coefs) in enumerate(zip(got_per_param, expected, coefficients, strict=True)):
                for element, (value, x, c) in enumerate(zip(np.ravel(got), exact, coefs, strict=True)):
                    if not within(value, x, c, case["dtype"]):
                        return (f"{case['clause']}: {call_repr(case['api'], case['args'])}\n"
                                f"  first divergence at step {k} (teacher-forced), slot {slot!r}, parameter "
                                f"{index}, element {element}\n"
                                f"  got      {float(value)!r}\n  expected {x} (exact)\n"
                                f"  |error| = {error(value, x):.3e}, allowed {allowed_error(c, case['dtype']):.3e}\n"
                                f"  gradients at this step: {grads}")
    return None


def trajectory_test(family: str):
    """The ``test_trajectory`` of ``conformance/test_<family>_trajectories.py``: every golden optimizer trajectory
    whose clause is in ``family``, teacher-forced step by step (one definition for the four families' files)."""
    cases = [case for case in trajectory_cases() if family_of(case["clause"]) == family]

    @pytest.mark.parametrize("case", [pytest.param(case, id=case["id"], marks=pytest.mark.clause(case["clause"]))
                                      for case in cases])
    def test_trajectory(backend, case):
        message = first_divergence(backend, case)
        if message:
            pytest.fail(message, pytrace=False)

    return test_trajectory
