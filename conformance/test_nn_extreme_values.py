"""Extreme inputs of nn.RMSProp ... nn.Rprop and nn.AdaFactor (cases: conformance/cases/nn_extreme_values.py), checked
with the comparisons of conformance/test_nn_nonfinite.py; and nn.AdaFactor's state slots (shapes, dtypes,
compression)."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.adapters.base import ParamSpec
from optimspec.conformance import test_nn_nonfinite as shared
from optimspec.conformance.cases.nn_extreme_values import DTYPES, OPTIMIZERS, RUNS
from optimspec.conformance.messages import call_repr
from optimspec.conformance.marks import clause_test


def _clause(api: str) -> str:
    return f"NN.{api.split('.')[-1]}.extreme"


def _params(table, label):
    return [pytest.param(*row, id=f"{_clause(row[0])}/{label(row)}", marks=pytest.mark.clause(_clause(row[0])))
            for row in table]


@pytest.mark.parametrize("run", [pytest.param(r, id=r.id, marks=pytest.mark.clause(r.clause)) for r in RUNS])
def test_extreme_values(backend, run):
    shared.test_extreme_values(backend, run)


@pytest.mark.parametrize("shape", [(0,), (2, 0)], ids=str)
@pytest.mark.parametrize("api, args", _params(OPTIMIZERS, lambda row: "empty"))
def test_empty_parameter_is_refused(backend, api, args, shape):
    shared.test_empty_parameter_is_refused(backend, api, args, shape)


@pytest.mark.parametrize("api, args", _params(OPTIMIZERS, lambda row: "scalar"))
def test_scalar_parameter_is_a_one_element_parameter(backend, api, args):
    shared.test_scalar_parameter_is_a_one_element_parameter(backend, api, args)


@pytest.mark.parametrize("api, args, dtype, error", _params(DTYPES, lambda row: row[2]))
def test_parameter_dtypes(backend, api, args, dtype, error):
    shared.test_parameter_dtypes(backend, api, args, dtype, error)


#: parameter shape -> (exp_avg_sq_row, exp_avg_sq_col, exp_avg_sq) shapes
ADAFACTOR_SLOT_SHAPES = {(2, 3): ((2,), (3,), (1,)), (3,): ((1,), (1,), (3,)), (): ((1,), (1,), ()),
                         (2, 2, 3): ((2, 2), (2, 3), (1,))}


@pytest.mark.clause("NN.AdaFactor.state_init")
@pytest.mark.parametrize("dtype", ["float32", "float16"], ids=lambda d: f"NN.AdaFactor.state_init/{d}")
def test_adafactor_state_slots(backend, dtype):
    shapes = list(ADAFACTOR_SLOT_SHAPES)
    handle = backend.optimizer("nn.AdaFactor", [ParamSpec(f"p{i}", np.full(s, 0.5, dtype)) for i, s in enumerate(shapes)],
                               {})
    slots = {slot: handle.get(slot) for slot in ("exp_avg", "exp_avg_sq_row", "exp_avg_sq_col", "exp_avg_sq", "step")}
    got = {shape: tuple(slots[slot][i].shape for slot in ("exp_avg_sq_row", "exp_avg_sq_col", "exp_avg_sq"))
           for i, shape in enumerate(shapes)}
    assert got == ADAFACTOR_SLOT_SHAPES, f"nn.AdaFactor over {dtype} parameters {shapes}: slot shapes {got}"
    assert [a.shape for a in slots["exp_avg"]] == shapes, f"exp_avg shapes {[a.shape for a in slots['exp_avg']]}"
    dtypes = {a.dtype.name for slot in ("exp_avg", "exp_avg_sq_row", "exp_avg_sq_col", "exp_avg_sq") for a in slots[slot]}
    assert dtypes == {dtype}, f"nn.AdaFactor over {dtype} parameters: slot dtypes {dtypes}"
    assert slots["step"][0].dtype.name == "float32" and slots["step"][0].shape == (1,), f"step {slots['step'][0]!r}"
    assert all(not a.any() for slot in slots.values() for a in slot), "nn.AdaFactor state does not start at zeros"


@clause_test("NN.AdaFactor.compression", "adafactor-compression-stores-unfactored-second-moments-as-float16")
def test_adafactor_compression_stores_unfactored_second_moments_as_float16(backend):
    args = {"compression": True}
    handle = backend.optimizer("nn.AdaFactor", [ParamSpec("w", np.full((2, 3), 0.5, np.float32)),
                                                ParamSpec("b", np.asarray([0.5, -1.0], np.float32))], args)
    handle.step([np.full((2, 3), 0.25, np.float32), np.asarray([0.25, 0.5], np.float32)])
    dtypes = {slot: [a.dtype.name for a in handle.get(slot)] for slot in ("exp_avg_sq", "exp_avg_sq_row", "exp_avg")}
    assert dtypes == {"exp_avg_sq": ["float32", "float16"], "exp_avg_sq_row": ["float32", "float32"],
                      "exp_avg": ["float32", "float32"]}, f"{call_repr('nn.AdaFactor', args)}: slot dtypes {dtypes}"
    assert handle.get("exp_avg_sq")[1].tolist() == [0.0625, 0.25], (
        f"{call_repr('nn.AdaFactor', args)}: first-step exp_avg_sq {handle.get('exp_avg_sq')[1].tolist()}, "
        f"expected g^2 + 1e-30 in float16 = [0.0625, 0.25]")
