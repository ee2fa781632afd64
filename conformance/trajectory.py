"""Teacher-forced comparison of an optimizer trajectory with its golden.

Before step k > 0 every slot of the backend is set to the golden state after step k-1 (rounded to the
dtype), then the backend takes step k with the golden gradients, and every element of every slot the
golden holds must lie within ``c·u`` of the exact value. The first violation names the step, the slot,
the parameter and the element.

Nothing the golden holds is skipped silently. ``params`` is compared at every step; a slot the backend
answers ``has_slot(slot) = False`` for (it keeps no counterpart, as torch's SGD keeps no ``global_step``) is
not set nor compared, and once every other value conformed the case ends :class:`NotApplicable` naming it
(an n/a verdict, never a pass). A slot the backend claims but cannot return, returns for another number of
parameters or elements, or returns in another dtype fails naming the slot: ``params`` must have the case's
dtype and each parameter's shape; any other slot the case's dtype or MindSpore's dtype of shared state
(float32 powers and step sizes, int32 counters).
"""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.adapters.base import NotApplicable, ParamSpec
from optimspec.conformance.clauses import family_of
from optimspec.conformance.messages import call_repr, shown
from optimspec.conformance.tolerance import allowed_error, error, within
from optimspec.golden import store

NUMPY_DTYPE = {"float32": np.float32, "float64": np.float64, "float16": np.float16}
#: dtypes MindSpore keeps an optimizer's shared (not per-parameter) state in, besides the case's dtype
SHARED_STATE_DTYPES = {np.dtype(np.float32), np.dtype(np.int32)}


def trajectory_cases() -> list[dict]:
    """Every ``optimizer_trajectory`` case of every golden file listed in MANIFEST."""
    return [case for name in sorted(store.read_manifest()) for case in store.load(name)
            if case["kind"] == "optimizer_trajectory"]


def param_arrays(values_per_param, params, dtype) -> list[np.ndarray]:
    """Golden values (decimal strings, one list per parameter) as arrays of ``dtype`` in each parameter's shape."""
    return [np.asarray([float(v) for v in values], dtype).reshape(spec["shape"])
            for values, spec in zip(values_per_param, params, strict=True)]


def _slot_arrays(values_per_param, dtype) -> list[np.ndarray]:
    return [np.asarray([float(v) for v in values], dtype) for values in values_per_param]


def _returned(handle, slot: str, case: dict, k: int) -> tuple[list[np.ndarray] | None, str | None]:
    """The slot's arrays as the backend returns them, or a message saying why they cannot be compared."""
    where = f"{case['clause']}: {call_repr(case['api'], case['args'])}\n  step {k}, slot {slot!r}"
    try:
        arrays = [np.asarray(a) for a in handle.get(slot)]
    except (AttributeError, KeyError, IndexError, TypeError) as exc:
        return None, f"{where}: the backend claims the slot but cannot return it ({type(exc).__name__}: {exc})"
    expected = case["states"][k][slot]
    if len(arrays) != len(expected):
        return None, f"{where}: {len(arrays)} arrays returned, the golden holds {len(expected)}"
    slot_dtype = case.get("slot_dtypes", {}).get(slot, case["dtype"])  # float16 Adam keeps float32 beta powers
    allowed = {np.dtype(NUMPY_DTYPE[slot_dtype])} | (set() if slot == "params" else SHARED_STATE_DTYPES)
    for index, (array, values) in enumerate(zip(arrays, expected)):
        if array.dtype not in allowed:
            return None, (f"{where}, parameter {index}: dtype {array.dtype}, the clause specifies "
                          f"{' or '.join(sorted(str(d) for d in allowed))}")
        if slot == "params" and list(array.shape) != list(case["params"][index]["shape"]):
            return None, f"{where}, parameter {index}: shape {list(array.shape)}, expected {case['params'][index]['shape']}"
        if array.size != len(values):
            return None, f"{where}, parameter {index}: {array.size} elements, the golden holds {len(values)}"
    return arrays, None


def first_divergence(backend, case: dict, absent_is_na: bool = True) -> str | None:
    """``None`` when the backend follows the golden; otherwise a message for the first divergence.

    Raises :class:`NotApplicable` after a conforming run that could not compare a slot the backend keeps no
    counterpart of; with ``absent_is_na=False`` (a hypothesis test over many drawn cases, which an n/a would end
    at its first example) such a slot is left out and the others are compared: the committed trajectories of
    the same clause still make it n/a."""
    dtype = NUMPY_DTYPE[case["dtype"]]
    params = case["params"]
    specs = [ParamSpec(p["name"], np.asarray([float(v) for v in p["value"]], dtype).reshape(p["shape"]),
                       p.get("requires_grad", True)) for p in params]
    handle = backend.optimizer(case["api"], specs, case["args"])
    absent = [slot for slot in case["slots"] if not handle.has_slot(slot)]
    if "params" in absent:
        return f"{case['clause']}: {call_repr(case['api'], case['args'])}\n  the backend says it has no 'params' slot"
    unset = [slot for slot in case.get("initial_state", {}) if not handle.has_slot(slot)]
    if unset:
        raise NotApplicable(f"{case['clause']}: the case starts from a given state of slot(s) {unset}, "
                            f"which the backend keeps no counterpart of")
    slots = [slot for slot in case["slots"] if slot not in absent]
    for k, grads in enumerate(case["grads"]):
        previous = case["states"][k - 1] if k > 0 else case.get("initial_state")
        if previous:
            for slot in (slots if k > 0 else previous):
                slot_dtype = NUMPY_DTYPE[case.get("slot_dtypes", {}).get(slot, case["dtype"])]
                shaped = [a.reshape(np.shape(b)) for a, b in zip(_slot_arrays(previous[slot], slot_dtype),
                                                                 handle.get(slot), strict=True)]
                handle.set(slot, shaped)
        handle.step(param_arrays(grads, params, dtype))
        for slot in slots:
            got_per_param, problem = _returned(handle, slot, case, k)
            if problem:
                return problem
            expected = case["states"][k][slot]
            coefficients = case["state_error_coefficient"][k][slot]
            for index, (got, exact, coefs) in enumerate(zip(got_per_param, expected, coefficients, strict=True)):
                for element, (value, x, c) in enumerate(zip(np.ravel(got), exact, coefs, strict=True)):
                    if not within(value, x, c, case["dtype"]):
                        return (f"{case['clause']}: {call_repr(case['api'], case['args'])}\n"
                                f"  first divergence at step {k} (teacher-forced), slot {slot!r}, parameter "
                                f"{index}, element {element}\n"
                                f"  got      {shown(value)}\n  expected {x} (exact)\n"
                                f"  |error| = {error(value, x):.3e}, allowed {allowed_error(c, case['dtype']):.3e}\n"
                                f"  gradients at this step: {grads}")
    if absent and absent_is_na:
        raise NotApplicable(f"{case['clause']}: the backend keeps no counterpart of slot(s) {absent}; "
                            f"the other slots ({slots}) conformed at every step")
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
