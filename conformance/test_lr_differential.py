"""Random-argument checks: on random valid arguments and steps every value of the backend lies within
the clause's bound of the exact value of the golden formula (``golden.lr_functions`` /
``golden.lr_schedules`` over ``golden.exact.Num``, evaluated here with sympy: its exact digits and error
coefficient at that step, in the clause's dtype). No reference is involved. A float32 value below the
smallest normal number may be flushed to zero."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimspec.conformance.cases.lr_random import (DECAY_FUNCTIONS, DECAY_SCHEDULES, FUNCTION_DTYPE, SCHEDULE_DTYPE,
                                                   formula, function_args, schedule_args)
from optimspec.conformance.messages import call_repr, value_mismatch
from optimspec.conformance.tolerance import allowed_error, error, is_number, within


def _modes(prefix, apis):
    return [(f"{prefix}.{api}.{mode}", api, {"stair": mode == "stair"}) for api in apis for mode in ("smooth", "stair")]


FUNCTION_CASES = [
    ("LR.piecewise_constant_lr.values", "piecewise_constant_lr", {}),
    *_modes("LR", DECAY_FUNCTIONS),
    ("LR.cosine_decay_lr.values", "cosine_decay_lr", {}),
    ("LR.polynomial_decay_lr.values", "polynomial_decay_lr", {}),
    ("LR.polynomial_decay_lr.update_decay_epoch", "polynomial_decay_lr", {"update": True}),
    ("LR.warmup_lr.values", "warmup_lr", {}),
]
SCHEDULE_CASES = [
    *_modes("LRS", DECAY_SCHEDULES),
    ("LRS.CosineDecayLR.values", "CosineDecayLR", {}),
    ("LRS.PolynomialDecayLR.values", "PolynomialDecayLR", {}),
    ("LRS.PolynomialDecayLR.update_decay_steps", "PolynomialDecayLR", {"update": True}),
    ("LRS.WarmUpLR.values", "WarmUpLR", {}),
]


def _params(cases):
    return [pytest.param(clause, api, flags, id=f"{clause}/{api}", marks=pytest.mark.clause(clause))
            for clause, api, flags in cases]


def assert_exact(clause, api, args, dtype, steps, got, tiny=0.0):
    """Each value within its step's bound of the golden formula's exact value. ``tiny``: the dtype's smallest
    normal number; below it a backend may flush to zero (FTZ), which the first-order error model does not
    describe, so an exact value below it needs only a value below it."""
    for step, value in zip(steps, got, strict=True):
        exact = formula(api, args, step)
        digits, coefficient = exact.digits(), exact.error_coefficient()
        if abs(float(digits)) < tiny and is_number(value) and abs(value) < tiny:
            continue
        assert within(value, digits, coefficient, dtype), value_mismatch(
            {"clause": clause, "api": f"nn.{api}", "args": args, "dtype": dtype,
             "kind": "lr_function" if dtype == FUNCTION_DTYPE else "lr_schedule"}, step, value, digits,
            error(value, digits), allowed_error(coefficient, dtype))


@pytest.mark.parametrize("clause, api, flags", _params(FUNCTION_CASES))
@given(data=st.data())
def test_function_agrees_with_exact(backend, clause, api, flags, data):
    args = data.draw(function_args(api, **flags))
    got = backend.lr_function(f"nn.{api}", args)
    length = args["milestone"][-1] if api == "piecewise_constant_lr" else args["total_step"]
    assert len(got) == length, f"{call_repr('nn.' + api, args)}: {len(got)} values, expected {length}"
    steps = data.draw(st.lists(st.integers(0, length - 1), min_size=1, max_size=6, unique=True), label="steps")
    assert_exact(clause, api, args, FUNCTION_DTYPE, steps, [got[step] for step in steps])


@pytest.mark.parametrize("clause, api, flags", _params(SCHEDULE_CASES))
@settings(max_examples=20)  # MindSpore: ~1-3 ms per schedule evaluation
@given(data=st.data())
def test_schedule_agrees_with_exact(backend, clause, api, flags, data):
    args = data.draw(schedule_args(api, **flags))
    last = 4 * args.get("decay_steps", args.get("warmup_steps"))
    steps = data.draw(st.lists(st.integers(0, last), min_size=1, max_size=6))
    values = np.asarray(backend.lr_schedule(f"nn.{api}", args)(steps))
    assert values.dtype == np.dtype(SCHEDULE_DTYPE), f"{call_repr('nn.' + api, args)}: dtype {values.dtype}, " \
                                                     f"the clause specifies {SCHEDULE_DTYPE}"
    assert_exact(clause, api, args, SCHEDULE_DTYPE, steps, values.reshape(len(steps)).tolist(),
                 tiny=float(np.finfo(np.float32).tiny))
