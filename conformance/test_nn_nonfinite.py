"""Extreme inputs of the nn optimizers: non-finite and overflowing values (compared exactly: NaN positions, inf
signs; the finite elements bit for bit against a tame control run), zero gradients, subnormals, empty and 0-d
parameters, float16 and float64 parameters."""
from __future__ import annotations

import math

import numpy as np
import pytest

from optimspec.adapters.base import ParamSpec
from optimspec.conformance.cases.nn_nonfinite import DTYPES, OPTIMIZERS, RUNS, TAME
from optimspec.conformance.messages import call_repr
from optimspec.conformance.validation import raises


def _run(backend, api, args, values, grads, slots):
    handle = backend.optimizer(api, [ParamSpec("w", np.asarray(values, np.float32))], args)
    for grad in grads:
        handle.step([np.asarray(grad, np.float32)])
    return {slot: np.ravel(handle.get(slot)[0]) for slot in slots}


def _tame(values):
    return tuple(v if math.isfinite(v) and abs(v) < 1e29 else TAME for v in values)


def _matches(got: float, expected) -> bool:
    if expected == "nan":
        return bool(np.isnan(got))
    if expected in ("inf", "-inf"):
        return bool(got == float(expected))
    return bool(got == np.float32(float(expected)))


@pytest.mark.parametrize("run", [pytest.param(r, id=r.id, marks=pytest.mark.clause(r.clause)) for r in RUNS])
def test_extreme_values(backend, run):
    got = _run(backend, run.api, run.args, run.values, run.grads, run.expected)
    control = _run(backend, run.api, run.args, _tame(run.values), [_tame(g) for g in run.grads], run.expected)
    where = f"{run.clause}: {call_repr(run.api, run.args)} over w = {list(run.values)}, gradients {list(run.grads)}"
    for slot, markers in run.expected.items():
        for element, marker in enumerate(markers):
            value = got[slot][element]
            if marker is None:
                assert value.tobytes() == control[slot][element].tobytes(), (
                    f"{where}\n  slot {slot!r} element {element}: got {value!r}, but the same element of the tame "
                    f"control run is {control[slot][element]!r} (an extreme value leaked into another element)")
            else:
                assert _matches(value, marker), f"{where}\n  slot {slot!r} element {element}: got {value!r}, expected {marker}"


def _ids(clause: str) -> list[str]:
    """Test IDs of OPTIMIZERS under ``clause``: ``<clause>/<api>[-amsgrad]``."""
    return [f"{clause}/{a}{'-amsgrad' if 'use_amsgrad' in k else ''}" for a, k in OPTIMIZERS]


@pytest.mark.clause("OPTIM.nn.empty_parameter")
@pytest.mark.parametrize("shape", [(0,), (2, 0)], ids=str)
@pytest.mark.parametrize("api,args", OPTIMIZERS, ids=_ids("OPTIM.nn.empty_parameter"))
def test_empty_parameter_is_refused(backend, api, args, shape):
    with raises(ValueError, match="shape"):
        backend.optimizer(api, [ParamSpec("w", np.zeros(shape, np.float32))], args)


@pytest.mark.clause("OPTIM.nn.scalar_parameter")
@pytest.mark.parametrize("api,args", OPTIMIZERS, ids=_ids("OPTIM.nn.scalar_parameter"))
def test_scalar_parameter_is_a_one_element_parameter(backend, api, args):
    results = []
    for shape in ((), (1,)):
        handle = backend.optimizer(api, [ParamSpec("w", np.full(shape, 0.5, np.float32))], args)
        for g in (0.25, -0.5):
            handle.step([np.full(shape, g, np.float32)])
        results.append(handle.get("params")[0])
    assert results[0].shape == (), f"{call_repr(api, args)}: a 0-d parameter came back with shape {results[0].shape}"
    assert results[0].tobytes() == results[1].tobytes(), (
        f"{call_repr(api, args)}: 0-d parameter {results[0]!r} differs from the one-element one {results[1]!r}")


@pytest.mark.clause("OPTIM.nn.float16")
@pytest.mark.parametrize("api,args,dtype,error", DTYPES,
                         ids=[f"OPTIM.nn.float16/{a}-{'-'.join(k for k in args if k != 'learning_rate')}-{d}".replace("--", "-")
                              for a, args, d, _ in DTYPES])
def test_parameter_dtypes(backend, api, args, dtype, error):
    def step():
        handle = backend.optimizer(api, [ParamSpec("w", np.asarray([0.5, -1.0], dtype))], args)
        handle.step([np.asarray([0.25, 0.5], dtype)])
        return handle

    if error is not None:
        with raises(error):
            step().get("params")
        return
    handle = step()
    moments = [slot for slot in ("accum", "moments", "moment1", "moment2", "moments1", "moments2")
               if handle.has_slot(slot) and _has(handle, slot)]
    dtypes = {slot: handle.get(slot)[0].dtype.name for slot in ["params", *moments]}
    assert set(dtypes.values()) == {dtype}, f"{call_repr(api, args)} over {dtype} parameters: slot dtypes {dtypes}"


def _has(handle, slot) -> bool:
    try:
        handle.get(slot)
    except AttributeError:
        return False
    return True
